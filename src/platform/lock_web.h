// The passphrase lock on the web: ui::LockHost over web/lock.js (WebCrypto, sealing at the IDBFS
// boundary; docs/architecture.md, "The passphrase lock").
//  [x] Locked journal not loaded until the passphrase opens it (storage_web.cpp waits)
//  [x] Wrong passphrase: a calm message, the Unlock button back after a growing delay
//  [x] Turn on / change / turn off in one IndexedDB transaction (old or new journal, never a mix)
//  [x] Lock now and auto-lock reload the page: the key and opened text go with it
//  [x] Encrypted export and import (envelope: serialization/sealed_envelope.h)
#pragma once

#include "app/app.h"
#include "ui/services.h"

#include <string_view>

namespace debrief::platform {

void lock_init(App& app, ui::Services& services);
// An imported file that is an encrypted export: held until its passphrase is given. False for
// any other file (the import flow reads it as usual).
bool lock_hold_sealed_import(std::string_view name, std::string_view bytes);

}  // namespace debrief::platform
