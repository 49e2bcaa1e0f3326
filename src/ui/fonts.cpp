// Font atlas: Noto Sans (Latin-1, the Windows-1252 letters of Latin Extended-A, punctuation), with Noto
// Sans Arabic merged in once Arabic text is drawn: the presentation forms FriBidi's shaping produces (see bidi_text.h).
// Other characters come in blocks of 256 code points once one of them is drawn: more letters (Noto
// Sans) and emoji (Symbola), only the characters drawn rasterised.
#include "ui/fonts.h"

#include "ui/atlas_cache.h"

#include "core/text.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

namespace debrief::ui {
namespace {
Fonts g_fonts;
bool g_arabic_wanted = false;   // right-to-left text was drawn since start-up
bool g_with_arabic = false;     // the atlas holds the Arabic glyphs
bool g_arabic_missing = false;  // Arabic is wanted but its files were not there yet
// A block of characters drawn that the Latin and Arabic fonts lack (see more_glyphs).
struct Block {
    std::vector<ImWchar> wanted;  // sorted: the characters drawn so far
    std::vector<ImWchar> ranges;  // `wanted` as ImGui's ranges, for the atlas (ImGui keeps the pointer)
    std::size_t built = 0;        // how many of `wanted` the atlas holds
    bool missing = false;         // its file is not in the font folder yet
};
std::map<char32_t, Block> g_blocks;  // by first code point
int g_generation = 0;                // load_fonts() calls so far
std::string g_font_folder;           // the last load_fonts()'s
std::string g_atlas_folder;          // set_atlas_folder()
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
// What the block files hold (cmake/Fonts.cmake, MORE_LETTERS_UNICODES and SYMBOL_UNICODES): a block
// of 256 code points is fetched the first time one of its characters is drawn.
// Symbola's box is 2596 units of its 2048 (Noto Sans's 1362 of 1000): the factor gives both one em,
// then a quarter more. Symbola draws its emoji within about 0.7 em, where a browser's colour emoji
// take more than a letter's width: at one em a 👍 was narrower than an "M".
constexpr float symbola_size_factor = (2596.0f / 2048.0f) / (1362.0f / 1000.0f) * 1.25f;
struct MoreGlyphs {
    char32_t first, last;
    float size_factor;  // against the Latin font's size
};
constexpr MoreGlyphs more_glyphs[] = {
    {0x0100, 0x024F, 1.0f},                   // Noto Sans: Latin Extended-A and -B
    {0x0300, 0x03FF, 1.0f},                   // combining accents, Greek
    {0x0400, 0x04FF, 1.0f},                   // Cyrillic
    {0x1E00, 0x1EFF, 1.0f},                   // Latin Extended Additional
    {0x200B, 0x200F, symbola_size_factor},    // Symbola: zero-width space and joiners, direction marks
    {0x2190, 0x21FF, symbola_size_factor},    // arrows
    {0x2300, 0x23FF, symbola_size_factor},    // technical: ⌛ ⏰
    {0x2460, 0x24FF, symbola_size_factor},    // enclosed numbers
    {0x25A0, 0x27BF, symbola_size_factor},    // shapes, symbols, dingbats: ☀ ☺ ❤ ✨
    {0x2B00, 0x2BFF, symbola_size_factor},    // ⭐
    {0xFE00, 0xFE0F, symbola_size_factor},    // variation selectors: the emoji form of ❤ (no width)
    {0x1F300, 0x1F6FF, symbola_size_factor},  // pictographs, smileys, transport: 👍 💔 😭 🙏
    {0x1F900, 0x1F9FF, symbola_size_factor},  // 🤗 🤔 🤷
};
constexpr char32_t block_size = 256;

const MoreGlyphs* more_glyphs_for(char32_t c) {
    for (const MoreGlyphs& m : more_glyphs)
        if (c >= m.first && c <= m.last) return &m;
    return nullptr;
}

// The first bytes of the UTF-8 of more_glyphs' characters: U+0100..U+04FF (0xC4..0xD3), U+1E00..
// U+2FFF (0xE1, 0xE2), U+FE00..U+FE0F (0xEF) and the emoji (0xF0). Text without them, Arabic for
// one, is not decoded. The test of every range's first and last character keeps the two in step.
bool may_be_in_a_block(char byte) {
    const auto b = static_cast<unsigned char>(byte);
    return (b >= 0xC4 && b <= 0xD3) || b == 0xE1 || b == 0xE2 || b == 0xEF || b == 0xF0;
}

bool in_latin_font(char32_t c) {
    for (const ImWchar* r = latin_ranges; *r; r += 2)
        if (c >= r[0] && c <= r[1]) return true;
    return false;
}

std::string block_file(char32_t first) {
    char name[24];
    std::snprintf(name, sizeof name, "blocks/u%04x.ttc", static_cast<unsigned>(first));
    return name;
}

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

// The atlas from the folder if it holds one of these fonts, else built (and saved there). An atlas
// with glyphs from blocks is neither: its characters are whatever this visit drew, saving it would
// replace the one the next start can use, and it would keep outside the journal (and its lock)
// which emoji and letters the journal holds.
bool restore_or_build(ImFontAtlas& atlas, bool with_arabic, bool with_blocks) {
    g_atlas_restored = false;
    if (g_atlas_folder.empty() || with_blocks) return atlas.Build();
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
    struct LoadedBlock {
        std::vector<char> data;
        const Block* block;
    };
    std::vector<LoadedBlock> blocks;
    for (auto& [first, block] : g_blocks) {
        std::vector<char> data;
        block.missing = !read_file(directory + "/" + block_file(first), data);
        if (block.missing) continue;
        block.ranges.clear();
        for (const ImWchar c : block.wanted) block.ranges.insert(block.ranges.end(), {c, c});
        block.ranges.push_back(0);
        block.built = block.wanted.size();
        blocks.push_back({std::move(data), &block});
    }
    // Each font: Latin, then Arabic, then the blocks, merged.
    const auto add_merged = [&](int face, float px, float arabic_px) {
        if (with_arabic) add_font(arabic, face, arabic_px, arabic_ranges, true);
        for (const LoadedBlock& b : blocks) {
            const float size_factor = more_glyphs_for(b.block->wanted.front())->size_factor;
            add_font(b.data, face, px * size_factor, b.block->ranges.data(), true);
        }
    };
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // WebGL 2 takes textures of any height: at a pixel ratio of 3 the atlas is 1024x645 instead of
    // 1024x1024 (2.6 MB of texture instead of 4 to convert and upload on a phone's first frame).
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    const float small_px = body_px - 2.0f;
    const float arabic_scale = arabic_size_factor * pixel_ratio;
    g_fonts.body = add_font(latin, regular_face, body_px * pixel_ratio, latin_ranges, false);
    add_merged(regular_face, body_px * pixel_ratio, body_px * arabic_scale);
    g_fonts.heading = add_font(latin, bold_face, heading_px * pixel_ratio, latin_ranges, false);
    add_merged(bold_face, heading_px * pixel_ratio, heading_px * arabic_scale);
    // The small font draws translated labels (tabs, step names, legends): all the letters the others have.
    g_fonts.small = add_font(latin, regular_face, small_px * pixel_ratio, latin_ranges, false);
    add_merged(regular_face, small_px * pixel_ratio, small_px * arabic_scale);
    g_with_arabic = with_arabic;
    io.FontGlobalScale = 1.0f / pixel_ratio;
    io.FontDefault = g_fonts.body;
    if (!restore_or_build(*io.Fonts, with_arabic, !blocks.empty())) return false;
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

void want_glyphs_of(std::string_view utf8) {
    if (std::none_of(utf8.begin(), utf8.end(), may_be_in_a_block)) return;
    for (std::size_t pos = 0; pos < utf8.size();) {
        const char32_t c = decode_utf8(utf8, pos);
        if (c < 0x100 || (c >= 0x0600 && c <= 0x06FF) || in_latin_font(c)) continue;  // Arabic: its own font
        if (!more_glyphs_for(c)) continue;
        const char32_t first = c / block_size * block_size;
        const auto [it, new_block] = g_blocks.try_emplace(first);
        Block& block = it->second;
        const auto at = std::lower_bound(block.wanted.begin(), block.wanted.end(), static_cast<ImWchar>(c));
        if (at != block.wanted.end() && *at == c) continue;
        block.wanted.insert(at, static_cast<ImWchar>(c));
        // As for Arabic: no rebuild that could only make the same atlas, until the file is there.
        if (new_block) block.missing = !file_exists(g_font_folder + "/" + block_file(first));
    }
}

bool fonts_outdated() {
    if (g_arabic_wanted && !g_with_arabic && !g_arabic_missing) return true;
    return std::any_of(g_blocks.begin(), g_blocks.end(),
                       [](const auto& b) { return !b.second.missing && b.second.built != b.second.wanted.size(); });
}

std::vector<std::string> font_files_needed() {
    std::vector<std::string> files;
    if (g_arabic_wanted && g_arabic_missing) files.emplace_back("arabic.ttc");
    for (const auto& [first, block] : g_blocks)
        if (block.missing) files.push_back(block_file(first));
    return files;
}

void forget_wanted_glyphs() {
    g_arabic_wanted = false;
    g_arabic_missing = false;
    g_blocks.clear();
}

void font_files_arrived() {
    g_arabic_missing = false;
    for (auto& [first, block] : g_blocks) block.missing = false;
}

}  // namespace debrief::ui
