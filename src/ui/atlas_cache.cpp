#include "ui/atlas_cache.h"

#include "ui/hash_mixer.h"

#include <cstring>
#include <vector>

namespace debrief::ui {
namespace {

// Changes whenever the layout below does (or ImGui's atlas fields could mean something else).
constexpr char magic[8] = {'D', 'B', 'A', 'T', 'L', 'A', 'S', '1'};
constexpr int uv_lines_count = IM_DRAWLIST_TEX_LINES_WIDTH_MAX + 1;
// Larger than any atlas a browser takes as one texture: a bigger size is damage, not an atlas.
constexpr std::uint32_t max_side = 16384;

// Values are stored in the machine's byte order: a save is read back on the device that wrote it.
class Writer {
public:
    template <class T>
    void put(const T& value) {
        m_out.append(reinterpret_cast<const char*>(&value), sizeof value);
    }
    void put_bytes(const void* data, std::size_t size) { m_out.append(static_cast<const char*>(data), size); }
    std::string finish() {
        HashMixer mix;
        mix.bytes(m_out.data(), m_out.size());
        put(mix.value());
        return std::move(m_out);
    }

private:
    std::string m_out;
};

class Reader {
public:
    explicit Reader(std::string_view bytes) : m_bytes(bytes) {}
    template <class T>
    bool get(T& value) {
        if (m_bytes.size() - m_at < sizeof value) return false;
        std::memcpy(&value, m_bytes.data() + m_at, sizeof value);
        m_at += sizeof value;
        return true;
    }
    bool get_view(std::size_t size, std::string_view& out) {
        if (m_bytes.size() - m_at < size) return false;
        out = m_bytes.substr(m_at, size);
        m_at += size;
        return true;
    }
    std::size_t left() const { return m_bytes.size() - m_at; }

private:
    std::string_view m_bytes;
    std::size_t m_at = 0;
};

// What AddGlyph() takes: Visible is derived from the box, and stb_truetype never makes Colored glyphs.
struct SavedGlyph {
    std::uint32_t codepoint;
    float advance_x, x0, y0, x1, y1, u0, v0, u1, v1;
};

struct SavedFont {
    float size = 0.0f, ascent = 0.0f, descent = 0.0f;
    std::int32_t config_count = 0;  // the configurations that gave it glyphs (not every one added)
    std::int32_t surface = 0;       // MetricsTotalSurface, as the build counted it
    std::vector<SavedGlyph> glyphs;
};

struct SavedRect {
    std::uint16_t width, height, x, y;
    std::uint32_t glyph_id;
    float advance_x, offset_x, offset_y;
    std::int32_t font;  // index into the atlas's fonts, -1 for none
};

int font_index(const ImFontAtlas& atlas, const ImFont* font) {
    for (int i = 0; i < atlas.Fonts.Size; ++i)
        if (atlas.Fonts[i] == font) return i;
    return -1;
}

bool checksum_matches(std::string_view bytes) {
    std::uint64_t stored = 0;
    if (bytes.size() < sizeof stored) return false;
    const std::string_view body = bytes.substr(0, bytes.size() - sizeof stored);
    std::memcpy(&stored, bytes.data() + body.size(), sizeof stored);
    HashMixer mix;
    mix.bytes(body.data(), body.size());
    return mix.value() == stored;
}

// The font's first configuration, the one that is not merged (ImFontAtlasBuildSetupFont).
const ImFontConfig* first_config(const ImFontAtlas& atlas, const ImFont& font) {
    for (const ImFontConfig& config : atlas.ConfigData)
        if (config.DstFont == &font) return &config;
    return nullptr;
}

}  // namespace

std::uint64_t atlas_recipe(const ImFontAtlas& atlas) {
    HashMixer mix;
    mix.word(IMGUI_VERSION_NUM);
    mix.word(static_cast<std::uint64_t>(atlas.Flags));
    mix.word(static_cast<std::uint64_t>(atlas.TexDesiredWidth));
    mix.word(static_cast<std::uint64_t>(atlas.TexGlyphPadding));
    mix.word(atlas.FontBuilderFlags);
    for (const ImFontConfig& c : atlas.ConfigData) {
        mix.bytes(c.FontData, static_cast<std::size_t>(c.FontDataSize));
        mix.word(static_cast<std::uint64_t>(c.FontNo));
        mix.number(c.SizePixels);
        mix.word(static_cast<std::uint64_t>(c.OversampleH));
        mix.word(static_cast<std::uint64_t>(c.OversampleV));
        mix.word(c.PixelSnapH);
        mix.number(c.GlyphExtraSpacing.x);
        mix.number(c.GlyphExtraSpacing.y);
        mix.number(c.GlyphOffset.x);
        mix.number(c.GlyphOffset.y);
        for (const ImWchar* r = c.GlyphRanges; r && *r; ++r) mix.word(*r);
        mix.word(0);  // the end of the ranges, so that consecutive fonts' ranges cannot run together
        mix.number(c.GlyphMinAdvanceX);
        mix.number(c.GlyphMaxAdvanceX);
        mix.word(c.MergeMode);
        mix.word(c.FontBuilderFlags);
        mix.number(c.RasterizerMultiply);
        mix.word(c.EllipsisChar);
        mix.word(static_cast<std::uint64_t>(font_index(atlas, c.DstFont) + 1));
    }
    return mix.value();
}

std::string save_atlas(const ImFontAtlas& atlas) {
    IM_ASSERT(atlas.TexReady && atlas.TexPixelsAlpha8);
    Writer out;
    out.put(magic);
    out.put(atlas_recipe(atlas));
    out.put(static_cast<std::uint32_t>(atlas.TexWidth));
    out.put(static_cast<std::uint32_t>(atlas.TexHeight));
    out.put(atlas.TexUvScale);
    out.put(atlas.TexUvWhitePixel);
    out.put(atlas.TexUvLines);
    out.put(static_cast<std::int32_t>(atlas.PackIdMouseCursors));
    out.put(static_cast<std::int32_t>(atlas.PackIdLines));
    out.put(static_cast<std::uint32_t>(atlas.CustomRects.Size));
    for (const ImFontAtlasCustomRect& r : atlas.CustomRects) {
        out.put(SavedRect{r.Width, r.Height, r.X, r.Y, r.GlyphID, r.GlyphAdvanceX, r.GlyphOffset.x, r.GlyphOffset.y,
                          font_index(atlas, r.Font)});
    }
    out.put(static_cast<std::uint32_t>(atlas.Fonts.Size));
    for (const ImFont* font : atlas.Fonts) {
        out.put(font->FontSize);
        out.put(font->Ascent);
        out.put(font->Descent);
        out.put(static_cast<std::int32_t>(font->ConfigDataCount));
        out.put(static_cast<std::int32_t>(font->MetricsTotalSurface));
        out.put(static_cast<std::uint32_t>(font->Glyphs.Size));
        for (const ImFontGlyph& g : font->Glyphs)
            out.put(SavedGlyph{g.Codepoint, g.AdvanceX, g.X0, g.Y0, g.X1, g.Y1, g.U0, g.V0, g.U1, g.V1});
    }
    out.put_bytes(atlas.TexPixelsAlpha8, static_cast<std::size_t>(atlas.TexWidth) * atlas.TexHeight);
    return out.finish();
}

bool restore_atlas(ImFontAtlas& atlas, std::string_view bytes) {
    IM_ASSERT(!atlas.Locked && "restore_atlas() between NewFrame() and Render()");
    if (!checksum_matches(bytes)) return false;
    Reader in(bytes.substr(0, bytes.size() - sizeof(std::uint64_t)));

    // Everything is read and checked before the atlas is touched.
    char seen_magic[sizeof magic];
    std::uint64_t seen_recipe = 0;
    std::uint32_t width = 0, height = 0, rect_count = 0, font_count = 0;
    ImVec2 uv_scale, white_pixel;
    ImVec4 uv_lines[uv_lines_count];
    std::int32_t pack_mouse = 0, pack_lines = 0;
    if (!in.get(seen_magic) || std::memcmp(seen_magic, magic, sizeof magic) != 0) return false;
    if (!in.get(seen_recipe) || seen_recipe != atlas_recipe(atlas)) return false;
    if (!in.get(width) || !in.get(height) || width == 0 || height == 0 || width > max_side || height > max_side)
        return false;
    if (!in.get(uv_scale) || !in.get(white_pixel) || !in.get(uv_lines)) return false;
    if (!in.get(pack_mouse) || !in.get(pack_lines) || !in.get(rect_count)) return false;
    if (rect_count > in.left() / sizeof(SavedRect)) return false;
    std::vector<SavedRect> rects(rect_count);
    for (SavedRect& r : rects)
        if (!in.get(r) || r.font < -1 || r.font >= atlas.Fonts.Size) return false;
    if (pack_mouse < -1 || pack_mouse >= static_cast<std::int32_t>(rect_count) || pack_lines < -1 ||
        pack_lines >= static_cast<std::int32_t>(rect_count))
        return false;
    if (!in.get(font_count) || font_count != static_cast<std::uint32_t>(atlas.Fonts.Size)) return false;
    std::vector<SavedFont> fonts(font_count);
    for (SavedFont& font : fonts) {
        std::uint32_t glyph_count = 0;
        if (!in.get(font.size) || !in.get(font.ascent) || !in.get(font.descent) || !in.get(font.config_count) ||
            !in.get(font.surface) || !in.get(glyph_count))
            return false;
        if (font.config_count < 0 || font.config_count > atlas.ConfigData.Size) return false;
        if (glyph_count > in.left() / sizeof(SavedGlyph)) return false;
        font.glyphs.resize(glyph_count);
        for (SavedGlyph& g : font.glyphs)
            if (!in.get(g) || g.codepoint > IM_UNICODE_CODEPOINT_MAX) return false;
    }
    std::string_view pixels;
    if (!in.get_view(static_cast<std::size_t>(width) * height, pixels) || in.left() != 0) return false;

    // As ImFontAtlas::Build() leaves it, without rasterising.
    atlas.ClearTexData();
    atlas.TexWidth = static_cast<int>(width);
    atlas.TexHeight = static_cast<int>(height);
    atlas.TexUvScale = uv_scale;
    atlas.TexUvWhitePixel = white_pixel;
    std::memcpy(atlas.TexUvLines, uv_lines, sizeof uv_lines);
    atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(pixels.size()));
    std::memcpy(atlas.TexPixelsAlpha8, pixels.data(), pixels.size());
    atlas.CustomRects.resize(static_cast<int>(rect_count));
    for (std::uint32_t i = 0; i < rect_count; ++i) {
        const SavedRect& s = rects[i];
        ImFontAtlasCustomRect& r = atlas.CustomRects[static_cast<int>(i)];
        r.Width = s.width;
        r.Height = s.height;
        r.X = s.x;
        r.Y = s.y;
        r.GlyphID = s.glyph_id;
        r.GlyphAdvanceX = s.advance_x;
        r.GlyphOffset = ImVec2(s.offset_x, s.offset_y);
        r.Font = s.font < 0 ? nullptr : atlas.Fonts[s.font];
    }
    atlas.PackIdMouseCursors = pack_mouse;
    atlas.PackIdLines = pack_lines;
    for (int i = 0; i < atlas.Fonts.Size; ++i) {
        ImFont& font = *atlas.Fonts[i];
        const SavedFont& saved = fonts[static_cast<std::size_t>(i)];
        font.ClearOutputData();
        font.FontSize = saved.size;
        font.ContainerAtlas = &atlas;
        font.Ascent = saved.ascent;
        font.Descent = saved.descent;
        font.ConfigData = first_config(atlas, font);
        font.ConfigDataCount = static_cast<short>(saved.config_count);
        font.Glyphs.reserve(static_cast<int>(saved.glyphs.size()));
        for (const SavedGlyph& g : saved.glyphs) {
            font.AddGlyph(nullptr, static_cast<ImWchar>(g.codepoint), g.x0, g.y0, g.x1, g.y1, g.u0, g.v0, g.u1, g.v1,
                          g.advance_x);
        }
        font.MetricsTotalSurface = saved.surface;  // the build's count: AddGlyph()'s recount can differ by a pixel
        font.BuildLookupTable();
    }
    atlas.TexReady = true;
    return true;
}

}  // namespace debrief::ui
