// Raw-bytes checks and a non-throwing SAX parse into nlohmann::ordered_json (see json_text.h).
#include "serialization/json_text.h"

#include <cstdio>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "core/text.h"
#include "serialization/json_reader.h"

namespace debrief {

namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

bool is_continuation(unsigned char c) { return (c & 0xC0u) == 0x80u; }

// Returns the offset of the first byte that does not start or continue a valid UTF-8 sequence.
// Rejects overlong forms, surrogates and code points above U+10FFFF, as RFC 3629 does.
std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = byte(i);
        if (c < 0x80u) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned char low = 0x80u, high = 0xBFu;  // allowed range of the second byte
        if (c >= 0xC2u && c <= 0xDFu) {
            length = 2;
        } else if (c >= 0xE0u && c <= 0xEFu) {
            length = 3;
            if (c == 0xE0u) low = 0xA0u;   // no overlong 3-byte forms
            if (c == 0xEDu) high = 0x9Fu;  // no UTF-16 surrogates
        } else if (c >= 0xF0u && c <= 0xF4u) {
            length = 4;
            if (c == 0xF0u) low = 0x90u;   // no overlong 4-byte forms
            if (c == 0xF4u) high = 0x8Fu;  // nothing above U+10FFFF
        } else {
            return i;
        }
        if (i + 1 >= s.size() || byte(i + 1) < low || byte(i + 1) > high) return i;
        for (std::size_t k = 2; k < length; ++k) {
            if (i + k >= s.size() || !is_continuation(byte(i + k))) return i;
        }
        i += length;
    }
    return std::nullopt;
}

// Finds where brackets first nest deeper than `max_depth`, skipping string contents. This runs
// before the parser so that nothing recursive (our decoder, nlohmann's dump and comparisons) ever
// sees a pathologically deep tree.
std::optional<std::size_t> find_excess_depth(std::string_view s, int max_depth) {
    int depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth) return i;
        } else if (c == ']' || c == '}') {
            if (depth > 0) --depth;  // unbalanced closers are the parser's to report
        }
    }
    return std::nullopt;
}

// A zero byte where JSON text belongs: files padded with zeros after a crash or a copy cut short.
std::string zero_byte_at(const std::string& where) {
    return "unexpected zero byte (U+0000) at " + where + "; was the file damaged while it was saved?";
}

std::string format_megabytes(std::size_t bytes) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buffer;
}

// How a single offending byte reads in a message: 'x' for visible ASCII, U+000A otherwise.
std::string describe_byte(std::string_view s, std::size_t offset) {
    const auto c = static_cast<unsigned char>(s[offset]);
    char buffer[16];
    if (c >= 0x21u && c < 0x7Fu) {
        std::snprintf(buffer, sizeof buffer, "'%c'", c);
    } else {
        std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
    }
    return buffer;
}

using Json = nlohmann::ordered_json;

// Builds the tree like nlohmann's own DOM parser, but never throws: errors are recorded with the
// JSON path being read at the time, duplicate keys are rejected (nlohmann silently keeps the last),
// and overflowing numbers are reported rather than thrown.
class TreeBuilder final : public nlohmann::json_sax<Json> {
public:
    // `full_text` is the whole file (for positions); parsing starts after the BOM.
    TreeBuilder(std::string_view full_text, std::size_t bom_length)
        : m_full(full_text), m_text(full_text.substr(bom_length)), m_bom_length(bom_length) {}

    Json& root() { return m_root; }
    const std::optional<Error>& error() const { return m_error; }

    bool null() override { return add(Json(nullptr)); }
    bool boolean(bool value) override { return add(Json(value)); }
    bool number_integer(number_integer_t value) override { return add(Json(value)); }
    bool number_unsigned(number_unsigned_t value) override { return add(Json(value)); }
    bool number_float(number_float_t value, const string_t&) override { return add(Json(value)); }
    bool string(string_t& value) override { return add(Json(std::move(value))); }
    bool binary(binary_t&) override { return false; }  // never produced by the JSON parser

