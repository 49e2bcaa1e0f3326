// Colours and spacing: warm neutrals with one calm accent; nothing flashes or shouts.
#include "ui/theme.h"

namespace debrief::ui {
namespace {
ThemeMetrics g_metrics;
Palette g_palette;

ImVec4 rgb(int r, int g, int b, float a = 1.0f) {
    return ImVec4(static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f, static_cast<float>(b) / 255.0f, a);
}

void set_colors_light(ImVec4* c) {
    c[ImGuiCol_Text] = rgb(38, 41, 46);
    c[ImGuiCol_TextDisabled] = rgb(104, 109, 117);
    c[ImGuiCol_WindowBg] = rgb(248, 246, 242);
    c[ImGuiCol_ChildBg] = rgb(248, 246, 242, 0.0f);
    c[ImGuiCol_PopupBg] = rgb(255, 255, 255);
    c[ImGuiCol_Border] = rgb(118, 112, 104);
    c[ImGuiCol_FrameBg] = rgb(255, 255, 255);
    c[ImGuiCol_FrameBgHovered] = rgb(240, 237, 230);
    c[ImGuiCol_FrameBgActive] = rgb(232, 228, 219);
    c[ImGuiCol_Button] = rgb(234, 230, 222);
    c[ImGuiCol_ButtonHovered] = rgb(222, 217, 207);
    c[ImGuiCol_ButtonActive] = rgb(208, 202, 190);
    c[ImGuiCol_Header] = rgb(223, 234, 231);
    c[ImGuiCol_HeaderHovered] = rgb(208, 225, 221);
    c[ImGuiCol_HeaderActive] = rgb(190, 214, 209);
    c[ImGuiCol_CheckMark] = rgb(46, 111, 104);
    c[ImGuiCol_ScrollbarBg] = rgb(0, 0, 0, 0.0f);
    c[ImGuiCol_ScrollbarGrab] = rgb(200, 195, 186);
    c[ImGuiCol_Separator] = rgb(225, 220, 211);
    c[ImGuiCol_ModalWindowDimBg] = rgb(30, 30, 30, 0.35f);
    c[ImGuiCol_PlotLines] = rgb(46, 111, 104);
    c[ImGuiCol_PlotHistogram] = rgb(46, 111, 104);
    g_palette = {rgb(46, 111, 104), rgb(223, 234, 231), rgb(104, 109, 117), rgb(46, 125, 70),
                 rgb(146, 90, 14),  rgb(170, 52, 46),   rgb(255, 255, 255), rgb(118, 112, 104)};
}

void set_colors_dark(ImVec4* c) {
    c[ImGuiCol_Text] = rgb(228, 226, 221);
    c[ImGuiCol_TextDisabled] = rgb(150, 150, 146);
    c[ImGuiCol_WindowBg] = rgb(28, 30, 32);
    c[ImGuiCol_ChildBg] = rgb(28, 30, 32, 0.0f);
    c[ImGuiCol_PopupBg] = rgb(40, 43, 46);
    c[ImGuiCol_Border] = rgb(128, 134, 140);
    c[ImGuiCol_FrameBg] = rgb(38, 41, 44);
    c[ImGuiCol_FrameBgHovered] = rgb(48, 52, 56);
    c[ImGuiCol_FrameBgActive] = rgb(56, 60, 64);
    c[ImGuiCol_Button] = rgb(50, 54, 58);
    c[ImGuiCol_ButtonHovered] = rgb(62, 67, 72);
    c[ImGuiCol_ButtonActive] = rgb(74, 80, 86);
    c[ImGuiCol_Header] = rgb(40, 70, 66);
    c[ImGuiCol_HeaderHovered] = rgb(48, 84, 79);
    c[ImGuiCol_HeaderActive] = rgb(56, 98, 92);
    c[ImGuiCol_CheckMark] = rgb(122, 196, 186);
    c[ImGuiCol_ScrollbarBg] = rgb(0, 0, 0, 0.0f);
    c[ImGuiCol_ScrollbarGrab] = rgb(80, 84, 88);
    c[ImGuiCol_Separator] = rgb(58, 62, 66);
    c[ImGuiCol_ModalWindowDimBg] = rgb(0, 0, 0, 0.5f);
    c[ImGuiCol_PlotLines] = rgb(122, 196, 186);
    c[ImGuiCol_PlotHistogram] = rgb(122, 196, 186);
    g_palette = {rgb(122, 196, 186), rgb(40, 70, 66),    rgb(160, 160, 155), rgb(120, 190, 130),
                 rgb(222, 170, 90),  rgb(240, 140, 130), rgb(36, 39, 42),    rgb(128, 134, 140)};
}
}  // namespace

void apply_theme(ColorScheme scheme, Pointer pointer) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    g_metrics.scheme = scheme;
    // 44 CSS px on every pointer: a mouse user with a tremor needs the room as much as a thumb does.
    g_metrics.touch_target = 44.0f;
    style.WindowPadding = ImVec2(16, 16);
    style.FramePadding = ImVec2(12, pointer == Pointer::coarse ? 12.0f : 8.0f);
    style.ItemSpacing = ImVec2(10, 10);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.FrameRounding = 8.0f;
    style.ChildRounding = 10.0f;
    style.PopupRounding = 10.0f;
    style.WindowRounding = 0.0f;
    style.GrabRounding = 8.0f;
    style.ScrollbarSize = pointer == Pointer::coarse ? 6.0f : 12.0f;
    style.ScrollbarRounding = 6.0f;
    style.WindowBorderSize = 0.0f;
    style.ChildBorderSize = 1.0f;
    // Controls carry an outline (ImGuiCol_Border, 3:1 or more against every background), so a white
    // field or an unticked checkbox never vanishes into a white card.
    style.FrameBorderSize = 1.0f;
    // Lines drawn from the atlas's baked textures would look like glyphs to the right-to-left mirror,
    // which tells text from shapes by their UVs (draw_mirror.h): draw them as plain geometry.
    style.AntiAliasedLinesUseTex = false;
    style.TouchExtraPadding = pointer == Pointer::coarse ? ImVec2(4, 4) : ImVec2(0, 0);
    if (scheme == ColorScheme::dark)
        set_colors_dark(style.Colors);
    else
        set_colors_light(style.Colors);
}

const ThemeMetrics& theme_metrics() { return g_metrics; }
const Palette& palette() { return g_palette; }

}  // namespace debrief::ui
