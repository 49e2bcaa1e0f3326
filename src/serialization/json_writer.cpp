// The streaming JSON writer (see json_writer.h): layout bookkeeping and string escaping.
#include "serialization/json_writer.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <utility>

namespace debrief {

namespace {

// What a byte asks of the string escaper: nothing (copied as part of a run), an escape, or a check of
// the UTF-8 sequence it starts. A table, because this loop is where an export spends its time.
enum ByteClass : unsigned char { plain = 0, escape = 1, non_ascii = 2 };

constexpr std::array<unsigned char, 256> make_byte_classes() {
    std::array<unsigned char, 256> classes{};
    for (int b = 0; b < 0x20; ++b) classes[static_cast<std::size_t>(b)] = escape;
    classes['"'] = escape;
    classes['\\'] = escape;
    for (int b = 0x80; b < 0x100; ++b) classes[static_cast<std::size_t>(b)] = non_ascii;
    return classes;
}

constexpr std::array<unsigned char, 256> byte_classes = make_byte_classes();

// True when none of the 8 bytes at `p` needs attention: none is >= 0x80, < 0x20, '"' or '\\'. Tests a whole
// word at once with the borrow trick behind the classic "has a zero byte" test: (v - 0x01..01) & ~v & 0x80..80
// is non-zero exactly when some byte of v is zero (and (v - n*0x01..01) & ~v likewise for a byte below n,
// n <= 0x80). It may flag the wrong byte, never a wrong word, and the byte loop then decides.
bool all_plain(const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, sizeof v);
    constexpr std::uint64_t ones = 0x0101010101010101u;
    constexpr std::uint64_t highs = 0x8080808080808080u;
    const std::uint64_t quote = v ^ (ones * '"');
    const std::uint64_t backslash = v ^ (ones * '\\');
    const std::uint64_t control = (v - ones * 0x20) & ~v;
    const std::uint64_t flags = control | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | v;
    return (flags & highs) == 0;
}

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";  // U+FFFD

// The length of the well-formed UTF-8 sequence starting at text[i] (a byte >= 0x80), or 0 if it is
// ill-formed; then `consumed` is how many bytes the U+FFFD stands for. That is the lead byte and the
// continuation bytes that matched before the first one that did not: the mismatching byte is read
// again as the start of what follows, and a sequence cut off by the end of the text is replaced once.
// Ranges from the Unicode Standard, Table 3-7 (Well-Formed UTF-8 Byte Sequences), which excludes
// overlong forms, surrogates and code points above U+10FFFF — the same rules nlohmann::json applies.
std::size_t utf8_sequence(std::string_view text, std::size_t i, std::size_t& consumed) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    unsigned char second_min = 0x80;
    unsigned char second_max = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) second_min = 0xA0;  // below: overlong
        if (lead == 0xED) second_max = 0x9F;  // above: surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) second_min = 0x90;  // below: overlong
        if (lead == 0xF4) second_max = 0x8F;  // above: beyond U+10FFFF
    } else {
        consumed = 1;  // a continuation byte, C0/C1 (always overlong) or F5..FF
        return 0;
    }
    for (std::size_t k = 1; k < length; ++k) {
        if (i + k >= text.size()) {
            consumed = text.size() - i;
            return 0;
        }
        const auto byte = static_cast<unsigned char>(text[i + k]);
        const unsigned char min = k == 1 ? second_min : 0x80;
        const unsigned char max = k == 1 ? second_max : 0xBF;
        if (byte < min || byte > max) {
            consumed = k;
            return 0;
        }
    }
    return length;
}

// The escape sequence of a byte whose class is `escape`: \" \\ \b \f \n \r \t, or \u00xx in lowercase hex
// as nlohmann writes it. The table is built once, so the hot loop only copies a few bytes.
std::string_view escape_sequence(unsigned char byte) {
    struct Table {
        char text[0x20][7];
        unsigned char size[0x20];
    };
    static const Table table = [] {
        Table t{};
        constexpr char hex[] = "0123456789abcdef";
        for (unsigned b = 0; b < 0x20; ++b) {
            const char escaped[] = {'\\', 'u', '0', '0', hex[b >> 4], hex[b & 0xF]};
            std::memcpy(t.text[b], escaped, sizeof escaped);
            t.size[b] = sizeof escaped;
        }
        const std::pair<unsigned char, char> shorthand[] = {
            {'\b', 'b'}, {'\f', 'f'}, {'\n', 'n'}, {'\r', 'r'}, {'\t', 't'}};
        for (const auto& [b, letter] : shorthand) {
            t.text[b][0] = '\\';
            t.text[b][1] = letter;
            t.size[b] = 2;
        }
        return t;
    }();
    if (byte == '"') return "\\\"";
    if (byte == '\\') return "\\\\";
    return {table.text[byte], table.size[byte]};
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    JsonWriter writer(out, JsonLayout::compact);
    writer.string(text);
}

