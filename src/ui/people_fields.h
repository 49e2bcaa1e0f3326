// The fields and buttons that say who a reflection's drafts go to: the interviewers and hiring
// manager in the opportunity details, a person's address next to a draft that lacks it, and one
// draft button per person where a kind of draft goes to several people.
#pragma once

#include "app/app.h"
#include "core/messages.h"

#include <string>

namespace debrief::ui {

// Interviewers (name, e-mail, rapport), the hiring manager, and who sent the rejection.
void draw_opportunity_people(App& app, const Reflection& r);
// Step 7: a person's e-mail and how you know them (under their name).
void draw_told_person_fields(App& app, const Reflection& r, const ArmyMember& person);
// The button that writes (or opens) the draft of `kind` to the person `key` names in `r`; a new
// draft is composed with `ctx` (a withdrawal's reason).
void person_draft_button(App& app, const Reflection& r, MessageKind kind, const std::string& key,
                         const DraftContext& ctx = DraftContext());
// A check-in: a choice of whom it goes to (the default first), then its button.
void check_in_draft(App& app, const Reflection& r);
// Under a draft's To: one e-mail field per recipient who has no address yet.
void draw_missing_addresses(App& app, const Message& m);
// The "You" card of the data screen: your name, signature and link.
void draw_you_card(App& app);

}  // namespace debrief::ui
