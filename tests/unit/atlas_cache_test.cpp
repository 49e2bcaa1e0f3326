// Tests for ui/atlas_cache: a restored atlas is the built one, to the pixel and the glyph; anything
// else in the bytes is refused and leaves the atlas to be built.
#include "ui/atlas_cache.h"

#include "test_files.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <cstring>
#include <string>
#include <vector>

using namespace debrief;

namespace {

const std::string& latin_font() {
    static const std::string bytes = test::read_file(std::string(DEBRIEF_FONTS_DIR) + "/latin.ttc");
    return bytes;
}

const ImWchar test_ranges[] = {0x0020, 0x00FF, 0x2026, 0x2026, 0};
const ImWchar fewer_ranges[] = {0x0020, 0x007E, 0};

// Two faces of the collection at two sizes, the second merging into the first, as ui/fonts.cpp adds them.
void add_fonts(ImFontAtlas& atlas, float px = 16.0f, const ImWchar* ranges = test_ranges) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the atlas copies the bytes (ImFontAtlas::AddFont)
    config.OversampleH = config.OversampleV = 1;
    config.PixelSnapH = true;
    void* data = const_cast<char*>(latin_font().data());
    const int size = static_cast<int>(latin_font().size());
    atlas.AddFontFromMemoryTTF(data, size, px, &config, ranges);
    config.FontNo = 1;
    atlas.AddFontFromMemoryTTF(data, size, px * 1.5f, &config, ranges);
    config.MergeMode = true;
    atlas.AddFontFromMemoryTTF(data, size, px * 1.5f, &config, fewer_ranges);
}

std::string built_save() {
    ImFontAtlas atlas;
    add_fonts(atlas);
    REQUIRE(atlas.Build());
    return ui::save_atlas(atlas);
}

bool same_glyph(const ImFontGlyph& a, const ImFontGlyph& b) {
    return a.Codepoint == b.Codepoint && a.Visible == b.Visible && a.Colored == b.Colored && a.AdvanceX == b.AdvanceX &&
           a.X0 == b.X0 && a.Y0 == b.Y0 && a.X1 == b.X1 && a.Y1 == b.Y1 && a.U0 == b.U0 && a.V0 == b.V0 &&
           a.U1 == b.U1 && a.V1 == b.V1;
}

template <class T>
bool same_vector(const ImVector<T>& a, const ImVector<T>& b) {
    return a.Size == b.Size && (a.Size == 0 || std::memcmp(a.Data, b.Data, sizeof(T) * a.Size) == 0);
}

// Everything Build() produces that drawing reads.
void check_same(const ImFontAtlas& built, const ImFontAtlas& restored) {
    REQUIRE(restored.TexReady);
    REQUIRE(restored.TexWidth == built.TexWidth);
    REQUIRE(restored.TexHeight == built.TexHeight);
    CHECK(std::memcmp(restored.TexPixelsAlpha8, built.TexPixelsAlpha8,
                      static_cast<std::size_t>(built.TexWidth) * built.TexHeight) == 0);
    CHECK(restored.TexUvScale.x == built.TexUvScale.x);
    CHECK(restored.TexUvScale.y == built.TexUvScale.y);
    CHECK(restored.TexUvWhitePixel.x == built.TexUvWhitePixel.x);
    CHECK(restored.TexUvWhitePixel.y == built.TexUvWhitePixel.y);
    CHECK(std::memcmp(restored.TexUvLines, built.TexUvLines, sizeof built.TexUvLines) == 0);
    CHECK(restored.PackIdMouseCursors == built.PackIdMouseCursors);
    CHECK(restored.PackIdLines == built.PackIdLines);
    REQUIRE(restored.CustomRects.Size == built.CustomRects.Size);
    for (int i = 0; i < built.CustomRects.Size; ++i) {
        const ImFontAtlasCustomRect& a = built.CustomRects[i];
        const ImFontAtlasCustomRect& b = restored.CustomRects[i];
        CHECK((a.X == b.X && a.Y == b.Y && a.Width == b.Width && a.Height == b.Height && a.GlyphID == b.GlyphID));
    }
    REQUIRE(restored.Fonts.Size == built.Fonts.Size);
    for (int i = 0; i < built.Fonts.Size; ++i) {
        CAPTURE(i);
        const ImFont& a = *built.Fonts[i];
        const ImFont& b = *restored.Fonts[i];
        CHECK(b.FontSize == a.FontSize);
        CHECK(b.Ascent == a.Ascent);
        CHECK(b.Descent == a.Descent);
        CHECK(b.ContainerAtlas == &restored);
        CHECK(b.ConfigData - restored.ConfigData.Data == a.ConfigData - built.ConfigData.Data);
        CHECK(b.ConfigDataCount == a.ConfigDataCount);
        CHECK(b.FallbackChar == a.FallbackChar);
        CHECK(b.EllipsisChar == a.EllipsisChar);
        CHECK(b.DotChar == a.DotChar);
        CHECK(b.FallbackAdvanceX == a.FallbackAdvanceX);
        CHECK(b.MetricsTotalSurface == a.MetricsTotalSurface);
        CHECK(std::memcmp(b.Used4kPagesMap, a.Used4kPagesMap, sizeof a.Used4kPagesMap) == 0);
        CHECK(same_vector(b.IndexAdvanceX, a.IndexAdvanceX));
        CHECK(same_vector(b.IndexLookup, a.IndexLookup));
        REQUIRE(b.Glyphs.Size == a.Glyphs.Size);
        for (int g = 0; g < a.Glyphs.Size; ++g) CHECK(same_glyph(a.Glyphs[g], b.Glyphs[g]));
        const char* text = "Résumé — “Danke” … 12:45";
        const ImVec2 sa = a.CalcTextSizeA(a.FontSize, 1e9f, 90.0f, text);
        const ImVec2 sb = b.CalcTextSizeA(b.FontSize, 1e9f, 90.0f, text);
        CHECK((sa.x == sb.x && sa.y == sb.y));
    }
}

