// Which reminders a reflection calls for (docs/advice.md B, C), and how reminders sort on the home screen.
#pragma once

#include "core/id_source.h"
#include "core/journal.h"
#include "core/names.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace debrief {

// The advice's timings, in one place.
constexpr int follow_up_after_days = 14;   // "2-3 weeks after the interview": the window opens...
constexpr int follow_up_window_days = 21;  // ...and closes
constexpr int feedback_after_days = 2;     // long enough to be calmer, soon enough to be remembered
constexpr int check_in_after_months = 3;   // "a few months later"
constexpr int look_again_after_days = 3;   // step 3: "reflect honestly a few days later"
// A thank-you note is for the interview day; the day after it can still go out, later it is not suggested.
constexpr int thank_you_within_days = 1;

enum class ReminderBucket { overdue, due_today, upcoming, snoozed, done };

template <>
struct EnumInfo<ReminderBucket> {
    static constexpr std::array<std::string_view, 5> keys{"overdue", "due_today", "upcoming", "snoozed", "done"};
    static constexpr std::string_view display_prefix = "reminder_bucket.";
    static constexpr std::string_view display_suffix = "";
};

// New reminders the reflection calls for, skipping any kind that already has a reminder for this
// reflection (done or deleted ones included: a dismissed suggestion must not come back).
// `today` decides due dates; `now` stamps the new records' meta.
std::vector<Reminder> suggest_reminders(const Reflection& r, const std::vector<Reminder>& existing, Date today,
                                        Timestamp now, const IdSource& next_id);

// The "look again" reminder of step 3: due a few days from `today`, about `r`.
Reminder look_again_reminder(const Reflection& r, Date today, Timestamp now, const IdSource& next_id);
// Whether `r` has a look-again reminder still open.
bool has_open_look_again(const Reflection& r, const std::vector<Reminder>& existing);

// What a reminder says, in the interface language. A title the app wrote ("Reply to {company} and
// ask for feedback", "Get back in touch with {name}"; recognised in English or any language whose
// catalogue is loaded) is written again in the interface language with the company of its
// reflection `r`, or the name of its `contact`, as they are now (or as in the title when they are
// null), so it follows a change of language or of a name. A title written any other way (by the
// person, or in an imported file) is shown as it is.
std::string reminder_title(const Reminder& reminder, const Reflection* r, const Contact* contact = nullptr);
// The journal's reminders with the titles reminder_title() gives them, for files made from them.
std::vector<Reminder> titled_reminders(const Journal& journal);

// The step a reminder about a reflection opens at, when it has one (look again: step 3).
std::optional<StepId> reminder_step(ReminderKind kind);
// The catalogue key of advice shown with a reminder of that kind ("" for none): a check-in lists
// ways to stay visible, a look-again why a few days help.
std::string_view reminder_guidance_key(ReminderKind kind);

// The due date, pushed later by a snooze.
Date effective_due(const Reminder& reminder);

ReminderBucket bucket(const Reminder& reminder, Date today);

bool is_open(const Reminder& reminder);  // not done and not in the trash

// Hides the reminder until today + days (at least one day). Done reminders are left alone.
void snooze(Reminder& reminder, int days, Date today);

void mark_done(Reminder& reminder, Date today);
void reopen(Reminder& reminder);

enum class IncludeDone { no, yes };

// Indices into `reminders` for the home screen: overdue, today, upcoming, snoozed (then done),
// each by effective due date, then title and id so the order never flickers. Trash is left out.
std::vector<std::size_t> home_order(const std::vector<Reminder>& reminders, Date today,
                                    IncludeDone include_done = IncludeDone::no);

}  // namespace debrief
