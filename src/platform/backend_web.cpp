// Browser platform backend for Dear ImGui 1.86 on emscripten/html5.h: see backend_web.h for the checklist.
#include "platform/backend_web.h"

#include "core/i18n.h"
#include "ui/draw_fingerprint.h"
#include "ui/draw_mirror.h"
#include "ui/fonts.h"

#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <GLES3/gl3.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <deque>
#include <memory>

namespace debrief::platform {
namespace {

constexpr const char* app_target = "#app";
constexpr const char* canvas_target = "#canvas";
constexpr int settle_frame_count = 3;         // hover/active states and ImGui's own layout need a couple
constexpr float touch_drag_threshold = 8.0f;  // CSS px a finger moves before a tap becomes a scroll

enum class EventType { move, button, wheel, key, clear_position, release_all };

struct InputEvent {
    EventType type = EventType::move;
    float x = 0.0f;
    float y = 0.0f;
    int button = 0;
    bool down = false;
    int key = 0;
};

struct TouchGesture {
    bool active = false;
    bool dragging = false;
    float start_x = 0.0f;
    float start_y = 0.0f;
    float last_y = 0.0f;
    long identifier = -1;
};

struct Backend {
    BackendCallbacks callbacks;
    std::deque<InputEvent> queue;
    TouchGesture touch;
    float pending_scroll = 0.0f;  // CSS px, positive = content moves up
    ImVec2 scroll_anchor;         // where the scroll gesture happened
    bool has_reveal = false;
    ImVec2 reveal_point;
    float reveal_bottom = 0.0f;
    ImGuiID reveal_window = 0;
    bool frame_scheduled = false;
    int settle_frames = 0;
    double last_time_ms = 0.0;
    double css_width = 0.0;
    double css_height = 0.0;
    float ratio = 1.0f;
    bool fonts_ready = false;
    unsigned frames = 0;
    unsigned frames_drawn = 0;  // frames that reached the canvas (the others repeated it)
    std::uint64_t canvas_fingerprint = 0;
    bool canvas_stale = true;  // resized (which clears it) or a new font texture: draw regardless
    int armed_timers = 0;      // set_timer() calls that have not fired yet
};

Backend g;

// --- frame scheduling -------------------------------------------------------------------------

EM_BOOL on_animation_frame(double time_ms, void*);

void schedule() {
    if (g.frame_scheduled) return;
    g.frame_scheduled = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
}

// --- input ------------------------------------------------------------------------------------

void push(InputEvent e) {
    // Consecutive moves collapse into one: only the latest position matters.
    if (e.type == EventType::move && !g.queue.empty() && g.queue.back().type == EventType::move) {
        g.queue.back() = e;
    } else {
        g.queue.push_back(e);
    }
    request_frame();
}

void push_move(float x, float y) { push({EventType::move, x, y, 0, false, 0}); }
void push_button(int button, bool down) { push({EventType::button, 0, 0, button, down, 0}); }

bool field_has_focus() {
    // clang-format off
    return EM_ASM_INT({
        const el = document.activeElement;
        return el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable) ? 1 : 0;
    }) != 0;
    // clang-format on
}

// Pointer positions arrive in page coordinates; ImGui lays out unmirrored (see mirrored()).
ImVec2 to_imgui(float x, float y) { return ImVec2(page_x(x), y); }

// Applies queued input to ImGui's io, at most one button/key transition per frame (1.86 samples
// state once per frame, so a press and release in the same frame would be lost).
void apply_input(ImGuiIO& io) {
    bool moved = false;
    while (!g.queue.empty()) {
        const InputEvent e = g.queue.front();
        if (e.type == EventType::move) {
            io.MousePos = to_imgui(e.x, e.y);
            moved = true;
        } else if (e.type == EventType::clear_position) {
            if (moved) break;
            io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
            moved = true;
        } else if (e.type == EventType::button) {
            // The position must be known one frame before the press (#2074).
            if (moved && e.down) break;
            io.MouseDown[e.button] = e.down;
            g.queue.pop_front();
            break;
        } else if (e.type == EventType::wheel) {
            io.MouseWheelH += e.x;
            io.MouseWheel += e.y;
        } else if (e.type == EventType::key) {
            io.KeysDown[e.key] = e.down;
            g.queue.pop_front();
            break;
        } else if (e.type == EventType::release_all) {
            std::fill(std::begin(io.MouseDown), std::end(io.MouseDown), false);
            std::fill(std::begin(io.KeysDown), std::end(io.KeysDown), false);
            io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
        }
        g.queue.pop_front();
    }
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    const auto x = static_cast<float>(e->targetX);
    const auto y = static_cast<float>(e->targetY);
    const int button = e->button == 2 ? 1 : (e->button == 1 ? 2 : 0);
    switch (type) {
        case EMSCRIPTEN_EVENT_MOUSEMOVE: push_move(x, y); return false;
        case EMSCRIPTEN_EVENT_MOUSEDOWN:
            push_move(x, y);
            push_button(button, true);
            return true;
        case EMSCRIPTEN_EVENT_MOUSEUP: {
            // Listened for on the window, so that a release outside the app still ends the press: its
            // target coordinates are the page's, and the app starts below a notch (web/shell.css).
            const double left = EM_ASM_DOUBLE({ return document.getElementById('app').getBoundingClientRect().left; });
            const double top = EM_ASM_DOUBLE({ return document.getElementById('app').getBoundingClientRect().top; });
            push_move(static_cast<float>(e->clientX - left), static_cast<float>(e->clientY - top));
            push_button(button, false);
            return false;
        }
        case EMSCRIPTEN_EVENT_MOUSELEAVE: push({EventType::clear_position}); return false;
        default: return false;
    }
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    // ImGui scrolls 5 lines per wheel unit; Chromium reports ~100 px per notch in pixel mode.
    const double scale =
        e->deltaMode == DOM_DELTA_PIXEL ? 1.0 / 100.0 : (e->deltaMode == DOM_DELTA_LINE ? 1.0 / 3.0 : 1.0);
    push({EventType::wheel, static_cast<float>(-e->deltaX * scale), static_cast<float>(-e->deltaY * scale), 0, false,
          0});
    return true;
}

const EmscriptenTouchPoint* find_touch(const EmscriptenTouchEvent* e, long id) {
    for (int i = 0; i < e->numTouches; ++i)
        if (e->touches[i].identifier == id) return &e->touches[i];
    return nullptr;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
        if (g.touch.active) return true;  // one finger drives ImGui; others are ignored
        const EmscriptenTouchPoint& t = e->touches[0];
        g.touch = {true,
                   false,
                   static_cast<float>(t.targetX),
                   static_cast<float>(t.targetY),
                   static_cast<float>(t.targetY),
                   t.identifier};
        push_move(g.touch.start_x, g.touch.start_y);
        push_button(0, true);
        return true;
    }
    const EmscriptenTouchPoint* t = find_touch(e, g.touch.identifier);
    if (!g.touch.active || !t) return true;
    const auto x = static_cast<float>(t->targetX);
    const auto y = static_cast<float>(t->targetY);
    if (type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
        if (!g.touch.dragging && std::hypot(x - g.touch.start_x, y - g.touch.start_y) > touch_drag_threshold) {
            // Becomes a scroll: release away from the item so nothing is clicked (ImGui has no
            // drag-to-scroll of its own, #3379).
            g.touch.dragging = true;
            push({EventType::clear_position});
            push_button(0, false);
            g.scroll_anchor = to_imgui(g.touch.start_x, g.touch.start_y);
        }
        if (g.touch.dragging) {
            g.pending_scroll += g.touch.last_y - y;
            g.touch.last_y = y;
            request_frame();
        }
        return true;
    }
    // touchend / touchcancel
    if (!g.touch.dragging) {
        push_move(x, y);
        push_button(0, false);
        // Keep the position on the release frame, clear it the frame after (#2074): no sticky hover.
        push({EventType::clear_position});
    }
    g.touch = {};
    return true;
}

