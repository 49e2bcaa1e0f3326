// The people of the journal in one list, and who each kind of draft goes to. A person lives where
// they were entered (the recruiter in the feedback step, interviewers and the hiring manager in the
// opportunity details, the people told in step 7, saved contacts); a draft names them by a person
// key, so a name or address corrected later reaches every draft not yet sent.
#pragma once

#include "core/journal.h"
#include "core/messages.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace debrief {

// Person keys within one reflection: "recruiter", "hiring_manager", "interviewers" (all of them),
// "interviewer/<id>" and "told/<id>" (an item of the army list).
namespace person_keys {
constexpr std::string_view recruiter = "recruiter";
constexpr std::string_view hiring_manager = "hiring_manager";
constexpr std::string_view interviewers = "interviewers";
constexpr std::string_view interviewer_prefix = "interviewer/";
constexpr std::string_view told_prefix = "told/";
}  // namespace person_keys

std::string interviewer_key(const Interviewer& i);
std::string told_key(const ArmyMember& a);

// One person a key names: as entered, possibly without a name or an address yet.
struct Recipient {
    std::string name;
    std::string email;
};

// Who `key` names in `r`: one person, every interviewer for "interviewers", nobody when unknown.
std::vector<Recipient> resolve_people(const Reflection& r, std::string_view key);

// Whom a draft of `kind` written from `r` goes to by default: the rejection's sender for a feedback
// reply, the recruiter for a question, the interviewers for the follow-up and the thank-you note
// (the recruiter when none was entered), the interviewer marked as rapport for a check-in (else the recruiter), the
// first person told for a network note (the view writes one per person: network_note_keys), the hiring manager for a
// withdrawal (else the recruiter). Reconnect goes to a contact: "".
std::string default_recipient_key(MessageKind kind, const Reflection& r);
// Every person a check-in could go to, the default first.
std::vector<std::string> check_in_choices(const Reflection& r);
// One key per named person of step 7, in list order.
std::vector<std::string> network_note_keys(const Reflection& r);

// What a draft's greeting and To say for its recipients: names joined in the draft's language
// ("Anna and Ben"), addresses joined by ", " (how mailto lists several), and the names missing one.
struct Addressee {
    std::string name;
    std::string email;
    std::vector<std::string> without_email;  // names (or "" for unnamed) with no address yet
    std::size_t named = 0;                   // how many people `name` lists

    // Two or more people are greeted together ("Gentili Anna e Ben,").
    bool several() const { return named > 1; }

    friend bool operator==(const Addressee& a, const Addressee& b) {
        return a.name == b.name && a.email == b.email && a.named == b.named;
    }
    friend bool operator!=(const Addressee& a, const Addressee& b) { return !(a == b); }
};
Addressee addressee(const std::vector<Recipient>& people, Language language);
// Whom an existing message is addressed to, as the journal says now (its reflection or contact).
std::optional<Addressee> message_addressee(const Journal& j, const Message& m);

// Fills the recipient and the sender (you, from the settings) of a draft context.
void address_context(DraftContext& ctx, const Addressee& to, const Settings& you);
// A draft moved to other recipients: To follows while it is the old address (or empty), and the
// greeting while it is the one composed for the old name. What the user changed by hand stays.
void readdress_draft(Message& m, const Addressee& before, const Addressee& now);

// A new draft from `r` to the person `key` names there, signed as the settings say.
Message draft_to_person(MessageKind kind, const Reflection& r, std::string_view key, const Settings& you,
                        DraftContext ctx);
// A new draft to a saved contact (reconnect, withdrawal from the People screen).
Message draft_to_contact(MessageKind kind, const Contact& c, const Settings& you, DraftContext ctx);

// Sets the name and address of the person `key` names in `r` (not "interviewers").
void set_person(Reflection& r, std::string_view key, const std::string& name, const std::string& email);

// [SECTION] The People screen

enum class PersonRole { recruiter, hiring_manager, interviewer, told, contact };

struct Person {
    PersonRole role = PersonRole::contact;
    std::string title;          // a saved contact's own role ("Design lead"), shown with theirs
    std::string reflection_id;  // for everyone but saved contacts
    std::string key;            // the person key within the reflection
    std::string contact_id;     // for saved contacts
    std::string name;
    std::string email;
    std::string company;
    std::string how_known;  // step 7's "how you know them", a contact's relationship
    std::optional<Date> last_contact;
    std::optional<Date> next_reminder;
    std::vector<std::string> message_ids;  // what was written to them, oldest first
    // Where else they appear, as "<reflection id>/<person key>", so the drafts written to them there are
    // theirs too: a saved contact who is also a reflection's recruiter or someone told in step 7 (linked
    // there), or a person entered in several reflections (the same friend told twice).
    std::vector<std::string> also;
    // The companies of those other reflections, when not `company` (each once, in list order).
    std::vector<std::string> more_companies;
};

// One of `also`'s "<reflection id>/<person key>", split.
struct PersonPlace {
    std::string_view reflection_id;
    std::string_view key;
};
PersonPlace split_place(std::string_view where);

// The companies they were met at, their own first, as a list in `language` ("Nordlicht and Lumen");
// empty when none is known.
std::string companies_in(const Person& p, Language language);

// Whether `m` is written to `p` (a draft to all interviewers is written to each of them).
bool written_to(const Message& m, const Person& p);

// Everyone in the live journal: per reflection (newest list order kept) its recruiter, hiring
// manager, interviewers and people told, then the saved contacts. A person with neither a name nor
// an address is left out; a recruiter already saved as a contact of the same reflection, or a person
// told in step 7 linked to a saved contact, is listed once, as the contact. A person entered in
// several reflections is listed once, where they first appear: someone told in step 7 by their name
// (the same friend, whichever rejection you told them about), a recruiter, hiring manager or
// interviewer by their name and company; never two people whose addresses differ.
// Last contact: the latest sent message to them, else what the reflection says (the rejection for
// the recruiter, the last interview for interviewers and the hiring manager), else a contact's own date.
std::vector<Person> people(const Journal& j);

// The People screen's order: whoever has a reminder coming first (soonest first), then the most
// recently in touch, then by name (case- and accent-insensitive); ties keep people()'s order.
void sort_for_screen(std::vector<Person>& list);

// Where a person lives: their saved contact's id, else "<reflection id>/<person key>".
std::string person_id(const Person& p);

// [SECTION] Import preview

// A person an import would bring or change: as they will be after the merge, and as they were
// (nothing when new). Only the name, address, company and how you know them count as a change.
struct PersonChange {
    Person now;
    std::optional<Person> before;
};
std::vector<PersonChange> people_changes(const Journal& current, const Journal& merged);

// people_changes in steps (a reflection, a saved contact or a comparison per unit), so a large
// import's preview is built while the page keeps drawing. Both journals must outlive it, unchanged.
class PeopleChangesWalk {
public:
    PeopleChangesWalk(const Journal& current, const Journal& merged);
    ~PeopleChangesWalk();
    PeopleChangesWalk(const PeopleChangesWalk&) = delete;
    PeopleChangesWalk& operator=(const PeopleChangesWalk&) = delete;
    // At least one unit, then more while `more_time()`; true while work remains.
    bool step(const std::function<bool()>& more_time);
    // Once finished: what people_changes gives.
    std::vector<PersonChange> take();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

}  // namespace debrief
