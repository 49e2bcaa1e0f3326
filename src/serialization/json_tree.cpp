// The strict one-pass JSON parser behind JsonTree (see json_tree.h).
#include "serialization/json_tree.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_set>

#include "core/text.h"

namespace debrief {

namespace {

// An integer literal (digits with an optional '-') as int64, if it fits.
std::optional<std::int64_t> parse_int64(std::string_view literal) {
    const bool negative = literal[0] == '-';
    // Accumulate negatively so that INT64_MIN fits.
    std::int64_t value = 0;
    for (std::size_t i = negative ? 1 : 0; i < literal.size(); ++i) {
        const int digit = literal[i] - '0';
        if (value < (INT64_MIN + digit) / 10) return std::nullopt;
        value = value * 10 - digit;
    }
    if (!negative) {
        if (value == INT64_MIN) return std::nullopt;
        value = -value;
    }
    return value;
}

// Bytes that end a run of plain string content: controls, '"', '\\' and anything non-ASCII.
constexpr std::uint64_t ones = 0x0101010101010101ull;
constexpr std::uint64_t highs = 0x8080808080808080ull;
constexpr bool has_zero_byte(std::uint64_t w) { return ((w - ones) & ~w & highs) != 0; }
constexpr bool has_byte_below_space(std::uint64_t w) { return ((w - 0x20 * ones) & ~w & highs) != 0; }

// The end of the run of plain ASCII string content starting at `p`: eight bytes per step (SWAR),
// since text fields are most of a journal's bytes.
const char* skip_plain_ascii(const char* p, const char* end) {
    while (end - p >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        if ((w & highs) != 0 || has_byte_below_space(w) || has_zero_byte(w ^ (0x22 * ones)) ||
            has_zero_byte(w ^ (0x5C * ones))) {
            break;
        }
        p += 8;
    }
    while (p < end) {
        const auto c = static_cast<unsigned char>(*p);
        if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') break;
        ++p;
    }
    return p;
}

}  // namespace

std::optional<std::int64_t> JsonNode::as_int64() const {
    if (m_kind != JsonKind::number || !m_flag) return std::nullopt;
    return parse_int64(m_text);
}

const JsonNode* JsonNode::find(std::string_view key) const {
    if (m_kind != JsonKind::object) return nullptr;
    for (const JsonNode& member : *this) {
        if (member.m_key == key) return &member;
    }
    return nullptr;
}

// Recursive descent over the text. Finished values wait on `m_pending` until their container
// closes; then they move to the tree's node array as one contiguous block, so a container's
// children are a plain range.
class JsonTreeBuilder {
public:
    JsonTreeBuilder(std::string_view text, int max_depth, JsonTree& tree)
        : m_text(text), m_max_depth(max_depth), m_tree(tree) {}

    bool run() {
        if (m_text.substr(0, 3) == "\xEF\xBB\xBF") m_pos = 3;
        // Journal JSON averages about one value per 20 bytes; reserving avoids most regrowth.
        m_tree.m_nodes.reserve(m_text.size() / 20 + 1);
        m_pending.reserve(64);
        if (!value(0)) return false;
        skip_space();
        if (m_pos != m_text.size()) return false;
        m_tree.m_nodes.push_back(m_pending.back());
        JsonNode* base = m_tree.m_nodes.data();
        for (JsonNode& node : m_tree.m_nodes) {
            if (node.m_kind == JsonKind::array || node.m_kind == JsonKind::object) node.m_children = base + node.m_first;
        }
        return true;
    }

private:
    void skip_space() {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
            ++m_pos;
        }
    }

    bool literal(std::string_view word) {
        if (m_text.substr(m_pos, word.size()) != word) return false;
        m_pos += word.size();
        return true;
    }