// DOM keyCodes we hand to ImGui (io.KeysDown is indexed by them).
constexpr int key_tab = 9, key_enter = 13, key_escape = 27, key_space = 32, key_page_up = 33, key_page_down = 34,
              key_end = 35, key_home = 36, key_left = 37, key_up = 38, key_right = 39, key_down = 40, key_backspace = 8,
              key_delete = 46;

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = e->ctrlKey;
    io.KeyShift = e->shiftKey;
    io.KeyAlt = e->altKey;
    io.KeySuper = e->metaKey;
    // Text fields and mirror buttons are real DOM elements: the browser handles their keys.
    if (field_has_focus()) return false;
    const int code = static_cast<int>(e->keyCode);
    if (code <= 0 || code >= 512) return false;
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    push({EventType::key, 0, 0, 0, down, code});
    if (down) {
        const float page = static_cast<float>(g.css_height) * 0.8f;
        float delta = 0.0f;
        if (code == key_page_down || (code == key_space && !e->shiftKey)) delta = page;
        if (code == key_page_up || (code == key_space && e->shiftKey)) delta = -page;
        if (code == key_down) delta = 60.0f;
        if (code == key_up) delta = -60.0f;
        if (code == key_end) delta = 1e7f;
        if (code == key_home) delta = -1e7f;
        if (delta != 0.0f) {
            g.pending_scroll += delta;
            g.scroll_anchor = ImVec2(static_cast<float>(g.css_width) * 0.5f, static_cast<float>(g.css_height) * 0.6f);
            request_frame();
        }
    }
    // Never preventDefault: Tab must move focus, Ctrl/Cmd+C/V/X/A must reach the page.
    return false;
}

