// See draw_mirror.h: shapes flip point by point, text runs move as whole boxes.
#include "ui/draw_mirror.h"

#include <algorithm>

namespace debrief::ui {
namespace {

struct Quad {
    float x0, x1, y0, y1;
};

Quad quad_at(const ImDrawVert* v) {
    Quad q{v[0].pos.x, v[0].pos.x, v[0].pos.y, v[0].pos.y};
    for (int k = 1; k < 4; ++k) {
        q.x0 = std::min(q.x0, v[k].pos.x);
        q.x1 = std::max(q.x1, v[k].pos.x);
        q.y0 = std::min(q.y0, v[k].pos.y);
        q.y1 = std::max(q.y1, v[k].pos.y);
    }
    return q;
}

struct Run {
    int begin = 0;  // first vertex
    int end = 0;    // one past the last vertex
    float min_x = 0, max_x = 0, max_y = 0;
    Quad last{};
};

// The run's box [min_x, max_x] lands at [width - max_x, width - min_x]: one shift for every glyph.
void place_run(ImDrawVert* vertices, const Run& run, float width) {
    const float dx = width - run.min_x - run.max_x;
    for (int i = run.begin; i < run.end; ++i) vertices[i].pos.x += dx;
}

bool is_white(const ImDrawVert& v, ImVec2 white_uv) { return v.uv.x == white_uv.x && v.uv.y == white_uv.y; }

// The box of the vertices [begin, end): one AddText, so glyph quads only.
Run whole_run(const ImDrawVert* vertices, int begin, int end) {
    Run run{begin, end, vertices[begin].pos.x, vertices[begin].pos.x, 0.0f, {}};
    for (int i = begin; i < end; ++i) {
        run.min_x = std::min(run.min_x, vertices[i].pos.x);
        run.max_x = std::max(run.max_x, vertices[i].pos.x);
    }
    return run;
}

struct KeptLines {
    int frame = -1;
    ImVector<WholeLine> lines;
};
KeptLines g_kept;

}  // namespace

void keep_line_whole(int frame, const ImDrawList* list, int begin, int end) {
    if (frame != g_kept.frame) {
        g_kept.lines.clear();
        g_kept.frame = frame;
    }
    if (end > begin) g_kept.lines.push_back(WholeLine{list, begin, end});
}

void mirror_draw_list(ImDrawList& list, float width, ImVec2 white_uv, float run_gap, const ImVector<WholeLine>& whole) {
    ImDrawVert* vertices = list.VtxBuffer.Data;
    const int count = list.VtxBuffer.Size;
    bool in_run = false;
    Run run;
    int i = 0;
    int next_whole = 0;  // `whole` is in drawing order, as the vertices are
    while (i < count) {
        while (next_whole < whole.Size && (whole[next_whole].list != &list || whole[next_whole].begin < i))
            ++next_whole;
        if (next_whole < whole.Size && whole[next_whole].begin == i && whole[next_whole].end <= count) {
            if (in_run) {
                place_run(vertices, run, width);
                in_run = false;
            }
            place_run(vertices, whole_run(vertices, i, whole[next_whole].end), width);
            i = whole[next_whole].end;
            continue;
        }
        // RenderText writes each glyph as 4 consecutive vertices (PrimReserve + PrimRectUV).
        if (!is_white(vertices[i], white_uv) && i + 4 <= count) {
            const Quad q = quad_at(vertices + i);
            const bool next_line = q.x1 <= run.last.x0 || q.y0 >= run.max_y;
            const bool apart = q.x0 - run.last.x1 > run_gap;
            if (in_run && (next_line || apart)) {
                place_run(vertices, run, width);
                in_run = false;
            }
            if (!in_run) {
                run = Run{i, i, q.x0, q.x1, q.y1, q};
                in_run = true;
            }
            run.end = i + 4;
            run.min_x = std::min(run.min_x, q.x0);
            run.max_x = std::max(run.max_x, q.x1);
            run.max_y = std::max(run.max_y, q.y1);
            run.last = q;
            i += 4;
            continue;
        }
        if (in_run) {
            place_run(vertices, run, width);
            in_run = false;
        }
        vertices[i].pos.x = mirror_x(vertices[i].pos.x, width);
        ++i;
    }
    if (in_run) place_run(vertices, run, width);
    for (ImDrawCmd& cmd : list.CmdBuffer) {
        const float left = mirror_x(cmd.ClipRect.z, width);
        const float right = mirror_x(cmd.ClipRect.x, width);
        cmd.ClipRect.x = left;
        cmd.ClipRect.z = right;
    }
}

void mirror_draw_data(ImDrawData& data, float width, ImVec2 white_uv, float run_gap) {
    for (int n = 0; n < data.CmdListsCount; ++n)
        mirror_draw_list(*data.CmdLists[n], width, white_uv, run_gap, g_kept.lines);
    g_kept.lines.clear();
}

}  // namespace debrief::ui
