// The People screen: everyone from every reflection and the saved contacts — recruiters,
// interviewers, hiring managers, the people told in step 7, former colleagues — with their company,
// what they are to you, when you were last in touch, the next reminder and the drafts written to
// them. The advice says relationships outlast one rejection; this is where they are kept.
#include "ui/views.h"

#include "core/dates.h"
#include "core/i18n.h"
#include "core/messages.h"
#include "core/names.h"
#include "core/people.h"
#include "core/text.h"
#include "ui/text_field.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

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

void draw_contact_actions(App& app, const Contact& c, const std::string& who) {
    const Date today = app.env().today();
    // The row's buttons say whose row they act on.
    set_next_item_name(name_with_user_text("contacts.remind.named", "name", who));
    if (button(tr("contacts.remind").data(), Emphasis::primary)) {
        Reminder r;
        r.kind = ReminderKind::custom;
        r.title = tr_format("contacts.remind_title", {{"name", who}});
        r.due = add_days(today, 14);
        r.contact_id = c.meta.id;
        r.reflection_id = c.reflection_id;
        app.create_reminder(std::move(r));
        app.notify(tr_format("reminders.added", {{"n", "1"}}));
    }
    same_line_if_fits(button_width(tr("contacts.write").data()));
    set_next_item_name(name_with_user_text("contacts.write.named", "name", who));
    if (button(tr("contacts.write").data())) {
        DraftContext ctx;
        ctx.today = today;
        app.open_message(app.create_message(draft_to_contact(MessageKind::reconnect, c, app.journal().settings, ctx)));
    }
    same_line_if_fits(button_width(tr("contacts.remove").data()));
    set_next_item_name(name_with_user_text("contacts.remove.named", "name", who));
    if (button(tr("contacts.remove").data(), Emphasis::danger)) app.trash_contact(c.meta.id);
}

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

// What they are to you and where: "Interviewer · Nordlicht", "In your corner · old colleague",
// a saved contact's own role and how you know them.
std::string role_line(const Person& p) {
    std::string line(tr(role_key(p.role)));
    if (p.role == PersonRole::contact && !p.title.empty()) line = p.title;
    // "Recruiter · recruiter" says nothing twice: how you know them only when it adds something.
    if (!p.how_known.empty() && fold_for_search(p.how_known) != fold_for_search(line))
        line = join_parts(line, p.how_known);
    if (!p.company.empty()) line = join_parts(line, companies_in(p, interface_language()));
    return line;
}

// Short lines, each wrapped on its own: a phone shows all of them without clipping.
void draw_person_facts(App& app, const Person& p) {
    const int year = app.env().today().year;
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
    wrapped_text(role_line(p).c_str(), Direction::interface);
    wrapped_text(p.email.empty() ? tr("people.no_email").data() : p.email.c_str());
    if (p.last_contact)
        wrapped_text(tr_format("people.last_contact", {{"date", format_long_date(*p.last_contact, year)}}).c_str());
    ImGui::PopStyleColor();
    if (p.next_reminder)
        wrapped_text(tr_format("people.next", {{"date", format_long_date(*p.next_reminder, year)}}).c_str());
}

// The drafts and sent messages written to them, oldest first: each opens its message.
void draw_person_messages(App& app, const PeopleViewState& view, const Person& p, const std::string& who) {
    for (const std::string& id : p.message_ids) {
        const auto m = view.written.find(id);
        if (m == view.written.end()) continue;
        const bool draft = m->second.status == MessageStatus::draft;
        const std::string kind(tr(display_key(m->second.kind)));  // TextVars holds views: the strings outlive it
        ImGui::PushID(id.c_str());
        set_next_item_name(
            name_with_user_text(draft ? "people.draft.named" : "people.sent.named", "name", who, {{"kind", kind}}));
        if (button(tr_format(draft ? "people.draft" : "people.sent", {{"kind", kind}}).c_str(), Emphasis::quiet))
            app.open_message(id);
        ImGui::PopID();
    }
}

// A person entered in a reflection: name and address, edited where they were entered (in each
// reflection, when they appear in several), so every draft to them not sent yet follows
// (App::update_reflection readdresses them).
void draw_reflection_person_editor(App& app, const Person& p) {
    std::string name = p.name;
    std::string email = p.email;
    FieldOptions address;
    address.type = InputType::email;
    // Both fields are drawn every frame, so neither may be skipped by a short-circuit.
    const bool name_changed = text_field(tr("contacts.name").data(), name, FieldKind::single_line);
    const bool email_changed = text_field(tr("contacts.email").data(), email, FieldKind::single_line, address);
    if (name_changed || email_changed) {
        app.update_reflection(p.reflection_id, [&](Reflection& r) { set_person(r, p.key, name, email); });
        for (const std::string& where : p.also) {
            const PersonPlace place = split_place(where);
            app.update_reflection(std::string(place.reflection_id),
                                  [&](Reflection& r) { set_person(r, place.key, name, email); });
        }
    }
    muted_text(tr("people.edit_help").data());
}

