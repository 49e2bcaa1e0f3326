// UTF-8 decoding, folding for search, and truncation that respects code points.
#include "core/text.h"

#include <cstring>

namespace debrief {
namespace {

struct Decoded {
    char32_t code_point = replacement_character;
    std::size_t length = 1;
    bool valid = false;
};

struct LeadByte {
    std::size_t length;
    char32_t bits;
    char32_t minimum;  // anything smaller is an overlong (and so forbidden) encoding
};

bool lead_byte(unsigned char b, LeadByte& lead) {
    if (b >= 0xC2 && b <= 0xDF)
        lead = {2, static_cast<char32_t>(b & 0x1Fu), 0x80};
    else if (b >= 0xE0 && b <= 0xEF)
        lead = {3, static_cast<char32_t>(b & 0x0Fu), 0x800};
    else if (b >= 0xF0 && b <= 0xF4)
        lead = {4, static_cast<char32_t>(b & 0x07u), 0x10000};
    else
        return false;
    return true;
}

Decoded decode_at(std::string_view text, std::size_t pos) {
    const auto b0 = static_cast<unsigned char>(text[pos]);
    if (b0 < 0x80) return {b0, 1, true};
    LeadByte lead{};
    if (!lead_byte(b0, lead) || pos + lead.length > text.size()) return {};
    char32_t cp = lead.bits;
    for (std::size_t i = 1; i < lead.length; ++i) {
        const auto b = static_cast<unsigned char>(text[pos + i]);
        if ((b & 0xC0u) != 0x80u) return {};
        cp = (cp << 6) | static_cast<char32_t>(b & 0x3Fu);
    }
    const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    if (cp < lead.minimum || cp > 0x10FFFF || surrogate) return {};
    return {cp, lead.length, true};
}

// One letter per code point from U+00C0 to U+00FF; digits stand for two-letter foldings
// (1 = ae, 3 = th, 4 = ss) and '*' keeps the sign (× and ÷ are not letters).
constexpr std::string_view latin1_folds = "aaaaaa1ceeeeiiiidnooooo*ouuuuy34aaaaaa1ceeeeiiiidnooooo*ouuuuy3y";
// U+0100 to U+017F (Latin Extended-A); 5 = ij, 2 = oe.
constexpr std::string_view latin_ext_a_folds =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii55jjkkkllllllllllnnnnnnnnnoooooo22rrrrrrssssssssttttttuuuuuuuuuu"
    "uuwwyyyzzzzzzs";
static_assert(latin1_folds.size() == 0x40, "one entry per code point U+00C0..U+00FF");
static_assert(latin_ext_a_folds.size() == 0x80, "one entry per code point U+0100..U+017F");

void append_fold_letter(std::string& out, char letter, char32_t original) {
    switch (letter) {
        case '1': out += "ae"; break;
        case '2': out += "oe"; break;
        case '3': out += "th"; break;
        case '4': out += "ss"; break;
        case '5': out += "ij"; break;
        case '*': append_utf8(out, original); break;
        default: out += letter; break;
    }
}

bool is_dropped_mark(char32_t cp) {
    const bool combining = cp >= 0x0300 && cp <= 0x036F;
    // Harakat, tanween, shadda, sukun and the rarer Quranic marks up to U+065F, and the dagger alef.
    const bool tashkeel = (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670;
    return combining || tashkeel || cp == 0x0640;  // U+0640 tatweel only stretches a word
}

char32_t fold_greek(char32_t cp) {
    switch (cp) {
        case 0x0386:
        case 0x03AC: return 0x03B1;  // ά
        case 0x0388:
        case 0x03AD: return 0x03B5;  // έ
        case 0x0389:
        case 0x03AE: return 0x03B7;  // ή
        case 0x038A:
        case 0x03AF:
        case 0x03CA:
        case 0x03AA:
        case 0x0390: return 0x03B9;  // ί ϊ
        case 0x038C:
        case 0x03CC: return 0x03BF;  // ό
        case 0x038E:
        case 0x03CD:
        case 0x03CB:
        case 0x03AB:
        case 0x03B0: return 0x03C5;  // ύ ϋ
        case 0x038F:
        case 0x03CE: return 0x03C9;  // ώ
        case 0x03C2: return 0x03C3;  // final sigma matches sigma
        default: break;
    }
    if (cp >= 0x0391 && cp <= 0x03A9 && cp != 0x03A2) return cp + 0x20;
    return cp;
}

char32_t fold_cyrillic(char32_t cp) {
    if (cp >= 0x0410 && cp <= 0x042F) return cp + 0x20;
    if (cp >= 0x0400 && cp <= 0x040F) cp += 0x50;
    return cp == 0x0451 ? 0x0435 : cp;  // ё is commonly typed as е
}

// As common Arabic search does (Lucene's ArabicNormalizer, most search engines): hamza on or under
// alef, madda and wasla are all typed as a bare alef; ta marbuta is often typed as ha and alef
// maqsura as ya, because they look alike at the end of a word and many keyboards swap them.
char32_t fold_arabic(char32_t cp) {
    switch (cp) {
        case 0x0622:                 // آ
        case 0x0623:                 // أ
        case 0x0625:                 // إ
        case 0x0671: return 0x0627;  // ٱ -> ا
        case 0x0629: return 0x0647;  // ة -> ه
        case 0x0649: return 0x064A;  // ى -> ي
        default: return cp;
    }
}

char32_t fold_punctuation(char32_t cp) {
    switch (cp) {
        case 0x00A0:
        case 0x202F: return ' ';  // no-break spaces
        case 0x2018:
        case 0x2019:
        case 0x02BC: return '\'';
        case 0x201C:
        case 0x201D: return '"';
        default: return cp;
    }
}

void append_folded(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 0x20 : cp);
    } else if (cp >= 0xC0 && cp <= 0xFF) {
        append_fold_letter(out, latin1_folds[cp - 0xC0], cp);
    } else if (cp >= 0x100 && cp <= 0x17F) {
        append_fold_letter(out, latin_ext_a_folds[cp - 0x100], cp);
    } else if (cp == 0x1E9E) {
        out += "ss";
    } else if (!is_dropped_mark(cp)) {
        const char32_t folded = fold_punctuation(fold_arabic(fold_cyrillic(fold_greek(cp))));
        if (folded < 0x80)
            out += static_cast<char>(folded);
        else
            append_utf8(out, folded);
    }
}

// Marks that belong to the code point before them, so a preview must not end just before one.
bool extends_previous(char32_t cp) {
    const bool combining = cp >= 0x0300 && cp <= 0x036F;
    const bool arabic_marks = cp >= 0x064B && cp <= 0x065F;
    const bool variation = cp >= 0xFE00 && cp <= 0xFE0F;
    const bool skin_tone = cp >= 0x1F3FB && cp <= 0x1F3FF;
    return combining || arabic_marks || variation || skin_tone || cp == 0x200D || cp == 0x0670;
}

std::size_t previous_boundary(std::string_view text, std::size_t pos) {
    while (pos > 0) {
        --pos;
        if ((static_cast<unsigned char>(text[pos]) & 0xC0u) != 0x80u) break;
    }
    return pos;
}

char32_t code_point_at(std::string_view text, std::size_t pos) { return decode_at(text, pos).code_point; }

bool is_regional_indicator(char32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

// Flags are pairs of regional indicators; a cut is inside one when an odd number precede it.
bool splits_flag(std::string_view text, std::size_t cut) {
    if (!is_regional_indicator(code_point_at(text, cut))) return false;
    std::size_t run = 0;
    for (std::size_t pos = cut; pos > 0;) {
        pos = previous_boundary(text, pos);
        if (!is_regional_indicator(code_point_at(text, pos))) break;
        ++run;
    }
    return run % 2 == 1;
}

// A cut is inside a user-perceived character when the next code point attaches to the previous
// one (accents, skin tones, variation selectors), when a zero-width joiner glues them, or when
// it falls between the two halves of a flag.
bool inside_cluster(std::string_view text, std::size_t cut) {
    if (cut == 0 || cut >= text.size()) return false;
    const char32_t previous = code_point_at(text, previous_boundary(text, cut));
    return extends_previous(code_point_at(text, cut)) || previous == 0x200D || splits_flag(text, cut);
}

// The largest cut <= limit that lands between whole user-perceived characters.
std::size_t safe_cut(std::string_view text, std::size_t limit) {
    std::size_t cut = limit;
    if (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0u) == 0x80u) {
        cut = previous_boundary(text, cut);
    }
    while (inside_cluster(text, cut)) cut = previous_boundary(text, cut);
    return cut;
}

}  // namespace

