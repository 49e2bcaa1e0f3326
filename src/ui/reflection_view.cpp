// The guided reflection: details of the opportunity, then eight steps (docs/advice.md A1-A8), one at a
// time, with "Step N of 8" progress, Back / Skip / Next, resumable where the user left off.
#include "ui/views.h"

#include "core/people.h"
#include "ui/people_fields.h"

#include "core/dates.h"
#include "core/i18n.h"
#include "core/messages.h"
#include "core/names.h"
#include "core/reminders.h"
#include "core/steps.h"
#include "core/text.h"
#include "ui/bidi_text.h"
#include "ui/fonts.h"
#include "ui/text_field.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <string>

namespace debrief::ui {
namespace {

// Edits go through the App so every change is stamped and saved; views never write the model directly.
template <typename Fn>
void edit(App& app, const Reflection& r, Fn&& fn) {
    app.update_reflection(r.meta.id, std::forward<Fn>(fn));
}

IdSource id_source(App& app) {
    return [&app] { return app.env().new_id(); };
}

template <typename Getter>
void text_row(App& app, const Reflection& r, const char* key, FieldKind kind, Getter&& member,
              const FieldOptions& options = {}) {
    std::string value = member(const_cast<Reflection&>(r));
    if (text_field(tr(key).data(), value, kind, options)) edit(app, r, [&](Reflection& m) { member(m) = value; });
}

bool date_row(App& app, const Reflection& r, const char* key, std::optional<Date> Reflection::*member) {
    const std::optional<Date>& current = r.*member;
    std::string value = current ? format_date(*current) : std::string();
    FieldOptions options;
    options.type = InputType::date;
    if (!text_field(tr(key).data(), value, FieldKind::single_line, options)) return false;
    const std::optional<Date> parsed = parse_date(value);
    if (value.empty() || parsed) edit(app, r, [&](Reflection& m) { m.*member = parsed; });
    return true;
}

// A row of radio choices for every value of an enum, labelled from the catalogue.
template <typename E>
bool enum_row(const char* id, E& value) {
    std::vector<const char*> labels;
    // Every enum display key is in the catalogue (names_test), so these texts are static storage.
    for (E v : enum_values<E>()) labels.push_back(tr(display_key(v)).data());
    int index = static_cast<int>(value);
    if (!choice_row(id, index, labels)) return false;
    value = static_cast<E>(index);
    return true;
}

void label(const char* key) { wrapped_text(tr(key).data()); }

// ---- the header: title, progress, details ------------------------------------------------------

void draw_progress(const Reflection& r) {
    const StepProgress p = progress(r);
    const std::string caption =
        tr_format("steps.progress", {{"current", format_number(p.current + 1)}, {"total", format_number(p.total)}});
    muted_text(caption.c_str());
    // Eight segments: done (accent), skipped (outline), current (soft), untouched (frame).
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::CalcItemWidth();
    const float gap = 4.0f;
    const float segment = (width - gap * static_cast<float>(step_count - 1)) / static_cast<float>(step_count);
    for (int i = 0; i < step_count; ++i) {
        const ImVec2 a(start.x + static_cast<float>(i) * (segment + gap), start.y);
        const ImVec2 b(a.x + segment, a.y + 6.0f);
        const StepState state = r.steps[static_cast<std::size_t>(i)];
        ImU32 color = ImGui::GetColorU32(ImGuiCol_FrameBgActive);
        if (state == StepState::done) color = ImGui::GetColorU32(palette().accent);
        if (state == StepState::skipped) color = ImGui::GetColorU32(palette().muted_text);
        draw->AddRectFilled(a, b, color, 3.0f);
        if (i == p.current)
            draw->AddRect(ImVec2(a.x - 1, a.y - 2), ImVec2(b.x + 1, b.y + 2), ImGui::GetColorU32(palette().accent),
                          3.0f, 0, 1.5f);
    }
    ImGui::Dummy(ImVec2(width, 10.0f));
}

bool has_draft_of(const App& app, const Reflection& r, MessageKind kind) {
    for (const Message& m : app.journal().messages)
        if (!m.meta.deleted && m.reflection_id == r.meta.id && m.kind == kind) return true;
    return false;
}

// Withdrawing: the advice to do it early comes first, then why (each reason is its own sentence in
// the draft), then the draft to the person in charge. The reason is kept per reflection in ImGui's
// window storage (index + 1; 0 = not chosen yet, the first reason) until the draft is written.
void draw_withdrawal(App& app, const Reflection& r) {
    muted_text(tr("withdrawal.early").data());
    DraftContext ctx;
    if (!has_draft_of(app, r, MessageKind::withdrawal)) {
        ImGuiStorage* storage = ImGui::GetStateStorage();
        const ImGuiID id = ImGui::GetID(("withdrawal_reason/" + r.meta.id).c_str());
        int reason = std::max(0, storage->GetInt(id, 0) - 1);
        std::vector<const char*> labels;
        for (const WithdrawalReason w : enum_values<WithdrawalReason>()) labels.push_back(tr(display_key(w)).data());
        label("new_message.reason");
        if (choice_row("withdrawal_reason", reason, labels)) storage->SetInt(id, reason + 1);
        ctx.withdrawal_reason = static_cast<WithdrawalReason>(reason);
    }
    person_draft_button(app, r, MessageKind::withdrawal, default_recipient_key(MessageKind::withdrawal, r), ctx);
}

// After an interview: a thank-you the same day, to the interviewers (the recruiter when none is named).
void draw_thank_you(App& app, const Reflection& r) {
    muted_text(tr("details.thank_you").data());
    person_draft_button(app, r, MessageKind::thank_you, default_recipient_key(MessageKind::thank_you, r));
}

void draw_details(App& app, const Reflection& r) {
    begin_card("details");
    subheading(tr("details.title").data());
    text_row(app, r, "details.company", FieldKind::single_line,
             [](Reflection& m) -> std::string& { return m.company; });
    text_row(app, r, "details.role", FieldKind::single_line, [](Reflection& m) -> std::string& { return m.role; });
    text_row(app, r, "details.location", FieldKind::single_line,
             [](Reflection& m) -> std::string& { return m.location; });
    text_row(app, r, "details.found_via", FieldKind::single_line,
             [](Reflection& m) -> std::string& { return m.found_via; });
    label("details.stage");
    Stage stage = r.stage;
    if (enum_row("stage", stage)) edit(app, r, [&](Reflection& m) { m.stage = stage; });
    label("details.ending");
    Ending ending = r.ending;
    if (enum_row("ending", ending)) edit(app, r, [&](Reflection& m) { m.ending = ending; });
    date_row(app, r, "details.applied_on", &Reflection::applied_on);
    date_row(app, r, "details.last_interview_on", &Reflection::last_interview_on);
    date_row(app, r, "details.rejected_on", &Reflection::rejected_on);
    FieldOptions message_options;
    message_options.placeholder = tr("details.rejection_message.placeholder").data();
    text_row(
        app, r, "details.rejection_message", FieldKind::multi_line,
        [](Reflection& m) -> std::string& { return m.rejection_message; }, message_options);
    draw_opportunity_people(app, r);
    if (r.ending == Ending::withdrew)
        draw_withdrawal(app, r);
    else
        draw_thank_you(app, r);
    end_card();
}

// ---- steps -----------------------------------------------------------------------------------------

std::string step_key(StepId step, const char* suffix) {
    std::string key = "step.";
    key += to_key(step);
    key += suffix;
    return key;
}

std::string prompt_key(StepId step, const char* field) {
    std::string key = step_key(step, ".prompt.");
    key += field;
    return key;
}

void draw_vent(App& app, const Reflection& r) {
    label(prompt_key(StepId::vent, "mood_before").c_str());
    int mood = r.vent.mood_before.value_or(-1);
    if (mood_picker("mood_before", mood, r.vent.mood_before.has_value()))
        edit(app, r, [&](Reflection& m) { m.vent.mood_before = mood; });
    label(prompt_key(StepId::vent, "emotions").c_str());
    // A set of checkboxes named by the prompt; one Tab stop, the arrow keys move and Space ticks.
    begin_region(Region::checkgroup, "emotions", take_last_text());
    bool first = true;
    for (std::string_view key : emotions()) {
        const std::string written = emotion_name(key);
        const char* name = shaped_label(written.c_str());
        const float width = ImGui::CalcTextSize(name, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f;
        if (!first) same_line_if_fits(width);
        first = false;
        bool on = false;
        for (const std::string& e : r.vent.emotions) on = on || e == key;
        // Chosen reads by its outline as well as its fill (colour alone is not enough).
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, palette().accent_soft);
        if (on) ImGui::PushStyleColor(ImGuiCol_Border, palette().accent);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, on ? 2.5f : 1.0f);
        set_next_item_role(Role::checkbox);
        set_next_item_selected(on);
        ImGui::PushID(std::string(key).c_str());
        const bool pressed = ImGui::Button(name, ImVec2(width, theme_metrics().touch_target));
        ImGui::PopID();
        ImGui::PopStyleVar();
        if (on) ImGui::PopStyleColor(2);
        if (pressed) {
            edit(app, r, [&](Reflection& m) {
                auto& list = m.vent.emotions;
                auto it = std::find(list.begin(), list.end(), std::string(key));
                if (it == list.end())
                    list.emplace_back(key);
                else
                    list.erase(it);
            });
        }
    }
    end_region();
    FieldOptions letter;
    letter.min_lines = 6;
    letter.max_lines = 18;
    text_row(
        app, r, prompt_key(StepId::vent, "letter").c_str(), FieldKind::multi_line,
        [](Reflection& m) -> std::string& { return m.vent.letter; }, letter);
}

// A list of items edited inline: each row draws itself; add and remove are shared.
template <typename Item, typename Draw>
void item_list(App& app, ReflectionViewState& view, const Reflection& r, std::vector<Item> Reflection::*member,
               const char* add_key, Draw&& draw_row) {
    const std::vector<Item>& items = r.*member;
    std::string remove_id;
    for (std::size_t i = 0; i < items.size(); ++i) {
        ImGui::PushID(items[i].id.c_str());
        // A row just added takes focus in its first field, so typing can start at once.
        if (items[i].id == view.focus_item) {
            request_field_focus(0, true);
            view.focus_item.clear();
        }
        begin_card("row");
        draw_row(items[i], i);
        if (button(tr("list.remove").data(), Emphasis::quiet)) remove_id = items[i].id;
        end_card();
        ImGui::PopID();
    }
    if (!remove_id.empty()) {
        edit(app, r, [&](Reflection& m) {
            auto& list = m.*member;
            list.erase(std::remove_if(list.begin(), list.end(), [&](const Item& it) { return it.id == remove_id; }),
                       list.end());
        });
    }
    if (button(tr(add_key).data())) {
        Item item;
        item.id = app.env().new_id();
        view.focus_item = item.id;
        edit(app, r, [&](Reflection& m) { (m.*member).push_back(item); });
    }
}

// Edits one element (by id) of a list inside the reflection.
template <typename Item, typename Fn>
void edit_item(App& app, const Reflection& r, std::vector<Item> Reflection::*member, const std::string& id, Fn&& fn) {
    edit(app, r, [&](Reflection& m) {
        for (Item& it : m.*member)
            if (it.id == id) fn(it);
    });
}

// The prompt with its examples is said once, above the list; each win's field has a short name, so
// three wins do not repeat three lines of examples (criteria and people told do the same). The
// field wraps: a win is often a sentence, and a one-line field cut it off on a phone ("My portfolio
// walkthrough went really w").
void draw_wins(App& app, ReflectionViewState& view, const Reflection& r) {
    label("step.wins.prompt.text");
    item_list(app, view, r, &Reflection::wins, "step.wins.add", [&](const Win& win, std::size_t) {
        std::string text = win.text;
        FieldOptions o;
        o.placeholder = tr("step.wins.placeholder").data();
        o.min_lines = 1;
        o.max_lines = 4;
        if (text_field(tr("step.wins.field").data(), text, FieldKind::multi_line, o))
            edit_item(app, r, &Reflection::wins, win.id, [&](Win& w) { w.text = text; });
        bool helped = win.really_helped;
        if (checkbox(tr("step.wins.prompt.really_helped").data(), helped))
            edit_item(app, r, &Reflection::wins, win.id, [&](Win& w) { w.really_helped = helped; });
    });
}

// The advice says to reflect honestly a few days later: a reminder that reopens this step then.
void draw_look_again(App& app, const Reflection& r) {
    const std::vector<Reminder>& reminders = app.journal().reminders;
    for (const Reminder& x : reminders) {
        if (x.kind != ReminderKind::look_again || x.reflection_id != r.meta.id || !is_open(x)) continue;
        const std::string day = format_long_date(effective_due(x), app.env().today().year);
        muted_text(tr_format("step.reflect.look_again_set", {{"date", day}}).c_str());
        return;
    }
    muted_text(tr("step.reflect.look_again_help").data());
    if (button(tr("step.reflect.look_again").data())) {
        app.create_reminder(look_again_reminder(r, app.env().today(), app.env().now(), id_source(app)));
        app.notify(tr_plural("reminders.added", 1));
    }
}

void draw_reflect(App& app, const Reflection& r) {
    struct Field {
        const char* name;
        std::string ReflectStep::*member;
    };
    static const Field fields[] = {{"fit", &ReflectStep::fit},
                                   {"missing_skills", &ReflectStep::missing_skills},
                                   {"went_well", &ReflectStep::went_well},
                                   {"do_better", &ReflectStep::do_better},
                                   {"tripped_questions", &ReflectStep::tripped_questions},
                                   {"should_have_highlighted", &ReflectStep::should_have_highlighted},
                                   {"likely_reasons", &ReflectStep::likely_reasons}};
    for (const Field& f : fields) {
        std::string value = r.reflect.*(f.member);
        FieldOptions o;
        o.min_lines = 2;
        if (text_field(tr(prompt_key(StepId::reflect, f.name)).data(), value, FieldKind::multi_line, o))
            edit(app, r, [&](Reflection& m) { m.reflect.*(f.member) = value; });
    }
    draw_look_again(app, r);
}

void draft_buttons(App& app, const Reflection& r, std::initializer_list<MessageKind> kinds) {
    for (MessageKind kind : kinds) {
        const Message* existing = nullptr;
        for (const Message& m : app.journal().messages)
            if (!m.meta.deleted && m.reflection_id == r.meta.id && m.kind == kind) existing = &m;
        const std::string label = draft_button_label(
            tr_format(existing ? "drafts.open" : "drafts.write", {{"kind", tr(display_key(kind))}}), kind);
        if (button(label.c_str(), existing ? Emphasis::normal : Emphasis::primary, true)) {
            if (existing)
                app.open_message(existing->meta.id);
            else
                open_or_write(app, r, kind, default_recipient_key(kind, r), DraftContext());  // its own person
        }
    }
}

void draw_feedback(App& app, const Reflection& r) {
    draw_reply_recipient(app, r);  // the recruiter is entered with the other people in the details
    bool similar = r.feedback.ask_about_similar_role;
    if (checkbox(tr("step.feedback.prompt.ask_about_similar_role").data(), similar))
        edit(app, r, [&](Reflection& m) { m.feedback.ask_about_similar_role = similar; });
    if (similar)
        text_row(app, r, "step.feedback.prompt.similar_role", FieldKind::single_line,
                 [](Reflection& m) -> std::string& { return m.feedback.similar_role; });
    draft_buttons(app, r, {MessageKind::feedback_reply, MessageKind::recruiter_question});
    bool saved = false;
    for (const Contact& c : app.journal().contacts)
        saved = saved || (c.reflection_id == r.meta.id && c.name == r.feedback.recruiter_name);
    if (!r.feedback.recruiter_name.empty() && !saved &&
        button(tr_format("contacts.save_recruiter", {{"name", r.feedback.recruiter_name}}).c_str(), Emphasis::quiet))
        save_recruiter_as_contact(app, r);
    bool sent = r.feedback.sent;
    if (checkbox(tr("step.feedback.prompt.sent").data(), sent))
        edit(app, r, [&](Reflection& m) { m.feedback.sent = sent; });
}

void draw_loved(App& app, ReflectionViewState& view, const Reflection& r) {
    item_list(app, view, r, &Reflection::loved, "step.loved.add", [&](const LovedItem& item, std::size_t) {
        std::string text = item.text;
        FieldOptions o;
        o.placeholder = tr("step.loved.placeholder").data();
        if (text_field(tr("step.loved.prompt.text").data(), text, FieldKind::single_line, o))
            edit_item(app, r, &Reflection::loved, item.id, [&](LovedItem& l) { l.text = text; });
        LovedTag tag = item.tag;
        if (enum_row("tag", tag)) edit_item(app, r, &Reflection::loved, item.id, [&](LovedItem& l) { l.tag = tag; });
        label("step.loved.prompt.weight");
        int weight = item.weight - 1;
        const std::string w[] = {format_number(1), format_number(2), format_number(3), format_number(4),
                                 format_number(5)};
        if (choice_row("weight", weight, {w[0].c_str(), w[1].c_str(), w[2].c_str(), w[3].c_str(), w[4].c_str()}))
            edit_item(app, r, &Reflection::loved, item.id, [&](LovedItem& l) { l.weight = weight + 1; });
    });
}

void draw_criteria(App& app, ReflectionViewState& view, const Reflection& r) {
    if (!r.loved.empty() && button(tr("step.criteria.from_loved").data(), Emphasis::primary, true)) {
        const std::vector<Criterion> suggested = criteria_from_loved(r, id_source(app));
        if (suggested.empty()) app.notify(std::string(tr("step.criteria.nothing_new")));
        edit(app, r, [&](Reflection& m) { m.criteria.insert(m.criteria.end(), suggested.begin(), suggested.end()); });
    }
    label("step.criteria.prompt.text");  // once, as the wins' prompt (draw_wins)
    item_list(app, view, r, &Reflection::criteria, "step.criteria.add", [&](const Criterion& c, std::size_t) {
        std::string text = c.text;
        if (text_field(tr("step.criteria.field").data(), text, FieldKind::single_line))
            edit_item(app, r, &Reflection::criteria, c.id, [&](Criterion& x) { x.text = text; });
        CriterionKind kind = c.kind;
        if (enum_row("kind", kind))
            edit_item(app, r, &Reflection::criteria, c.id, [&](Criterion& x) { x.kind = kind; });
    });
}

void draw_army(App& app, ReflectionViewState& view, const Reflection& r) {
    label("step.army.prompt.name");  // once, as the wins' prompt (draw_wins)
    item_list(app, view, r, &Reflection::army, "step.army.add", [&](const ArmyMember& p, std::size_t) {
        std::string name = p.name;
        if (text_field(tr("step.army.field").data(), name, FieldKind::single_line))
            edit_item(app, r, &Reflection::army, p.id, [&](ArmyMember& x) { x.name = name; });
        bool told = p.told;
        draw_told_person_fields(app, r, p);
        if (checkbox(tr("step.army.prompt.told").data(), told))
            edit_item(app, r, &Reflection::army, p.id, [&](ArmyMember& x) { x.told = told; });
    });
    // One note per person, each with their own name and address.
    for (const std::string& key : network_note_keys(r)) person_draft_button(app, r, MessageKind::network_note, key);
}

void draw_resilience(App& app, const Reflection& r) {
    FieldOptions o;
    o.min_lines = 2;
    text_row(
        app, r, prompt_key(StepId::resilience, "lesson").c_str(), FieldKind::multi_line,
        [](Reflection& m) -> std::string& { return m.resilience.lesson; }, o);
    text_row(app, r, prompt_key(StepId::resilience, "next_action").c_str(), FieldKind::single_line,
             [](Reflection& m) -> std::string& { return m.resilience.next_action; });
    label(prompt_key(StepId::resilience, "mood_after").c_str());
    int mood = r.resilience.mood_after.value_or(-1);
    if (mood_picker("mood_after", mood, r.resilience.mood_after.has_value()))
        edit(app, r, [&](Reflection& m) { m.resilience.mood_after = mood; });
    if (const auto change = mood_change(r)) {
        const std::string text = *change > 0   ? tr_plural("step.resilience.mood_up", *change)
                                 : *change < 0 ? tr_plural("step.resilience.mood_down", -*change)
                                               : std::string(tr("step.resilience.mood_same"));
        subheading(text.c_str());
    }
    // The timing advice becomes reminders: follow-up 2-3 weeks after the interview, check-in later.
    const std::vector<Reminder> suggested =
        suggest_reminders(r, app.journal().reminders, app.env().today(), app.env().now(), id_source(app));
    if (!suggested.empty()) {
        begin_card("reminders");
        subheading(tr("step.resilience.reminders").data());
        // Each suggestion wraps (a phone is narrow) with its date on its own line beneath.
        for (const Reminder& s : suggested) {
            wrapped_text(s.title.c_str());
            muted_text(format_long_date(s.due, app.env().today().year).c_str());
            ImGui::Dummy(ImVec2(1, 2));
        }
        if (button(tr("step.resilience.add_reminders").data(), Emphasis::primary, true)) {
            for (const Reminder& s : suggested) app.create_reminder(s);
            app.notify(tr_plural("reminders.added", static_cast<long long>(suggested.size())));
        }
        end_card();
    }
    // Named like the check-in beneath it: to the interviewers, or the recruiter when none is named.
    person_draft_button(app, r, MessageKind::follow_up, default_recipient_key(MessageKind::follow_up, r));
    // Between now and the check-in: concrete ways to stay visible (docs/advice.md C).
    muted_text(tr("guidance.stay_visible").data());
    check_in_draft(app, r);
}

void draw_step_body(App& app, ReflectionViewState& view, const Reflection& r, StepId step) {
    switch (step) {
        case StepId::vent: draw_vent(app, r); break;
        case StepId::wins: draw_wins(app, view, r); break;
        case StepId::reflect: draw_reflect(app, r); break;
        case StepId::feedback: draw_feedback(app, r); break;
        case StepId::loved: draw_loved(app, view, r); break;
        case StepId::criteria: draw_criteria(app, view, r); break;
        case StepId::army: draw_army(app, view, r); break;
        case StepId::resilience: draw_resilience(app, r); break;
    }
}

void draw_step_navigation(App& app, const Reflection& r) {
    const int index = progress(r).current;
    const bool last = index == step_count - 1;
    if (index > 0) {
        if (button(tr("steps.back").data())) edit(app, r, [](Reflection& m) { go_back(m); });
        ImGui::SameLine();
    }
    if (button(tr("steps.skip").data(), Emphasis::quiet)) {
        edit(app, r, [](Reflection& m) { skip_step(m); });
        if (last) app.go(Screen::home);
    }
    ImGui::SameLine();
    const char* next = last ? tr("steps.finish").data() : tr("steps.next").data();
    if (button(next, Emphasis::primary, true)) {
        edit(app, r, [](Reflection& m) { go_next(m); });
        if (last) {
            app.notify(std::string(tr("steps.finished")));
            app.go(Screen::home);
        }
    }
}

// Jump straight to any step. With room, the eight titles as a row of tabs. On a phone, where those
// stacked into a screen's height above the step, eight numbered tabs in one row (two of four on the
// narrowest), each named in full for a screen reader; the step's heading just below names the open one.
void draw_step_tabs(App& app, const Reflection& r) {
    constexpr float numbered_below = 600.0f;  // a column narrower than this gets numbered tabs
    constexpr float narrowest_tab = 36.0f;    // below this, two rows of four
    const int current = progress(r).current;
    begin_region(Region::tablist, "step_tabs", std::string(tr("a11y.steps")));
    ImGui::PushFont(fonts().small);
    const float row = row_width();
    const bool numbered = row < numbered_below;
    if (numbered) ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(4.0f, ImGui::GetStyle().ItemSpacing.y));
    const auto tab_width = [row](int per_row) {
        return (row - ImGui::GetStyle().ItemSpacing.x * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    };
    int per_row = step_count;
    if (numbered && tab_width(per_row) < narrowest_tab) per_row = step_count / 2;
    const float width = numbered ? tab_width(per_row) : 0.0f;
    for (int i = 0; i < step_count; ++i) {
        const StepId step = step_at(i);
        const std::string number = format_number(static_cast<long long>(i) + 1);
        const std::string title = number + ". " + std::string(tr(display_key(step)));
        ImGui::PushID(i);
        bool pressed = false;
        if (numbered) {
            if (i % per_row != 0) ImGui::SameLine();
            set_next_item_name(title);
            pressed = tab(number.c_str(), i == current, width);
        } else {
            if (i > 0)
                same_line_if_fits(ImGui::CalcTextSize(title.c_str()).x + ImGui::GetStyle().FramePadding.x * 2.0f);
            pressed = tab(title.c_str(), i == current);
        }
        if (pressed) edit(app, r, [step](Reflection& m) { go_to_step(m, step); });
        ImGui::PopID();
    }
    if (numbered) ImGui::PopStyleVar();
    ImGui::PopFont();
    end_region();
}

}  // namespace

