// Mirrors a finished ImGui frame left-to-right for right-to-left interface languages.
// Dear ImGui has no RTL layout (ocornut/imgui #1228, #4227): every widget lays out from the left.
// Rather than rewriting each view, the right-to-left interface is the left-to-right one seen in a
// mirror: after ImGui::Render() every shape's x becomes (width - x), so rows, tabs, chevrons drawn as
// shapes, progress bars and the scrollbar flip for free. Text must stay readable, so its glyphs are
// not flipped one by one: each run of glyphs (one line of one text draw) moves as a whole to the
// mirrored place of its box. Pointer input and the rectangles handed to the page are mirrored with
// the same formula (mirror_x), so what ImGui laid out and what the user touches agree.
#pragma once

#include <imgui.h>

namespace debrief::ui {

// The mirrored x of a point in a display `width` wide.
inline float mirror_x(float x, float width) { return width - x; }

// Glyph quads are recognised by their UVs: everything else ImGui draws samples the atlas's white
// pixel (style.AntiAliasedLinesUseTex must be off, or lines would sample the atlas too). A new run
// starts after any non-glyph vertex, when a quad starts left of the previous one (the next line of a
// wrapped text) or wholly below it, and across a horizontal gap wider than `run_gap` (the space
// between two text items side by side; a word space is narrower).
// Lines that must not be split at all are named instead (keep_line_whole): each moves as one box.
struct WholeLine {
    const ImDrawList* list = nullptr;
    int begin = 0;  // first vertex
    int end = 0;    // one past the last vertex
};
void mirror_draw_list(ImDrawList& list, float width, ImVec2 white_uv, float run_gap,
                      const ImVector<WholeLine>& whole = {});
// Mirrors every list, with the lines kept whole while the frame was built, then forgets them.
void mirror_draw_data(ImDrawData& data, float width, ImVec2 white_uv, float run_gap);

// A line of a paragraph drawn with one AddText (widgets.cpp): its words are further apart than
// `run_gap` at a heading's size, so the gaps cannot tell it apart from two texts side by side.
// Lines of an earlier frame are dropped.
void keep_line_whole(int frame, const ImDrawList* list, int begin, int end);

}  // namespace debrief::ui
