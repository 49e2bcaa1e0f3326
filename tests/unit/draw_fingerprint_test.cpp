// Tests for ui/draw_fingerprint: equal frames agree, any visible change disagrees.
#include "ui/draw_fingerprint.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <initializer_list>
#include <utility>

using namespace debrief::ui;

namespace {

// One draw list with a quad, as a frame of ImGui would hold it.
struct Frame {
    ImDrawList list{nullptr};
    ImDrawList* lists[1] = {&list};
    ImDrawData data;

    Frame() {
        for (int i = 0; i < 4; ++i) {
            ImDrawVert v;
            v.pos = ImVec2(10.0f + 20.0f * static_cast<float>(i % 2), 10.0f + 20.0f * static_cast<float>(i / 2));
            v.uv = ImVec2(0.5f, 0.5f);
            v.col = 0xFFFFFFFF;
            list.VtxBuffer.push_back(v);
        }
        for (int i : {0, 1, 2, 0, 2, 3}) list.IdxBuffer.push_back(static_cast<ImDrawIdx>(i));
        ImDrawCmd cmd;
        cmd.ClipRect = ImVec4(0, 0, 100, 100);
        cmd.ElemCount = 6;
        list.CmdBuffer.push_back(cmd);
        data.Valid = true;
        data.CmdLists = lists;
        data.CmdListsCount = 1;
        data.DisplaySize = ImVec2(100, 100);
        data.FramebufferScale = ImVec2(2, 2);
    }
    std::uint64_t fingerprint() const { return draw_data_fingerprint(data); }
};

}  // namespace

TEST_CASE("draw_fingerprint: two frames drawn alike have the same fingerprint") {
    Frame a, b;
    CHECK(a.fingerprint() == b.fingerprint());
}

TEST_CASE("draw_fingerprint: a change anywhere on the canvas changes it") {
    const std::uint64_t base = Frame().fingerprint();
    SUBCASE("a vertex moves half a pixel") {
        Frame f;
        f.list.VtxBuffer[2].pos.x += 0.5f;
        CHECK(f.fingerprint() != base);
    }
    SUBCASE("a colour changes") {
        Frame f;
        f.list.VtxBuffer[3].col = 0xFF0000FF;
        CHECK(f.fingerprint() != base);
    }
    SUBCASE("the triangles are drawn in another order") {
        Frame f;
        std::swap(f.list.IdxBuffer[1], f.list.IdxBuffer[2]);
        CHECK(f.fingerprint() != base);
    }
    SUBCASE("the clip rectangle shrinks") {
        Frame f;
        f.list.CmdBuffer[0].ClipRect.z = 99;
        CHECK(f.fingerprint() != base);
    }
    SUBCASE("another texture") {
        Frame f;
        f.list.CmdBuffer[0].TextureId = reinterpret_cast<ImTextureID>(std::uintptr_t{7});
        CHECK(f.fingerprint() != base);
    }
    SUBCASE("the canvas is resized or its pixel ratio changes") {
        Frame f;
        f.data.DisplaySize.y = 101;
        CHECK(f.fingerprint() != base);
        Frame g;
        g.data.FramebufferScale = ImVec2(3, 3);
        CHECK(g.fingerprint() != base);
    }
    SUBCASE("a draw list more, even an empty one") {
        Frame f;
        ImDrawList empty(nullptr);
        ImDrawList* lists[2] = {&f.list, &empty};
        f.data.CmdLists = lists;
        f.data.CmdListsCount = 2;
        CHECK(f.fingerprint() != base);
    }
}
