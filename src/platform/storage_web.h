// Keeps the journal on IDBFS: the App's SaveController (src/app/save_controller.h) decides when to
// write and what the indicator says; this file gives it a timer and an IndexedDB sync.
//  [x] Loaded before first use (web/storage.js mounts and populates /journal before main()), a file
//      at a time between frames when it is large (platform/long_work_web.cpp runs the steps)
//  [x] Debounced writes while typing (400 ms); flush on hide/pagehide and before an update reload
//  [x] One sync in flight, dirty-again flag, timeout guard (3.1.6 loses quota errors: #21326)
//  [x] One writer across tabs (Web Locks); readers follow the writer via BroadcastChannel
//  [x] Failed writes and syncs retried with back-off; the indicator says why meanwhile
//  [x] Damaged files quarantined, the rest loads; nothing overwritten automatically
#pragma once

#include "app/app.h"

#include <functional>

namespace debrief::platform {

// Loads the journal into `app` (web/storage.js has chosen this tab's role), unless it is locked.
void storage_init(App& app);
// The passphrase opened a locked journal and web/lock.js filled the folder: load it now.
void storage_unlocked();
// After every frame: lets the save controller see the frame's changes and arms its timer.
void storage_after_frame();
// The stored journal is still being read; read more of it while `more_time` says yes.
bool storage_loading();
void storage_step_load(const std::function<bool()>& more_time);

}  // namespace debrief::platform