EM_BOOL on_blur(int, const EmscriptenFocusEvent*, void*) {
    push({EventType::release_all});
    return false;
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    request_frame();
    return false;
}

// --- scrolling ----------------------------------------------------------------------------------

ImGuiWindow* scrollable_window_at(ImVec2 point) {
    ImGuiContext& ctx = *ImGui::GetCurrentContext();
    for (int i = ctx.Windows.Size - 1; i >= 0; --i) {
        ImGuiWindow* w = ctx.Windows[i];
        // Called between NewFrame() and the first Begin(): last frame's state is in WasActive.
        if (!w->WasActive || w->Hidden || !w->Rect().Contains(point)) continue;
        if (w->ScrollMax.y > 0.0f) return w;
    }
    return nullptr;
}

void apply_scrolling() {
    if (g.pending_scroll != 0.0f) {
        if (ImGuiWindow* w = scrollable_window_at(g.scroll_anchor))
            ImGui::SetScrollY(w, std::clamp(w->Scroll.y + g.pending_scroll, 0.0f, w->ScrollMax.y));
        g.pending_scroll = 0.0f;
    }
    if (g.has_reveal) {
        g.has_reveal = false;
        ImGuiWindow* w = g.reveal_window ? ImGui::FindWindowByID(g.reveal_window) : nullptr;
        if (!w || w->ScrollMax.y <= 0.0f) w = scrollable_window_at(g.reveal_point);
        if (w) {
            const float view_top = w->InnerRect.Min.y;
            const float view_bottom = w->InnerRect.Max.y;
            // Keep most of the view below a focused item: the controls that follow it come on
            // screen too, so the next Tab has something to reach (off-screen items have no element).
            const float below = std::max(24.0f, (view_bottom - view_top) * 0.6f);
            const float above = 24.0f;
            float delta = 0.0f;
            if (g.reveal_bottom + below > view_bottom) delta = g.reveal_bottom + below - view_bottom;
            if (g.reveal_point.y - above < view_top) delta = g.reveal_point.y - above - view_top;
            // Not clamped to ScrollMax here: on a screen's first frame that is still the last
            // screen's (a long reflection returned to from a short draft); Begin() clamps it anew.
            if (delta != 0.0f) ImGui::SetScrollY(w, std::max(0.0f, w->Scroll.y + delta));
        }
    }
}

// --- display --------------------------------------------------------------------------------------

void update_display(ImGuiIO& io) {
    double width = 0.0, height = 0.0;
    emscripten_get_element_css_size(app_target, &width, &height);
    const auto ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
    if (width != g.css_width || height != g.css_height || ratio != g.ratio) {
        g.css_width = width;
        g.css_height = height;
        emscripten_set_canvas_element_size(canvas_target, static_cast<int>(std::lround(width * ratio)),
                                           static_cast<int>(std::lround(height * ratio)));
        g.canvas_stale = true;
    }
    // A new pixel ratio needs sharper glyphs; the first Arabic text needs its glyphs (ui/fonts.h).
    if (ratio != g.ratio || !g.fonts_ready || ui::fonts_outdated()) {
        g.ratio = ratio;
        g.callbacks.rebuild_fonts(ratio);
        if (g.fonts_ready) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        } else {
            // The first time the backend's shaders and buffers are made with the texture: left to
            // ImGui_ImplOpenGL3_NewFrame(), they uploaded the atlas a second time (and kept both).
            ImGui_ImplOpenGL3_CreateDeviceObjects();
        }
        g.fonts_ready = true;
        g.canvas_stale = true;
    }
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    io.DisplayFramebufferScale = ImVec2(ratio, ratio);
}

