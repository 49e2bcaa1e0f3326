// Font atlas: Noto Sans (Latin-1, the Windows-1252 letters of Latin Extended-A, punctuation), with Noto
// Sans Arabic merged in once Arabic text is drawn: the presentation forms FriBidi's shaping produces (see bidi_text.h).
#include "ui/fonts.h"

#include <cstdio>
#include <vector>

namespace debrief::ui {
namespace {
Fonts g_fonts;
bool g_arabic_wanted = false;  // right-to-left text was drawn since start-up
bool g_with_arabic = false;    // the atlas holds the Arabic glyphs

// ImGui keeps pointers to the ranges until the atlas is built: static storage.
const ImWchar latin_ranges[] = {0x0020, 0x007E, 0x00A0, 0x00FF, 0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x0178, 0x017D,
                                0x017E, 0x2010, 0x2027, 0x2030, 0x203A, 0x20AC, 0x20AC, 0x2190, 0x2193, 0x2022, 0x2022,
                                0x2605, 0x2606, 0x2713, 0x2713, 0x25B8, 0x25B8, 0x25BE, 0x25BE, 0};
// The small font draws only our own English labels (tabs, legends): ASCII and the punctuation the
// catalogue uses. Widen it together with a translated catalogue.
const ImWchar label_ranges[] = {0x0020, 0x007E, 0x00B7, 0x00B7, 0x2010, 0x2027, 0x2039, 0x203A, 0};
// Only the forms FriBidi's shaping emits (see cmake/Fonts.cmake): fewer glyphs to rasterise at start-up.
const ImWchar arabic_ranges[] = {0x060C, 0x0671, 0xFB50, 0xFB51, 0xFE70, 0xFEFF, 0};

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

// ImGui frees font data it owns with IM_FREE, so hand it a copy made with IM_ALLOC.
ImFont* add_font(const std::vector<char>& data, float px, const ImWchar* ranges, bool merge) {
    ImFontConfig config;
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
    std::vector<char> latin, bold, arabic;
    const bool with_arabic = g_arabic_wanted;
    if (!read_file(directory + "/latin.ttf", latin) || !read_file(directory + "/latin-bold.ttf", bold) ||
        (with_arabic && !read_file(directory + "/arabic.ttf", arabic)))
        return false;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    g_fonts.body = add_font(latin, body_px * pixel_ratio, latin_ranges, false);
    if (with_arabic) add_font(arabic, body_px * pixel_ratio, arabic_ranges, true);
    g_fonts.heading = add_font(bold, heading_px * pixel_ratio, latin_ranges, false);
    if (with_arabic) add_font(arabic, heading_px * pixel_ratio, arabic_ranges, true);
    g_with_arabic = with_arabic;
    g_fonts.small = add_font(latin, (body_px - 2.0f) * pixel_ratio, label_ranges, false);
    io.FontGlobalScale = 1.0f / pixel_ratio;
    io.FontDefault = g_fonts.body;
    return io.Fonts->Build();
}

const Fonts& fonts() { return g_fonts; }

void want_arabic_glyphs() { g_arabic_wanted = true; }

bool fonts_outdated() { return g_arabic_wanted && !g_with_arabic; }

}  // namespace debrief::ui
