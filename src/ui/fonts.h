// Loads the subset Noto fonts into ImGui's atlas at the display's pixel density.
#pragma once

#include <imgui.h>

#include <string>

namespace debrief::ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    ImFont* small = nullptr;
};

// Rasterises at `pixel_ratio` so text is crisp on high-DPI screens; sets FontGlobalScale to undo it
// in layout units. Returns false (and leaves the atlas empty) when a font file cannot be read.
bool load_fonts(const std::string& directory, float pixel_ratio, float body_px, float heading_px);
const Fonts& fonts();

}  // namespace debrief::ui
