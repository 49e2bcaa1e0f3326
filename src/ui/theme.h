// Calm light and dark themes, sized for touch on coarse pointers.
#pragma once

#include <imgui.h>

namespace debrief::ui {

enum class ColorScheme { light, dark };
enum class Pointer { fine, coarse };

struct ThemeMetrics {
    // ImGui sizes fonts by line height (ascent - descent); Noto Sans' is 1.362 em, so 22 px here
    // is a 16.2 CSS px body font and 30 px a 22 CSS px heading.
    float body_px = 22.0f;
    float heading_px = 30.0f;
    float touch_target = 44.0f;  // every pointer: WCAG 2.5.5's 44 CSS px (the height of every control)
    float content_max_width = 760.0f;
    ColorScheme scheme = ColorScheme::light;
};

struct Palette {
    ImVec4 accent;
    ImVec4 accent_soft;
    ImVec4 muted_text;
    ImVec4 good;
    ImVec4 warn;
    ImVec4 danger;
    ImVec4 card;
    // Outlines of controls (fields, checkboxes, chips): at least 3:1 against every background.
    ImVec4 control_border;
};

void apply_theme(ColorScheme scheme, Pointer pointer);
const ThemeMetrics& theme_metrics();
const Palette& palette();

}  // namespace debrief::ui
