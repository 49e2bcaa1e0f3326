// The screens. Each reads the App's state and calls its intents; none touches storage or the DOM.
#pragma once

#include "app/app.h"
#include "ui/services.h"
#include "ui/view_state.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <optional>
#include <string>

namespace debrief::ui {

// Each screen gets the part of the App's ViewState it keeps between frames (see view_state.h).
void draw_home(App& app, HomeViewState& view, Services& services);  // journal list, due reminders, search, mood trend
// The guided eight steps of one reflection.
void draw_reflection(App& app, ReflectionViewState& view, Services& services);
// A reflection with no name yet, on its first step, opens on its details (the company to type first).
bool opens_on_details(const Reflection& r);
void draw_message(App& app, Services& services);             // one draft with its checklist
void draw_new_message(App& app, NewMessageViewState& view);  // withdrawal / reconnect without a rejection
// Due, upcoming, done; calendar export; a reminder form below them.
void draw_reminders(App& app, RemindersViewState& view, Services& services);
// The criteria profile and search phrase.
void draw_profile(App& app, ProfileViewState& view, Services& services);
void draw_data(App& app, Services& services);     // export, import, storage status, install notes
void draw_trash(App& app, TrashViewState& view);  // deleted reflections, restore
// Everyone across the journal with their company, role, last contact, next reminder and drafts.
void draw_people(App& app, PeopleViewState& view);
void save_recruiter_as_contact(App& app, const Reflection& reflection);
// The short-lived message at the bottom: where it stands this frame (none once its three seconds
// are over), worked out before the screen is drawn so the text fields can give way to it
// (text_field.h), then drawn over everything.
struct NoticeLayout {
    TextBlock text;   // laid out from a copy: an action later in the frame may give a new notice
    ImVec2 min, max;  // its box
    ImVec2 pad{18, 12};
};
std::optional<NoticeLayout> place_notice(App& app, NoticeViewState& view);
void draw_notice(const NoticeLayout& notice);

// Screens whose main actions stay reachable in a bar below the scrolling body (thumb reach on
// phones; always on screen, so keyboard and assistive users find them without scrolling).
bool has_action_bar(const App& app);
void draw_reflection_actions(App& app);                   // Back / Skip / Next
void draw_message_actions(App& app, Services& services);  // Copy / Open in mail app

// One reminder with done / snooze (home and the reminders screen).
void draw_reminder_row(App& app, const Reminder& reminder);
void draw_action_bar(App& app, Services& services);

}  // namespace debrief::ui
