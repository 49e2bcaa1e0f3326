// Reference app for the benchmarks: one Dear ImGui 1.86 window with one InputText, drawn every frame with WebGL2 on a
// tiny emscripten/html5.h loop.
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <GLES3/gl3.h>
#include <backends/imgui_impl_opengl3.h>

namespace {

char g_text[256] = "Hello";
unsigned g_frames = 0;

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(static_cast<float>(e->targetX), static_cast<float>(e->targetY));
    if (e->button == 0 && type == EMSCRIPTEN_EVENT_MOUSEDOWN) io.MouseDown[0] = true;
    if (e->button == 0 && type == EMSCRIPTEN_EVENT_MOUSEUP) io.MouseDown[0] = false;
    return true;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    if (type == EMSCRIPTEN_EVENT_KEYPRESS && e->charCode >= 32) io.AddInputCharacter(e->charCode);
    if (type != EMSCRIPTEN_EVENT_KEYPRESS && e->keyCode < 512)
        io.KeysDown[e->keyCode] = type == EMSCRIPTEN_EVENT_KEYDOWN;
    return false;
}

EM_BOOL frame(double, void*) {
    ImGuiIO& io = ImGui::GetIO();
    double width = 0.0, height = 0.0;
    emscripten_get_element_css_size("#canvas", &width, &height);
    emscripten_set_canvas_element_size("#canvas", static_cast<int>(width), static_cast<int>(height));
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));

    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(20, 20), ImGuiCond_Once);
    ImGui::Begin("Reference");
    ImGui::InputText("Text", g_text, sizeof g_text);
    ImGui::End();
    ImGui::Render();

    glViewport(0, 0, static_cast<int>(width), static_cast<int>(height));
    glClearColor(0.1f, 0.1f, 0.1f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    // The same hooks as Debrief, so bench/run.mjs measures both pages the same way: ready after the first frame.
    ++g_frames;
    // clang-format off
    EM_ASM({
        window.debrief.frames = $0;
        if ($0 === 1) window.debrief.state = 'ready';
    }, g_frames);
    // clang-format on
    return true;  // keep the loop going, as a typical ImGui app does
}

}  // namespace

int main() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.alpha = false;
    attrs.antialias = false;
    attrs.depth = false;
    attrs.stencil = false;
    const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context = emscripten_webgl_create_context("#canvas", &attrs);
    if (context <= 0 || emscripten_webgl_make_context_current(context) != EMSCRIPTEN_RESULT_SUCCESS) return 1;

    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::StyleColorsDark();
    ImGui_ImplOpenGL3_Init("#version 300 es");

    emscripten_set_mousemove_callback("#canvas", nullptr, false, on_mouse);
    emscripten_set_mousedown_callback("#canvas", nullptr, false, on_mouse);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false, on_mouse);
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false, on_key);
    emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false, on_key);
    emscripten_set_keypress_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false, on_key);
    emscripten_request_animation_frame_loop(frame, nullptr);
    return 0;
}
