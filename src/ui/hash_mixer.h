// A 64-bit hash built word by word, for fingerprints that only need to tell data apart (the frame on
// the canvas, a saved glyph atlas), not to resist someone crafting a collision.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace debrief::ui {

// Word-at-a-time mixing (the multipliers of SplitMix64): a frame holds ~100-200 KB of vertices,
// hashed in well under a millisecond. With 64 bits and a full mix per word a collision is not a
// practical concern.
class HashMixer {
public:
    void word(std::uint64_t w) {
        m_hash ^= w * 0xBF58476D1CE4E5B9ull;
        m_hash = ((m_hash << 31) | (m_hash >> 33)) * 0x94D049BB133111EBull;
    }
    void bytes(const void* data, std::size_t size) {
        const auto* p = static_cast<const unsigned char*>(data);
        word(size);
        for (; size >= 8; p += 8, size -= 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            word(w);
        }
        std::uint64_t tail = 0;
        std::memcpy(&tail, p, size);
        word(tail);
    }
    void number(float f) {
        std::uint32_t bits;
        std::memcpy(&bits, &f, sizeof bits);
        word(bits);
    }
    std::uint64_t value() const { return m_hash; }

private:
    std::uint64_t m_hash = 0x9E3779B97F4A7C15ull;
};

}  // namespace debrief::ui
