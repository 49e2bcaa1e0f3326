// The trash: deleted reflections wait here to be restored; only an explicit second step removes them.
#include "ui/views.h"

#include "core/i18n.h"
#include "ui/widgets.h"

#include <imgui.h>

namespace debrief::ui {

void draw_trash(App& app, TrashViewState& view) {
    if (button(tr("nav.back_to_journal").data(), Emphasis::quiet)) app.go(Screen::home);
    heading(tr("trash.title").data());
    muted_text(tr("trash.help").data());
    // Deleting forever takes two taps on the same button: a slip of the finger must not cost a reflection.
    std::string& armed = view.armed;
    std::string restore, purge;
    bool any = false;
    for (const Reflection& r : app.journal().reflections) {
        if (!r.meta.deleted) continue;
        any = true;
        ImGui::PushID(r.meta.id.c_str());
        begin_card("trashed");
        user_text_line(r.company, tr("reflection.untitled").data());
        user_text_line(r.role, "");
        if (button(tr("trash.restore").data(), Emphasis::primary)) restore = r.meta.id;
        const bool is_armed = armed == r.meta.id;
        // One button whose words change (its ID stays, so keyboard focus stays on it when armed).
        const std::string label =
            std::string(tr(is_armed ? "trash.confirm_delete" : "trash.delete_forever")) + "###purge";
        same_line_if_fits(button_width(label.c_str()));
        if (button(label.c_str(), Emphasis::danger)) {
            if (is_armed)
                purge = r.meta.id;
            else
                armed = r.meta.id;
        }
        if (is_armed) {
            // A way back that is not the dangerous button: Escape presses it.
            same_line_if_fits(button_width(tr("trash.keep").data()));
            set_next_item_dismisses();
            if (button(tr("trash.keep").data(), Emphasis::quiet)) armed.clear();
        }
        end_card();
        ImGui::PopID();
    }
    if (!any) muted_text(tr("trash.empty").data());
    if (!restore.empty()) app.restore_reflection(restore);
    if (!purge.empty()) {
        app.purge_reflection(purge);
        armed.clear();
    }
}

}  // namespace debrief::ui
