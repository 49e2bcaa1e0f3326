// The journal's data model: plain structs, no I/O, no clock, no randomness.
// Ids (UUID strings) and times are always passed in by the caller.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace debrief {

// A calendar day with no time zone (applied on, due on...).
struct Date {
    int year = 0;
    int month = 0;  // 1..12
    int day = 0;    // 1..31

    friend bool operator==(const Date& a, const Date& b) {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
    friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
    friend bool operator<(const Date& a, const Date& b) {
        if (a.year != b.year) return a.year < b.year;
        if (a.month != b.month) return a.month < b.month;
        return a.day < b.day;
    }
    friend bool operator<=(const Date& a, const Date& b) { return !(b < a); }
    friend bool operator>(const Date& a, const Date& b) { return b < a; }
    friend bool operator>=(const Date& a, const Date& b) { return !(a < b); }
};

// An instant, with the UTC offset of the device that recorded it (so exports read naturally).
struct Timestamp {
    std::int64_t unix_ms = 0;
    int utc_offset_minutes = 0;

    friend bool operator==(const Timestamp& a, const Timestamp& b) {
        return a.unix_ms == b.unix_ms && a.utc_offset_minutes == b.utc_offset_minutes;
    }
    friend bool operator!=(const Timestamp& a, const Timestamp& b) { return !(a == b); }
};

// Every stored record carries these, so merges can pick the newer copy and deletes go to a trash.
struct RecordMeta {
    std::string id;  // UUID
    Timestamp created;
    Timestamp modified;
    std::optional<Timestamp> deleted;  // set = in the trash
};

enum class Stage { applied, screen, interview, final_round, offer };
enum class Ending { rejected, ghosted, withdrew };

// The eight steps of the guided reflection (docs/advice.md A1-A8), in order.
enum class StepId { vent, wins, reflect, feedback, loved, criteria, army, resilience };
constexpr int step_count = 8;
enum class StepState { untouched, skipped, done };

struct Win {
    std::string id;
    std::string text;
    bool really_helped = false;  // "note what really helped so it can be repeated"
};

enum class LovedTag { role, company, team, place, mission, other };

struct LovedItem {
    std::string id;
    std::string text;
    LovedTag tag = LovedTag::other;
    int weight = 3;  // how much it mattered, 1..5
};

enum class CriterionKind { must_have, nice_to_have, deal_breaker };

struct Criterion {
    std::string id;
    std::string text;
    CriterionKind kind = CriterionKind::nice_to_have;
};

struct ArmyMember {
    std::string id;
    std::string name;
    std::string contact_id;  // optional link to a Contact
    bool told = false;
    std::string email{};      // where the note to them goes (the {} keeps older aggregate initialisers valid)
    std::string how_known{};  // "old colleague", "my sister": shown with them on the People screen
};

// Someone who interviewed you for one opportunity (entered in its details).
struct Interviewer {
    std::string id;
    std::string name;
    std::string email;
    bool rapport = false;  // the one you got on with: the later check-in goes to them
};

struct VentStep {
    std::string letter;                 // the unsent letter
    std::optional<int> mood_before;     // 0..10
    std::vector<std::string> emotions;  // emotion keys (see emotions())
};

struct ReflectStep {
    std::string fit;
    std::string missing_skills;
    std::string went_well;
    std::string do_better;
    std::string tripped_questions;
    std::string should_have_highlighted;
    std::string likely_reasons;  // internal candidate, budget... (not a verdict)
};

struct FeedbackStep {
    std::string recruiter_name;
    std::string recruiter_email;
    bool ask_about_similar_role = false;
    std::string similar_role;
    bool sent = false;
};

struct ResilienceStep {
    std::string lesson;
    std::string next_action;
    std::optional<int> mood_after;  // 0..10
};

struct Reflection {
    RecordMeta meta;
    std::string company;
    std::string role;
    std::string location;
    std::string found_via;
    Stage stage = Stage::interview;
    Ending ending = Ending::rejected;
    std::optional<Date> applied_on;
    std::optional<Date> last_interview_on;
    std::optional<Date> rejected_on;
    std::string rejection_message;
    std::vector<Interviewer> interviewers{};
    std::string hiring_manager_name{};  // the person in charge: a withdrawal goes to them
    std::string hiring_manager_email{};
    // Who sent the rejection, as a person key (core/people.h); "" means the recruiter.
    std::string rejected_by{};

