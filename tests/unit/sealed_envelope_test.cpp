// The encrypted export envelope (docs/schema.md, "Encrypted export"): base64 both ways, the
// envelope written and read back exactly, and every field that is missing, of the wrong kind or
// out of range refused with its place.
#include <doctest/doctest.h>

#include <string>

#include "serialization/sealed_envelope.h"

using namespace debrief;

namespace {

SealedEnvelope sample() {
    SealedEnvelope e;
    e.iterations = 600000;
    e.salt = std::string("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\xff", 16);
    e.nonce = std::string("\xde\xad\xbe\xef\x00\x11\x22\x33\x44\x55\x66\x77", 12);
    static constexpr char ciphertext[] = "opaque bytes \x00\x80\xfe with a tag at the end";
    e.ciphertext = std::string(ciphertext, sizeof ciphertext - 1);
    return e;
}

// The sample's text with one piece replaced.
std::string with(const std::string& from, const std::string& to) {
    std::string text = encode_envelope(sample());
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("base64 matches RFC 4648's test vectors both ways") {
    const std::pair<const char*, const char*> vectors[] = {
        {"", ""},
        {"f", "Zg=="},
        {"fo", "Zm8="},
        {"foo", "Zm9v"},
        {"foob", "Zm9vYg=="},
        {"fooba", "Zm9vYmE="},
        {"foobar", "Zm9vYmFy"},
    };
    for (const auto& [plain, encoded] : vectors) {
        CHECK(base64_encode(plain) == encoded);
        REQUIRE(base64_decode(encoded).ok());
        CHECK(base64_decode(encoded).value() == plain);
    }
    std::string all;
    for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
    CHECK(base64_decode(base64_encode(all)).value() == all);
}

TEST_CASE("base64 refuses what is not canonical base64") {
    for (const char* bad : {"Zg=", "Zg", "Z===", "Zh==", "Zm9=", "Zm 9v", "Zm9v\n", "Zm-v", "=Zm9"})
        CHECK_FALSE(base64_decode(bad).ok());
}

TEST_CASE("an envelope is written and read back exactly") {
    const std::string text = encode_envelope(sample());
    CHECK(looks_like_envelope(text));
    const auto decoded = decode_envelope(text);
    REQUIRE(decoded.ok());
    CHECK(decoded.value().iterations == 600000);
    CHECK(decoded.value().salt == sample().salt);
    CHECK(decoded.value().nonce == sample().nonce);
    CHECK(decoded.value().ciphertext == sample().ciphertext);
    CHECK(text.find("\"format\": \"debrief-encrypted\"") != std::string::npos);
    CHECK(text.find("\"name\": \"PBKDF2\"") != std::string::npos);
}

TEST_CASE("a plain journal is not taken for an envelope") {
    CHECK_FALSE(looks_like_envelope(R"({"format": "debrief-journal", "version": 3})"));
    CHECK_FALSE(looks_like_envelope("debrief-encrypted"));
    CHECK_FALSE(looks_like_envelope(""));
    CHECK(looks_like_envelope("  \n{\"format\":\"debrief-encrypted\"}"));
}

TEST_CASE("every damaged field is refused with its place") {
    const std::pair<std::string, std::string> cases[] = {
        {with("\"version\": 1", "\"version\": 2"), "$.version"},
        {with("\"PBKDF2\"", "\"scrypt\""), "$.kdf.name"},
        {with("\"SHA-256\"", "\"SHA-1\""), "$.kdf.hash"},
        {with("600000", "1000"), "$.kdf.iterations"},
        {with("600000", "600000.5"), "$.kdf.iterations"},
        {with("600000", "99999999999"), "$.kdf.iterations"},
        {with("\"salt\": \"AAECAwQFBgcICQoLDA0O/w==\"", "\"salt\": \"AAEC\""), "$.kdf.salt"},
        {with("\"AES-GCM\"", "\"AES-CBC\""), "$.cipher.name"},
        {with("\"key_bits\": 256", "\"key_bits\": 128"), "$.cipher.key_bits"},
        {with("\"tag_bits\": 128", "\"tag_bits\": 96"), "$.cipher.tag_bits"},
        {with("\"nonce\": \"", "\"nonce\": \"AAAA"), "$.cipher.nonce"},
        {with("\"ciphertext\": \"", "\"ciphertext\": \"!"), "$.ciphertext"},
        {with("\"ciphertext\": \"", "\"ciphertext\": 5, \"x\": \""), "$.ciphertext"},
        {with("\"format\": \"debrief-encrypted\"", "\"format\": \"debrief\""), "$.format"},
        {R"({"format": "debrief-encrypted", "version": 1, "kdf": []})", "$.kdf"},
        {"{\"format\": \"debrief-encrypted\", ", "$"},
        {with("\"version\": 1", "\"version\": 1.0"), "$.version"},
        {with("\"version\": 1", "\"version\": 1, \"version\": 1"), "$"},  // a duplicate key
    };
    for (const auto& [text, place] : cases) {
        CAPTURE(text);
        const auto decoded = decode_envelope(text);
        REQUIRE_FALSE(decoded.ok());
        CHECK(decoded.error().json_path == place);
        CHECK(decoded.error().message.find(place) != std::string::npos);
    }
}

TEST_CASE("base64 written with JSON escapes reads the same") {
    const std::string text = encode_envelope(sample());
    std::string escaped;
    for (const char c : text) escaped += c == '/' ? std::string("\\/") : std::string(1, c);
    REQUIRE(escaped != text);
    const auto decoded = decode_envelope(escaped);
    REQUIRE(decoded.ok());
    CHECK(decoded.value().salt == sample().salt);
    CHECK(decoded.value().ciphertext == sample().ciphertext);
}

TEST_CASE("a ciphertext shorter than the tag is refused") {
    SealedEnvelope short_one = sample();
    short_one.ciphertext = "too short";
    const auto decoded = decode_envelope(encode_envelope(short_one));
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().json_path == "$.ciphertext");
}
