// Loads the subset Noto fonts into ImGui's atlas at the display's pixel density.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace debrief::ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    ImFont* small = nullptr;
};

// Rasterises at `pixel_ratio` so text is crisp on high-DPI screens; sets FontGlobalScale to undo it
// in layout units. Returns false (and leaves the atlas empty) when a Latin font file cannot be read;
// missing Arabic files only leave Arabic out until they arrive (arabic_files_needed).
// Arabic glyphs are added only once Arabic text has been drawn (want_arabic_glyphs): they are half
// of the atlas, and building the atlas is most of the first frame.
bool load_fonts(const std::string& directory, float pixel_ratio, float body_px, float heading_px);
const Fonts& fonts();
// Counts load_fonts() calls: text measured before the last one was measured with other glyphs (and
// a rebuilt font may sit at the address of the one it replaced, so its pointer cannot tell).
int fonts_generation();

// A folder where load_fonts() keeps each atlas it builds (one with Arabic, one without) and restores
// it from next time instead of rasterising again (ui/atlas_cache.h). A file is read once, then
// removed, whether it was restored or refused. Empty, the default: always build.
void set_atlas_folder(const std::string& directory);
// Whether the last load_fonts() restored its atlas rather than building it.
bool atlas_restored();
// The file of an atlas load_fonts() has just built and saved, once; empty otherwise. The web build
// copies it to lasting storage, as the folder itself lives in memory.
std::string take_saved_atlas();

// Called when right-to-left text is about to be drawn; the platform then rebuilds the atlas with
// Arabic (fonts_outdated) and draws again. With the files already here, the frame that lacked the
// glyphs is not shown (backend_web.cpp); while they download, the text shows as "?".
void want_arabic_glyphs();
// Called with text about to be drawn: its characters that neither the Latin nor the Arabic font has
// (a Polish or Turkish name, Greek, Cyrillic, an emoji) are added to the atlas the same way, from
// the block files that hold them (fonts/blocks/u1f400.ttc holds U+1F400-1F4FF). Those no file
// has stay "?".
void want_glyphs_of(std::string_view utf8);
bool fonts_outdated();
// Font files are downloaded only once one of their characters is drawn: load_fonts builds without
// them while they are missing, font_files_needed() names them (relative to the font folder) for the
// platform to fetch, and font_files_arrived() (they are in the folder now) makes the atlas outdated
// again.
std::vector<std::string> font_files_needed();
void font_files_arrived();
// Forgets every character asked for, Arabic included, as at start-up. The app never needs to (what
// was drawn once is likely drawn again); tests do, as they share one process.
void forget_wanted_glyphs();

}  // namespace debrief::ui
