// Dear ImGui platform backend for the browser on emscripten/html5.h (not Emscripten 3.1.6's GLFW
// library, whose clipboard, high-DPI, touch and text input are broken: docs/web-platform.md).
//  [x] Mouse and wheel, on the #app wrapper so events on mirror elements reach ImGui too
//  [x] Touch: tap (position one frame before the press, ocornut/imgui #2074), drag-to-scroll (#3379)
//  [x] Keyboard with modifiers; never swallows keys the browser needs (Tab, Ctrl/Cmd+C/V/X/A)
//  [x] High-DPI: backing store = CSS size x devicePixelRatio, fonts rasterised at that scale
//  [x] Resize, including visualViewport changes when a soft keyboard opens
//  [x] Render on demand: frames only after input/resize/timers/app events, then a few settle frames
//  [x] Input trickling: one button transition per frame, so quick taps are never lost (1.86 samples state)
//  [ ] Mouse cursor shapes (CSS cursor on mirror elements covers the common case)
//  [ ] Gamepads
#pragma once

#include <functional>

namespace debrief::platform {

struct BackendCallbacks {
    std::function<void()> draw;                // build one ImGui frame (between NewFrame and Render)
    std::function<void(float)> rebuild_fonts;  // pixel ratio changed
    std::function<void()> after_render;        // sync DOM overlays (fields, mirror)
};

void backend_init(BackendCallbacks callbacks);
// Asks for a frame (and a few settle frames after it).
void request_frame();
// Schedules frames again after the page was hidden (requests made while hidden may be dropped),
// the first of them drawn in full.
void resume_frames();
// Draws a frame right away, outside the animation-frame schedule (hidden tabs get none).
void draw_frame_now();
// Calls callback(user) after `ms`, as emscripten_set_timeout does, but counted: while one is armed the
// app is not settled (debrief_pending below, window.debrief.settled in web/shell.js).
void set_timer(void (*callback)(void*), double ms, void* user = nullptr);
// Queues a synthetic click at a CSS-pixel point (mirror activation, keyboard users).
void queue_click(float x, float y);
// Scrolls the scrollable window under the point by dy CSS px.
void scroll_by(float x, float y, float dy);
// Scrolls the scrollable window under the point (or the window `window_id`, for a point scrolled
// out of its window's view) so that [top, bottom] is fully visible.
void reveal_rect(float x, float top, float bottom, unsigned window_id = 0);
float pixel_ratio();
// The right-to-left interface is drawn mirrored (ui/draw_mirror.h). ImGui lays out left to right in
// its own coordinates; the page sees the mirror. These convert an ImGui rectangle's horizontal span
// to the page's left edge (and back for points: the mirror is its own inverse).
bool mirrored();
float page_x(float imgui_x);
float page_left(float imgui_min_x, float imgui_max_x);
bool coarse_pointer();

}  // namespace debrief::platform
