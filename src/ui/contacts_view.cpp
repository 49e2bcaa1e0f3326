// Your people, from every reflection and the saved contacts: recruiters, interviewers, hiring
// managers, the friends told in step 7, former colleagues. Each can get a
// follow-up reminder or a message draft; the advice says relationships outlast one rejection.
#include "ui/views.h"

#include "core/dates.h"
#include "core/i18n.h"
#include "core/messages.h"
#include "core/names.h"
#include "core/people.h"
#include "ui/text_field.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <string>

namespace debrief::ui {
namespace {

void contact_text(App& app, const Contact& c, const char* key, std::string Contact::*member,
                  InputType type = InputType::text) {
    std::string value = c.*member;
    FieldOptions options;
    options.type = type;
    if (text_field(tr(key).data(), value, FieldKind::single_line, options))
        app.update_contact(c.meta.id, [&](Contact& x) { x.*member = value; });
}

void draw_contact_editor(App& app, const Contact& c) {
    contact_text(app, c, "contacts.name", &Contact::name);
    contact_text(app, c, "contacts.role", &Contact::role);
    contact_text(app, c, "contacts.company", &Contact::company);
    contact_text(app, c, "contacts.email", &Contact::email, InputType::email);
    contact_text(app, c, "contacts.relationship", &Contact::relationship);
    wrapped_text(tr("contacts.channel").data());
    int channel = static_cast<int>(c.channel);
    if (choice_row("channel", channel,
                   {tr("channel.email").data(), tr("channel.linkedin").data(), tr("channel.phone").data(),
                    tr("channel.in_person").data(), tr("channel.other").data()}))
        app.update_contact(c.meta.id, [&](Contact& x) { x.channel = static_cast<Channel>(channel); });
    std::string last = c.last_contact ? format_date(*c.last_contact) : std::string();
    FieldOptions date;
    date.type = InputType::date;
    if (text_field(tr("contacts.last_contact").data(), last, FieldKind::single_line, date)) {
        const std::optional<Date> parsed = parse_date(last);
        if (last.empty() || parsed) app.update_contact(c.meta.id, [&](Contact& x) { x.last_contact = parsed; });
    }
    std::string notes = c.notes;
    FieldOptions multi;
    multi.min_lines = 2;
    if (text_field(tr("contacts.notes").data(), notes, FieldKind::multi_line, multi))
        app.update_contact(c.meta.id, [&](Contact& x) { x.notes = notes; });
}

void draw_contact_actions(App& app, const Contact& c) {
    const Date today = app.env().today();
    // The row's buttons say whose row they act on.
    const std::string who = c.name.empty() ? std::string(tr("contacts.unnamed")) : c.name;
    set_next_item_name(name_with_user_text("contacts.remind.named", "name", who));
    if (button(tr("contacts.remind").data(), Emphasis::primary)) {
        Reminder r;
        r.kind = ReminderKind::custom;
        r.title = tr_format("contacts.remind_title",
                            {{"name", c.name.empty() ? std::string(tr("contacts.unnamed")) : c.name}});
        r.due = add_days(today, 14);
        r.contact_id = c.meta.id;
        r.reflection_id = c.reflection_id;
        app.create_reminder(std::move(r));
        app.notify(tr_format("reminders.added", {{"n", "1"}}));
    }
    same_line_if_fits(160.0f);
    set_next_item_name(name_with_user_text("contacts.write.named", "name", who));
    if (button(tr("contacts.write").data())) {
        DraftContext ctx;
        ctx.today = today;
        app.open_message(app.create_message(draft_to_contact(MessageKind::reconnect, c, app.journal().settings, ctx)));
    }
    same_line_if_fits(120.0f);
    set_next_item_name(name_with_user_text("contacts.remove.named", "name", who));
    if (button(tr("contacts.remove").data(), Emphasis::danger)) app.trash_contact(c.meta.id);
}

}  // namespace

namespace {

std::string_view role_key(PersonRole role) {
    switch (role) {
        case PersonRole::recruiter: return "person.recruiter";
        case PersonRole::hiring_manager: return "person.hiring_manager";
        case PersonRole::interviewer: return "person.interviewer";
        case PersonRole::told: return "person.told";
        case PersonRole::contact: return "person.contact";
    }
    return "person.contact";
}

// The muted lines under a person's name: what they are and where, when you last wrote, what is
// next, and the drafts written to them (each opens).
void draw_person_facts(App& app, const Person& p) {
    const int year = app.env().today().year;
    std::string line(tr(role_key(p.role)));
    if (!p.how_known.empty() && p.role != PersonRole::contact) line += " · " + p.how_known;
    if (!p.company.empty()) line += " · " + p.company;
    if (!p.email.empty()) line += " · " + p.email;
    if (p.last_contact) line += " · " + tr_format("contacts.last", {{"date", format_long_date(*p.last_contact, year)}});
    if (p.next_reminder)
        line += " · " + tr_format("people.next_reminder", {{"date", format_long_date(*p.next_reminder, year)}});
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
    user_text_line(line);
    ImGui::PopStyleColor();
    for (const std::string& id : p.message_ids) {
        const Message* m = app.find_message(id);
        if (!m) continue;
        ImGui::PushID(id.c_str());
        const std::string label = tr_format(m->status == MessageStatus::draft ? "people.draft" : "people.sent",
                                            {{"kind", std::string(tr(display_key(m->kind)))}});
        if (button(label.c_str(), Emphasis::quiet)) app.open_message(id);
        ImGui::PopID();
    }
}

// A person entered in a reflection: name and address, edited where they were entered, so every
// draft to them not sent yet follows (App::update_reflection readdresses them).
void draw_reflection_person_editor(App& app, const Person& p) {
    std::string name = p.name;
    std::string email = p.email;
    FieldOptions address;
    address.type = InputType::email;
    // Both fields are drawn every frame, so neither may be skipped by a short-circuit.
    const bool name_changed = text_field(tr("contacts.name").data(), name, FieldKind::single_line);
    const bool email_changed = text_field(tr("contacts.email").data(), email, FieldKind::single_line, address);
    if (name_changed || email_changed)
        app.update_reflection(p.reflection_id, [&](Reflection& r) { set_person(r, p.key, name, email); });
}

}  // namespace

void draw_contacts(App& app, ContactsViewState& view) {
    subheading(tr("contacts.title").data());
    muted_text(tr("contacts.help").data());
    if (view.people_revision != app.revision()) {
        view.people = people(app.journal());
        view.people_revision = app.revision();
    }
    for (const Person& p : view.people) {
        const std::string id = p.contact_id.empty() ? p.reflection_id + "/" + p.key : p.contact_id;
        ImGui::PushID(id.c_str());
        begin_card("contact");
        begin_region(Region::group, "row", p.name.empty() ? std::string(tr("contacts.unnamed")) : p.name);
        user_text_line(p.name, tr("contacts.unnamed").data());
        draw_person_facts(app, p);
        const bool open = view.open.count(id) > 0;
        const Contact* c = p.contact_id.empty() ? nullptr : app.find_contact(p.contact_id);
        if (c) {
            if (open) draw_contact_editor(app, *c);
            draw_contact_actions(app, *c);
        } else if (open) {
            draw_reflection_person_editor(app, p);
        }
        if (button(tr(open ? "contacts.done_editing" : "contacts.edit").data(), Emphasis::quiet)) {
            if (open)
                view.open.erase(id);
            else
                view.open.insert(id);
        }
        end_region();
        end_card();
        ImGui::PopID();
    }
    if (button(tr("contacts.add").data(), Emphasis::normal, true)) {
        const std::string id = app.create_contact(Contact{});
        if (!id.empty()) view.open.insert(id);
    }
}

// Saves the recruiter named in a reflection's feedback step as a contact (once).
void save_recruiter_as_contact(App& app, const Reflection& r) {
    Contact c;
    c.name = r.feedback.recruiter_name;
    c.email = r.feedback.recruiter_email;
    c.company = r.company;
    c.relationship = std::string(tr("contacts.recruiter"));
    c.reflection_id = r.meta.id;
    c.last_contact = r.rejected_on;
    app.create_contact(std::move(c));
    app.notify(std::string(tr("contacts.saved")));
}

}  // namespace debrief::ui
