// JsonNode's lookups (the tree itself is built by json_text.cpp's SAX handler).
#include "serialization/json_tree.h"

namespace debrief {

std::optional<std::int64_t> JsonNode::as_int64() const {
    if (m_kind != JsonKind::number || !m_flag) return std::nullopt;
    // Accumulate negatively so that INT64_MIN fits; m_flag says the literal is an integer that fits.
    const std::string_view digits = text();
    const bool negative = digits[0] == '-';
    std::int64_t value = 0;
    for (std::size_t i = negative ? 1 : 0; i < digits.size(); ++i) value = value * 10 - (digits[i] - '0');
    return negative ? value : -value;
}

namespace {

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Whether the quote at `quote`, inside or at the end of a string literal of valid JSON, closes it:
// it does unless an odd number of backslashes stands right before it (the count stops at the
// literal's opening quote at the latest).
bool is_unescaped_quote(const char* quote) {
    std::size_t backslashes = 0;
    for (const char* p = quote; p[-1] == '\\'; --p) ++backslashes;
    return backslashes % 2 == 0;
}

}  // namespace

std::string_view JsonNode::raw() const {
    switch (m_kind) {
        case JsonKind::null:
        case JsonKind::boolean:
        case JsonKind::number: return text();  // the literal in the source
        case JsonKind::array:
        case JsonKind::object: return std::string_view(m_text, m_text_size);
        case JsonKind::string: break;
    }
    // The literal ends at the first quote that no backslash escapes: found on demand, as only kept
    // unknown values ask (the node has no room left for a length).
    const char* begin = m_link.raw;
    const char* end = begin + 1;
    while (*end != '"' || !is_unescaped_quote(end)) ++end;
    return std::string_view(begin, static_cast<std::size_t>(end + 1 - begin));
}

std::string_view JsonNode::raw_key() const {
    // In the source the key stands right before its value: "key" : value. Walk back over the colon
    // and the whitespace around it to the key's closing quote, then to its opening one (the only
    // quote inside a key is an escaped one).
    const char* p = raw().data();
    do --p;
    while (*p != ':');
    do --p;
    while (is_json_space(*p));
    const char* end = p + 1;
    do --p;
    while (*p != '"' || !is_unescaped_quote(p));
    return std::string_view(p, static_cast<std::size_t>(end - p));
}

const JsonNode* JsonNode::find(std::string_view key) const {
    if (m_kind != JsonKind::object) return nullptr;
    for (const JsonNode& member : *this) {
        if (member.key() == key) return &member;
    }
    return nullptr;
}

}  // namespace debrief