EM_BOOL on_animation_frame(double time_ms, void*) {
    g.frame_scheduled = false;
    ImGuiIO& io = ImGui::GetIO();
    update_display(io);
    // 1.86 asserts DeltaTime > 0 (#3644); Safari and resist-fingerprinting can report equal times.
    io.DeltaTime = g.last_time_ms > 0.0
                       ? static_cast<float>(std::clamp((time_ms - g.last_time_ms) / 1000.0, 1e-4, 0.25))
                       : 1.0f / 60.0f;
    g.last_time_ms = time_ms;
    apply_input(io);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    apply_scrolling();
    g.callbacks.draw();
    ImGui::Render();
    if (mirrored()) {
        // Two text items side by side are an item spacing apart; a word space is narrower.
        ui::mirror_draw_data(*ImGui::GetDrawData(), io.DisplaySize.x, io.Fonts->TexUvWhitePixel,
                             ImGui::GetStyle().ItemSpacing.x * 0.8f);
    }

    // A frame that drew characters the atlas lacks, from a font file already here (a second Polish
    // letter, a second emoji), would show them as "?" for a frame: it is not drawn, and the next
    // one, asked for by after_render(), rebuilds the atlas first (update_display).
    const bool glyphs_missing = ui::fonts_outdated();
    // A frame that repeats the one on the canvas is not drawn again (ui/draw_fingerprint.h): the
    // canvas keeps its picture, and the browser has nothing new to composite.
    const std::uint64_t fingerprint = ui::draw_data_fingerprint(*ImGui::GetDrawData());
    if (!glyphs_missing && (g.canvas_stale || fingerprint != g.canvas_fingerprint)) {
        glViewport(0, 0, static_cast<int>(io.DisplaySize.x * g.ratio), static_cast<int>(io.DisplaySize.y * g.ratio));
        const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        g.canvas_fingerprint = fingerprint;
        g.canvas_stale = false;
        ++g.frames_drawn;
    }
    g.callbacks.after_render();

    ++g.frames;
    // clang-format off
    EM_ASM({ window.debrief.frames = $0; window.debrief.framesDrawn = $1; }, g.frames, g.frames_drawn);
    // clang-format on

    if (!g.queue.empty() || g.has_reveal || g.pending_scroll != 0.0f) {
        schedule();
    } else if (g.settle_frames > 0) {
        --g.settle_frames;
        schedule();
    }
    // Otherwise: no frame until the next event. The canvas keeps its last picture.
    return false;
}

}  // namespace

void resume_frames() {
    g.frame_scheduled = false;
    // A hidden page may lose what its canvas showed (a GPU process restarted, memory reclaimed, a
    // page restored from the back/forward cache): draw the next frame in full, repeat or not.
    g.canvas_stale = true;
    request_frame();
}

void draw_frame_now() { on_animation_frame(emscripten_get_now(), nullptr); }

void set_timer(void (*callback)(void*), double ms, void* user) {
    struct Timer {
        void (*callback)(void*);
        void* user;
    };
    ++g.armed_timers;
    emscripten_set_timeout(
        [](void* data) {
            const std::unique_ptr<Timer> timer(static_cast<Timer*>(data));
            --g.armed_timers;  // before the callback, which may arm the next one
            timer->callback(timer->user);
        },
        ms, new Timer{callback, user});
}

void request_frame() {
    g.settle_frames = settle_frame_count;
    schedule();
}

void queue_click(float x, float y) {
    push_move(page_x(x), y);  // queued input is in page coordinates
    push_button(0, true);
    push_button(0, false);
    push({EventType::clear_position});
}

void scroll_by(float x, float y, float dy) {
    g.pending_scroll += dy;
    g.scroll_anchor = to_imgui(x, y);
    request_frame();
}

void reveal_rect(float x, float top, float bottom, unsigned window_id) {
    g.has_reveal = true;
    g.reveal_window = window_id;
    g.reveal_point = ImVec2(x, top);
    g.reveal_bottom = bottom;
    request_frame();
}

