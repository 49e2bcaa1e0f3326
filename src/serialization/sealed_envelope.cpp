// Writing and reading the encrypted export envelope (see sealed_envelope.h and docs/schema.md).
#include "serialization/sealed_envelope.h"

#include <array>
#include <optional>

#include "core/i18n.h"
#include "serialization/json_text.h"

namespace debrief {

namespace {

constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Each base64 letter's value, -1 for anything else.
constexpr std::array<int, 256> decoding_table() {
    std::array<int, 256> table{};
    for (int& value : table) value = -1;
    for (int i = 0; i < 64; ++i) table[static_cast<unsigned char>(alphabet[i])] = i;
    return table;
}

Error damaged(std::string_view place) {
    return Error{tr_format("data.lock.envelope_damaged", {{"place", place}}), std::string(place)};
}

// The member `key` of `object` if it is of `kind`, or nullptr.
const JsonNode* member(const JsonNode& object, std::string_view key, JsonKind kind) {
    const JsonNode* found = object.find(key);
    return found && found->kind() == kind ? found : nullptr;
}

// The string at `key` of `object`, base64-decoded, exactly `size` bytes long (0: any length but empty).
Result<std::string> binary_field(const JsonNode& object, std::string_view key, std::string_view place,
                                 std::size_t size) {
    const JsonNode* text = member(object, key, JsonKind::string);
    if (!text) return damaged(place);
    auto bytes = base64_decode(text->text());
    if (!bytes || (size != 0 && bytes.value().size() != size) || bytes.value().empty()) return damaged(place);
    return bytes;
}

bool has_string(const JsonNode& object, std::string_view key, std::string_view expected) {
    const JsonNode* text = member(object, key, JsonKind::string);
    return text && text->text() == expected;
}

bool has_integer(const JsonNode& object, std::string_view key, std::int64_t expected) {
    const JsonNode* number = object.find(key);
    return number && number->as_int64() == expected;
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
    std::string text;
    text.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const unsigned value = static_cast<unsigned char>(bytes[i]) << 16 |
                               static_cast<unsigned char>(bytes[i + 1]) << 8 | static_cast<unsigned char>(bytes[i + 2]);
        text += alphabet[value >> 18 & 63];
        text += alphabet[value >> 12 & 63];
        text += alphabet[value >> 6 & 63];
        text += alphabet[value & 63];
    }
    const std::size_t left = bytes.size() - i;
    if (left > 0) {
        unsigned value = static_cast<unsigned char>(bytes[i]) << 16;
        if (left == 2) value |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        text += alphabet[value >> 18 & 63];
        text += alphabet[value >> 12 & 63];
        text += left == 2 ? alphabet[value >> 6 & 63] : '=';
        text += '=';
    }
    return text;
}

Result<std::string> base64_decode(std::string_view text) {
    static constexpr std::array<int, 256> table = decoding_table();
    const Error bad{"base64", "$"};
    if (text.size() % 4 != 0) return bad;
    std::size_t padding = 0;
    if (!text.empty() && text.back() == '=') padding = text.size() >= 2 && text[text.size() - 2] == '=' ? 2 : 1;
    std::string bytes;
    bytes.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        const bool last = i + 4 == text.size();
        unsigned value = 0;
        for (std::size_t j = 0; j < 4; ++j) {
            const char c = text[i + j];
            int digit = table[static_cast<unsigned char>(c)];
            if (c == '=' && last && j >= 4 - padding) digit = 0;
            if (digit < 0) return bad;
            value = value << 6 | static_cast<unsigned>(digit);
        }
        bytes += static_cast<char>(value >> 16 & 255);
        if (!(last && padding == 2)) bytes += static_cast<char>(value >> 8 & 255);
        if (!(last && padding >= 1)) bytes += static_cast<char>(value & 255);
        // Canonical only: bits the padding hides must be zero, so one file has one spelling.
        if (last && padding == 1 && (value & 255) != 0) return bad;
        if (last && padding == 2 && (value & 0xffff) != 0) return bad;
    }
    return bytes;
}

