// A read-only JSON tree built by one strict, fast pass over the text: the decoders' input.
//
// Why not nlohmann's tree: loading 10,000 reflections spent most of its time allocating and freeing
// one heap object per JSON value (docs in bench/). This tree is one array of nodes; strings without
// escapes are views into the source text, the rest share one buffer. Its parser only says yes or
// no: on "no", json_text.h's parse_json_text explains the problem with a position and a path.
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
    // Strings: the unescaped UTF-8 value. Numbers: the literal as written.
    std::string_view text() const { return m_text; }
    // The value exactly as it appears in the source.
    std::string_view raw() const { return m_raw; }
    // Numbers written without fraction or exponent that fit in 64 bits.
    std::optional<std::int64_t> as_int64() const;

    // Arrays and objects: the elements / members, in source order.
    std::size_t size() const { return m_count; }
    bool empty() const { return m_count == 0; }
    const JsonNode* begin() const { return m_children; }
    const JsonNode* end() const { return m_children + m_count; }
    const JsonNode& operator[](std::size_t i) const { return m_children[i]; }
    // Members of an object: their key (unescaped).
    std::string_view key() const { return m_key; }
    // The member named `key` of an object, or nullptr.
    const JsonNode* find(std::string_view key) const;

private:
    friend class JsonTreeBuilder;
    JsonKind m_kind = JsonKind::null;
    bool m_flag = false;  // booleans: the value; numbers: an integer literal
    std::uint32_t m_count = 0;
    std::uint32_t m_first = 0;  // index of the first child in the tree, while it is being built
    const JsonNode* m_children = nullptr;
    std::string_view m_key;
    std::string_view m_text;
    std::string_view m_raw;
};

// Owns the nodes; the views inside point into the source text, which must outlive the tree.
class JsonTree {
public:
    // Accepts exactly RFC 8259 JSON in valid UTF-8 (after an optional BOM) with no duplicate keys,
    // no number beyond double's range and no nesting deeper than `max_depth`; nullopt otherwise.
    static std::optional<JsonTree> parse(std::string_view text, int max_depth);

    const JsonNode& root() const { return m_nodes.back(); }

private:
    friend class JsonTreeBuilder;
    std::vector<JsonNode> m_nodes;           // children of a container are contiguous; the root is last
    std::unique_ptr<char[]> m_unescaped;     // strings that held escapes (a stable buffer: nodes view it)
};

}  // namespace debrief
