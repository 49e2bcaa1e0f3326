// The passphrase-protected export file (docs/schema.md, "Encrypted export"): a small JSON document
// that carries the key-derivation parameters, the nonce and the AES-GCM ciphertext of a plain
// export, each binary value in base64. This file only writes and reads the envelope; the
// cryptography itself is the browser's (WebCrypto, web/lock.js), so the core stays deterministic.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace debrief {

struct SealedEnvelope {
    static constexpr std::string_view format = "debrief-encrypted";
    static constexpr int version = 1;
    // OWASP's current figure for PBKDF2-HMAC-SHA-256; files with fewer iterations are refused, so
    // a doctored file cannot make a passphrase cheap to guess.
    static constexpr std::int64_t min_iterations = 600000;
    static constexpr std::int64_t max_iterations = 10000000;  // more would freeze the page
    static constexpr std::size_t salt_bytes = 16;
    static constexpr std::size_t nonce_bytes = 12;  // 96 bits, as AES-GCM wants
    static constexpr std::size_t tag_bytes = 16;    // the 128-bit tag WebCrypto appends

    std::int64_t iterations = min_iterations;
    std::string salt;        // raw bytes
    std::string nonce;       // raw bytes
    std::string ciphertext;  // raw bytes, the tag at the end
};

std::string base64_encode(std::string_view bytes);
// Standard alphabet with '=' padding; nothing else (no spaces or line breaks) is accepted.
Result<std::string> base64_decode(std::string_view text);

std::string encode_envelope(const SealedEnvelope& envelope);

// Whether the bytes are meant to be an envelope: a JSON object whose "format" is ours. Cheap
// enough to ask of every imported file before the journal decoder sees it.
bool looks_like_envelope(std::string_view bytes);

// Reads and checks an envelope; the error names the field ("$.kdf.iterations").
Result<SealedEnvelope> decode_envelope(std::string_view bytes);

}  // namespace debrief
