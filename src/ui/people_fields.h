// The fields and buttons that say who a reflection's drafts go to: the recruiter, interviewers and hiring
// manager in the opportunity details, a person's address next to a draft that lacks it, and one
// draft button per person where a kind of draft goes to several people.
#pragma once

#include "app/app.h"
#include "core/import_preview.h"
#include "core/messages.h"

#include <string>

namespace debrief::ui {

// The recruiter, the interviewers (name, e-mail, rapport), the hiring manager, and who sent the rejection.
void draw_opportunity_people(App& app, const Reflection& r);
// The recruiter's name and e-mail (kept in the feedback step's fields, as stored since version 1).
void draw_recruiter_fields(App& app, const Reflection& r);
// Step 4: whom the feedback reply goes to; the recruiter's fields when nobody is named yet.
void draw_reply_recipient(App& app, const Reflection& r);
// Step 7: a person's e-mail and how you know them (under their name).
void draw_told_person_fields(App& app, const Reflection& r, const ArmyMember& person);
// Opens the draft of `kind` to the person `key` names in `r`, or writes one with `ctx`, signed with
// the user's name from the settings.
void open_or_write(App& app, const Reflection& r, MessageKind kind, const std::string& key, DraftContext ctx);
// A draft button's label, `text` with an ID that stays when "Draft: …" becomes "Open draft: …", so
// Back from the draft gives focus back to the same button.
std::string draft_button_label(const std::string& text, MessageKind kind);
// The button that writes (or opens) the draft of `kind` to the person `key` names in `r`; a new
// draft is composed with `ctx` (a withdrawal's reason).
void person_draft_button(App& app, const Reflection& r, MessageKind kind, const std::string& key,
                         const DraftContext& ctx = DraftContext());
// A check-in: a choice of whom it goes to (the default first), then its button.
void check_in_draft(App& app, const Reflection& r);
// Under a draft's To: one e-mail field per recipient who has no address yet.
void draw_missing_addresses(App& app, const Message& m);
// In an import's preview: the people it would bring in or change, with what changed.
void draw_import_people(const ImportPreview& preview);
// The "You" card of the data screen: your name, signature and link.
void draw_you_card(App& app);

}  // namespace debrief::ui
