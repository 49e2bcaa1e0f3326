// Reminders: overdue, today, upcoming and snoozed, with done / snooze, a custom reminder form, and
// the calendar (.ics) export for people who live in their calendar.
#include "ui/views.h"

#include "core/dates.h"
#include "core/i18n.h"
#include "core/ics.h"
#include "core/names.h"
#include "core/reminders.h"
#include "core/steps.h"
#include "ui/text_field.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>

namespace debrief::ui {

// One reminder as a card row: title, when, and its actions. Shared by home and the reminders screen.
void draw_reminder_row(App& app, const Reminder& r) {
    const Date today = app.env().today();
    const ReminderBucket b = bucket(r, today);
    ImGui::PushID(r.meta.id.c_str());
    begin_card("reminder");
    const std::string title = app.reminder_title(r);  // in the interface language (core/reminders.h)
    begin_region(Region::group, "row", title);        // the row, and its buttons named with it
    user_text_line(title);
    const std::string when = tr_format(
        "reminders.when", {{"bucket", tr(display_key(b))}, {"date", format_long_date(effective_due(r), today.year)}});
    ImGui::PushStyleColor(ImGuiCol_Text, b == ReminderBucket::overdue ? palette().warn : palette().muted_text);
    wrapped_text(when.c_str());
    ImGui::PopStyleColor();
    if (const std::string_view guidance = reminder_guidance_key(r.kind); !guidance.empty() && !r.done)
        muted_text(tr(guidance).data());
    if (b == ReminderBucket::done) {
        set_next_item_name(name_with_user_text("reminders.reopen.named", "title", title));
        if (button(tr("reminders.reopen").data())) app.update_reminder(r.meta.id, [](Reminder& x) { reopen(x); });
    } else {
        set_next_item_name(name_with_user_text("reminders.done.named", "title", title));
        if (button(tr("reminders.done").data(), Emphasis::primary))
            app.update_reminder(r.meta.id, [&](Reminder& x) { mark_done(x, today); });
        ImGui::SameLine();
        set_next_item_name(name_with_user_text("reminders.snooze.named", "title", title));
        if (button(tr("reminders.snooze").data()))
            app.update_reminder(r.meta.id, [&](Reminder& x) { snooze(x, 7, today); });
        if (!r.message_id.empty() && app.find_message(r.message_id)) {
            same_line_if_fits(button_width(tr("reminders.open_message").data()));
            set_next_item_name(name_with_user_text("reminders.open_message.named", "title", title));
            if (button(tr("reminders.open_message").data(), Emphasis::quiet)) app.open_message(r.message_id);
        } else if (!r.reflection_id.empty() && app.find_reflection(r.reflection_id)) {
            same_line_if_fits(button_width(tr("reminders.open_reflection").data()));
            set_next_item_name(name_with_user_text("reminders.open_reflection.named", "title", title));
            if (button(tr("reminders.open_reflection").data(), Emphasis::quiet)) {
                // A look-again reminder reopens the step it is about.
                if (const std::optional<StepId> step = reminder_step(r.kind))
                    app.update_reflection(r.reflection_id, [&](Reflection& x) { go_to_step(x, *step); });
                app.open_reflection(r.reflection_id);
            }
        }
    }
    end_region();
    end_card();
    ImGui::PopID();
}

void draw_reminders(App& app, RemindersViewState& view, Services& services) {
    heading(tr("reminders.title").data());
    muted_text(tr("reminders.help").data());
    const Date today = app.env().today();
    const std::vector<std::size_t> order = home_order(app.journal().reminders, today, IncludeDone::yes);
    if (order.empty()) muted_text(tr("reminders.empty").data());
    for (std::size_t i : order) draw_reminder_row(app, app.journal().reminders[i]);

    // A calendar gets the reminders still to do (core/ics.h): with only done ones it would be empty.
    const bool any_open =
        std::any_of(order.begin(), order.end(), [&](std::size_t i) { return !app.journal().reminders[i].done; });
    if (any_open && button(tr("reminders.export_ics").data(), Emphasis::normal, true)) {
        services.download({"debrief-reminders.ics", "text/calendar",
                           reminders_to_ics(titled_reminders(app.journal()), app.env().now())});
        app.notify(std::string(tr("reminders.exported")));
    }
    ImGui::Dummy(ImVec2(1, 8));

    // A reminder of the user's own.
    std::string& title = view.title;
    std::string& due = view.due;
    begin_card("custom");
    subheading(tr("reminders.custom.title").data());
    text_field(tr("reminders.custom.what").data(), title, FieldKind::single_line);
    FieldOptions date;
    date.type = InputType::date;
    if (due.empty()) due = format_date(add_days(today, 7));
    text_field(tr("reminders.custom.when").data(), due, FieldKind::single_line, date);
    const std::optional<Date> parsed = parse_date(due);
    if (!parsed) muted_text(tr("reminders.custom.bad_date").data());
    if (button(tr("reminders.custom.add").data(), Emphasis::primary) && parsed && !title.empty()) {
        Reminder r;
        r.kind = ReminderKind::custom;
        r.title = title;
        r.due = *parsed;
        app.create_reminder(std::move(r));
        title.clear();
        due.clear();
        app.notify(std::string(tr("reminders.custom.added")));
    }
    end_card();
}

}  // namespace debrief::ui
