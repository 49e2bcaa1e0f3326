// The interface language on the page: C++ decides it, the page follows (<html lang> and dir, title).
// Catalogues other than English are fetched from i18n/<code>.catalogue when first needed (web/shell.js).
#pragma once

#include "app/app.h"
#include "core/i18n.h"

namespace debrief::platform {

// Sets the language tr() reads, tells the page (lang, dir, title, description) and draws again.
void apply_language(Language language);

// Starts fetching the language's catalogue unless it is installed or on its way; a frame follows
// when it arrives. Asking again after a failed download tries again.
void ensure_catalogue(Language language);

// Before the first frame: installs a catalogue web/shell.js already downloaded into /i18n/ and
// applies the language the journal asks for (else the browser's), so text first appears in it.
void start_language(App& app);

// After each frame: when the wanted language (the stored choice, else the browser's) is not the one
// shown, switches once its catalogue is in, fetching it if needed.
void follow_language(App& app);

}  // namespace debrief::platform
