// Font atlas: Noto Sans (Latin-1, the Windows-1252 letters of Latin Extended-A, punctuation), with Noto
// Sans Arabic merged in once Arabic text is drawn: the presentation forms FriBidi's shaping produces (see bidi_text.h).
#include "ui/fonts.h"

#include "ui/atlas_cache.h"

#include <cstdio>
#include <string_view>
#include <utility>
#include <vector>

namespace debrief::ui {
namespace {
Fonts g_fonts;
bool g_arabic_wanted = false;   // right-to-left text was drawn since start-up
bool g_with_arabic = false;     // the atlas holds the Arabic glyphs
bool g_arabic_missing = false;  // Arabic is wanted but its files were not there yet
int g_generation = 0;           // load_fonts() calls so far
std::string g_font_folder;      // the last load_fonts()'s
std::string g_atlas_folder;     // set_atlas_folder()
bool g_atlas_restored = false;
std::string g_saved_atlas;  // take_saved_atlas()

// ImGui keeps pointers to the ranges until the atlas is built: static storage.
const ImWchar latin_ranges[] = {0x0020, 0x007E, 0x00A0, 0x00FF, 0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x0178, 0x017D,
                                0x017E, 0x2010, 0x2027, 0x2030, 0x203A, 0x20AC, 0x20AC, 0x2190, 0x2193, 0x2022, 0x2022,
                                0x2605, 0x2606, 0x2713, 0x2713, 0x25B8, 0x25B8, 0x25BE, 0x25BE, 0};
// What cmake/Fonts.cmake keeps: the letters, harakat, digits and punctuation (، ؛ ؟), and only the
// presentation forms FriBidi's shaping emits: fewer glyphs to rasterise.
const ImWchar arabic_ranges[] = {0x060C, 0x060C, 0x061B, 0x061C, 0x061F, 0x061F, 0x0621, 0x063A, 0x0640, 0x0655,
                                 0x0660, 0x066D, 0x0670, 0x0671, 0xFB50, 0xFB51, 0xFE80, 0xFEFC, 0};
// Each script is one collection: face 0 regular, face 1 bold (scripts/lib/make_font_collection.py).
constexpr int regular_face = 0;
constexpr int bold_face = 1;

// ImGui sizes a font by its ascent-to-descent height, not its em. Noto Sans Arabic's vertical metrics
// (1374 + 738 of its 1000 units) are far taller than Noto Sans's (1069 + 293; ratios, so the build's
// rescaling of the em changes nothing), so at the same size its letters came
// out at 64 % of the Latin em. This factor gives both the same em, then 12 % more: Arabic letters sit
// lower and smaller in their em than Latin ones, and at equal em Arabic reads a size smaller. The
// glyphs keep the Latin baseline (ImGui places merged glyphs from the first font's ascent).
constexpr float arabic_size_factor = (2112.0f / 1362.0f) * 1.12f;

// <cstdio>, not <fstream>: iostreams would add ~50 KB (brotli) to the wasm.
bool read_file(const std::string& path, std::vector<char>& out) {
    std::FILE* in = std::fopen(path.c_str(), "rb");
    if (!in) return false;
    char buffer[16384];
    for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, in)) > 0;)
        out.insert(out.end(), buffer, buffer + got);
    const bool ok = !std::ferror(in);
    std::fclose(in);
    return ok && !out.empty();
}

bool write_file(const std::string& path, std::string_view bytes) {
    std::FILE* out = std::fopen(path.c_str(), "wb");
    if (!out) return false;
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), out) == bytes.size();
    return std::fclose(out) == 0 && ok;
}

bool file_exists(const std::string& path) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file) std::fclose(file);
    return file != nullptr;
}

// The atlas from the folder if it holds one of these fonts, else built (and saved there).
bool restore_or_build(ImFontAtlas& atlas, bool with_arabic) {
    g_atlas_restored = false;
    if (g_atlas_folder.empty()) return atlas.Build();
    const std::string path = g_atlas_folder + (with_arabic ? "/latin-arabic.atlas" : "/latin.atlas");
    std::vector<char> saved;
    if (read_file(path, saved)) {
        // Read once: the folder may live in memory (the web's does), and a file restored or refused
        // is not read again. Restored, the atlas stays as it is until the fonts change.
        std::remove(path.c_str());
        if (restore_atlas(atlas, std::string_view(saved.data(), saved.size()))) {
            g_atlas_restored = true;
            return true;
        }
    }
    if (!atlas.Build()) return false;
    // A cache: a file that cannot be written only means the next start builds the atlas again.
    if (write_file(path, save_atlas(atlas))) g_saved_atlas = path;
    return true;
}

