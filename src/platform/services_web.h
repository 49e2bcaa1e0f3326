// Browser implementations of ui::Services: clipboard, mailto:, downloads.
//  [x] Clipboard write: navigator.clipboard.writeText, falling back to a hidden <textarea> + execCommand
//      (3.1.6's GLFW clipboard functions are empty stubs: docs/web-platform.md)
//  [x] Downloads: Blob + object URL + temporary <a download>, URL revoked afterwards
//  [x] mailto: links opened from the user's gesture
//  [x] Catalogues fetched from i18n/<code>.catalogue on demand (platform/language_web.cpp)
#pragma once

#include "ui/services.h"

namespace debrief::platform {

class WebServices final : public ui::Services {
public:
    void copy_text(const std::string& text) override;
    void open_url(const std::string& url) override;
    void download(const ExportFile& file) override;
    void ensure_catalogue(Language language) override;
};

}  // namespace debrief::platform
