// The criteria profile across all reflections: recurring "loved" aspects and criteria ranked, each
// classified must-have / nice-to-have / deal-breaker, and a targeted search phrase to copy.
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
        view.profile = build_profile(app.journal());
    }
    return view.profile;
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
    const std::string phrase = search_phrase(profile, app.journal().settings);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
    user_text_line(phrase);
    ImGui::PopStyleColor();
    if (button(tr("profile.copy_phrase").data(), Emphasis::primary)) {
        services.copy_text(phrase);
        app.notify(std::string(tr("message.copied")));
    }
    end_card();

    for (const ProfileEntry& e : profile.entries) {
        ImGui::PushID(e.key.c_str());
        begin_card("entry");
        user_text_line(e.text);
        const std::string meta =
            tr_plural("profile.recurs", e.reflection_count, {{"weight", format_number(e.total_weight)}});
        muted_text(meta.c_str());
        int kind = static_cast<int>(e.kind);
        if (choice_row("kind", kind,
                       {tr("criterion.must_have").data(), tr("criterion.nice_to_have").data(),
                        tr("criterion.deal_breaker").data()}))
            app.update_settings([&](Settings& s) { set_profile_choice(s, e.key, static_cast<CriterionKind>(kind)); });
        end_card();
        ImGui::PopID();
    }
}

}  // namespace debrief::ui
