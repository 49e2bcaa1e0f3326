// Runs the App's stepped work between frames: the first load of a large journal
// (platform/storage_web.h), an import and an export (app/import_flow.h, app/export_flow.h).
#include "platform/long_work_web.h"

#include "app/export_flow.h"
#include "app/import_flow.h"
#include "core/i18n.h"
#include "platform/backend_web.h"
#include "platform/import_web.h"
#include "platform/storage_web.h"

#include <emscripten.h>

namespace debrief::platform {
namespace {

App* g_app = nullptr;
ui::Services* g_services = nullptr;
bool g_armed = false;

// Work per slice: with the frame's own drawing, well under a 16.7 ms frame, so the bar moves every
// frame and no task comes near the 50 ms a browser counts as long. A slice runs right after each
// frame is drawn and another on a timer between frames (a timer alone would wait 4 ms each time:
// browsers clamp chained timeouts), so the work gets most of the time the drawing leaves.
constexpr double timer_slice_ms = 12.0;
constexpr double frame_slice_ms = 8.0;
// The first load of a large journal has nothing on screen to interact with but its progress, so it
// takes longer slices (still under 50 ms): with 12 + 8 ms, frames and timers cost a third of its time.
constexpr double load_slice_ms = 35.0;

bool has_work() {
    // An import that is still being read has nothing to step: the page's reads move it on.
    const ImportFlow& import = g_app->import_flow();
    return storage_loading() || (import.busy() && import.progress()->phase != ImportProgress::Phase::reading) ||
           g_app->export_flow().busy();
}

void run_slice(double budget_ms) {
    const double deadline = emscripten_get_now() + budget_ms;
    const auto more_time = [deadline] { return emscripten_get_now() < deadline; };
    if (storage_loading()) {
        storage_step_load(more_time);
    } else if (ImportFlow& import = g_app->import_flow(); import.busy()) {
        if (!import.step(*g_app, more_time) && !import.busy()) import_show_result();
    } else if (ExportFlow& exporting = g_app->export_flow(); exporting.busy()) {
        exporting.step(*g_app, more_time);
        if (std::optional<ExportFile> file = exporting.take_file()) {
            g_services->download(*file);
            g_app->notify(std::string(tr("data.exported")));
        }
    }
    // (Cancelled between two slices: nothing is left to do, only the frame that shows it.)
    request_frame();
}

void arm() {
    if (g_armed) return;
    g_armed = true;
    set_timer(
        [](void*) {
            g_armed = false;
            if (!has_work()) return;
            run_slice(storage_loading() ? load_slice_ms : timer_slice_ms);
            arm();
        },
        0);
}

}  // namespace

void long_work_init(App& app, ui::Services& services) {
    g_app = &app;
    g_services = &services;
}

void long_work_now() {
    if (!g_app || !has_work()) return;
    run_slice(storage_loading() ? load_slice_ms : timer_slice_ms);
    if (has_work()) arm();
}

void long_work_after_frame() {
    if (!g_app || !has_work()) return;
    run_slice(storage_loading() ? load_slice_ms : frame_slice_ms);
    if (has_work()) arm();
}

}  // namespace debrief::platform