char32_t decode_utf8(std::string_view text, std::size_t& pos) {
    const Decoded d = decode_at(text, pos);
    pos += d.length;
    return d.code_point;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = replacement_character;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0u | (cp >> 6));
        out += static_cast<char>(0x80u | (cp & 0x3Fu));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0u | (cp >> 12));
        out += static_cast<char>(0x80u | ((cp >> 6) & 0x3Fu));
        out += static_cast<char>(0x80u | (cp & 0x3Fu));
    } else {
        out += static_cast<char>(0xF0u | (cp >> 18));
        out += static_cast<char>(0x80u | ((cp >> 12) & 0x3Fu));
        out += static_cast<char>(0x80u | ((cp >> 6) & 0x3Fu));
        out += static_cast<char>(0x80u | (cp & 0x3Fu));
    }
}

std::size_t utf8_sequence_length(std::string_view text, std::size_t pos) {
    const Decoded d = decode_at(text, pos);
    return d.valid ? d.length : 0;
}

bool is_valid_utf8(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const Decoded d = decode_at(text, pos);
        if (!d.valid) return false;
        pos += d.length;
    }
    return true;
}

std::string fold_for_search(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        // Runs of ASCII are the common case, lower-cased in bulk because whole journals are folded.
        std::size_t run = pos;
        while (run < text.size() && static_cast<unsigned char>(text[run]) < 0x80) ++run;
        if (run > pos) {
            const std::size_t at = out.size();
            out.resize(at + (run - pos));
            for (std::size_t i = pos; i < run; ++i) {
                const char c = text[i];
                out[at + (i - pos)] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 0x20) : c;
            }
            pos = run;
            continue;
        }
        append_folded(out, decode_utf8(text, pos));
    }
    return out;
}

