#include "ui/draw_fingerprint.h"

#include "ui/hash_mixer.h"

#include <cstddef>

namespace debrief::ui {
namespace {

void mix_vec(HashMixer& mix, ImVec2 v) {
    mix.number(v.x);
    mix.number(v.y);
}

}  // namespace

std::uint64_t draw_data_fingerprint(const ImDrawData& data) {
    HashMixer mix;
    mix_vec(mix, data.DisplayPos);
    mix_vec(mix, data.DisplaySize);
    mix_vec(mix, data.FramebufferScale);
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