void draw_person(App& app, PeopleViewState& view, const Person& p) {
    const std::string id = person_id(p);
    const std::string who = p.name.empty() ? std::string(tr("contacts.unnamed")) : p.name;
    ImGui::PushID(id.c_str());
    begin_card("person");
    begin_region(Region::group, "row", who);  // the row, and its buttons named with it
    subheading(who.c_str());
    draw_person_facts(app, p);
    draw_person_messages(app, view, p, who);
    const bool open = view.open.count(id) > 0;
    const Contact* c = p.contact_id.empty() ? nullptr : app.find_contact(p.contact_id);
    if (open) {
        if (view.added == id) {  // focus in the new person's first field, scrolled into view
            request_field_focus(0, true);
            view.added.clear();
        }
        if (c)
            draw_contact_editor(app, *c);
        else
            draw_reflection_person_editor(app, p);
    }
    set_next_item_name(name_with_user_text(open ? "contacts.done_editing.named" : "contacts.edit.named", "name", who));
    if (button(tr(open ? "contacts.done_editing" : "contacts.edit").data(), Emphasis::quiet)) {
        if (open)
            view.open.erase(id);
        else
            view.open.insert(id);
    }
    if (c) {
        same_line_if_fits(200.0f);
        draw_contact_actions(app, *c, who);
    }
    end_region();
    end_card();
    ImGui::PopID();
}

// Draws the cards near the visible part of the screen and steps over the rest by their last measured
// height, like the journal's list (home_view.cpp) but for cards of different heights. Cards within a
// screen's height above or below are drawn too, so the next scroll finds them (and the accessible
// mirror has them) already; open cards are always drawn: they may hold the focused field.
void draw_people_in_view(App& app, PeopleViewState& view) {
    const float width = ImGui::GetContentRegionAvail().x;
    if (width != view.heights_width) {
        std::fill(view.heights.begin(), view.heights.end(), 0.0f);
        view.heights_width = width;
    }
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float guess = ImGui::GetTextLineHeightWithSpacing() * 6.0f + spacing;  // a closed card, about
    const float screen = ImGui::GetWindowHeight();
    const float top = ImGui::GetScrollY() - screen;
    const float bottom = ImGui::GetScrollY() + screen * 2.0f;
    float y = ImGui::GetCursorPosY();
    float skipped = 0.0f;  // cards stepped over since the last one drawn: one gap for all of them
    view.cards_drawn = 0;
    for (std::size_t i = 0; i < view.people.size(); ++i) {
        const std::string& id = view.ids[i];
        const float height = view.heights[i] > 0.0f ? view.heights[i] : guess;
        const bool near = y + height >= top && y <= bottom;
        if (!near && view.open.count(id) == 0 && view.added != id) {
            skipped += height;
            y += height;
            continue;
        }
        if (skipped > 0.0f) ImGui::Dummy(ImVec2(0.0f, skipped - spacing));  // Dummy adds the spacing after it
        skipped = 0.0f;
        draw_person(app, view, view.people[i]);
        ++view.cards_drawn;
        view.heights[i] = ImGui::GetCursorPosY() - y;
        y = ImGui::GetCursorPosY();
    }
    if (skipped > 0.0f) ImGui::Dummy(ImVec2(0.0f, skipped - spacing));
}

// While a row is open for editing, everyone keeps the place they had: typing a name or a date
// would otherwise move the row (and the field under the user's fingers). Newcomers go last.
void keep_places(std::vector<Person>& fresh, const std::vector<Person>& before) {
    std::unordered_map<std::string, std::size_t> place;
    for (std::size_t i = 0; i < before.size(); ++i) place.emplace(person_id(before[i]), i);
    std::stable_sort(fresh.begin(), fresh.end(), [&](const Person& a, const Person& b) {
        const auto x = place.find(person_id(a));
        const auto y = place.find(person_id(b));
        const std::size_t px = x == place.end() ? before.size() : x->second;
        const std::size_t py = y == place.end() ? before.size() : y->second;
        return px < py;
    });
}

}  // namespace

void draw_people(App& app, PeopleViewState& view) {
    heading(tr("contacts.title").data());
    muted_text(tr("contacts.help").data());
    if (view.people_revision != app.revision()) {
        std::vector<Person> fresh = people(app.journal());
        sort_for_screen(fresh);
        if (!view.open.empty()) keep_places(fresh, view.people);
        // Heights follow their person: a keystroke in an open card refreshes the list, and cards
        // above it must keep their measured heights or the field would move under the fingers.
        std::unordered_map<std::string, float> measured;
        for (std::size_t i = 0; i < view.ids.size(); ++i) measured.emplace(view.ids[i], view.heights[i]);
        view.people = std::move(fresh);
        view.ids.clear();
        view.heights.clear();
        for (const Person& p : view.people) {
            view.ids.push_back(person_id(p));
            const auto known = measured.find(view.ids.back());
            view.heights.push_back(known == measured.end() ? 0.0f : known->second);
        }
        view.written.clear();
        for (const Message& m : app.journal().messages) view.written[m.meta.id] = {m.kind, m.status};
        view.people_revision = app.revision();
    }
    if (view.people.empty()) wrapped_text(tr("people.empty").data());
    draw_people_in_view(app, view);
    if (button(tr("contacts.add").data(), Emphasis::normal, true)) {
        const std::string id = app.create_contact(Contact{});
        if (!id.empty()) {
            view.open.insert(id);
            view.added = id;
        }
    }
}

// Saves the recruiter named in a reflection's details as a contact (once).
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