// Harakat (fatha, damma, shadda, ...) have no advance and are drawn right of the pen: a layout engine
// moves them onto their letter with GPOS anchors, which stb_truetype ignores. FriBidi puts a mark right
// after its letter in visual order (FRIBIDI_FLAG_REORDER_NSM), so the pen stands at the letter's right
// edge: moving the mark left by half a typical letter width centres it over the letter.
void place_arabic_marks(ImFont* font, float latin_px) {
    // Noto Sans Arabic's em is 1000 units of its 2112-unit tall box; a medial letter is about half an em.
    const float half_letter = latin_px * arabic_size_factor * (1000.0f / 2112.0f) * 0.27f;
    for (ImWchar c = 0x064B; c <= 0x0652; ++c) {
        ImFontGlyph* glyph = const_cast<ImFontGlyph*>(font->FindGlyphNoFallback(c));
        if (!glyph || glyph->AdvanceX != 0.0f) continue;
        const float shift = -half_letter - (glyph->X0 + glyph->X1) * 0.5f;
        glyph->X0 += shift;
        glyph->X1 += shift;
    }
}

// ImGui frees font data it owns with IM_FREE, so hand it a copy made with IM_ALLOC.
ImFont* add_font(const std::vector<char>& data, int face, float px, const ImWchar* ranges, bool merge) {
    ImFontConfig config;
    config.FontNo = face;
    config.MergeMode = merge;
    config.OversampleH = 1;  // we rasterise at device pixels already
    config.OversampleV = 1;
    config.PixelSnapH = true;
    void* copy = IM_ALLOC(data.size());
    std::copy(data.begin(), data.end(), static_cast<char*>(copy));
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(copy, static_cast<int>(data.size()), px, &config, ranges);
}
}  // namespace

bool load_fonts(const std::string& directory, float pixel_ratio, float body_px, float heading_px) {
    g_font_folder = directory;
    ++g_generation;
    std::vector<char> latin, arabic;
    if (!read_file(directory + "/latin.ttc", latin)) return false;
    const bool with_arabic = g_arabic_wanted && read_file(directory + "/arabic.ttc", arabic);
    g_arabic_missing = g_arabic_wanted && !with_arabic;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // WebGL 2 takes textures of any height: at a pixel ratio of 3 the atlas is 1024x645 instead of
    // 1024x1024 (2.6 MB of texture instead of 4 to convert and upload on a phone's first frame).
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    const float small_px = body_px - 2.0f;
    const float arabic_scale = arabic_size_factor * pixel_ratio;
    g_fonts.body = add_font(latin, regular_face, body_px * pixel_ratio, latin_ranges, false);
    if (with_arabic) add_font(arabic, regular_face, body_px * arabic_scale, arabic_ranges, true);
    g_fonts.heading = add_font(latin, bold_face, heading_px * pixel_ratio, latin_ranges, false);
    if (with_arabic) add_font(arabic, bold_face, heading_px * arabic_scale, arabic_ranges, true);
    // The small font draws translated labels (tabs, step names, legends): all the letters the others have.
    g_fonts.small = add_font(latin, regular_face, small_px * pixel_ratio, latin_ranges, false);
    if (with_arabic) add_font(arabic, regular_face, small_px * arabic_scale, arabic_ranges, true);
    g_with_arabic = with_arabic;
    io.FontGlobalScale = 1.0f / pixel_ratio;
    io.FontDefault = g_fonts.body;
    if (!restore_or_build(*io.Fonts, with_arabic)) return false;
    // After the save: a restored atlas has its glyphs as Build() left them, and is adjusted the same way.
    if (with_arabic) {
        place_arabic_marks(g_fonts.body, body_px * pixel_ratio);
        place_arabic_marks(g_fonts.heading, heading_px * pixel_ratio);
        place_arabic_marks(g_fonts.small, small_px * pixel_ratio);
    }
    return true;
}

const Fonts& fonts() { return g_fonts; }

int fonts_generation() { return g_generation; }

void set_atlas_folder(const std::string& directory) { g_atlas_folder = directory; }

bool atlas_restored() { return g_atlas_restored; }

std::string take_saved_atlas() { return std::exchange(g_saved_atlas, std::string()); }

void want_arabic_glyphs() {
    if (g_arabic_wanted) return;
    g_arabic_wanted = true;
    // Without the files a rebuild would only make the same Latin atlas again (10-16 ms at a pixel
    // ratio of 3 here, several times that on a phone): ask for the files first, rebuild when they come.
    if (!file_exists(g_font_folder + "/arabic.ttc")) g_arabic_missing = true;
}

bool fonts_outdated() { return g_arabic_wanted && !g_with_arabic && !g_arabic_missing; }

bool arabic_files_needed() { return g_arabic_wanted && g_arabic_missing; }

void arabic_files_arrived() { g_arabic_missing = false; }

}  // namespace debrief::ui
