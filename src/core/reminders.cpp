// Reminder suggestions follow the advice's timing; everything is computed from dates passed in.
#include "core/reminders.h"

#include "core/dates.h"
#include "core/i18n.h"
#include "core/names.h"
#include "core/text.h"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>

namespace debrief {
namespace {

struct Suggestion {
    ReminderKind kind;
    Date due;
    std::string_view title_key;
};

bool already_has(const std::vector<Reminder>& existing, const Reflection& r, ReminderKind kind) {
    return std::any_of(existing.begin(), existing.end(),
                       [&](const Reminder& x) { return x.kind == kind && x.reflection_id == r.meta.id; });
}

Date not_before(Date due, Date today) { return due < today ? today : due; }

std::optional<Suggestion> follow_up(const Reflection& r, Date today) {
    if (r.ending == Ending::withdrew || !r.last_interview_on) return std::nullopt;
    const Date planned = add_days(*r.last_interview_on, follow_up_after_days);
    const Date window_end = add_days(*r.last_interview_on, follow_up_window_days);
    // Past the window the note is still worth sending; the title just says so kindly.
    const std::string_view title = today > window_end ? "reminder.title.follow_up_late" : "reminder.title.follow_up";
    return Suggestion{ReminderKind::follow_up, not_before(planned, today), title};
}

std::optional<Date> ending_date(const Reflection& r) {
    if (r.rejected_on) return r.rejected_on;
    if (r.last_interview_on) return r.last_interview_on;
    return r.applied_on;
}

std::optional<Suggestion> check_in(const Reflection& r, Date today) {
    const std::optional<Date> base = ending_date(r);
    if (r.ending == Ending::withdrew || !base) return std::nullopt;
    const Date due = add_months(*base, check_in_after_months);
    return Suggestion{ReminderKind::check_in, not_before(due, today), "reminder.title.check_in"};
}

std::optional<Suggestion> feedback(const Reflection& r, Date today) {
    // Ghosted processes have no message to reply to, and a sent reply needs no reminder.
    if (r.ending != Ending::rejected || !r.rejected_on || r.feedback.sent) return std::nullopt;
    const Date due = add_days(*r.rejected_on, feedback_after_days);
    return Suggestion{ReminderKind::feedback, not_before(due, today), "reminder.title.feedback"};
}

// On the interview day (docs/advice.md B: rapport during the process). An interview entered ahead
// of time is reminded on its day; one long past is not: a late thank-you reads as an afterthought.
std::optional<Suggestion> thank_you(const Reflection& r, Date today) {
    if (r.ending == Ending::withdrew || !r.last_interview_on) return std::nullopt;
    if (add_days(*r.last_interview_on, thank_you_within_days) < today) return std::nullopt;
    return Suggestion{ReminderKind::thank_you, not_before(*r.last_interview_on, today), "reminder.title.thank_you"};
}

std::optional<Suggestion> withdrawal(const Reflection& r, Date today) {
    // As early as possible, so the company can move on with other candidates.
    if (r.ending != Ending::withdrew) return std::nullopt;
    return Suggestion{ReminderKind::withdrawal, today, "reminder.title.withdrawal"};
}

std::string company_in_title(const Reflection& r) {
    return is_blank(r.company) ? std::string(tr("reminder.company_fallback")) : collapse_whitespace(r.company);
}

Reminder make_reminder(const Reflection& r, const Suggestion& s, Timestamp now, const IdSource& next_id) {
    const std::string company = company_in_title(r);
    Reminder reminder;
    reminder.meta.id = next_id();
    reminder.meta.created = now;
    reminder.meta.modified = now;
    reminder.kind = s.kind;
    // Stored as plain text: tr_format's isolates are for drawing (core/i18n.h).
    reminder.title = format_text(tr(s.title_key), {{"company", company}});
    reminder.due = s.due;
    reminder.reflection_id = r.meta.id;
    return reminder;
}

int bucket_rank(ReminderBucket b) { return static_cast<int>(b); }

// What filled `slot` in a title the app wrote from `key`, recognised by that text's wording in
// English or any language whose catalogue is loaded; nothing for a title written some other way.
std::optional<std::string_view> slot_of(std::string_view title, const std::string& key, std::string_view slot) {
    if (!has_text(key)) return std::nullopt;
    for (const Language language : all_languages) {
        if (language != Language::en && !has_catalogue(language)) continue;
        const std::string_view wording = tr_in(language, key);
        const std::size_t at = wording.find(slot);
        if (at == std::string_view::npos) continue;
        const std::string_view before = wording.substr(0, at), after = wording.substr(at + slot.size());
        if (title.size() > before.size() + after.size() && title.substr(0, before.size()) == before &&
            title.substr(title.size() - after.size()) == after)
            return title.substr(before.size(), title.size() - before.size() - after.size());
    }
    return std::nullopt;
}

}  // namespace

std::vector<Reminder> suggest_reminders(const Reflection& r, const std::vector<Reminder>& existing, Date today,
                                        Timestamp now, const IdSource& next_id) {
    std::vector<Reminder> out;
    for (const auto& suggest : {thank_you, feedback, follow_up, check_in, withdrawal}) {
        const std::optional<Suggestion> s = suggest(r, today);
        if (s && !already_has(existing, r, s->kind)) out.push_back(make_reminder(r, *s, now, next_id));
    }
    return out;
}

Reminder look_again_reminder(const Reflection& r, Date today, Timestamp now, const IdSource& next_id) {
    const Suggestion s{ReminderKind::look_again, add_days(today, look_again_after_days), "reminder.title.look_again"};
    return make_reminder(r, s, now, next_id);
}

bool has_open_look_again(const Reflection& r, const std::vector<Reminder>& existing) {
    return std::any_of(existing.begin(), existing.end(), [&](const Reminder& x) {
        return x.kind == ReminderKind::look_again && x.reflection_id == r.meta.id && is_open(x);
    });
}

std::string reminder_title(const Reminder& reminder, const Reflection* r, const Contact* contact) {
    if (reminder.kind == ReminderKind::custom) {
        // "Get back in touch with {name}", made on the People screen.
        const std::string key = "contacts.remind_title";
        if (reminder.contact_id.empty()) return reminder.title;
        const auto name = slot_of(reminder.title, key, "{name}");
        if (!name) return reminder.title;
        const std::string who = !contact                  ? std::string(*name)
                                : is_blank(contact->name) ? std::string(tr("contacts.unnamed"))
                                                          : collapse_whitespace(contact->name);
        return tr_format(key, {{"name", who}});
    }
    std::string key = "reminder.title.";
    key += to_key(reminder.kind);
    for (const std::string& candidate : {key, key + "_late"}) {
        const auto company = slot_of(reminder.title, candidate, "{company}");
        if (company) return tr_format(candidate, {{"company", r ? company_in_title(*r) : std::string(*company)}});
    }
    return reminder.title;
}

std::vector<Reminder> titled_reminders(const Journal& journal) {
    std::unordered_map<std::string_view, const Reflection*> reflections;
    for (const Reflection& r : journal.reflections) reflections.emplace(r.meta.id, &r);
    std::unordered_map<std::string_view, const Contact*> contacts;
    for (const Contact& c : journal.contacts) contacts.emplace(c.meta.id, &c);
    std::vector<Reminder> out = journal.reminders;
    for (Reminder& x : out) {
        const auto r = reflections.find(x.reflection_id);
        const auto c = contacts.find(x.contact_id);
        x.title =
            reminder_title(x, r == reflections.end() ? nullptr : r->second, c == contacts.end() ? nullptr : c->second);
    }
    return out;
}

std::optional<StepId> reminder_step(ReminderKind kind) {
    if (kind == ReminderKind::look_again) return StepId::reflect;
    return std::nullopt;
}

std::string_view reminder_guidance_key(ReminderKind kind) {
    switch (kind) {
        case ReminderKind::check_in: return "guidance.stay_visible";
        case ReminderKind::look_again: return "step.reflect.look_again_help";
        default: return {};
    }
}

Date effective_due(const Reminder& reminder) {
    return reminder.snoozed_until && *reminder.snoozed_until > reminder.due ? *reminder.snoozed_until : reminder.due;
}

ReminderBucket bucket(const Reminder& reminder, Date today) {
    if (reminder.done) return ReminderBucket::done;
    const Date due = effective_due(reminder);
    if (reminder.snoozed_until && due == *reminder.snoozed_until && due > today) return ReminderBucket::snoozed;
    if (due < today) return ReminderBucket::overdue;
    return due == today ? ReminderBucket::due_today : ReminderBucket::upcoming;
}

bool is_open(const Reminder& reminder) { return !reminder.done && !reminder.meta.deleted; }

void snooze(Reminder& reminder, int days, Date today) {
    if (reminder.done) return;
    reminder.snoozed_until = add_days(today, std::max(days, 1));
}

void mark_done(Reminder& reminder, Date today) {
    reminder.done = true;
    reminder.done_on = today;
}

void reopen(Reminder& reminder) {
    reminder.done = false;
    reminder.done_on.reset();
}

std::vector<std::size_t> home_order(const std::vector<Reminder>& reminders, Date today, IncludeDone include_done) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < reminders.size(); ++i) {
        const Reminder& r = reminders[i];
        if (r.meta.deleted || (r.done && include_done == IncludeDone::no)) continue;
        order.push_back(i);
    }
    const auto sort_key = [&](std::size_t i) {
        const Reminder& r = reminders[i];
        return std::make_tuple(bucket_rank(bucket(r, today)), effective_due(r), std::cref(r.title),
                               std::cref(r.meta.id));
    };
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return sort_key(a) < sort_key(b); });
    return order;
}

}  // namespace debrief
