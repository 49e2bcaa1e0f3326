// Receives files the user picked or dropped (web/shell.js reads them) and hands them to the App's
// import flow, which decodes and previews them; the save controller writes a replace's backup.
// The decode runs in slices between frames (long_work_web.cpp), so the page keeps drawing its progress.
#include "platform/import_web.h"
#include "app/import_flow.h"
#include "core/i18n.h"
#include "platform/backend_web.h"
#include "platform/lock_web.h"
#include "platform/long_work_web.h"

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

void import_show_result() { show_result(); }

void import_start(const std::string& file_name, std::string_view bytes) {
    g_app->import_flow().start(file_name, std::string(bytes));
    g_app->go(Screen::data);
    request_frame();
    // A small file is done at once; a large one first shows its next phase (the parse is one piece).
    if (static_cast<long long>(bytes.size()) < ImportFlow::small_file_bytes) long_work_now();
}

}  // namespace debrief::platform

extern "C" {
// A file is about to be read (web/shell.js): the progress bar shows from here. Returns the serial
// that the read's reports carry.
EMSCRIPTEN_KEEPALIVE int debrief_import_begin(const char* name, int name_length, double size) {
    using namespace debrief::platform;
    if (!g_app) return 0;
    const int serial = g_app->import_flow().begin_reading(std::string(name, static_cast<std::size_t>(name_length)),
                                                          static_cast<long long>(size));
    g_app->go(debrief::Screen::data);
    request_frame();
    return serial;
}

// `done` bytes of the read `serial` have arrived. Returns 0 once the read was cancelled (or another
// file was picked): the page then stops reading and drops the bytes.
EMSCRIPTEN_KEEPALIVE int debrief_import_reading(int serial, double done) {
    using namespace debrief::platform;
    if (!g_app || !g_app->import_flow().still_reading(serial)) return 0;
    g_app->import_flow().reading_progress(static_cast<long long>(done));
    request_frame();
    return 1;
}

// Names arrive as UTF-8 with their byte length (web/shell.js withString), never NUL-terminated.
EMSCRIPTEN_KEEPALIVE void debrief_import_file(const char* name, int name_length, const char* data, int size) {
    using namespace debrief::platform;
    if (!g_app) return;
    const std::string file_name(name, static_cast<std::size_t>(name_length));
    const std::string_view bytes(data, static_cast<std::size_t>(size));
    // An encrypted export waits for its passphrase (lock_web.cpp) before the import flow reads it.
    if (lock_hold_sealed_import(file_name, bytes)) {
        show_result();
        return;
    }
    import_start(file_name, bytes);
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
