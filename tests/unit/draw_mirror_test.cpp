// Tests for ui/draw_mirror: shapes flip, glyph runs move whole, clip rectangles follow.
#include "ui/draw_mirror.h"

#include <doctest/doctest.h>

#include <vector>

using namespace debrief::ui;

namespace {
const ImVec2 white(0.5f, 0.5f);

void add_vertex(ImDrawList& list, float x, float y, ImVec2 uv) {
    ImDrawVert v;
    v.pos = ImVec2(x, y);
    v.uv = uv;
    v.col = 0xFFFFFFFF;
    list.VtxBuffer.push_back(v);
}

// A glyph quad as RenderText writes it: top-left, top-right, bottom-right, bottom-left.
void add_glyph(ImDrawList& list, float x0, float x1, float y0, float y1) {
    add_vertex(list, x0, y0, ImVec2(0.1f, 0.1f));
    add_vertex(list, x1, y0, ImVec2(0.2f, 0.1f));
    add_vertex(list, x1, y1, ImVec2(0.2f, 0.2f));
    add_vertex(list, x0, y1, ImVec2(0.1f, 0.2f));
}

float x_at(const ImDrawList& list, int i) { return list.VtxBuffer[i].pos.x; }
}  // namespace

TEST_CASE("draw_mirror: shapes flip point by point and clip rectangles mirror") {
    ImDrawList list(nullptr);
    add_vertex(list, 10, 0, white);
    add_vertex(list, 30, 0, white);
    add_vertex(list, 30, 20, white);
    ImDrawCmd cmd;
    cmd.ClipRect = ImVec4(0, 0, 40, 100);
    list.CmdBuffer.push_back(cmd);
    mirror_draw_list(list, 100, white, 8);
    CHECK(x_at(list, 0) == 90);
    CHECK(x_at(list, 1) == 70);
    CHECK(x_at(list, 2) == 70);
    CHECK(list.CmdBuffer[0].ClipRect.x == 60);
    CHECK(list.CmdBuffer[0].ClipRect.z == 100);
    CHECK(list.CmdBuffer[0].ClipRect.y == 0);
    CHECK(list.CmdBuffer[0].ClipRect.w == 100);
}

TEST_CASE("draw_mirror: one line of glyphs keeps its reading order and lands mirrored as a box") {
    ImDrawList list(nullptr);
    add_glyph(list, 10, 18, 0, 16);  // "H"
    add_glyph(list, 19, 26, 4, 16);  // "i", a word space after it
    add_glyph(list, 31, 38, 4, 16);
    mirror_draw_list(list, 100, white, 8);
    // The box [10, 38] becomes [62, 90]; glyphs keep their order inside it.
    CHECK(x_at(list, 0) == 62);
    CHECK(x_at(list, 1) == 70);
    CHECK(x_at(list, 4) == 71);
    CHECK(x_at(list, 8) == 83);
    CHECK(x_at(list, 9) == 90);
}

TEST_CASE("draw_mirror: wrapped lines, side-by-side texts and shapes between split the runs") {
    ImDrawList list(nullptr);
    // Line one of a wrapped paragraph, then line two starting back at the left edge.
    add_glyph(list, 10, 20, 0, 16);
    add_glyph(list, 22, 50, 0, 16);
    add_glyph(list, 10, 14, 20, 36);
    // A second text item on the same line, an item spacing (10) away.
    add_glyph(list, 24, 30, 20, 36);
    // A shape, then a glyph right after it on the same line.
    add_vertex(list, 0, 0, white);
    add_glyph(list, 31, 35, 20, 36);
    mirror_draw_list(list, 100, white, 8);
    CHECK(x_at(list, 0) == 50);    // [10, 50] -> [50, 90]
    CHECK(x_at(list, 4) == 62);    // second glyph of line one
    CHECK(x_at(list, 8) == 86);    // [10, 14] -> [86, 90]
    CHECK(x_at(list, 12) == 70);   // [24, 30] -> [70, 76]
    CHECK(x_at(list, 16) == 100);  // the shape's point flips
    CHECK(x_at(list, 17) == 65);   // [31, 35] -> [65, 69]
}

TEST_CASE("draw_mirror: a mark drawn over its letter stays in that letter's run") {
    ImDrawList list(nullptr);
    add_glyph(list, 10, 20, 4, 16);
    add_glyph(list, 12, 18, 0, 3);  // a harakat above the letter: left of the pen, overlapping
    mirror_draw_list(list, 100, white, 8);
    CHECK(x_at(list, 0) == 80);
    CHECK(x_at(list, 4) == 82);
}

TEST_CASE("draw_mirror: a line kept whole moves as one box, however far apart its words") {
    ImDrawList list(nullptr);
    add_glyph(list, 10, 20, 0, 22);   // a heading's first word...
    add_glyph(list, 32, 50, 0, 22);   // ...and its second, 12 apart: more than the run gap
    add_glyph(list, 10, 20, 30, 46);  // the next text, not kept whole
    add_glyph(list, 32, 40, 30, 46);
    ImVector<WholeLine> whole;
    whole.push_back(WholeLine{&list, 0, 8});
    mirror_draw_list(list, 100, white, 8, whole);
    CHECK(x_at(list, 0) == 50);  // [10, 50] -> [50, 90]: the words keep their order
    CHECK(x_at(list, 4) == 72);
    CHECK(x_at(list, 8) == 80);   // the others still split at the gap: [10, 20] -> [80, 90]
    CHECK(x_at(list, 12) == 60);  // [32, 40] -> [60, 68]
}

TEST_CASE("draw_mirror: mirroring twice restores every vertex") {
    ImDrawList list(nullptr);
    add_glyph(list, 10, 18, 0, 16);
    add_vertex(list, 3, 3, white);
    add_glyph(list, 40, 48, 20, 36);
    std::vector<float> before;
    for (const ImDrawVert& v : list.VtxBuffer) before.push_back(v.pos.x);
    ImDrawData data;
    ImDrawList* lists[] = {&list};
    data.CmdLists = lists;
    data.CmdListsCount = 1;
    mirror_draw_data(data, 390, white, 8);
    mirror_draw_data(data, 390, white, 8);
    for (int i = 0; i < list.VtxBuffer.Size; ++i) CHECK(x_at(list, i) == doctest::Approx(before[i]));
}
