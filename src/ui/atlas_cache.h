// A built glyph atlas saved as bytes and restored without rasterising a glyph. Building the atlas
// is the largest single cost of the first frame (7-15 ms of a warm start on this project's desktop
// machine at a pixel ratio of 1, 9-16 ms at 3, several times that on a phone), and its result only
// changes with the font files, the pixel ratio and the sizes: ui/fonts.cpp keeps the last one and
// restores it at the next start.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace debrief::ui {

// A hash of everything ImFontAtlas::Build() reads: each added font's file, face, size, glyph ranges
// and options, the atlas's flags and padding, and ImGui's version. Two atlases with the same recipe
// build the same pixels and glyphs.
std::uint64_t atlas_recipe(const ImFontAtlas& atlas);

// The atlas's pixels, size, white pixel and line UVs, custom rectangles, and each font's metrics and
// glyphs, after the recipe and ending with a checksum of all of it. The atlas must be built, and
// saved before anything but Build() changed its glyphs.
std::string save_atlas(const ImFontAtlas& atlas);

// Fills an atlas whose fonts have been added but not built, as Build() would have. Returns false,
// and changes nothing, unless `bytes` is a whole, unaltered save of an atlas with the same recipe:
// a cut-off, damaged or outdated save only means the atlas is built again.
bool restore_atlas(ImFontAtlas& atlas, std::string_view bytes);

}  // namespace debrief::ui