std::string fold_for_lookup(std::string_view text) {
    std::string out = fold_for_search(text);
    // In place, moving the runs between dropped letters: whole journals are folded, and a pass that
    // copies byte by byte cost a quarter more than the fold itself. An 'e' is dropped after a, o or
    // u; the letter before it is never a dropped 'e', so each decision stands on its own.
    std::size_t write = 0;
    std::size_t read = 0;
    for (std::size_t e = out.find('e', 1); e != std::string::npos; e = out.find('e', e + 1)) {
        const char before = out[e - 1];
        if (before != 'a' && before != 'o' && before != 'u') continue;
        if (write != read) std::memmove(&out[write], &out[read], e - read);
        write += e - read;
        read = e + 1;
    }
    if (write != read) std::memmove(&out[write], &out[read], out.size() - read);
    out.resize(write + (out.size() - read));
    return out;
}

bool contains_folded(std::string_view haystack, std::string_view needle) {
    return fold_for_search(haystack).find(fold_for_search(needle)) != std::string::npos;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool is_blank(std::string_view text) {
    for (const char c : text) {
        if (!is_space(c)) return false;
    }
    return true;
}

std::string_view trim(std::string_view text) {
    std::size_t first = 0;
    std::size_t last = text.size();
    while (first < last && is_space(text[first])) ++first;
    while (last > first && is_space(text[last - 1])) --last;
    return text.substr(first, last - first);
}

std::string collapse_whitespace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (const char c : trim(text)) {
        if (is_space(c)) {
            pending_space = true;
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

std::string normalize_key(std::string_view text) {
    // Folding first turns no-break spaces into plain ones, so they collapse too.
    return collapse_whitespace(fold_for_search(text));
}

std::string truncate_utf8(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    constexpr std::string_view ellipsis = "\xE2\x80\xA6";
    if (max_bytes < ellipsis.size()) return std::string(text.substr(0, safe_cut(text, max_bytes)));
    const std::size_t cut = safe_cut(text, max_bytes - ellipsis.size());
    std::string out(text.substr(0, cut));
    while (!out.empty() && is_space(out.back())) out.pop_back();
    out += ellipsis;
    return out;
}

}  // namespace debrief
