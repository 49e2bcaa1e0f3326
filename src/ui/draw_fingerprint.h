// A 64-bit fingerprint of everything a finished ImGui frame would put on the canvas.
// Render on demand draws a few settle frames after each event, and most of them repeat the frame
// before. Drawing a repeat costs the GPU a whole canvas and makes the browser composite it again
// (with a software GPU, 15-40 ms of the main thread waiting per frame): the web backend skips a
// frame whose fingerprint equals the one on the canvas.
#pragma once

#include <imgui.h>

#include <cstdint>

namespace debrief::ui {

// Covers the display rectangle and scale, and each draw list's vertices, indices and commands
// (clip rectangle, texture, offsets, element count, callback). Not covered: the contents of a
// texture, so a caller that replaces a texture's pixels under the same id must draw anyway.
std::uint64_t draw_data_fingerprint(const ImDrawData& data);

}  // namespace debrief::ui
