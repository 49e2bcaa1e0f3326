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
// Arabic (fonts_outdated) and draws again, so the text shows in its own letters a frame later.
void want_arabic_glyphs();
bool fonts_outdated();
// The Arabic font files are downloaded only once Arabic is drawn: load_fonts builds without them
// while they are missing, arabic_files_needed() tells the platform to fetch them, and
// arabic_files_arrived() (the files are now in the directory) makes the atlas outdated again.
bool arabic_files_needed();
void arabic_files_arrived();

}  // namespace debrief::ui