float pixel_ratio() { return g.ratio; }

bool mirrored() { return is_right_to_left(interface_language()); }

float page_x(float imgui_x) { return mirrored() ? ui::mirror_x(imgui_x, static_cast<float>(g.css_width)) : imgui_x; }

float page_left(float imgui_min_x, float imgui_max_x) { return mirrored() ? page_x(imgui_max_x) : imgui_min_x; }

// clang-format off
bool coarse_pointer() { return EM_ASM_INT({ return matchMedia('(pointer: coarse)').matches ? 1 : 0; }) != 0; }
// clang-format on

void backend_init(BackendCallbacks callbacks) {
    g.callbacks = std::move(callbacks);
    g.ratio = 0.0f;  // forces the first font build at the real ratio
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "debrief_html5";
    io.IniFilename = nullptr;  // layout is code; nothing to persist
    const int keys[][2] = {{ImGuiKey_Tab, key_tab},
                           {ImGuiKey_LeftArrow, key_left},
                           {ImGuiKey_RightArrow, key_right},
                           {ImGuiKey_UpArrow, key_up},
                           {ImGuiKey_DownArrow, key_down},
                           {ImGuiKey_PageUp, key_page_up},
                           {ImGuiKey_PageDown, key_page_down},
                           {ImGuiKey_Home, key_home},
                           {ImGuiKey_End, key_end},
                           {ImGuiKey_Delete, key_delete},
                           {ImGuiKey_Backspace, key_backspace},
                           {ImGuiKey_Space, key_space},
                           {ImGuiKey_Enter, key_enter},
                           {ImGuiKey_Escape, key_escape}};
    for (const auto& k : keys) io.KeyMap[k[0]] = k[1];
    // clang-format off
    io.ConfigMacOSXBehaviors = EM_ASM_INT({ return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent) ? 1 : 0; }) != 0;
    // clang-format on

    emscripten_set_mousemove_callback(app_target, nullptr, false, on_mouse);
    emscripten_set_mousedown_callback(app_target, nullptr, false, on_mouse);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false, on_mouse);
    emscripten_set_mouseleave_callback(app_target, nullptr, false, on_mouse);
    emscripten_set_wheel_callback(app_target, nullptr, false, on_wheel);
    emscripten_set_touchstart_callback(app_target, nullptr, false, on_touch);
    emscripten_set_touchmove_callback(app_target, nullptr, false, on_touch);
    emscripten_set_touchend_callback(app_target, nullptr, false, on_touch);
    emscripten_set_touchcancel_callback(app_target, nullptr, false, on_touch);
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false, on_key);
    emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false, on_key);
    emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false, on_blur);
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false, on_resize);
    request_frame();
}

}  // namespace debrief::platform

// Called from web/shell.js (visualViewport changes, theme changes, storage events, timers).
extern "C" EMSCRIPTEN_KEEPALIVE void debrief_request_frame() { debrief::platform::request_frame(); }

// The page became visible again. Browsers may drop animation frames requested while it was
// hidden, which would leave `frame_scheduled` set forever and the app frozen: schedule afresh.
extern "C" EMSCRIPTEN_KEEPALIVE void debrief_resume() { debrief::platform::resume_frames(); }

// What the app will still do by itself, for window.debrief.pending() in web/shell.js (the settled
// signal tests wait on instead of sleeping): bit 0 = a frame is scheduled (settle frames and queued
// input keep one scheduled), bit 1 = a set_timer() timer is armed (the save debounce, a notice expiring).
extern "C" EMSCRIPTEN_KEEPALIVE int debrief_pending() {
    using debrief::platform::g;
    return (g.frame_scheduled ? 1 : 0) | (g.armed_timers > 0 ? 2 : 0);
}

// A font file is in /fonts now (web/shell.js loadFontFile): rebuild the atlas with it.
extern "C" EMSCRIPTEN_KEEPALIVE void debrief_font_file_arrived() {
    debrief::ui::font_files_arrived();
    debrief::platform::request_frame();
}

// A wheel or drag over a native text field that cannot scroll itself scrolls the app instead.
extern "C" EMSCRIPTEN_KEEPALIVE void debrief_scroll_by(float x, float y, float dy) {
    debrief::platform::scroll_by(x, y, dy);
}
