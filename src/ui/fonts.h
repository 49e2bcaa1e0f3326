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
// Arabic glyphs are added only once Arabic text has been drawn (want_arabic_glyphs): they are half
// of the atlas, and building the atlas is most of the first frame.
bool load_fonts(const std::string& directory, float pixel_ratio, float body_px, float heading_px);
const Fonts& fonts();

// Called when right-to-left text is about to be drawn; the platform then rebuilds the atlas with
// Arabic (fonts_outdated) and draws again, so the text shows in its own letters a frame later.
void want_arabic_glyphs();
bool fonts_outdated();

}  // namespace debrief::ui