    bool start_object(std::size_t) override { return open(Json::object(), false); }
    bool start_array(std::size_t) override { return open(Json::array(), true); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& value) override {
        Frame& frame = m_frames.back();
        if (!frame.keys.insert(value).second) {
            const std::string object_path = current_path_without_last();
            m_error = Error{"The key " + quote_for_message(value) + " appears twice in the same object at " +
                                object_path + "; a key may appear only once",
                            path_key(object_path, value)};
            return false;
        }
        frame.key = value;
        return true;
    }

    bool parse_error(std::size_t position, const std::string& last_token,
                     const nlohmann::detail::exception& ex) override {
        // nlohmann counts the offending character as read, so it sits one before `position`; when
        // the whole token is known (a string or a number) the message points at its start.
        const std::size_t last = position > 0 ? position - 1 : 0;
        const std::string path = current_path();
        if (last >= m_text.size()) {
            m_error = Error{"The file ends too early, at " + where(m_text.size()) +
                                ": it looks cut off (was it copied or saved completely?)",
                            path};
            return false;
        }
        // nlohmann's last token is reliable only for strings and numbers (other scans do not reset it).
        const bool string_token = last_token.size() >= 2 && last_token.front() == '"' && last_token.back() == '"';
        const bool number_token =
            !last_token.empty() && last_token.find_first_not_of("0123456789+-.eE") == std::string::npos;
        const bool whole_token = (string_token || number_token) && position >= last_token.size() &&
                                 m_text.substr(position - last_token.size(), last_token.size()) == last_token;
        const std::size_t start = whole_token ? position - last_token.size() : last;
        if (ex.id == 406) {  // out_of_range.406: a number beyond double's range
            m_error = Error{
                "The number " + truncate_utf8(last_token, 40) + " is too large at " + path + " (" + where(start) + ")",
                path};
            return false;
        }
        const auto c = static_cast<unsigned char>(m_text[last]);
        if (c == 0u) {  // never valid JSON outside an escape; nlohmann's lexer takes it for the end
            m_error = Error{"The file is not valid JSON: " + zero_byte_at(where(last)) + ", near " + path, path};
            return false;
        }
        if (c < 0x20u) {  // outside strings these are whitespace, so this is a raw one inside text
            m_error =
                Error{"The file is not valid JSON: a raw control character (" + describe_byte(m_text, last) +
                          ") inside text, where an escape like \\n is expected, at " + where(last) + ", near " + path,
                      path};
            return false;
        }
        std::string what = "unexpected ";
        if (whole_token && last_token.size() > 1) {
            what += truncate_utf8(last_token, 24);
        } else {
            what += describe_byte(m_text, last);
        }
        // nlohmann says which token it expected; a value where a separator belongs is nearly always a
        // forgotten comma, the most common hand-editing mistake.
        const std::string detail = ex.what();
        const bool separator_expected =
            detail.find("expected '}'") != std::string::npos || detail.find("expected ']'") != std::string::npos;
        const char first = m_text[start];
        const bool value_start = first == '"' || first == '{' || first == '[' || first == '-' ||
                                 (first >= '0' && first <= '9') || first == 't' || first == 'f' || first == 'n';
        const std::string hint = separator_expected && value_start ? "; is a comma missing before it?" : "";
        m_error = Error{"The file is not valid JSON: " + what + " at " + where(start) + ", near " + path + hint, path};
        return false;
    }

private:
    struct Frame {
        Json* container = nullptr;
        bool is_array = false;
        std::size_t index = 0;  // arrays: the element being read
        std::string key;        // objects: the last key read
        std::set<std::string> keys;
    };

    bool add(Json value) {
        if (m_frames.empty()) {
            m_root = std::move(value);
            return true;
        }
        Frame& frame = m_frames.back();
        if (frame.is_array) {
            frame.container->push_back(std::move(value));
            ++frame.index;
        } else {
            (*frame.container)[frame.key] = std::move(value);
        }
        return true;
    }

    bool open(Json container, bool is_array) {
        Json* slot = nullptr;
        if (m_frames.empty()) {
            m_root = std::move(container);
            slot = &m_root;
        } else {
            Frame& parent = m_frames.back();
            if (parent.is_array) {
                parent.container->push_back(std::move(container));
                slot = &parent.container->back();
            } else {
                slot = &(*parent.container)[parent.key];
                *slot = std::move(container);
            }
        }
        Frame frame;
        frame.container = slot;
        frame.is_array = is_array;
        m_frames.push_back(std::move(frame));
        return true;
    }

