// FriBidi pipeline: UTF-8 -> code points -> bidi types -> embedding levels -> joining -> Arabic shaping
// (FRIBIDI_FLAGS_ARABIC) -> reorder the line -> UTF-8, as docs/web-platform.md describes.
#include "ui/bidi_text.h"

#include "core/text.h"
#include "ui/fonts.h"

extern "C" {
#include <fribidi.h>
}

#include <algorithm>
#include <unordered_map>
#include <utility>
#include <vector>

namespace debrief::ui {
namespace {

std::vector<FriBidiChar> to_code_points(std::string_view utf8) {
    std::vector<FriBidiChar> out(utf8.size() + 1);
    const FriBidiStrIndex n = fribidi_charset_to_unicode(FRIBIDI_CHAR_SET_UTF8, utf8.data(),
                                                         static_cast<FriBidiStrIndex>(utf8.size()), out.data());
    out.resize(static_cast<std::size_t>(n));
    for (FriBidiChar& c : out)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return out;
}

bool is_isolate_mark(FriBidiChar c) { return c >= 0x2066 && c <= 0x2069; }  // LRI, RLI, FSI, PDI

// FriBidi's Arabic ligature shaping (lam + alef -> one glyph) leaves FRIBIDI_CHAR_FILL (U+FEFF) in the
// second character's place, and the isolates around values (core/i18n.h tr_format) have done their
// work once the line is ordered; the fonts have no glyph for either, so ImGui would draw '?'.
std::string to_utf8(std::vector<FriBidiChar> text) {
    text.erase(std::remove_if(text.begin(), text.end(),
                              [](FriBidiChar c) { return c == FRIBIDI_CHAR_FILL || is_isolate_mark(c); }),
               text.end());
    std::string out(text.size() * 4 + 1, '\0');
    const FriBidiStrIndex n = fribidi_unicode_to_charset(FRIBIDI_CHAR_SET_UTF8, text.data(),
                                                         static_cast<FriBidiStrIndex>(text.size()), out.data());
    out.resize(static_cast<std::size_t>(n));
    return out;
}

}  // namespace

bool has_rtl(std::string_view utf8) {
    // ASCII and Latin-1 (lead bytes below 0xC4): nothing right-to-left, nothing beyond the Latin font.
    const auto past_latin1 =
        std::find_if(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xC4; });
    if (past_latin1 == utf8.end()) return false;
    // Every path that draws text asks this first: the one place that sees all of it, so the glyphs
    // it needs beyond the Latin font are asked for here too.
    want_glyphs_of(utf8);
    // Hebrew and Arabic lead bytes are 0xD6..0xDF; U+0800..U+08FF starts with 0xE0 0xA0..0xA3; the
    // presentation forms U+FB1D..U+FDFF and U+FE70..U+FEFF start with 0xEF 0xAC..0xB7 and 0xEF
    // 0xB9 0xB0..0xEF 0xBB (not the variation selectors U+FE00..U+FE0F between them, in every "❤️").
    for (std::size_t i = static_cast<std::size_t>(past_latin1 - utf8.begin()); i < utf8.size(); ++i) {
        const auto b = static_cast<unsigned char>(utf8[i]);
        const auto next = i + 1 < utf8.size() ? static_cast<unsigned char>(utf8[i + 1]) : 0;
        const auto third = i + 2 < utf8.size() ? static_cast<unsigned char>(utf8[i + 2]) : 0;
        if (b >= 0xD6 && b <= 0xDF) return true;
        // U+2066..U+2069, the isolates: only the bidi path below removes them.
        if (b == 0xE2 && next == 0x81 && third >= 0xA6 && third <= 0xA9) return true;
        if (b == 0xE0 && next >= 0xA0 && next <= 0xA3) return true;
        if (b == 0xEF && ((next == 0xAC && third >= 0x9D) || (next > 0xAC && next <= 0xB7) ||
                          (next == 0xB9 && third >= 0xB0) || next == 0xBA || next == 0xBB))
            return true;
    }
    return false;
}

