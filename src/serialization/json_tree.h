// A read-only JSON tree in one flat array of nodes: what the decoders and migrations read.
//
// Why not nlohmann's tree: loading 10,000 reflections spent most of its time allocating and freeing
// one heap object per JSON value (docs in bench/). This tree is one array of nodes; the text they
// view lives in a few buffers the tree owns. It is built by json_text.h's read_json_tree, which
// feeds it from nlohmann's SAX parser (the product's only JSON tokenizer).
//
// The tree keeps a copy of the text it was read from, and every value can give its source text
// (raw()): unknown fields are kept as they were written (-0, 1e-400, "\u00e9"), not as a parser
// would write them again. Numbers, and strings and keys written without escapes, view that copy;
// only escaped ones are unescaped into a buffer of their own.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace debrief {

enum class JsonKind : std::uint8_t { null, boolean, number, string, array, object };

class JsonNode {
public:
    JsonKind kind() const { return m_kind; }
    bool is_null() const { return m_kind == JsonKind::null; }
    bool is_boolean() const { return m_kind == JsonKind::boolean; }
    bool is_number() const { return m_kind == JsonKind::number; }
    bool is_string() const { return m_kind == JsonKind::string; }
    bool is_array() const { return m_kind == JsonKind::array; }
    bool is_object() const { return m_kind == JsonKind::object; }

    bool boolean() const { return m_flag; }
    // Strings: the unescaped UTF-8 value. Numbers: the literal as written (-0, 1.0, 1e-400); null,
    // true and false: their literal too.
    std::string_view text() const { return std::string_view(m_text, m_text_size); }
    // The value as it was written in the source, from its first character to its last: a string
    // with its quotes and escapes, a container with its members and the whitespace between them.
    std::string_view raw() const;
    // Members of an object: the key as it was written, quotes and escapes included ("caf\u00e9").
    std::string_view raw_key() const;
    // Numbers written without fraction or exponent that fit in 64 bits.
    std::optional<std::int64_t> as_int64() const;

    // Arrays and objects: the elements / members, in source order (other kinds have none).
    std::size_t size() const { return m_count; }
    bool empty() const { return m_count == 0; }
    const JsonNode* begin() const { return m_link.children; }
    const JsonNode* end() const { return m_link.children + m_count; }
    const JsonNode& operator[](std::size_t i) const { return m_link.children[i]; }
    // Members of an object: their key (unescaped).
    std::string_view key() const { return std::string_view(m_key, m_key_size); }
    // The member named `key` of an object, or nullptr.
    const JsonNode* find(std::string_view key) const;

private:
    friend class JsonTreeBuilder;
    // 40 bytes: a file with a million values holds a million nodes (twice, while they are built), so
    // their size is most of what reading a large file costs in memory traffic.
    void set_key(std::string_view key) {
        m_key = key.data();
        m_key_size = static_cast<std::uint32_t>(key.size());
    }
    void set_text(std::string_view text) {
        m_text = text.data();
        m_text_size = static_cast<std::uint32_t>(text.size());
    }
    JsonKind m_kind = JsonKind::null;
    bool m_flag = false;  // booleans: the value; numbers: an integer literal
    std::uint32_t m_count = 0;
    union Link {
        std::size_t first = 0;     // containers: index of the first child in the tree, while it is being built
        const JsonNode* children;  // then the first child
        const char* raw;           // strings: where the literal starts (its opening quote) in the source copy
    } m_link;
    const char* m_key = nullptr;   // keys and texts: views of the tree's buffers (files are at most
    const char* m_text = nullptr;  // 50 MB, so a 32-bit size holds any of them); containers: their source
    std::uint32_t m_key_size = 0;
    std::uint32_t m_text_size = 0;
};

// Owns the nodes and their text: it does not view the source, which may go away.
class JsonTree {
public:
    const JsonNode& root() const { return m_nodes.back(); }

private:
    friend class JsonTreeBuilder;
    std::vector<JsonNode> m_nodes;  // children of a container are contiguous; the root is last
    // A copy of the source text (after a byte order mark): raw texts, numbers and every key or string
    // written without escapes view it. Empty when the tree borrows its text (JsonSource::borrow).
    std::unique_ptr<char[]> m_source;
    // Keys and strings that had escapes, unescaped: blocks that never move once nodes view them.
    std::vector<std::unique_ptr<char[]>> m_unescaped;
};

}  // namespace debrief