    VentStep vent;
    std::vector<Win> wins;
    ReflectStep reflect;
    FeedbackStep feedback;
    std::vector<LovedItem> loved;
    std::vector<Criterion> criteria;
    std::vector<ArmyMember> army;
    std::string army_note;  // the note to the network (kept here until it becomes a Message)
    ResilienceStep resilience;

    std::array<StepState, step_count> steps{};
    int current_step = 0;  // where the user left off, 0..step_count-1
};

enum class Channel { email, linkedin, phone, in_person, other };

struct Contact {
    RecordMeta meta;
    std::string name;
    std::string role;
    std::string company;
    Channel channel = Channel::email;
    std::string email;
    std::string relationship;  // recruiter, interviewer, friend...
    std::optional<Date> last_contact;
    std::string reflection_id;  // optional
    std::string notes;
};

// New kinds are appended: a kind is stored by its key, and the order is the pickers' order.
enum class MessageKind {
    feedback_reply,
    recruiter_question,
    follow_up,
    check_in,
    network_note,
    withdrawal,
    reconnect,
    thank_you
};
constexpr int message_kind_count = 8;
enum class MessageStatus { draft, sent, replied };

// The interface and draft languages (core/i18n.h works with them).
enum class Language : unsigned char { en, de, it, ar };

// How a draft reads: the standard wording, a shorter one, or a warmer one (same checklist).
enum class Tone : unsigned char { standard, shorter, warmer };

struct Message {
    RecordMeta meta;
    MessageKind kind = MessageKind::feedback_reply;
    std::string reflection_id;  // empty for withdrawal / reconnect started from home
    std::string contact_id;
    std::string to;  // e-mail address
    std::string subject;
    std::string body;
    MessageStatus status = MessageStatus::draft;
    std::optional<Date> sent_on;
    std::optional<Date> replied_on;
    std::string reply_notes;
    // The draft's language, which may differ from the interface's: people often write to a company
    // in another language than the one they think in. Absent in older files: English.
    Language language = Language::en;
    // Who in the reflection the draft is addressed to, as a person key (core/people.h): "recruiter",
    // "interviewers", "told/<id>"... Empty when it goes to `contact_id` or was typed by hand.
    std::string recipient{};
    // The wording the user picked beside the draft. Absent in older files: standard.
    Tone tone = Tone::standard;
};

// thank_you: on the interview day; look_again: step 3 again a few days after the reflection.
enum class ReminderKind { follow_up, check_in, withdrawal, feedback, custom, thank_you, look_again };

struct Reminder {
    RecordMeta meta;
    ReminderKind kind = ReminderKind::custom;
    std::string title;
    Date due;
    std::string reflection_id;
    std::string contact_id;
    std::string message_id;
    bool done = false;
    std::optional<Date> done_on;
    std::optional<Date> snoozed_until;
};

// The user's own classification of a recurring criterion in the profile (keyed by folded text).
struct ProfileChoice {
    std::string key;
    CriterionKind kind = CriterionKind::nice_to_have;
};

// The user's own search keyword for a profile entry (keyed by folded text), replacing the suggested one.
struct ProfileKeyword {
    std::string key;
    std::string keyword;
};

// Two profile entries the user merged: mentions of `key` count as mentions of `into` (both folded).
struct ProfileMerge {
    std::string key;
    std::string into;
};

// Journal-wide settings and profile edits, stored as one record.
struct Settings {
    Timestamp modified;
    std::vector<ProfileChoice> profile_choices;
    std::vector<ProfileKeyword> profile_keywords;
    std::vector<ProfileMerge> profile_merges;
    std::string search_location;  // appended to the targeted search phrase
    // The interface language a person chose, as its code ("en", "de", "it", "ar"); "" follows the
    // browser's languages. Kept as written: a code this version does not know also follows the browser.
    std::string language;
    // You: how drafts sign off. All optional; a draft without a name ends "Kind regards,".
    std::string your_name{};
    std::string signature{};     // extra lines under the name (a title, a phone number)
    std::string profile_link{};  // LinkedIn or portfolio
};

struct Journal {
    std::vector<Reflection> reflections;
    std::vector<Contact> contacts;
    std::vector<Message> messages;
    std::vector<Reminder> reminders;
    Settings settings;
};

}  // namespace debrief