std::string encode_envelope(const SealedEnvelope& envelope) {
    // "format" first: looks_like_envelope finds it in the first bytes of the file.
    std::string text = "{\n  \"format\": \"";
    text += SealedEnvelope::format;
    text += "\",\n  \"version\": " + std::to_string(SealedEnvelope::version) + ",\n";
    text += "  \"kdf\": {\"name\": \"PBKDF2\", \"hash\": \"SHA-256\", \"iterations\": " +
            std::to_string(envelope.iterations) + ", \"salt\": \"" + base64_encode(envelope.salt) + "\"},\n";
    text += "  \"cipher\": {\"name\": \"AES-GCM\", \"key_bits\": 256, \"tag_bits\": 128, \"nonce\": \"" +
            base64_encode(envelope.nonce) + "\"},\n";
    text += "  \"ciphertext\": \"" + base64_encode(envelope.ciphertext) + "\"\n}\n";
    return text;
}

bool looks_like_envelope(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, 256);
    const auto start = head.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos || head[start] != '{') return false;
    const auto format = head.find("\"format\"");
    return format != std::string_view::npos && head.find("\"debrief-encrypted\"", format) != std::string_view::npos;
}

Result<SealedEnvelope> decode_envelope(std::string_view bytes) {
    // The same reader as every other file (not a second JSON library in the wasm). It borrows the
    // bytes, which outlive the tree here: the ciphertext is most of a file of up to 50 MB.
    const auto tree = read_json_tree(bytes, {}, JsonSource::borrow);
    if (!tree || !tree.value().root().is_object()) return damaged("$");
    const JsonNode& document = tree.value().root();
    if (!has_string(document, "format", SealedEnvelope::format)) return damaged("$.format");
    if (!has_integer(document, "version", SealedEnvelope::version)) return damaged("$.version");
    const JsonNode* kdf = member(document, "kdf", JsonKind::object);
    if (!kdf) return damaged("$.kdf");
    if (!has_string(*kdf, "name", "PBKDF2")) return damaged("$.kdf.name");
    if (!has_string(*kdf, "hash", "SHA-256")) return damaged("$.kdf.hash");
    const JsonNode* iterations = kdf->find("iterations");
    const std::optional<std::int64_t> count = iterations ? iterations->as_int64() : std::nullopt;
    if (!count || *count < SealedEnvelope::min_iterations || *count > SealedEnvelope::max_iterations)
        return damaged("$.kdf.iterations");
    SealedEnvelope envelope;
    envelope.iterations = *count;
    auto salt = binary_field(*kdf, "salt", "$.kdf.salt", SealedEnvelope::salt_bytes);
    if (!salt) return salt.error();
    envelope.salt = std::move(salt).value();
    const JsonNode* cipher = member(document, "cipher", JsonKind::object);
    if (!cipher) return damaged("$.cipher");
    if (!has_string(*cipher, "name", "AES-GCM")) return damaged("$.cipher.name");
    if (!has_integer(*cipher, "key_bits", 256)) return damaged("$.cipher.key_bits");
    if (!has_integer(*cipher, "tag_bits", 128)) return damaged("$.cipher.tag_bits");
    auto nonce = binary_field(*cipher, "nonce", "$.cipher.nonce", SealedEnvelope::nonce_bytes);
    if (!nonce) return nonce.error();
    envelope.nonce = std::move(nonce).value();
    auto ciphertext = binary_field(document, "ciphertext", "$.ciphertext", 0);
    if (!ciphertext) return ciphertext.error();
    if (ciphertext.value().size() < SealedEnvelope::tag_bytes) return damaged("$.ciphertext");
    envelope.ciphertext = std::move(ciphertext).value();
    return envelope;
}

}  // namespace debrief