    bool close() {
        m_frames.pop_back();
        if (!m_frames.empty() && m_frames.back().is_array) ++m_frames.back().index;
        return true;
    }

    std::string path_of(std::size_t frame_count) const {
        std::string path = "$";
        for (std::size_t i = 0; i < frame_count; ++i) {
            const Frame& frame = m_frames[i];
            if (frame.is_array) {
                path = path_index(path, frame.index);
            } else if (!frame.key.empty() || !frame.keys.empty()) {
                path = path_key(path, frame.key);
            }
        }
        return path;
    }
    std::string current_path() const { return path_of(m_frames.size()); }
    std::string where(std::size_t offset_in_body) const {
        return describe_text_position(m_full, offset_in_body + m_bom_length);
    }
    // The path of the innermost object itself (used when its key is the problem).
    std::string current_path_without_last() const { return path_of(m_frames.empty() ? 0 : m_frames.size() - 1); }

    std::string_view m_full;
    std::string_view m_text;
    std::size_t m_bom_length = 0;
    Json m_root;
    std::vector<Frame> m_frames;
    std::optional<Error> m_error;
};

}  // namespace

std::string describe_text_position(std::string_view text, std::size_t offset) {
    if (offset > text.size()) offset = text.size();
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if (!is_continuation(c)) {
            ++column;  // columns count characters, not bytes, so they match what an editor shows
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column) + ", byte offset " +
           std::to_string(offset);
}

Result<nlohmann::ordered_json> parse_json_text(std::string_view text, const DecodeLimits& limits) {
    if (text.size() > limits.max_bytes) {
        return Error{"This file is " + format_megabytes(text.size()) + " (" + std::to_string(text.size()) +
                         " bytes); Debrief reads journals up to " + format_megabytes(limits.max_bytes) +
                         ". Is it really a Debrief export?",
                     "$"};
    }
    const std::size_t bom_length = text.substr(0, utf8_bom.size()) == utf8_bom ? utf8_bom.size() : 0;
    const std::string_view body = text.substr(bom_length);

    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return Error{"The file is empty: there is no journal in it", "$"};
    }
    if (const auto bad = find_invalid_utf8(text)) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[*bad])));
        return Error{"The file is not valid UTF-8 text: byte " + std::string(hex) + " at " +
                         describe_text_position(text, *bad) +
                         " cannot start or continue a character. Was it saved in another encoding?",
                     "$"};
    }
    if (const auto deep = find_excess_depth(body, limits.max_depth)) {
        return Error{"The file nests lists and objects more than " + std::to_string(limits.max_depth) +
                         " levels deep (at " + describe_text_position(text, *deep + bom_length) +
                         "); a Debrief journal never does, so it is damaged or not a journal",
                     "$"};
    }

    TreeBuilder builder(text, bom_length);
    const bool parsed = nlohmann::ordered_json::sax_parse(body.begin(), body.end(), &builder);
    if (!parsed || builder.error()) {
        if (builder.error()) return *builder.error();
        return Error{"The file is not valid JSON", "$"};
    }
    // nlohmann's lexer reads a zero byte as the end of the input (it also parses C strings), so a
    // document followed by a zero byte and anything at all parses. A zero byte cannot be inside a
    // string (raw control characters fail above), so the first one is where nlohmann stopped.
    // Found by the import fuzzer (tests/unit/fuzz_findings_test.cpp).
    if (const std::size_t zero = body.find('\0'); zero != std::string_view::npos) {
        return Error{"The file is not valid JSON: " + zero_byte_at(describe_text_position(text, zero + bom_length)) +
                         ", after the end of the data",
                     "$"};
    }
    return std::move(builder.root());
}

Result<JsonTree> read_json_tree(std::string_view text, const DecodeLimits& limits) {
    if (text.size() <= limits.max_bytes) {
        if (std::optional<JsonTree> tree = JsonTree::parse(text, limits.max_depth)) return std::move(*tree);
    }
    auto explained = parse_json_text(text, limits);
    if (!explained) return explained.error();
    // Both parsers follow RFC 8259 (tests/unit/json_tree_test.cpp compares them); reaching this is a bug.
    return Error{"The file could not be read as JSON", "$"};
}

}  // namespace debrief
