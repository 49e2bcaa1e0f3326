// One message draft: recipient, subject and body in native fields, the advice's checklist checked
// live against the body, Copy and Open in mail app, and what happened after sending.
#include "ui/views.h"

#include "core/people.h"
#include "ui/people_fields.h"

#include "core/i18n.h"
#include "core/messages.h"
#include "core/names.h"
#include "ui/fonts.h"
#include "ui/text_field.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>

namespace debrief::ui {
namespace {

void draw_checklist(const Message& m) {
    const std::vector<ChecklistItem> items = checklist(m.kind, m.language);
    const ChecklistResult result = check_body(items, m.body);
    begin_card("checklist");
    const std::string title = tr_format("checklist.title", {{"met", format_number(result.required_met)},
                                                            {"total", format_number(result.required_total)}});
    subheading(title.c_str());
    begin_region(Region::list, "items", title);
    for (std::size_t i = 0; i < items.size(); ++i) {
        const bool ok = result.satisfied[i];
        const bool optional = items[i].requirement == Requirement::optional;
        // Drawn, not a glyph: Noto Sans has no U+2713, and a shape reads the same in every script.
        const ImVec4 color = ok ? palette().good : (optional ? palette().muted_text : palette().warn);
        const float size = ImGui::GetFontSize();
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        if (ok) {
            ImDrawList& draw = *ImGui::GetWindowDrawList();
            const int first_vertex = draw.VtxBuffer.Size;
            ImGui::RenderCheckMark(&draw, ImVec2(pos.x, pos.y + size * 0.15f), ImGui::GetColorU32(color), size * 0.8f);
            keep_unmirrored(draw, first_vertex, pos.x, pos.x + size * 0.8f);
        } else
            ImGui::GetWindowDrawList()->AddCircle(ImVec2(pos.x + size * 0.4f, pos.y + size * 0.55f), size * 0.3f,
                                                  ImGui::GetColorU32(color), 12, 1.5f);
        ImGui::Dummy(ImVec2(size, size));
        ImGui::SameLine();
        std::string text = items[i].label;
        if (optional) text += "  " + std::string(tr("checklist.optional"));
        set_next_text_semantics(Role::listitem, 0,
                                tr_format(ok ? "checklist.item.met" : "checklist.item.not_met", {{"item", text}}));
        wrapped_text(text.c_str());
    }
    end_region();
    end_card();
}

// The draft as it was composed, as far as the journal still knows it: what the reflection and the
// contact say (reflection_view.cpp and contacts_view.cpp build drafts from these). Details typed
// only into the new-message form are not stored; the sentences holding them are then left as
// they are when the language changes, never rewritten from a guess.
DraftContext composed_context(App& app, const Message& m) {
    DraftContext ctx;
    ctx.language = m.language;
    ctx.today = app.env().today();
    if (const std::optional<Addressee> to = message_addressee(app.journal(), m))
        address_context(ctx, *to, app.journal().settings);
    if (const Contact* c = m.contact_id.empty() ? nullptr : app.find_contact(m.contact_id)) ctx.company = c->company;
    const Reflection* r = m.reflection_id.empty() ? nullptr : app.find_reflection(m.reflection_id);
    return composed_context_of(m, r, ctx);  // the withdrawal reason and offer of help, read from the body
}

// One choice per draft: Standard, Shorter, Warmer. Picking one rewrites only the sentences the app
// composed that are still in the body word for word (as a change of language does): a sentence the
// user edited is never replaced, and a notice says so, so the new tone is offered without
// overwriting anything they wrote.
void draw_tone_choice(App& app, const Message& m) {
    std::vector<std::string> names;
    for (const Tone tone : enum_values<Tone>()) names.emplace_back(tr(display_key(tone)));
    std::vector<const char*> labels;
    for (const std::string& name : names) labels.push_back(name.c_str());
    muted_text(tr("message.tone").data());
    int index = static_cast<int>(m.tone);
    if (!choice_row("draft_tone", index, labels)) return;
    const Tone chosen = static_cast<Tone>(index);
    if (chosen == m.tone) return;
    const Reflection* r = m.reflection_id.empty() ? nullptr : app.find_reflection(m.reflection_id);
    const Recomposed next = retone_draft(m, r, composed_context(app, m), chosen);
    app.update_message(m.meta.id, [&](Message& x) {
        x.tone = chosen;
        x.subject = next.subject;
        x.body = next.body;
    });
    if (next.kept > 0) app.notify(std::string(tr("message.tone_kept")));
}

// One choice per draft: the languages, each named in itself. Choosing one recomposes the sentences
// the app wrote (never the user's own) once that language's catalogue is installed; until then a
// short "getting ready" line shows instead of composing in English. Which draft waits for which
// language is kept in ImGui's window storage (0 = none, else the language + 1).
void draw_language_choice(App& app, Services& services, const Message& m) {
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID pending_id = ImGui::GetID(("language_pending/" + m.meta.id).c_str());
    int pending = storage->GetInt(pending_id, 0);
    int index = pending > 0 ? pending - 1 : static_cast<int>(m.language);
    std::vector<const char*> names;
    for (const Language language : all_languages) names.push_back(language_name(language).data());
    muted_text(tr("message.language").data());
    if (choice_row("draft_language", index, names)) {
        const Language chosen = static_cast<Language>(index);
        pending = chosen == m.language ? 0 : index + 1;
        if (pending > 0 && !has_catalogue(chosen)) services.ensure_catalogue(chosen);
        storage->SetInt(pending_id, pending);
    }
    if (pending == 0) return;
    const Language target = static_cast<Language>(pending - 1);
    if (!has_catalogue(target)) {
        muted_text(tr_format("message.language_loading", {{"language", language_name(target)}}).c_str());
        return;
    }
    const Reflection* r = m.reflection_id.empty() ? nullptr : app.find_reflection(m.reflection_id);
    const Recomposed next = recompose_draft(m, r, composed_context(app, m), target);
    storage->SetInt(pending_id, 0);
    app.update_message(m.meta.id, [&](Message& x) {
        x.language = target;
        x.subject = next.subject;
        x.body = next.body;
    });
    if (next.kept > 0) app.notify(std::string(tr("message.language_kept")));
}

}  // namespace

void draw_message_actions(App& app, Services& services) {
    const Message* m = app.find_message(app.nav().message_id);
    if (!m) return;
    if (button(tr("message.copy").data(), Emphasis::primary)) {
        services.copy_text(m->subject.empty() ? m->body : m->subject + "\n\n" + m->body);
        app.notify(std::string(tr("message.copied")));
    }
    ImGui::SameLine();
    if (button(tr("message.open_mail").data())) services.open_url(mailto_url(m->to, m->subject, m->body));
}

void draw_message(App& app, Services& services) {
    const Message* found = app.find_message(app.nav().message_id);
    if (!found) {
        app.go(Screen::home);
        return;
    }
    const Message& m = *found;
    const std::string id = m.meta.id;
    if (button(tr("nav.back").data(), Emphasis::quiet)) app.close_message();
    heading(tr(display_key(m.kind)).data());
    muted_text(tr("message.kind_help." + std::string(to_key(m.kind))).data());
    draw_language_choice(app, services, m);
    if (!app.find_message(id)) return;
    draw_tone_choice(app, *app.find_message(id));
    const Message& composed = *app.find_message(id);

    FieldOptions email;
    email.type = InputType::email;
    std::string to = composed.to;
    if (text_field(tr("message.to").data(), to, FieldKind::single_line, email))
        app.update_message(id, [&](Message& x) { x.to = to; });
    draw_missing_addresses(app, *app.find_message(id));
    std::string subject = composed.subject;
    if (text_field(tr("message.subject").data(), subject, FieldKind::single_line))
        app.update_message(id, [&](Message& x) { x.subject = subject; });
    std::string body = composed.body;
    FieldOptions body_options;
    body_options.min_lines = 8;
    body_options.max_lines = 24;
    if (text_field(tr("message.body").data(), body, FieldKind::multi_line, body_options))
        app.update_message(id, [&](Message& x) { x.body = body; });
    if (has_placeholders(subject) || has_placeholders(body)) muted_text(tr("message.placeholders_hint").data());

    const Message& current = *app.find_message(id);
    draw_checklist(current);

    subheading(tr("message.status").data());
    MessageStatus status = current.status;
    int index = static_cast<int>(status);
    if (choice_row("status", index,
                   {tr("message_status.draft").data(), tr("message_status.sent").data(),
                    tr("message_status.replied").data()})) {
        const Date today = app.env().today();
        app.update_message(id, [&](Message& x) {
            x.status = static_cast<MessageStatus>(index);
            if (x.status != MessageStatus::draft && !x.sent_on) x.sent_on = today;
            if (x.status == MessageStatus::replied && !x.replied_on) x.replied_on = today;
        });
    }
    if (current.status == MessageStatus::replied) {
        std::string notes = current.reply_notes;
        if (text_field(tr("message.reply_notes").data(), notes, FieldKind::multi_line))
            app.update_message(id, [&](Message& x) { x.reply_notes = notes; });
    }
    ImGui::Dummy(ImVec2(1, 12));
    if (button(tr("message.delete").data(), Emphasis::danger)) {
        app.trash_message(id);
        app.close_message();
    }
}

void draw_new_message(App& app, NewMessageViewState& view) {
    if (button(tr("nav.back_to_journal").data(), Emphasis::quiet)) app.go(Screen::home);
    heading(tr("new_message.title").data());
    muted_text(tr("new_message.help").data());

    // Form state lives in the view state: nothing is stored until the user creates the draft.
    int& kind = view.kind;  // 0 = withdrawal, 1 = reconnect
    DraftContext& ctx = view.ctx;
    // The choice has its own prompt: without one it took the intro above as its name, a paragraph
    // read out again each time focus entered it.
    wrapped_text(tr("new_message.kind").data());
    choice_row("kind", kind, {tr("message_kind.withdrawal").data(), tr("message_kind.reconnect").data()});
    text_field(tr("new_message.recipient").data(), ctx.recipient_name, FieldKind::single_line);
    FieldOptions email;
    email.type = InputType::email;
    text_field(tr("new_message.recipient_email").data(), ctx.recipient_email, FieldKind::single_line, email);
    if (kind == 0) {
        muted_text(tr("withdrawal.early").data());  // the advice comes before the draft
        text_field(tr("new_message.company").data(), ctx.company, FieldKind::single_line);
        text_field(tr("new_message.role").data(), ctx.role, FieldKind::single_line);
        wrapped_text(tr("new_message.reason").data());
        int reason = static_cast<int>(ctx.withdrawal_reason);
        if (choice_row("reason", reason,
                       {tr("withdrawal_reason.another_offer").data(), tr("withdrawal_reason.change_of_plans").data(),
                        tr("withdrawal_reason.personal").data()}))
            ctx.withdrawal_reason = static_cast<WithdrawalReason>(reason);
        bool offer = ctx.offer_help == OfferHelp::yes;
        if (checkbox(tr("new_message.offer_help").data(), offer))
            ctx.offer_help = offer ? OfferHelp::yes : OfferHelp::no;
    } else {
        text_field(tr("new_message.how_long").data(), ctx.reconnect.how_long, FieldKind::single_line);
        text_field(tr("new_message.context").data(), ctx.reconnect.context, FieldKind::multi_line);
        text_field(tr("new_message.why_now").data(), ctx.reconnect.why_now, FieldKind::multi_line);
        text_field(tr("new_message.plan").data(), ctx.reconnect.plan, FieldKind::multi_line);
        text_field(tr("new_message.offer").data(), ctx.reconnect.offer, FieldKind::single_line);
    }
    if (button(tr("new_message.create").data(), Emphasis::primary, true)) {
        ctx.today = app.env().today();
        ctx.language = interface_language();  // the form may have been opened before a language switch
        const Settings& you = app.journal().settings;
        ctx.sender_name = you.your_name;
        ctx.signature = you.signature;
        ctx.profile_link = you.profile_link;
        const MessageKind k = kind == 0 ? MessageKind::withdrawal : MessageKind::reconnect;
        app.open_message(app.create_message(draft_message(k, nullptr, ctx)));
        ctx = DraftContext();
    }
}

}  // namespace debrief::ui
