// What views may ask of the world outside the journal (clipboard, mail app, files). The browser
// implements it in src/platform/; tests record the calls.
#pragma once

#include "app/app.h"
#include "core/i18n.h"

#include <string>

namespace debrief::ui {

class Services {
public:
    virtual ~Services() = default;
    virtual void copy_text(const std::string& text) = 0;
    virtual void open_url(const std::string& url) = 0;
    virtual void download(const ExportFile& file) = 0;
    virtual void ensure_catalogue(Language language) = 0;  // fetch and install it if missing; a frame follows
};

}  // namespace debrief::ui