TextDirection paragraph_direction(std::string_view utf8) {
    const std::vector<FriBidiChar> text = to_code_points(utf8);
    std::vector<FriBidiCharType> types(text.size());
    fribidi_get_bidi_types(text.data(), static_cast<FriBidiStrIndex>(text.size()), types.data());
    // The first strong character outside any isolate (UAX #9 rule P2), as fribidi_get_par_direction
    // does but skipping what tr_format isolated: the sentence decides, not the name inside it.
    int depth = 0;
    for (const FriBidiCharType type : types) {
        if (type == FRIBIDI_TYPE_LRI || type == FRIBIDI_TYPE_RLI || type == FRIBIDI_TYPE_FSI) {
            ++depth;
        } else if (type == FRIBIDI_TYPE_PDI) {
            depth = std::max(0, depth - 1);
        } else if (depth == 0 && FRIBIDI_IS_LETTER(type)) {
            return FRIBIDI_IS_RTL(type) ? TextDirection::rtl : TextDirection::ltr;
        }
    }
    return TextDirection::neutral;
}

std::string display_line(std::string_view utf8) { return display_line_in(utf8, TextDirection::neutral); }

namespace {

using ByteRange = std::pair<std::size_t, std::size_t>;  // [begin, end) in the UTF-8 text

// The lines `lines` of a paragraph, shaped and each in visual order. The levels are resolved once for
// the whole paragraph, as UAX #9 resolves them, and then each line is reordered on its own (rules
// L1-L4): an isolate around a value (tr_format) or a pair of brackets may begin on one line and end on
// the next, and a line taken alone would read it the wrong way.
std::vector<std::string> display_lines_in(std::string_view utf8, const std::vector<ByteRange>& lines,
                                          TextDirection paragraph) {
    std::vector<std::string> out;
    const auto as_written = [&] {
        for (const auto& [begin, end] : lines) out.emplace_back(utf8.substr(begin, end - begin));
        return out;
    };
    if (!has_rtl(utf8)) return as_written();
    want_arabic_glyphs();
    std::vector<FriBidiChar> text = to_code_points(utf8);
    const auto len = static_cast<FriBidiStrIndex>(text.size());

    std::vector<FriBidiCharType> types(text.size());
    std::vector<FriBidiBracketType> brackets(text.size());
    std::vector<FriBidiLevel> levels(text.size());
    std::vector<FriBidiArabicProp> joining(text.size());
    fribidi_get_bidi_types(text.data(), len, types.data());
    fribidi_get_bracket_types(text.data(), len, types.data(), brackets.data());
    // Unless the paragraph's is given, the direction follows the first strong character, as
    // dir="auto" does in the fields.
    FriBidiParType direction = paragraph == TextDirection::rtl   ? FRIBIDI_PAR_RTL
                               : paragraph == TextDirection::ltr ? FRIBIDI_PAR_LTR
                                                                 : FRIBIDI_PAR_ON;
    if (len == 0 || !fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), len, &direction, levels.data()))
        return as_written();
    fribidi_get_joining_types(text.data(), len, joining.data());
    fribidi_join_arabic(types.data(), len, levels.data(), joining.data());
    fribidi_shape(FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC, levels.data(), len, joining.data(), text.data());
    // A line's code points from its bytes: the UTF-8 lead bytes counted once, up to each line's end
    // (the lines come in order).
    std::size_t counted_bytes = 0;
    FriBidiStrIndex counted = 0;
    const auto code_point_at = [&](std::size_t byte) {
        for (; counted_bytes < byte; ++counted_bytes)
            if ((static_cast<unsigned char>(utf8[counted_bytes]) & 0xC0) != 0x80) ++counted;
        return counted;
    };
    for (const auto& [begin, end] : lines) {
        const FriBidiStrIndex first = code_point_at(begin);
        const FriBidiStrIndex count = code_point_at(end) - first;
        if (!fribidi_reorder_line(FRIBIDI_FLAGS_DEFAULT, types.data(), count, first, direction, levels.data(),
                                  text.data(), nullptr)) {
            out.emplace_back(utf8.substr(begin, end - begin));
            continue;
        }
        out.push_back(to_utf8(std::vector<FriBidiChar>(text.begin() + first, text.begin() + first + count)));
    }
    return out;
}

}  // namespace

std::string display_line_in(std::string_view utf8, TextDirection paragraph) {
    return display_lines_in(utf8, {{0, utf8.size()}}, paragraph).front();
}

