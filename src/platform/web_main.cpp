// Entry point of the web build: wires the App, the views and the browser platform together.
// web/shell.js has already fetched the fonts into /fonts and loaded the journal's IDBFS mount.
#include "app/app.h"
#include "platform/backend_web.h"
#include "platform/environment_web.h"
#include "platform/import_web.h"
#include "platform/language_web.h"
#include "platform/lock_web.h"
#include "platform/long_work_web.h"
#include "platform/semantic_mirror_web.h"
#include "platform/services_web.h"
#include "platform/storage_web.h"

#include "platform/text_fields_web.h"
#include "ui/app_view.h"
#include "ui/fonts.h"
#include "ui/item_registry.h"
#include "ui/theme.h"

#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <backends/imgui_impl_opengl3.h>

namespace {

using namespace debrief;

// clang-format off
EM_JS(int, js_prefers_dark, (), { return matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0; });
EM_JS(void, js_fail, (const char* reason), { Debrief.fail(UTF8ToString(reason)); });
EM_JS(void, js_ready, (), { Debrief.ready(); });
EM_JS(void, js_announce, (const char* text), { Debrief.announce(UTF8ToString(text)); });
EM_JS(void, js_atlas_loaded, (int restored, const char* saved), { Debrief.atlasLoaded(restored, UTF8ToString(saved)); });
// Once per file, however often it is asked for; it calls debrief_font_file_arrived() when the file is in.
EM_JS(void, js_load_font_file, (const char* name), { Debrief.loadFontFile(UTF8ToString(name)); });
// clang-format on

platform::WebEnvironment g_env;
App g_app(g_env);
ui::ViewState g_view;  // the screens' memory between frames, for g_app alone
platform::WebServices g_services;

int g_seen_notice = 0;

// What the App asks of the page after a frame besides saving: a later frame, and its notices spoken
// (the canvas is invisible to screen readers).
void app_after_frame() {
    if (const int wake = g_app.take_wake_ms(); wake > 0)
        platform::set_timer([](void*) { platform::request_frame(); }, wake);
    if (g_app.notice_serial() != g_seen_notice) {
        g_seen_notice = g_app.notice_serial();
        js_announce(g_app.notice().c_str());
    }
}

void apply_current_theme() {
    ui::apply_theme(js_prefers_dark() ? ui::ColorScheme::dark : ui::ColorScheme::light,
                    platform::coarse_pointer() ? ui::Pointer::coarse : ui::Pointer::fine);
}

bool create_webgl2_context() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = false;
    attrs.antialias = false;  // ImGui anti-aliases its own shapes
    attrs.depth = false;
    attrs.stencil = false;
    const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context = emscripten_webgl_create_context("#canvas", &attrs);
    if (context <= 0) return false;
    return emscripten_webgl_make_context_current(context) == EMSCRIPTEN_RESULT_SUCCESS;
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void debrief_theme_changed() {
    apply_current_theme();
    platform::request_frame();
}

int main() {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    if (!create_webgl2_context()) {
        js_fail("webgl2");
        return 0;
    }
    ImGui_ImplOpenGL3_Init("#version 300 es");
    ui::set_atlas_folder("/atlas");  // web/shell.js fills it from the last visit and keeps what is built
    apply_current_theme();
    ui::set_text_field_host(&platform::web_text_fields());
    platform::lock_init(g_app, g_services);
    platform::storage_init(g_app);
    platform::import_init(g_app);
    platform::long_work_init(g_app, g_services);
    platform::start_language(g_app);  // after storage: the journal holds the chosen language

    platform::backend_init({
        [] {
            ui::item_registry_begin_frame();
            ui::draw_app(g_app, g_view, g_services);
        },
        [](float ratio) {
            const ui::ThemeMetrics& m = ui::theme_metrics();
            if (!ui::load_fonts("/fonts", ratio, m.body_px, m.heading_px)) js_fail("fonts");
            js_atlas_loaded(ui::atlas_restored(), ui::take_saved_atlas().c_str());
        },
        [] {
            ui::item_registry_end_frame();
            platform::web_text_fields().sync_to_dom();
            platform::mirror_sync_to_dom(g_app);
            platform::storage_after_frame();
            app_after_frame();
            platform::long_work_after_frame();
            platform::follow_language(g_app);
            // Text was drawn with glyphs the atlas lacks: fetch their files, or draw again now that
            // they are in. Asked after the frame that drew the text, which may be the last one.
            for (const std::string& file : ui::font_files_needed()) js_load_font_file(file.c_str());
            if (ui::fonts_outdated()) platform::request_frame();
        },
    });
    js_ready();
    return 0;
}
