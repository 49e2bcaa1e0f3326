#include "ui/draw_fingerprint.h"

#include <cstddef>
#include <cstring>

namespace debrief::ui {
namespace {

// Word-at-a-time mixing (the multipliers of SplitMix64): a frame holds ~100-200 KB of vertices,
// hashed in well under a millisecond. A collision would leave one changed frame undrawn; with 64
// bits and a full mix per word that is not a practical concern.
class Mixer {
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
    void vec(ImVec2 v) {
        number(v.x);
        number(v.y);
    }
    std::uint64_t value() const { return m_hash; }

private:
    std::uint64_t m_hash = 0x9E3779B97F4A7C15ull;
};

}  // namespace

std::uint64_t draw_data_fingerprint(const ImDrawData& data) {
    Mixer mix;
    mix.vec(data.DisplayPos);
    mix.vec(data.DisplaySize);
    mix.vec(data.FramebufferScale);
    mix.word(static_cast<std::uint64_t>(data.CmdListsCount));
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList& list = *data.CmdLists[n];
        mix.bytes(list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert));
        mix.bytes(list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
        mix.word(static_cast<std::uint64_t>(list.CmdBuffer.Size));
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            mix.number(cmd.ClipRect.x);
            mix.number(cmd.ClipRect.y);
            mix.number(cmd.ClipRect.z);
            mix.number(cmd.ClipRect.w);
            mix.word(reinterpret_cast<std::uintptr_t>(cmd.TextureId));
            mix.word(cmd.VtxOffset);
            mix.word(cmd.IdxOffset);
            mix.word(cmd.ElemCount);
            mix.word(cmd.UserCallback != nullptr);
        }
    }
    return mix.value();
}

}  // namespace debrief::ui