bool opens_on_details(const Reflection& r) { return progress(r).current == 0 && r.company.empty(); }

namespace {

// One line standing for the folded details card: what, where, and how it ended.
std::string details_summary(const Reflection& r) {
    std::string line = r.company.empty() ? std::string(tr("reflection.untitled")) : r.company;
    if (!r.role.empty()) line += " — " + r.role;
    return join_parts(join_parts(line, tr(display_key(r.stage))), tr(display_key(r.ending)));
}

// Rare actions wait behind "More", by the reflection's title: moving to the trash takes two taps.
void draw_more_menu(App& app, ReflectionViewState& view, const Reflection& r) {
    const bool open = view.menu_open == r.meta.id;
    // One control that says whether the menu is open (its ID stays as its words change); while the
    // menu is open, Escape presses it, and focus comes back to it.
    const std::string toggle = std::string(open ? tr("reflection.less") : tr("reflection.more")) + "###more";
    set_next_item_expanded(open);
    if (open) set_next_item_dismisses();
    if (button(toggle.c_str(), Emphasis::quiet)) {
        view.menu_open = open ? std::string() : r.meta.id;
        view.trash_armed.clear();
    }
    if (!open) return;
    const bool armed = view.trash_armed == r.meta.id;
    // Its ID stays as its words change: keyboard focus stays on it once armed.
    const std::string trash = std::string(tr(armed ? "reflection.confirm_delete" : "reflection.delete")) + "###trash";
    if (button(trash.c_str(), Emphasis::danger)) {
        if (!armed) {
            view.trash_armed = r.meta.id;
            return;
        }
        view.trash_armed.clear();
        view.menu_open.clear();
        app.trash_reflection(r.meta.id);
        app.notify(std::string(tr("reflection.deleted")));
        app.go(Screen::home);
    }
}

}  // namespace

