// Runs the App's stepped import and export (app/import_flow.h, app/export_flow.h) between frames.
#include "platform/long_work_web.h"

#include "app/export_flow.h"
#include "app/import_flow.h"
#include "core/i18n.h"
#include "platform/backend_web.h"
#include "platform/import_web.h"

#include <emscripten.h>

namespace debrief::platform {
namespace {

App* g_app = nullptr;
ui::Services* g_services = nullptr;
bool g_armed = false;

// Work per slice: well under a 16.7 ms frame, so a frame is drawn between two slices and no task
// comes near the 50 ms a browser counts as long.
constexpr double slice_ms = 10.0;

void slice(void*) {
    g_armed = false;
    const double deadline = emscripten_get_now() + slice_ms;
    const auto more_time = [deadline] { return emscripten_get_now() < deadline; };
    if (ImportFlow& import = g_app->import_flow(); import.busy()) {
        if (!import.step(*g_app, more_time) && !import.busy()) import_show_result();
    } else if (ExportFlow& exporting = g_app->export_flow(); exporting.busy()) {
        exporting.step(more_time);
        if (std::optional<ExportFile> file = exporting.take_file()) {
            g_services->download(*file);
            g_app->notify(std::string(tr("data.exported")));
        }
    }
    // Cancelled between two slices: nothing is left to do, only the frame that shows it.
    request_frame();
}

}  // namespace

void long_work_init(App& app, ui::Services& services) {
    g_app = &app;
    g_services = &services;
}

void long_work_after_frame() {
    if (g_armed || !g_app) return;
    // An import that is still being read has nothing to step: the page's reads move it on.
    const ImportFlow& import = g_app->import_flow();
    const bool import_work = import.busy() && import.progress()->phase != ImportProgress::Phase::reading;
    if (!import_work && !g_app->export_flow().busy()) return;
    g_armed = true;
    set_timer(slice, 0);
}

}  // namespace debrief::platform
