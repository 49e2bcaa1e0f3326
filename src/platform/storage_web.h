// Keeps the journal on IDBFS: loads it at start, writes changed records (one file each, atomically)
// after a short debounce, and asks web/storage.js to sync them to IndexedDB.
//  [x] Loaded before first use (web/storage.js mounts and populates /journal before main())
//  [x] Debounced writes while typing (<= 1 s); flush on hide/pagehide and before an update reload
//  [x] One sync in flight, dirty-again flag, timeout guard (3.1.6 loses quota errors: #21326)
//  [x] One writer across tabs (Web Locks); readers follow the writer via BroadcastChannel
//  [x] Damaged files quarantined, the rest loads; nothing overwritten automatically
//  [x] Save indicator that tells the truth: saved / saving / not saved + why
#pragma once

#include "app/app.h"

namespace debrief::platform {

void storage_init(App& app);
void storage_after_frame(App& app);

}  // namespace debrief::platform
