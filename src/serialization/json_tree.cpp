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

const JsonNode* JsonNode::find(std::string_view key) const {
    if (m_kind != JsonKind::object) return nullptr;
    for (const JsonNode& member : *this) {
        if (member.key() == key) return &member;
    }
    return nullptr;
}

}  // namespace debrief
