// The criteria profile across all reflections: recurring "loved" aspects and criteria ranked, each
// classified must-have / nice-to-have / deal-breaker with a short search word, near-duplicates offered
// for merging, and the targeted search as a sentence and as a boolean query to copy.
#include "ui/views.h"

#include "core/criteria.h"
#include "core/i18n.h"
#include "core/names.h"
#include "ui/text_field.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <imgui.h>

namespace debrief::ui {

namespace {
// build_profile walks every reflection (16 ms for 10,000 natively): once per journal change. The
// cache lives in this App's view state: a revision numbers one App's journal, not journals in general.
const Profile& cached_profile(const App& app, ProfileViewState& view) {
    if (view.revision != app.revision()) {
        view.revision = app.revision();
        view.profile = build_profile(app.journal(), interface_language());
    }
    return view.profile;
}
const char* importance_key(Importance importance) {
    switch (importance) {
        case Importance::a_lot: return "profile.mattered.a_lot";
        case Importance::a_little: return "profile.mattered.a_little";
        case Importance::some: break;
    }
    return "profile.mattered.some";
}

const NearDuplicate* duplicate_of(const std::vector<NearDuplicate>& duplicates, const std::string& key) {
    for (const NearDuplicate& d : duplicates) {
        if (d.key == key) return &d;
    }
    return nullptr;
}
}  // namespace

void draw_profile(App& app, ProfileViewState& view, Services& services) {
    heading(tr("profile.title").data());
    muted_text(tr("profile.help").data());
    const Profile& profile = cached_profile(app, view);
    if (profile.entries.empty()) {
        begin_card("empty");
        wrapped_text(tr("profile.empty").data());
        end_card();
        return;
    }

    begin_card("phrase");
    subheading(tr("profile.phrase").data());
    std::string location = app.journal().settings.search_location;
    if (text_field(tr("profile.location").data(), location, FieldKind::single_line))
        app.update_settings([&](Settings& s) { s.search_location = location; });
    const SearchParts parts = search_parts(profile, app.journal().settings);
    const std::string sentence = describe_search(parts, interface_language());
    if (!sentence.empty()) wrapped_text(sentence.c_str());
    const std::string query = search_query(parts);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
    user_text_line(query);
    ImGui::PopStyleColor();
    if (button(tr("profile.copy_phrase").data(), Emphasis::primary)) {
        services.copy_text(query);
        app.notify(std::string(tr("message.copied")));
    }
    end_card();

    const std::vector<NearDuplicate> duplicates = near_duplicates(profile);
    for (const ProfileEntry& e : profile.entries) {
        ImGui::PushID(e.key.c_str());
        begin_card("entry");
        // One group per entry, named with it: its choice and its search word are heard as this entry's.
        begin_region(Region::group, "entry", e.text);
        user_text_line(e.text);
        const std::string meta = tr_plural(importance_key(importance(e)), e.reflection_count);
        muted_text(meta.c_str());
        int kind = static_cast<int>(e.kind);
        if (choice_row("kind", kind,
                       {tr("criterion.must_have").data(), tr("criterion.nice_to_have").data(),
                        tr("criterion.deal_breaker").data()}))
            app.update_settings([&](Settings& s) { set_profile_choice(s, e.key, static_cast<CriterionKind>(kind)); });
        // Empty shows the suggestion as the placeholder; clearing the field goes back to it.
        std::string keyword = e.keyword_is_users ? e.keyword : std::string();
        FieldOptions keyword_options;
        keyword_options.placeholder = e.suggested_keyword.c_str();
        if (text_field(tr("profile.keyword").data(), keyword, FieldKind::single_line, keyword_options))
            app.update_settings([&](Settings& s) { set_profile_keyword(s, e.key, keyword); });
        if (const NearDuplicate* d = duplicate_of(duplicates, e.key)) {
            const std::string note = tr_format("profile.duplicate", {{"other", d->into_text}});
            muted_text(note.c_str());
            if (button(tr("profile.merge").data()))
                app.update_settings([&](Settings& s) { merge_profile_entries(s, d->key, d->into); });
        }
        end_region();
        end_card();
        ImGui::PopID();
    }
}

}  // namespace debrief::ui
