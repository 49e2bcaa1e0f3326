#include "ui/people_fields.h"

#include "core/i18n.h"
#include "core/names.h"
#include "core/people.h"
#include "ui/item_registry.h"
#include "ui/text_field.h"
#include "ui/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <string_view>
#include <vector>

namespace debrief::ui {
namespace {

bool text_input(const char* key, std::string& value, InputType type = InputType::text) {
    FieldOptions o;
    o.type = type;
    return text_field(tr(key).data(), value, FieldKind::single_line, o);
}

// The name of the one person behind `key`, or empty when nobody is named (or it is a group).
std::string person_name(const Reflection& r, const std::string& key) {
    const std::vector<Recipient> who = resolve_people(r, key);
    return who.size() == 1 ? who.front().name : std::string();
}

// What the person is to the user: on a choice of its own ("Recruiter") or inside a sentence
// ("Draft for the recruiter: …", "Entwurf an den Recruiter: …"), where a bare role would read
// like a name.
std::string_view role_words(const std::string& key, bool in_sentence) {
    if (key == person_keys::recruiter) return tr(in_sentence ? "person.the_recruiter" : "person.recruiter");
    if (key == person_keys::hiring_manager)
        return tr(in_sentence ? "person.the_hiring_manager" : "person.hiring_manager");
    if (key == person_keys::interviewers) return tr("person.interviewers");
    return tr("contacts.unnamed");
}

// The person as a button or choice shows them: their name, else what they are to the user.
std::string person_label(const Reflection& r, const std::string& key) {
    std::string name = person_name(r, key);
    return name.empty() ? std::string(role_words(key, false)) : name;
}

bool has_draft(const App& app, const Reflection& r, MessageKind kind, const std::string& key) {
    for (const Message& m : app.journal().messages)
        if (!m.meta.deleted && m.reflection_id == r.meta.id && m.kind == kind && m.recipient == key) return true;
    return false;
}

}  // namespace

void open_or_write(App& app, const Reflection& r, MessageKind kind, const std::string& key, DraftContext ctx) {
    for (const Message& m : app.journal().messages) {
        if (!m.meta.deleted && m.reflection_id == r.meta.id && m.kind == kind && m.recipient == key) {
            app.open_message(m.meta.id);
            return;
        }
    }
    ctx.today = app.env().today();
    ctx.language = interface_language();
    app.open_message(app.create_message(draft_to_person(kind, r, key, app.journal().settings, ctx)));
}

void draw_recruiter_fields(App& app, const Reflection& r) {
    const std::string key(person_keys::recruiter);
    std::string name = r.feedback.recruiter_name;
    if (text_input("step.feedback.prompt.recruiter_name", name))
        app.update_reflection(r.meta.id, [&](Reflection& m) { set_person(m, key, name, r.feedback.recruiter_email); });
    std::string email = r.feedback.recruiter_email;
    if (text_input("step.feedback.prompt.recruiter_email", email, InputType::email))
        app.update_reflection(r.meta.id, [&](Reflection& m) { set_person(m, key, r.feedback.recruiter_name, email); });
}

void draw_reply_recipient(App& app, const Reflection& r) {
    const std::string key = default_recipient_key(MessageKind::feedback_reply, r);
    const Addressee to = addressee(resolve_people(r, key), interface_language());
    // Asked here only while nobody is named in the details; once shown, the fields stay for this
    // reflection while the name is typed (the first letter already names someone).
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID asked = ImGui::GetID(("asked_recruiter/" + r.meta.id).c_str());
    if (to.name.empty() && to.email.empty()) storage->SetInt(asked, 1);
    if (storage->GetInt(asked, 0) != 0) {
        draw_recruiter_fields(app, r);
        return;
    }
    const std::string who = to.name.empty() ? to.email : (to.email.empty() ? to.name : to.name + " (" + to.email + ")");
    wrapped_text(tr_format("step.feedback.reply_to", {{"who", who}}).c_str());
}

void draw_opportunity_people(App& app, const Reflection& r) {
    subheading(tr("person.recruiter").data());
    draw_recruiter_fields(app, r);
    subheading(tr("details.interviewers").data());
    // The row just added takes focus in its first field (the window's ImGui storage remembers which).
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID added_key = ImGui::GetID("added_interviewer");
    std::string remove_id;
    for (const Interviewer& i : r.interviewers) {
        ImGui::PushID(i.id.c_str());
        if (storage->GetInt(added_key) != 0 &&
            storage->GetInt(added_key) == static_cast<int>(ImHashStr(i.id.c_str()))) {
            request_field_focus(0, true);
            storage->SetInt(added_key, 0);
        }
        const std::string key = interviewer_key(i);
        std::string name = i.name;
        if (text_input("details.interviewer.name", name))
            app.update_reflection(r.meta.id, [&](Reflection& m) { set_person(m, key, name, i.email); });
        std::string email = i.email;
        if (text_input("details.interviewer.email", email, InputType::email))
            app.update_reflection(r.meta.id, [&](Reflection& m) { set_person(m, key, i.name, email); });
        bool rapport = i.rapport;
        if (checkbox(tr("details.interviewer.rapport").data(), rapport)) {
            app.update_reflection(r.meta.id, [&](Reflection& m) {
                for (Interviewer& x : m.interviewers)
                    if (x.id == i.id) x.rapport = rapport;
            });
        }
        if (button(tr("list.remove").data(), Emphasis::quiet)) remove_id = i.id;
        ImGui::PopID();
    }
    if (!remove_id.empty()) {
        app.update_reflection(r.meta.id, [&](Reflection& m) {
            auto& list = m.interviewers;
            list.erase(
                std::remove_if(list.begin(), list.end(), [&](const Interviewer& x) { return x.id == remove_id; }),
                list.end());
        });
    }
    if (button(tr("details.interviewers.add").data())) {
        Interviewer added;
        added.id = app.env().new_id();
        storage->SetInt(added_key, static_cast<int>(ImHashStr(added.id.c_str())));
        app.update_reflection(r.meta.id, [&](Reflection& m) { m.interviewers.push_back(added); });
    }
    std::string manager = r.hiring_manager_name;
    if (text_input("details.hiring_manager_name", manager))
        app.update_reflection(r.meta.id, [&](Reflection& m) { m.hiring_manager_name = manager; });
    std::string manager_email = r.hiring_manager_email;
    if (text_input("details.hiring_manager_email", manager_email, InputType::email))
        app.update_reflection(r.meta.id, [&](Reflection& m) { m.hiring_manager_email = manager_email; });

    // Who sent the rejection: the feedback reply answers them. Nobody did when the person withdrew
    // or never heard back.
    if (r.ending != Ending::rejected) return;
    std::vector<std::string> keys{std::string(person_keys::recruiter)};
    if (!resolve_people(r, person_keys::hiring_manager).front().name.empty())
        keys.emplace_back(person_keys::hiring_manager);
    for (const Interviewer& i : r.interviewers)
        if (!i.name.empty()) keys.push_back(interviewer_key(i));
    if (keys.size() < 2) return;
    std::vector<std::string> labels;
    for (const std::string& key : keys) labels.push_back(person_label(r, key));
    std::vector<const char*> pointers;
    for (const std::string& l : labels) pointers.push_back(l.c_str());
    int index = 0;
    for (std::size_t k = 0; k < keys.size(); ++k)
        if (keys[k] == r.rejected_by) index = static_cast<int>(k);
    wrapped_text(tr("details.rejected_by").data());
    if (choice_row("rejected_by", index, pointers)) {
        const std::string chosen = index == 0 ? std::string() : keys[static_cast<std::size_t>(index)];
        app.update_reflection(r.meta.id, [&](Reflection& m) { m.rejected_by = chosen; });
    }
}

void draw_told_person_fields(App& app, const Reflection& r, const ArmyMember& person) {
    std::string email = person.email;
    if (text_input("step.army.prompt.email", email, InputType::email))
        app.update_reflection(r.meta.id, [&](Reflection& m) { set_person(m, told_key(person), person.name, email); });
    std::string how = person.how_known;
    if (text_input("step.army.prompt.how_known", how)) {
        app.update_reflection(r.meta.id, [&](Reflection& m) {
            for (ArmyMember& a : m.army)
                if (a.id == person.id) a.how_known = how;
        });
    }
}

std::string draft_button_label(const std::string& text, MessageKind kind) {
    return text + "###draft" + std::to_string(static_cast<int>(kind));
}

void person_draft_button(App& app, const Reflection& r, MessageKind kind, const std::string& key,
                         const DraftContext& ctx) {
    const bool existing = has_draft(app, r, kind, key);
    const std::string_view sentence = existing ? "drafts.open_to" : "drafts.write_to";
    const std::string kind_name(tr(display_key(kind)));  // TextVars holds views: the strings outlive it
    const std::string name = person_name(r, key);
    const std::string label = draft_button_label(
        tr_format(sentence, {{"kind", kind_name}, {"name", name.empty() ? role_words(key, true) : name}}), kind);
    ImGui::PushID(key.c_str());
    if (!name.empty()) set_next_item_name(name_with_user_text(sentence, "name", name, {{"kind", kind_name}}));
    if (button(label.c_str(), existing ? Emphasis::normal : Emphasis::primary, true))
        open_or_write(app, r, kind, key, ctx);
    ImGui::PopID();
}

void check_in_draft(App& app, const Reflection& r) {
    const std::vector<std::string> keys = check_in_choices(r);
    // The choice is remembered per reflection in ImGui's storage (index + 1; 0 = the default).
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID id = ImGui::GetID(("check_in_to/" + r.meta.id).c_str());
    int index = std::max(0, storage->GetInt(id, 0) - 1);
    if (index >= static_cast<int>(keys.size())) index = 0;
    if (keys.size() > 1) {
        std::vector<std::string> labels;
        for (const std::string& key : keys) labels.push_back(person_label(r, key));
        std::vector<const char*> pointers;
        for (const std::string& l : labels) pointers.push_back(l.c_str());
        wrapped_text(tr("drafts.check_in_to").data());
        if (choice_row("check_in_to", index, pointers)) storage->SetInt(id, index + 1);
    }
    person_draft_button(app, r, MessageKind::check_in, keys[static_cast<std::size_t>(index)]);
}

void draw_missing_addresses(App& app, const Message& m) {
    if (m.status != MessageStatus::draft) return;
    const Reflection* r = m.reflection_id.empty() ? nullptr : app.find_reflection(m.reflection_id);
    const Contact* c = m.contact_id.empty() ? nullptr : app.find_contact(m.contact_id);
    struct Ask {
        std::string key;  // the person key, "" for the contact
        std::string name;
        std::string email;
    };
    std::vector<Ask> people;
    if (r && m.recipient == person_keys::interviewers) {
        for (const Interviewer& i : r->interviewers)
            if (!i.name.empty() || !i.email.empty()) people.push_back({interviewer_key(i), i.name, i.email});
    } else if (r && !m.recipient.empty()) {
        for (const Recipient& who : resolve_people(*r, m.recipient))
            people.push_back({m.recipient, who.name, who.email});
    } else if (c) {
        people.push_back({"", c->name, c->email});
    }
    // A field shows for whoever has no address; once shown it stays for this draft while the address
    // is typed (the first key typed already saves it), remembered in ImGui's window storage.
    ImGuiStorage* storage = ImGui::GetStateStorage();
    for (const Ask& ask : people) {
        const ImGuiID asked = ImGui::GetID(("asked_email/" + m.meta.id + "/" + ask.key).c_str());
        if (ask.email.empty()) storage->SetInt(asked, 1);
        if (storage->GetInt(asked, 0) == 0) continue;
        ImGui::PushID(ask.key.c_str());
        // Whose address it is: their name, else their part in the process (two empty email fields in
        // a row, "To" and "Their email", read as one question asked twice).
        std::string caption;
        if (!ask.name.empty())
            caption = tr_format("message.missing_email", {{"name", ask.name}});
        else if (ask.key == person_keys::recruiter)
            caption = tr("message.missing_email_recruiter");
        else if (ask.key == person_keys::hiring_manager)
            caption = tr("message.missing_email_hiring_manager");
        else
            caption = tr("message.missing_email_unnamed");
        std::string email = ask.email;
        FieldOptions o;
        o.type = InputType::email;
        if (text_field(caption.c_str(), email, FieldKind::single_line, o)) {
            if (r && !ask.key.empty())
                app.update_reflection(r->meta.id, [&](Reflection& x) { set_person(x, ask.key, ask.name, email); });
            else if (c)
                app.update_contact(c->meta.id, [&](Contact& x) { x.email = email; });
        }
        ImGui::PopID();
    }
}

namespace {

// "Anna Berg · Interviewer · Nordlicht · anna@nordlicht.example · old colleague": who they are at a glance.
std::string import_line(const Person& p) {
    std::string line = p.name.empty() ? std::string(tr("contacts.unnamed")) : p.name;
    switch (p.role) {
        case PersonRole::recruiter: line = join_parts(line, tr("person.recruiter")); break;
        case PersonRole::hiring_manager: line = join_parts(line, tr("person.hiring_manager")); break;
        case PersonRole::interviewer: line = join_parts(line, tr("person.interviewer")); break;
        case PersonRole::told: line = join_parts(line, tr("person.told")); break;
        case PersonRole::contact: break;
    }
    const std::string companies = companies_in(p, interface_language());
    for (const std::string* part : {&companies, &p.email, &p.how_known})
        if (!part->empty()) line = join_parts(line, *part);
    return line;
}

}  // namespace

void draw_import_people(const ImportPreview& preview) {
    if (preview.people.empty()) return;
    wrapped_text(tr("data.import.people").data());
    // A whole journal into an empty one names everyone: a dozen say what the file holds, the rest are counted.
    constexpr std::size_t shown = 12;
    const std::size_t count = preview.people.size() > shown + 1 ? shown : preview.people.size();
    for (std::size_t k = 0; k < count; ++k) {
        const PersonChange& change = preview.people[k];
        const std::string now = import_line(change.now);
        const std::string line = change.before ? tr_format("data.import.person_changed",
                                                           {{"person", now}, {"before", import_line(*change.before)}})
                                               : tr_format("data.import.person_new", {{"person", now}});
        ImGui::Bullet();  // the line wraps beside it, shaped and aligned like any paragraph
        ImGui::SameLine();
        wrapped_text(line.c_str(), Direction::interface);
    }
    if (count < preview.people.size())
        muted_text(tr_format("data.import.people_more",
                             {{"n", format_number(static_cast<long long>(preview.people.size() - count))}})
                       .c_str());
}

void draw_you_card(App& app) {
    const Settings& s = app.journal().settings;
    begin_card("you");
    subheading(tr("you.title").data());
    muted_text(tr("you.help").data());
    std::string name = s.your_name;
    if (text_input("you.name", name)) app.update_settings([&](Settings& x) { x.your_name = name; });
    std::string signature = s.signature;
    FieldOptions multi;
    multi.min_lines = 2;
    if (text_field(tr("you.signature").data(), signature, FieldKind::multi_line, multi))
        app.update_settings([&](Settings& x) { x.signature = signature; });
    std::string link = s.profile_link;
    if (text_input("you.link", link)) app.update_settings([&](Settings& x) { x.profile_link = link; });
    end_card();
}

}  // namespace debrief::ui
