// Long work (a large journal's first load, an import's decode, a JSON export) in slices of a few milliseconds on
// timers: the page keeps drawing its progress bar between them, and a Cancel lands within one slice.
#pragma once

#include "app/app.h"
#include "ui/services.h"

namespace debrief::platform {

void long_work_init(App& app, ui::Services& services);
// After each frame: starts the slices when an import or export has work waiting.
void long_work_after_frame();
// Work has just arrived (a file was read): its first slice now, before a frame shows it, so a
// small file is done at once.
void long_work_now();

}  // namespace debrief::platform
