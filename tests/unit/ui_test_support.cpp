// The null backend behind the view tests (see ui_test_support.h).
#include "ui_test_support.h"

#include "ui/app_view.h"
#include "ui/fonts.h"
#include "ui/theme.h"

#include <stdexcept>

namespace debrief::test {

NullBackend::NullBackend(ImVec2 size) {
    m_context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = size;
    io.DeltaTime = 1.0f / 60.0f;
    ui::apply_theme(ui::ColorScheme::light, ui::Pointer::coarse);
    if (!ui::load_fonts(DEBRIEF_FONTS_DIR, 1.0f, ui::theme_metrics().body_px, ui::theme_metrics().heading_px))
        throw std::runtime_error("fonts missing in " DEBRIEF_FONTS_DIR);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    ui::set_text_field_host(&fields);
}

NullBackend::~NullBackend() {
    ui::set_text_field_host(nullptr);
    ImGui::DestroyContext(m_context);
}

const std::vector<ui::ItemInfo>& NullBackend::frame(App& app, ui::ViewState& view, ui::Services& services) {
    fields.placed.clear();
    ImGui::NewFrame();
    ui::item_registry_begin_frame();
    ui::draw_app(app, view, services);
    ImGui::Render();
    ui::item_registry_end_frame();
    return ui::item_registry_items();
}

bool NullBackend::scroll_to(App& app, ui::ViewState& view, ui::Services& services, ui::Role role,
                            const std::string& name) {
    ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < 60 && !ui::find_item(role, name); ++i) {
        io.MousePos = ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f);
        io.MouseWheel = -1.0f;
        frame(app, view, services);
        io.MouseWheel = 0.0f;
        frame(app, view, services);
    }
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    return ui::find_item(role, name) != nullptr;
}

bool NullBackend::click(App& app, ui::ViewState& view, ui::Services& services, ui::Role role, const std::string& name) {
    if (!scroll_to(app, view, services, role, name)) return false;
    const ui::ItemInfo* item = ui::find_item(role, name);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2((item->min.x + item->max.x) * 0.5f, (item->min.y + item->max.y) * 0.5f);
    frame(app, view, services);
    io.MouseDown[0] = true;
    frame(app, view, services);
    io.MouseDown[0] = false;
    frame(app, view, services);
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    frame(app, view, services);
    return true;
}

}  // namespace debrief::test