    bool value(int depth) {
        skip_space();
        if (m_pos >= m_text.size()) return false;
        const std::size_t start = m_pos;
        JsonNode node;
        switch (m_text[m_pos]) {
            case '{':
                if (depth + 1 > m_max_depth || !object(depth + 1, node)) return false;
                break;
            case '[':
                if (depth + 1 > m_max_depth || !array(depth + 1, node)) return false;
                break;
            case '"':
                node.m_kind = JsonKind::string;
                if (!string(node.m_text)) return false;
                break;
            case 't':
                node.m_kind = JsonKind::boolean;
                node.m_flag = true;
                if (!literal("true")) return false;
                break;
            case 'f':
                node.m_kind = JsonKind::boolean;
                if (!literal("false")) return false;
                break;
            case 'n':
                if (!literal("null")) return false;
                break;
            default:
                if (!number(node)) return false;
        }
        node.m_raw = m_text.substr(start, m_pos - start);
        m_pending.push_back(node);
        return true;
    }

    // Moves the last `count` pending values into the tree as the children of `container`.
    void adopt_children(std::size_t count, JsonNode& container) {
        auto& nodes = m_tree.m_nodes;
        container.m_first = static_cast<std::uint32_t>(nodes.size());
        container.m_count = static_cast<std::uint32_t>(count);
        nodes.insert(nodes.end(), m_pending.end() - static_cast<std::ptrdiff_t>(count), m_pending.end());
        m_pending.resize(m_pending.size() - count);
    }

    // At an opening bracket: reads elements with `read_element` up to `close`, then makes them the
    // children of `node`.
    template <class ReadElement>
    bool container(JsonKind kind, char close, JsonNode& node, ReadElement read_element) {
        node.m_kind = kind;
        ++m_pos;
        const std::size_t mark = m_pending.size();
        skip_space();
        if (m_pos < m_text.size() && m_text[m_pos] == close) {
            ++m_pos;
            return true;
        }
        for (;;) {
            if (!read_element()) return false;
            skip_space();
            if (m_pos >= m_text.size()) return false;
            const char c = m_text[m_pos++];
            if (c == close) break;
            if (c != ',') return false;
        }
        if (kind == JsonKind::object && has_duplicate_key(mark)) return false;
        adopt_children(m_pending.size() - mark, node);
        return true;
    }

    bool array(int depth, JsonNode& node) {
        return container(JsonKind::array, ']', node, [&] { return value(depth); });
    }

    bool object(int depth, JsonNode& node) {
        return container(JsonKind::object, '}', node, [&] { return member(depth); });
    }

    // "key": value
    bool member(int depth) {
        skip_space();
        std::string_view key;
        if (m_pos >= m_text.size() || m_text[m_pos] != '"' || !string(key)) return false;
        skip_space();
        if (m_pos >= m_text.size() || m_text[m_pos++] != ':') return false;
        if (!value(depth)) return false;
        m_pending.back().m_key = key;
        return true;
    }

    // Duplicate keys are refused (json_text.cpp explains which one); a hash set keeps hostile
    // objects with many keys linear.
    bool has_duplicate_key(std::size_t mark) const {
        const std::size_t count = m_pending.size() - mark;
        if (count <= 32) {
            for (std::size_t i = mark + 1; i < m_pending.size(); ++i) {
                for (std::size_t k = mark; k < i; ++k) {
                    if (m_pending[k].m_key == m_pending[i].m_key) return true;
                }
            }
            return false;
        }
        std::unordered_set<std::string_view> keys;
        keys.reserve(count);
        for (std::size_t i = mark; i < m_pending.size(); ++i) {
            if (!keys.insert(m_pending[i].m_key).second) return true;
        }
        return false;
    }

