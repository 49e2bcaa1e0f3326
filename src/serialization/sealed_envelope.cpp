// Writing and reading the encrypted export envelope (see sealed_envelope.h and docs/schema.md).
#include "serialization/sealed_envelope.h"

#include <array>

#include <nlohmann/json.hpp>

#include "core/i18n.h"

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

// The string at `key` of `object`, base64-decoded, exactly `size` bytes long (0: any length but empty).
Result<std::string> binary_field(const nlohmann::json& object, const char* key, std::string_view place,
                                 std::size_t size) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string()) return damaged(place);
    auto bytes = base64_decode(it->get_ref<const std::string&>());
    if (!bytes || (size != 0 && bytes.value().size() != size) || bytes.value().empty()) return damaged(place);
    return bytes;
}

bool has_string(const nlohmann::json& object, const char* key, std::string_view expected) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() && it->get_ref<const std::string&>() == expected;
}

bool has_integer(const nlohmann::json& object, const char* key, std::int64_t expected) {
    const auto it = object.find(key);
    return it != object.end() && it->is_number_integer() && it->get<std::int64_t>() == expected;
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
    const nlohmann::json document = nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (document.is_discarded() || !document.is_object()) return damaged("$");
    if (!has_string(document, "format", SealedEnvelope::format)) return damaged("$.format");
    if (!has_integer(document, "version", SealedEnvelope::version)) return damaged("$.version");
    const auto kdf = document.find("kdf");
    if (kdf == document.end() || !kdf->is_object()) return damaged("$.kdf");
    if (!has_string(*kdf, "name", "PBKDF2")) return damaged("$.kdf.name");
    if (!has_string(*kdf, "hash", "SHA-256")) return damaged("$.kdf.hash");
    const auto iterations = kdf->find("iterations");
    if (iterations == kdf->end() || !iterations->is_number_integer()) return damaged("$.kdf.iterations");
    SealedEnvelope envelope;
    envelope.iterations = iterations->get<std::int64_t>();
    if (envelope.iterations < SealedEnvelope::min_iterations || envelope.iterations > SealedEnvelope::max_iterations)
        return damaged("$.kdf.iterations");
    auto salt = binary_field(*kdf, "salt", "$.kdf.salt", SealedEnvelope::salt_bytes);
    if (!salt) return salt.error();
    envelope.salt = std::move(salt).value();
    const auto cipher = document.find("cipher");
    if (cipher == document.end() || !cipher->is_object()) return damaged("$.cipher");
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
