// People to stay in touch with: recruiters, interviewers, friends who helped. Each can get a
// follow-up reminder or a message draft; the advice says relationships outlast one rejection.
#include "ui/views.h"

#include "core/dates.h"
#include "core/i18n.h"
#include "core/messages.h"
#include "core/names.h"
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
    set_next_item_name(tr_format("contacts.remind.named", {{"name", who}}));
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
    set_next_item_name(tr_format("contacts.write.named", {{"name", who}}));
    if (button(tr("contacts.write").data())) {
        DraftContext ctx;
        ctx.today = today;
        ctx.recipient_name = c.name;
        ctx.recipient_email = c.email;
        ctx.company = c.company;
        Message m = draft_message(MessageKind::reconnect, nullptr, ctx);
        m.contact_id = c.meta.id;
        app.open_message(app.create_message(std::move(m)));
    }
    same_line_if_fits(120.0f);
    set_next_item_name(tr_format("contacts.remove.named", {{"name", who}}));
    if (button(tr("contacts.remove").data(), Emphasis::danger)) app.trash_contact(c.meta.id);
}

}  // namespace

void draw_contacts(App& app, ContactsViewState& view) {
    subheading(tr("contacts.title").data());
    muted_text(tr("contacts.help").data());
    for (const Contact& c : app.journal().contacts) {
        if (c.meta.deleted) continue;
        ImGui::PushID(c.meta.id.c_str());
        begin_card("contact");
        begin_region(Region::group, "row", c.name.empty() ? std::string(tr("contacts.unnamed")) : c.name);
        user_text_line(c.name, tr("contacts.unnamed").data());
        std::string line = c.role;
        if (!c.company.empty()) line += (line.empty() ? "" : " · ") + c.company;
        if (c.last_contact)
            line += (line.empty() ? "" : " · ") +
                    tr_format("contacts.last", {{"date", format_long_date(*c.last_contact, app.env().today().year)}});
        if (!line.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
            user_text_line(line);
            ImGui::PopStyleColor();
        }
        const bool open = view.open.count(c.meta.id) > 0;
        if (open) draw_contact_editor(app, c);
        draw_contact_actions(app, c);
        if (button(tr(open ? "contacts.done_editing" : "contacts.edit").data(), Emphasis::quiet)) {
            if (open)
                view.open.erase(c.meta.id);
            else
                view.open.insert(c.meta.id);
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