    bool number(JsonNode& node) {
        const std::size_t start = m_pos;
        const auto digits = [&] {
            const std::size_t from = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9') ++m_pos;
            return m_pos > from;
        };
        if (m_pos < m_text.size() && m_text[m_pos] == '-') ++m_pos;
        if (m_pos < m_text.size() && m_text[m_pos] == '0') {
            ++m_pos;
        } else if (!digits()) {
            return false;
        }
        bool integer = true;
        if (m_pos < m_text.size() && m_text[m_pos] == '.') {
            ++m_pos;
            integer = false;
            if (!digits()) return false;
        }
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            ++m_pos;
            integer = false;
            if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-')) ++m_pos;
            if (!digits()) return false;
        }
        node.m_kind = JsonKind::number;
        node.m_text = m_text.substr(start, m_pos - start);
        node.m_flag = integer && parse_int64(node.m_text).has_value();
        // Like nlohmann, which the error messages come from: integers too big for 64 bits become
        // doubles, and a double out of range is an error.
        if (!node.m_flag) {
            const std::string literal(node.m_text);
            errno = 0;
            const double parsed = std::strtod(literal.c_str(), nullptr);
            if (errno == ERANGE && std::isinf(parsed)) return false;
        }
        return true;
    }

    static int hex_digit(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    bool hex4(char32_t& out) {
        if (m_pos + 4 > m_text.size()) return false;
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = hex_digit(m_text[m_pos++]);
            if (digit < 0) return false;
            out = (out << 4) | static_cast<char32_t>(digit);
        }
        return true;
    }

    // At the opening quote; leaves `out` viewing the unescaped value (the source itself when the
    // value holds no escapes, which is most text).
    bool string(std::string_view& out) {
        const std::size_t start = ++m_pos;
        const std::size_t size = m_text.size();
        while (m_pos < size) {
            m_pos = static_cast<std::size_t>(skip_plain_ascii(m_text.data() + m_pos, m_text.data() + size) - m_text.data());
            if (m_pos >= size) break;
            const auto c = static_cast<unsigned char>(m_text[m_pos]);
            if (c == '"') {
                out = m_text.substr(start, m_pos - start);
                ++m_pos;
                return true;
            }
            if (c == '\\') return escaped_string(start, out);
            if (!plain_character(c)) return false;
        }
        return false;
    }

    // Steps over one unescaped character (validating UTF-8); false for control characters.
    bool plain_character(unsigned char c) {
        if (c < 0x20) return false;
        if (c < 0x80) {
            ++m_pos;
            return true;
        }
        const std::size_t length = utf8_sequence_length(m_text, m_pos);
        m_pos += length;
        return length != 0;
    }

    bool escaped_string(std::size_t start, std::string_view& out) {
        if (!m_tree.m_unescaped) {
            // Unescaped text is never longer than its source, so one buffer of the source's size
            // holds every string and never moves.
            m_tree.m_unescaped.reset(new char[m_text.size()]);
        }
        char* const begin = m_tree.m_unescaped.get() + m_unescaped_used;
        char* write = begin;
        std::memcpy(write, m_text.data() + start, m_pos - start);
        write += m_pos - start;
        while (m_pos < m_text.size()) {
            const auto c = static_cast<unsigned char>(m_text[m_pos]);
            if (c == '"') {
                ++m_pos;
                out = std::string_view(begin, static_cast<std::size_t>(write - begin));
                m_unescaped_used += out.size();
                return true;
            }
            if (c != '\\') {
                const std::size_t from = m_pos;
                const char* run = skip_plain_ascii(m_text.data() + m_pos, m_text.data() + m_text.size());
                m_pos = static_cast<std::size_t>(run - m_text.data());
                if (m_pos == from && !plain_character(c)) return false;
                std::memcpy(write, m_text.data() + from, m_pos - from);
                write += m_pos - from;
                continue;
            }
            if (++m_pos >= m_text.size()) return false;
            const char e = m_text[m_pos++];
            switch (e) {
                case '"': *write++ = '"'; break;
                case '\\': *write++ = '\\'; break;
                case '/': *write++ = '/'; break;
                case 'b': *write++ = '\b'; break;
                case 'f': *write++ = '\f'; break;
                case 'n': *write++ = '\n'; break;
                case 'r': *write++ = '\r'; break;
                case 't': *write++ = '\t'; break;
                case 'u': {
                    char32_t cp = 0;
                    if (!hex4(cp)) return false;
                    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        char32_t low = 0;
                        if (!literal("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    std::string encoded;
                    append_utf8(encoded, cp);
                    std::memcpy(write, encoded.data(), encoded.size());
                    write += encoded.size();
                    break;
                }
                default:
                    return false;
            }
        }
        return false;
    }

    std::string_view m_text;
    int m_max_depth;
    JsonTree& m_tree;
    std::size_t m_pos = 0;
    std::size_t m_unescaped_used = 0;
    std::vector<JsonNode> m_pending;
};

std::optional<JsonTree> JsonTree::parse(std::string_view text, int max_depth) {
    JsonTree tree;
    if (!JsonTreeBuilder(text, max_depth, tree).run()) return std::nullopt;
    return tree;
}

}  // namespace debrief
