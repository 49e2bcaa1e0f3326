// The field tables: one per record and nested object, the single list of their JSON keys and kinds.
// The encoder, the decoder, schema_fields(), the Markdown export and search text all walk these
// tables, so a field added here is written, read, validated, exported and searched with no other
// code to touch (README "Adding a field").
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/journal.h"
#include "core/names.h"

namespace debrief {

// Whether a JSON object must carry the key: a missing required key is an error, a missing optional
// one leaves the model's default. Only what identifies a record (and a reminder's due day, which has
// no sensible default) is required, so a hand-trimmed file still loads.
enum class Presence { required, optional };

// What search does with the field (reflections only: they are what the journal list searches).
enum class Search {
    none,
    text,      // user text, folded as written
    emotions,  // emotion keys: the key and its translated name, so either finds it
};

// How the Markdown export shows the field.
enum class Show {
    hidden,  // not in the reading copy (ids, links, bookkeeping)
    fact,    // "- **Label:** value", in table order, by the generic renderer
    answer,  // "**Label**" and the text as paragraphs, in table order, by the generic renderer
    layout,  // placed by markdown.cpp's hand-written layout (titles, lists, quotes)
};

// Whether the encoder writes the field when it holds its default (empty text, false, no items).
// Fields added after version 1 was published are left out while empty, so a journal that does not
// use them is written byte for byte as before (and as older versions of the app write it).
enum class Write { always, unless_empty };

// One table entry. The kind is the visitor method the table calls (text, date, enumeration...).
struct FieldInfo {
    std::string_view key;
    Presence presence = Presence::optional;
    Search search = Search::none;
    Show show = Show::hidden;
    std::string_view label{};  // catalogue key of the Markdown label, where one is shown
    Write write = Write::always;
};

// Fields added to version 1 later: optional, hidden from the generic Markdown renderer, written only when set.
constexpr FieldInfo added(std::string_view key, Search search = Search::none) {
    return {key, Presence::optional, search, Show::hidden, {}, Write::unless_empty};
}
// The same, shown in the reading copy by markdown.cpp's hand-written layout (the people of an opportunity).
constexpr FieldInfo added_shown(std::string_view key, Search search = Search::none) {
    return {key, Presence::optional, search, Show::layout, {}, Write::unless_empty};
}

// The tables take the record as `T&` or `const T&` (decoders fill, everything else reads); each
// calls one visitor method per field, in canonical (written) order. Visitor methods, by kind:
//   text, link (an id or "" for none), record_id, flag, number(min, max) on int or optional<int>,
//   date on Date or optional<Date>, timestamp on Timestamp or optional<Timestamp>, enumeration
//   (stored as its key, core/names.h), step_index (an int stored as a StepId key), text_list,
//   object (a nested object with its own table), items (a list of objects with their own table).
template <class T, class Record>
using if_fields_of = std::enable_if_t<std::is_same_v<std::remove_const_t<T>, Record>>;

// The meta fields open every stored record except Settings.
template <class T, class V>
if_fields_of<T, RecordMeta> visit_fields(T& m, V& v) {
    v.record_id({"id", Presence::required}, m.id);
    v.timestamp({"created", Presence::required}, m.created);
    v.timestamp({"modified", Presence::required}, m.modified);
    v.timestamp({"deleted"}, m.deleted);
}

// [SECTION] Reflection and its steps

using StepStates = std::array<StepState, step_count>;

template <class T, class V>
if_fields_of<T, StepStates> visit_fields(T& states, V& v) {
    for (std::size_t i = 0; i < states.size(); ++i) v.enumeration({to_key(static_cast<StepId>(i))}, states[i]);
}

template <class T, class V>
if_fields_of<T, VentStep> visit_fields(T& s, V& v) {
    v.text({"letter", Presence::optional, Search::text, Show::layout}, s.letter);
    v.number({"mood_before", Presence::optional, Search::none, Show::layout, "markdown.mood_before"}, s.mood_before, 0,
             10);
    v.text_list({"emotions", Presence::optional, Search::emotions, Show::layout, "markdown.emotions"}, s.emotions);
}

template <class T, class V>
if_fields_of<T, Win> visit_fields(T& w, V& v) {
    v.text({"id", Presence::required}, w.id);
    v.text({"text", Presence::optional, Search::text, Show::layout}, w.text);
    v.flag({"really_helped", Presence::optional, Search::none, Show::layout, "markdown.really_helped"},
           w.really_helped);
}

template <class T, class V>
if_fields_of<T, ReflectStep> visit_fields(T& s, V& v) {
    constexpr Presence o = Presence::optional;
    constexpr Search t = Search::text;
    constexpr Show a = Show::answer;
    v.text({"fit", o, t, a, "markdown.reflect.fit"}, s.fit);
    v.text({"missing_skills", o, t, a, "markdown.reflect.missing_skills"}, s.missing_skills);
    v.text({"went_well", o, t, a, "markdown.reflect.went_well"}, s.went_well);
    v.text({"do_better", o, t, a, "markdown.reflect.do_better"}, s.do_better);
    v.text({"tripped_questions", o, t, a, "markdown.reflect.tripped_questions"}, s.tripped_questions);
    v.text({"should_have_highlighted", o, t, a, "markdown.reflect.should_have_highlighted"}, s.should_have_highlighted);
    v.text({"likely_reasons", o, t, a, "markdown.reflect.likely_reasons"}, s.likely_reasons);
}

template <class T, class V>
if_fields_of<T, FeedbackStep> visit_fields(T& s, V& v) {
    constexpr Presence o = Presence::optional;
    // The recruiter's name and address share one "Recruiter" line; the similar role shows only when asked about.
    v.text({"recruiter_name", o, Search::text, Show::layout, "markdown.feedback.recruiter"}, s.recruiter_name);
    v.text({"recruiter_email", o, Search::text, Show::layout, "markdown.feedback.recruiter"}, s.recruiter_email);
    v.flag({"ask_about_similar_role", o, Search::none, Show::layout}, s.ask_about_similar_role);
    v.text({"similar_role", o, Search::text, Show::layout, "markdown.feedback.similar_role"}, s.similar_role);
    v.flag({"sent", o, Search::none, Show::layout, "markdown.feedback.sent"}, s.sent);
}

template <class T, class V>
if_fields_of<T, LovedItem> visit_fields(T& l, V& v) {
    v.text({"id", Presence::required}, l.id);
    v.text({"text", Presence::optional, Search::text, Show::layout}, l.text);
    v.enumeration({"tag", Presence::optional, Search::none, Show::layout}, l.tag);
    v.number({"weight", Presence::optional, Search::none, Show::layout, "markdown.weight"}, l.weight, 1, 5);
}

template <class T, class V>
if_fields_of<T, Criterion> visit_fields(T& c, V& v) {
    v.text({"id", Presence::required}, c.id);
    v.text({"text", Presence::optional, Search::text, Show::layout}, c.text);
    v.enumeration({"kind", Presence::optional, Search::none, Show::layout}, c.kind);
}

template <class T, class V>
if_fields_of<T, ArmyMember> visit_fields(T& a, V& v) {
    v.text({"id", Presence::required}, a.id);
    v.text({"name", Presence::optional, Search::text, Show::layout}, a.name);
    v.link({"contact_id"}, a.contact_id);
    v.flag({"told", Presence::optional, Search::none, Show::layout}, a.told);
    v.text(added_shown("email"), a.email);
    v.text(added_shown("how_known", Search::text), a.how_known);
}

template <class T, class V>
if_fields_of<T, Interviewer> visit_fields(T& i, V& v) {
    v.text({"id", Presence::required}, i.id);
    v.text(added_shown("name", Search::text), i.name);
    v.text(added_shown("email"), i.email);
    v.flag(added_shown("rapport"), i.rapport);
}

template <class T, class V>
if_fields_of<T, ResilienceStep> visit_fields(T& s, V& v) {
    constexpr Presence o = Presence::optional;
    v.text({"lesson", o, Search::text, Show::answer, "markdown.lesson"}, s.lesson);
    v.text({"next_action", o, Search::text, Show::answer, "markdown.next_action"}, s.next_action);
    v.number({"mood_after", o, Search::none, Show::fact, "markdown.mood_after"}, s.mood_after, 0, 10);
}

template <class T, class V>
if_fields_of<T, Reflection> visit_fields(T& r, V& v) {
    constexpr Presence o = Presence::optional;
    constexpr Search t = Search::text;
    constexpr Search n = Search::none;
    visit_fields(r.meta, v);
    v.text({"company", o, t, Show::layout}, r.company);  // the title, with the role
    v.text({"role", o, t, Show::layout}, r.role);
    v.text({"location", o, t, Show::fact, "markdown.location"}, r.location);
    v.text({"found_via", o, t, Show::fact, "markdown.found_via"}, r.found_via);
    v.enumeration({"stage", o, n, Show::fact, "markdown.stage"}, r.stage);
    v.enumeration({"ending", o, n, Show::fact, "markdown.ending"}, r.ending);
    v.date({"applied_on", o, n, Show::fact, "markdown.applied_on"}, r.applied_on);
    v.date({"last_interview_on", o, n, Show::fact, "markdown.last_interview_on"}, r.last_interview_on);
    v.date({"rejected_on", o, n, Show::fact, "markdown.rejected_on"}, r.rejected_on);
    v.text({"rejection_message", o, t, Show::layout, "markdown.rejection"}, r.rejection_message);  // a quote
    v.step_index({"current_step"}, r.current_step);
    v.object({"steps", o, n, Show::layout}, r.steps);  // one section per step
    v.object({"vent", o, n, Show::layout}, r.vent);
    v.items({"wins", o, n, Show::layout}, r.wins);
    v.object({"reflect", o, n, Show::layout}, r.reflect);
    v.object({"feedback", o, n, Show::layout}, r.feedback);
    v.items({"loved", o, n, Show::layout}, r.loved);
    v.items({"criteria", o, n, Show::layout}, r.criteria);
    v.items({"army", o, n, Show::layout}, r.army);
    v.text({"army_note", o, t, Show::layout, "markdown.army_note"}, r.army_note);  // in the army step
    v.object({"resilience", o, n, Show::layout}, r.resilience);
    v.items(added_shown("interviewers"), r.interviewers);
    v.text(added_shown("hiring_manager_name", t), r.hiring_manager_name);
    v.text(added_shown("hiring_manager_email"), r.hiring_manager_email);
    v.text(added("rejected_by"), r.rejected_by);  // a person key: Markdown names the person it points to
}

// [SECTION] The other records

// Contacts, messages and reminders are one line or block each in the Markdown export, laid out
// by markdown.cpp; they are not searched.
template <class T, class V>
if_fields_of<T, Contact> visit_fields(T& c, V& v) {
    constexpr Presence o = Presence::optional;
    constexpr Search n = Search::none;
    constexpr Show l = Show::layout;
    visit_fields(c.meta, v);
    v.text({"name", o, n, l}, c.name);
    v.text({"role", o, n, l}, c.role);
    v.text({"company", o, n, l}, c.company);
    v.enumeration({"channel", o, n, l}, c.channel);
    v.text({"email", o, n, l}, c.email);
    v.text({"relationship"}, c.relationship);
    v.date({"last_contact", o, n, l, "markdown.last_contact"}, c.last_contact);
    v.link({"reflection_id"}, c.reflection_id);
    v.text({"notes", o, n, l}, c.notes);
}

template <class T, class V>
if_fields_of<T, Message> visit_fields(T& m, V& v) {
    constexpr Presence o = Presence::optional;
    constexpr Search n = Search::none;
    constexpr Show l = Show::layout;
    visit_fields(m.meta, v);
    v.enumeration({"kind", o, n, l, "markdown.kind"}, m.kind);
    v.link({"reflection_id"}, m.reflection_id);
    v.link({"contact_id"}, m.contact_id);
    v.text({"to", o, n, l, "markdown.to"}, m.to);
    v.text({"subject", o, n, l}, m.subject);  // the heading
    v.text({"body", o, n, l}, m.body);        // a quote
    v.enumeration({"status", o, n, l, "markdown.status"}, m.status);
    v.date({"sent_on", o, n, l, "markdown.sent_on"}, m.sent_on);
    v.date({"replied_on", o, n, l, "markdown.replied_on"}, m.replied_on);
    v.text({"reply_notes", o, n, l, "markdown.reply_notes"}, m.reply_notes);
    v.enumeration({"language"}, m.language);
    v.text(added("recipient"), m.recipient);
    v.enumeration(added("tone"), m.tone);  // absent (and not written) while standard
}

template <class T, class V>
if_fields_of<T, Reminder> visit_fields(T& r, V& v) {
    constexpr Presence o = Presence::optional;
    constexpr Search n = Search::none;
    constexpr Show l = Show::layout;
    visit_fields(r.meta, v);
    v.enumeration({"kind", o, n, l}, r.kind);
    v.text({"title", o, n, l}, r.title);
    v.date({"due", Presence::required, n, l}, r.due);  // required: a reminder has no sensible default day
    v.link({"reflection_id"}, r.reflection_id);
    v.link({"contact_id"}, r.contact_id);
    v.link({"message_id"}, r.message_id);
    v.flag({"done", o, n, l}, r.done);
    v.date({"done_on", o, n, l, "markdown.done_on"}, r.done_on);
    v.date({"snoozed_until", o, n, l, "markdown.snoozed_until"}, r.snoozed_until);
}

template <class T, class V>
if_fields_of<T, ProfileChoice> visit_fields(T& p, V& v) {
    v.text({"key", Presence::required}, p.key);
    v.enumeration({"kind", Presence::required}, p.kind);
}

template <class T, class V>
if_fields_of<T, ProfileKeyword> visit_fields(T& p, V& v) {
    v.text({"key", Presence::required}, p.key);
    v.text({"keyword"}, p.keyword);
}

template <class T, class V>
if_fields_of<T, ProfileMerge> visit_fields(T& p, V& v) {
    v.text({"key", Presence::required}, p.key);
    v.text({"into", Presence::required}, p.into);
}

template <class T, class V>
if_fields_of<T, Settings> visit_fields(T& s, V& v) {
    v.timestamp({"modified", Presence::required}, s.modified);
    v.items({"profile_choices"}, s.profile_choices);
    v.items({"profile_keywords"}, s.profile_keywords);
    v.items({"profile_merges"}, s.profile_merges);
    v.text({"search_location"}, s.search_location);
    v.text({"language"}, s.language);
    v.text(added("your_name"), s.your_name);
    v.text(added("signature"), s.signature);
    v.text(added("profile_link"), s.profile_link);
}

// What names a list item inside its record (the extras of a list item are kept under "<list>/<this>").
inline const std::string& item_key(const Win& w) { return w.id; }
inline const std::string& item_key(const LovedItem& l) { return l.id; }
inline const std::string& item_key(const Criterion& c) { return c.id; }
inline const std::string& item_key(const ArmyMember& a) { return a.id; }
inline const std::string& item_key(const Interviewer& i) { return i.id; }
inline const std::string& item_key(const ProfileChoice& p) { return p.key; }
inline const std::string& item_key(const ProfileKeyword& p) { return p.key; }
inline const std::string& item_key(const ProfileMerge& p) { return p.key; }

// [SECTION] Walking the tables

// The base of a visitor that uses a few kinds of field (CRTP): every kind the derived visitor does
// not define is skipped, and nested objects and item lists are walked with the derived visitor. A
// kind the derived visitor does define hides the base's, so a wrong signature fails to compile
// rather than being skipped.
template <class Derived>
class FieldWalker {
public:
    template <class... Value>
    void text(const FieldInfo&, Value&&...) {}
    template <class... Value>
    void text_list(const FieldInfo&, Value&&...) {}
    template <class... Value>
    void record_id(const FieldInfo&, Value&&...) {}
    template <class... Value>
    void link(const FieldInfo&, Value&&...) {}
    template <class... Value>
    void flag(const FieldInfo&, Value&&...) {}
    template <class... Value>
    void number(const FieldInfo&, Value&&...) {}
    template <class... Value>
    void date(const FieldInfo&, Value&&...) {}
    template <class... Value>
    void timestamp(const FieldInfo&, Value&&...) {}
    template <class... Value>
    void enumeration(const FieldInfo&, Value&&...) {}
    template <class... Value>
    void step_index(const FieldInfo&, Value&&...) {}
    template <class Object>
    void object(const FieldInfo& /*f*/, Object& object) {
        visit_fields(object, derived());
    }
    template <class List>
    void items(const FieldInfo& /*f*/, List& list) {
        for (auto& item : list) visit_fields(item, derived());
    }

private:
    Derived& derived() { return static_cast<Derived&>(*this); }
};

}  // namespace debrief
