// The screens. Each reads the App's state and calls its intents; none touches storage or the DOM.
#pragma once

#include "app/app.h"
#include "ui/services.h"

namespace debrief::ui {

void draw_home(App& app, Services& services);          // journal list, due reminders, search, mood trend
void draw_reflection(App& app, Services& services);    // the guided eight steps of one reflection
void draw_message(App& app, Services& services);       // one draft with its checklist
void draw_new_message(App& app);                       // withdrawal / reconnect without a rejection
void draw_reminders(App& app, Services& services);     // due, upcoming, done; calendar export
void draw_profile(App& app, Services& services);       // the criteria profile and search phrase
void draw_data(App& app, Services& services);          // export, import, storage status, install notes
void draw_trash(App& app);                             // deleted reflections, restore
void draw_contacts(App& app);                          // people to stay in touch with (on the reminders screen)
void save_recruiter_as_contact(App& app, const Reflection& reflection);
void draw_notice(App& app);                            // the short-lived message at the bottom

// Screens whose main actions stay reachable in a bar below the scrolling body (thumb reach on
// phones; always on screen, so keyboard and assistive users find them without scrolling).
bool has_action_bar(const App& app);
void draw_reflection_actions(App& app);                   // Back / Skip / Next
void draw_message_actions(App& app, Services& services);  // Copy / Open in mail app

// One reminder with done / snooze (home and the reminders screen).
void draw_reminder_row(App& app, const Reminder& reminder);
void draw_action_bar(App& app, Services& services);

}  // namespace debrief::ui
