// Receives files the user picked or dropped (web/shell.js reads them) and hands them to the App's
// import flow, which decodes and previews them; the save controller writes a replace's backup.
#include "platform/import_web.h"
#include "app/import_flow.h"
#include "core/i18n.h"
#include "platform/backend_web.h"
#include "platform/lock_web.h"

#include <emscripten.h>

#include <cstdio>
#include <string>

namespace debrief::platform {
namespace {
App* g_app = nullptr;

void show_result() {
    g_app->go(Screen::data);
    if (!g_app->import_flow().error().empty()) g_app->notify(g_app->import_flow().error());
    request_frame();
}
}  // namespace

void import_init(App& app) { g_app = &app; }

}  // namespace debrief::platform

extern "C" {
// Names arrive as UTF-8 with their byte length (web/shell.js withString), never NUL-terminated.
EMSCRIPTEN_KEEPALIVE void debrief_import_file(const char* name, int name_length, const char* data, int size) {
    using namespace debrief::platform;
    if (!g_app) return;
    const std::string file_name(name, static_cast<std::size_t>(name_length));
    const std::string_view bytes(data, static_cast<std::size_t>(size));
    // An encrypted export waits for its passphrase (lock_web.cpp) before the import flow reads it.
    if (!lock_hold_sealed_import(file_name, bytes)) g_app->import_flow().receive(*g_app, file_name, bytes);
    show_result();
}

EMSCRIPTEN_KEEPALIVE void debrief_import_too_large(const char* name, int name_length, double size) {
    using namespace debrief;
    if (!platform::g_app) return;
    char mb[32];
    std::snprintf(mb, sizeof mb, "%.1f", size / (1024.0 * 1024.0));
    platform::g_app->import_flow().reject(tr_format(
        "data.import.too_large", {{"name", std::string(name, static_cast<std::size_t>(name_length))}, {"size", mb}}));
    platform::show_result();
}

EMSCRIPTEN_KEEPALIVE void debrief_import_unreadable(const char*, int) {
    using namespace debrief;
    if (!platform::g_app) return;
    platform::g_app->import_flow().reject(std::string(tr("data.import.unreadable")));
    platform::show_result();
}

// The picker was closed without a file: nothing to do but redraw.
EMSCRIPTEN_KEEPALIVE void debrief_import_cancelled() { debrief::platform::request_frame(); }
}