std::vector<VisualLine> wrap_paragraph(std::string_view utf8, float max_width,
                                       const std::function<float(std::string_view)>& width_of,
                                       TextDirection direction) {
    if (direction == TextDirection::neutral) direction = paragraph_direction(utf8);
    std::vector<VisualLine> lines;
    std::vector<ByteRange> ranges;  // each line's logical text, shaped and ordered once all are known
    // Joining never crosses a space, so a line's width is the sum of its words' shaped widths.
    const float space = width_of(" ");
    std::string_view line;  // logical text of the line being filled
    float line_width = 0.0f;
    const auto finish = [&] {
        const std::size_t begin = line.data() ? static_cast<std::size_t>(line.data() - utf8.data()) : 0;
        ranges.emplace_back(begin, begin + line.size());
        lines.push_back({std::string(), line_width});
        line = {};
        line_width = 0.0f;
    };
    std::size_t start = 0;
    while (start <= utf8.size()) {
        std::size_t end = utf8.find_first_of(" \n", start);
        if (end == std::string_view::npos) end = utf8.size();
        const std::string_view word = utf8.substr(start, end - start);
        const float word_width = word.empty() ? 0.0f : width_of(display_line_in(word, direction));
        if (line.data() == nullptr) {
            line = word;
            line_width = word_width;
        } else if (line_width + space + word_width <= max_width) {
            line = utf8.substr(static_cast<std::size_t>(line.data() - utf8.data()), end - (line.data() - utf8.data()));
            line_width += space + word_width;
        } else {
            finish();
            line = word;
            line_width = word_width;
        }
        if (end < utf8.size() && utf8[end] == '\n') finish();
        start = end + 1;
    }
    if (line.data() != nullptr || lines.empty()) finish();
    std::vector<std::string> shown = display_lines_in(utf8, ranges, direction);
    for (std::size_t i = 0; i < lines.size(); ++i) lines[i].text = std::move(shown[i]);
    return lines;
}

std::string fit_on_one_line(std::string_view utf8, float max_width,
                            const std::function<float(std::string_view)>& width_of) {
    const TextDirection direction = paragraph_direction(utf8);
    const auto width = [&](std::string_view logical) { return width_of(display_line_in(logical, direction)); };
    if (width(utf8) <= max_width) return std::string(utf8);
    // Where a cut may fall: before a letter, never before a mark that sits on the previous one, nor
    // inside an emoji (before its emoji form or skin tone, or either side of a joiner: 👩‍💻).
    std::vector<std::size_t> cuts;
    char32_t previous = 0;
    for (std::size_t pos = 0; pos < utf8.size();) {
        const std::size_t at = pos;
        const char32_t c = decode_utf8(utf8, pos);
        const bool mark = (c >= 0x0300 && c <= 0x036F) || (c >= 0x064B && c <= 0x065F) || c == 0x0670;
        const bool emoji_part = (c >= 0xFE00 && c <= 0xFE0F) || c == 0x200D || (c >= 0x1F3FB && c <= 0x1F3FF);
        if (at > 0 && !mark && !emoji_part && previous != 0x200D) cuts.push_back(at);
        previous = c;
    }
    const auto shortened = [&](std::size_t cut) { return std::string(trim(utf8.substr(0, cut))) + "\u2026"; };
    // Shaping keeps a longer start at least as wide: the longest start that fits is found by halving.
    std::size_t low = 0, high = cuts.size();  // cuts[0, low) fit; cuts[high, end) do not
    while (low < high) {
        const std::size_t mid = (low + high) / 2;
        if (width(shortened(cuts[mid])) <= max_width)
            low = mid + 1;
        else
            high = mid;
    }
    return low == 0 ? std::string("\u2026") : shortened(cuts[low - 1]);
}

namespace {
// One cache for the process, not per App (not in ViewState): it memoises display_line, whose result
// depends on the string alone, never on a journal, a screen or an App, so an entry made while drawing
// one App is right for any other, and dropping entries only costs time. Its one side effect, asking
// for the Arabic glyphs, is process-wide and sticky (fonts.cpp), so a hit that skips it loses nothing.
std::unordered_map<std::string, std::string>& cache() {
    static std::unordered_map<std::string, std::string> c;
    return c;
}
}  // namespace

const char* display_cached(const char* utf8) {
    if (!has_rtl(utf8)) return utf8;
    return display_cached(std::string(utf8));
}

const char* display_cached(const std::string& utf8) {
    if (!has_rtl(utf8)) return utf8.c_str();
    auto& c = cache();
    if (c.size() > 4096) c.clear();  // bounded: labels come and go as the user scrolls
    auto it = c.find(utf8);
    if (it == c.end()) it = c.emplace(utf8, display_line(utf8)).first;
    return it->second.c_str();
}

}  // namespace debrief::ui