void JsonWriter::flush() {
    m_out.append(m_buffer, m_used);
    m_used = 0;
}

inline void JsonWriter::put(char c) {
    if (m_used == sizeof m_buffer) flush();
    m_buffer[m_used++] = c;
}

inline void JsonWriter::put(const char* text, std::size_t size) {
    if (size > sizeof m_buffer - m_used) {
        flush();
        if (size > sizeof m_buffer) {
            m_out.append(text, size);  // a long run goes straight to the output
            return;
        }
    }
    std::memcpy(m_buffer + m_used, text, size);
    m_used += size;
}

void JsonWriter::put_escaped(std::string_view text) {
    put('"');
    // Bytes that need nothing are copied in runs; `run` is where the current run starts.
    std::size_t run = 0;
    std::size_t i = 0;
    const std::size_t size = text.size();
    while (i < size) {
        // Most text is plain ASCII: skip it a word at a time, and look at single bytes only in a word
        // that holds something else (then up to its end, so a word is not re-read byte by byte).
        while (i + 8 <= size && all_plain(text.data() + i)) i += 8;
        const std::size_t word_end = i + 8 < size ? i + 8 : size;
        while (i < word_end) {
            const auto byte = static_cast<unsigned char>(text[i]);
            const unsigned char kind = byte_classes[byte];
            if (kind == plain) {
                ++i;
                continue;
            }
            if (kind == non_ascii) {
                std::size_t consumed = 0;
                const std::size_t length = utf8_sequence(text, i, consumed);
                if (length != 0) {
                    i += length;  // well-formed: stays in the run, copied raw
                    continue;
                }
                put(text.data() + run, i - run);
                put(replacement_character);
                i += consumed;
                run = i;
                continue;
            }
            put(text.data() + run, i - run);
            put(escape_sequence(byte));
            ++i;
            run = i;
        }
    }
    put(text.data() + run, size - run);
    put('"');
}

void JsonWriter::new_line() {
    static constexpr char spaces[] = "                                                                ";
    constexpr std::size_t chunk = sizeof spaces - 1;
    put('\n');
    for (std::size_t n = 2 * m_has_elements.size(); n > 0;) {
        const std::size_t step = n < chunk ? n : chunk;
        put(spaces, step);
        n -= step;
    }
}

void JsonWriter::before_value() {
    if (m_after_key) {
        m_after_key = false;
        return;
    }
    if (m_has_elements.empty()) return;  // the top-level value
    // An array element: separated from the previous one, on its own line when pretty.
    char& has_elements = m_has_elements.back();
    if (has_elements) put(',');
    has_elements = 1;
    if (m_pretty) new_line();
}

void JsonWriter::open(char bracket) {
    before_value();
    put(bracket);
    m_has_elements.push_back(0);
}

void JsonWriter::close(char bracket) {
    const bool had_elements = m_has_elements.back() != 0;
    m_has_elements.pop_back();
    // A non-empty container closes on its own line; an empty one stays "{}" / "[]".
    if (m_pretty && had_elements) new_line();
    put(bracket);
}

void JsonWriter::begin_object() { open('{'); }
void JsonWriter::end_object() { close('}'); }
void JsonWriter::begin_array() { open('['); }
void JsonWriter::end_array() { close(']'); }

void JsonWriter::key(std::string_view name) {
    before_value();  // a key is placed like an array element
    put_escaped(name);
    after_key();
}

void JsonWriter::after_key() {
    if (m_pretty) {
        put(": ", 2);
    } else {
        put(':');
    }
    m_after_key = true;
}

void JsonWriter::string(std::string_view text) {
    before_value();
    put_escaped(text);
}