void check_untouched(const ImFontAtlas& atlas) {
    CHECK_FALSE(atlas.TexReady);
    CHECK(atlas.TexPixelsAlpha8 == nullptr);
    CHECK(atlas.CustomRects.Size == 0);
    for (const ImFont* font : atlas.Fonts) CHECK(font->Glyphs.Size == 0);
}

}  // namespace

TEST_CASE("atlas cache: a restored atlas is the built one, pixels, glyphs and lookups") {
    ImFontAtlas built;
    add_fonts(built);
    REQUIRE(built.Build());
    const std::string saved = ui::save_atlas(built);
    CHECK(saved.size() > static_cast<std::size_t>(built.TexWidth) * built.TexHeight);

    ImFontAtlas restored;
    add_fonts(restored);
    REQUIRE(ui::restore_atlas(restored, saved));
    check_same(built, restored);
    // Saving the restored atlas gives the same bytes: nothing was lost on the way.
    CHECK(ui::save_atlas(restored) == saved);
    // And the texture the backend uploads is built from it as from a built atlas.
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    restored.GetTexDataAsRGBA32(&pixels, &width, &height);
    CHECK(pixels != nullptr);
    CHECK(width == built.TexWidth);
}

TEST_CASE("atlas cache: a save of other fonts, sizes or ranges is not restored") {
    const std::string saved = built_save();
    SUBCASE("another size") {
        ImFontAtlas atlas;
        add_fonts(atlas, 17.0f);
        CHECK_FALSE(ui::restore_atlas(atlas, saved));
        check_untouched(atlas);
        CHECK(atlas.Build());  // and it builds as usual
    }
    SUBCASE("other glyph ranges") {
        ImFontAtlas atlas;
        add_fonts(atlas, 16.0f, fewer_ranges);
        CHECK_FALSE(ui::restore_atlas(atlas, saved));
        check_untouched(atlas);
    }
    SUBCASE("one font fewer") {
        ImFontAtlas atlas;
        ImFontConfig config;
        config.FontDataOwnedByAtlas = false;
        atlas.AddFontFromMemoryTTF(const_cast<char*>(latin_font().data()), static_cast<int>(latin_font().size()), 16.0f,
                                   &config, test_ranges);
        CHECK_FALSE(ui::restore_atlas(atlas, saved));
        check_untouched(atlas);
    }
    SUBCASE("another padding") {
        ImFontAtlas atlas;
        atlas.TexGlyphPadding = 2;
        add_fonts(atlas);
        CHECK_FALSE(ui::restore_atlas(atlas, saved));
        check_untouched(atlas);
    }
}

TEST_CASE("atlas cache: a cut-off or damaged save is refused and changes nothing") {
    const std::string saved = built_save();
    std::vector<std::string> damaged = {"", "DBATLAS1", saved.substr(0, saved.size() / 2),
                                        saved.substr(0, saved.size() - 1), saved + '\0'};
    // One flipped bit in the header, a glyph, the pixels and the checksum.
    for (const std::size_t at :
         {std::size_t{3}, std::size_t{12}, std::size_t{400}, saved.size() / 2, saved.size() - 20, saved.size() - 1}) {
        std::string copy = saved;
        copy[at] = static_cast<char>(copy[at] ^ 0x10);
        damaged.push_back(copy);
    }
    for (const std::string& bytes : damaged) {
        CAPTURE(bytes.size());
        ImFontAtlas atlas;
        add_fonts(atlas);
        CHECK_FALSE(ui::restore_atlas(atlas, bytes));
        check_untouched(atlas);
    }
}

TEST_CASE("atlas cache: the recipe follows what the build reads") {
    ImFontAtlas a, b, c;
    add_fonts(a);
    add_fonts(b);
    add_fonts(c, 16.5f);
    CHECK(ui::atlas_recipe(a) == ui::atlas_recipe(b));
    CHECK(ui::atlas_recipe(a) != ui::atlas_recipe(c));
    b.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    CHECK(ui::atlas_recipe(a) != ui::atlas_recipe(b));
    // Building does not change it: the recipe of a built atlas is the one it was built from.
    const std::uint64_t before = ui::atlas_recipe(a);
    REQUIRE(a.Build());
    CHECK(ui::atlas_recipe(a) == before);
}
