// The interface language on the page: C++ decides it, the page follows (<html lang> and dir).
#pragma once

#include "core/i18n.h"

namespace debrief::platform {

// Sets the language tr() reads, tells the page (lang, dir) and draws again.
void apply_language(Language language);

}  // namespace debrief::platform