void draw_reflection_actions(App& app) {
    const Reflection* r = app.find_reflection(app.nav().reflection_id);
    if (!r) return;
    // Back, Skip and Next are one Tab stop that enters on Next (the arrow keys reach the others):
    // a step is left in one press, and Back and Skip stay where they are seen.
    begin_region(Region::toolbar, "step_actions", std::string(tr("a11y.step_actions")));
    draw_step_navigation(app, *r);
    end_region();
}

void draw_reflection(App& app, ReflectionViewState& view, Services&) {
    const Reflection* found = app.find_reflection(app.nav().reflection_id);
    if (!found) {
        app.go(Screen::home);
        return;
    }
    const Reflection& r = *found;
    if (button(tr("nav.back_to_journal").data(), Emphasis::quiet)) app.go(Screen::home);
    // The reflection's menu sits by its title, not below the step: rare actions stay out of the way
    // of Next and Skip, and out of the Tab path from a step's heading to its Next.
    ImGui::SameLine();
    draw_more_menu(app, view, r);
    const std::string title = r.company.empty() ? std::string(tr("reflection.untitled"))
                                                : (r.role.empty() ? r.company : r.company + " — " + r.role);
    ImGui::PushFont(fonts().heading);
    set_next_text_semantics(Role::heading, 1);
    user_text_line(title);
    ImGui::PopFont();
    draw_progress(r);

    // Open on the first step of an opportunity with no name yet; decided per step (so it never folds
    // away under the user's fingers while they type the company) until the user toggles it.
    DetailsCardState& card = view.details.try_emplace(r.meta.id).first->second;
    const int step_index = progress(r).current;
    if (!card.chosen && (!card.decided || card.step != step_index)) {
        card.open = opens_on_details(r);
        card.step = step_index;
        card.decided = true;
    }
    if (!card.open) muted_text(details_summary(r).c_str(), Direction::interface);
    if (button(card.open ? tr("details.hide").data() : tr("details.show").data(), Emphasis::quiet)) {
        card.open = !card.open;
        card.chosen = true;
    }
    if (card.open) draw_details(app, r);

    const float tabs_top = ImGui::GetCursorPosY();
    draw_step_tabs(app, r);
    const StepId step = current_step(r);
    ImGui::Dummy(ImVec2(1, 4));
    // A new step starts at its heading, a line's spacing below the top: on a phone the title,
    // progress and step tabs above it fill the screen. (ImGui's SetScrollHereY aims at the tabs' bottom
    // edge: a sliver of them stayed in view.) With the details card open the card is what comes first,
    // so the top stays.
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float heading_top = ImGui::GetCursorPosY();
    const std::string place = r.meta.id + ':' + std::to_string(step_index);
    if (view.heading_place != place) {
        view.heading_place = place;
        view.heading_scroll_to_check = !card.open;
        if (!card.open) ImGui::SetScrollY(heading_top - spacing);
    } else if (view.heading_scroll_to_check) {
        // Applied now, the scroll was held to the content: a step shorter than the screen cannot bring
        // its heading to the top. Rather than cut the step tabs across, it shows them whole.
        view.heading_scroll_to_check = false;
        const float scroll = ImGui::GetScrollY();
        if (scroll > tabs_top - spacing && scroll < heading_top - spacing) ImGui::SetScrollY(tabs_top - spacing);
    }
    // Said when the step changes (the mirror announces it once, on the change).
    set_frame_announcement(tr_format("a11y.step_changed", {{"current", format_number(progress(r).current + 1)},
                                                           {"total", format_number(step_count)},
                                                           {"title", std::string(tr(display_key(step)))}}));
    heading(tr(display_key(step)).data(), 2);
    muted_text(tr(step_key(step, ".guidance")).data());
    ImGui::Dummy(ImVec2(1, 4));
    ImGui::PushID(static_cast<int>(step));
    draw_step_body(app, view, r, step);
    ImGui::PopID();
}

}  // namespace debrief::ui