void JsonWriter::number(std::int64_t value) {
    before_value();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    put(digits, static_cast<std::size_t>(end - digits));
}

void JsonWriter::decimal(double value) {
    // Integer arithmetic, not snprintf: the page gets these for every control on every frame that
    // moves, and printf's formatting was 15 ms of a cold start.
    if (!std::isfinite(value) || std::fabs(value) >= 1e15) {
        null();
        return;
    }
    before_value();
    const long long hundredths = std::llround(value * 100.0);
    const unsigned long long magnitude = static_cast<unsigned long long>(hundredths < 0 ? -hundredths : hundredths);
    char digits[32];
    char* end = digits;
    if (hundredths < 0) *end++ = '-';
    end = std::to_chars(end, digits + sizeof digits, magnitude / 100).ptr;
    if (const unsigned long long fraction = magnitude % 100; fraction != 0) {
        *end++ = '.';
        *end++ = static_cast<char>('0' + fraction / 10);
        if (fraction % 10 != 0) *end++ = static_cast<char>('0' + fraction % 10);
    }
    put(digits, static_cast<std::size_t>(end - digits));
}

void JsonWriter::boolean(bool value) {
    before_value();
    put(value ? std::string_view("true") : std::string_view("false"));
}

void JsonWriter::null() {
    before_value();
    put("null", 4);
}

void JsonWriter::raw_value(std::string_view json) {
    before_value();
    put(json);
}
void JsonWriter::raw_members(std::string_view members) {
    before_value();  // placed like a key: a comma after the object's previous member
    put(members);
}

void JsonWriter::raw_key(std::string_view quoted) {
    before_value();  // a key is placed like an array element
    put(quoted);
    after_key();
}

namespace {

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The end of the string literal that opens at `at` (just past its closing quote, or the text's end).
std::size_t string_literal_end(std::string_view json, std::size_t at) {
    for (std::size_t i = at + 1; i < json.size(); ++i) {
        if (json[i] == '\\') {
            ++i;
        } else if (json[i] == '"') {
            return i + 1;
        }
    }
    return json.size();
}

}  // namespace

void JsonWriter::raw_json(std::string_view json) {
    if (!m_pretty) {
        before_value();
        std::string compact;
        append_compact_json(compact, json);
        put(compact);
        return;
    }
    // Pretty: token by token through the writer, so nested values are indented like everything else.
    // The brackets opened here, so that what is written stays balanced even if `json` is not.
    std::string opened;
    std::size_t i = 0;
    while (i < json.size()) {
        const char c = json[i];
        if (is_json_space(c) || c == ',' || c == ':') {
            ++i;
        } else if (c == '{' || c == '[') {
            open(c);
            opened.push_back(c == '{' ? '}' : ']');
            ++i;
        } else if (c == '}' || c == ']') {
            if (!opened.empty()) {
                close(opened.back());
                opened.pop_back();
            }
            ++i;
        } else {
            std::size_t end = i + 1;
            if (c == '"') {
                end = string_literal_end(json, i);
            } else {
                while (end < json.size() && !is_json_space(json[end]) && json[end] != ',' && json[end] != ':' &&
                       json[end] != ']' && json[end] != '}')
                    ++end;
            }
            const std::string_view token = json.substr(i, end - i);
            std::size_t next = end;
            while (next < json.size() && is_json_space(json[next])) ++next;
            // A string followed by a colon is a key.
            if (c == '"' && next < json.size() && json[next] == ':') {
                raw_key(token);
            } else {
                raw_value(token);
            }
            i = end;
        }
    }
    for (; !opened.empty(); opened.pop_back()) close(opened.back());
}

void append_compact_json(std::string& out, std::string_view json) {
    // Copies runs between whitespace; string literals are copied whole, whatever they hold.
    std::size_t run = 0;
    std::size_t i = 0;
    while (i < json.size()) {
        const char c = json[i];
        if (c == '"') {
            i = string_literal_end(json, i);
        } else if (is_json_space(c)) {
            out.append(json.data() + run, i - run);
            while (i < json.size() && is_json_space(json[i])) ++i;
            run = i;
        } else {
            ++i;
        }
    }
    out.append(json.data() + run, json.size() - run);
}

}  // namespace debrief
