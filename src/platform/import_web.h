// File import from the browser (picker and drag-and-drop) into the App's import flow.
//  [x] <input type=file> opened inside the user's gesture (web/shell.js, from the mirror element)
//  [x] Drag-and-drop anywhere on the page
//  [x] Files over 50 MB refused before they are read; unreadable files reported
//  [x] A replace writes a backup file of the previous journal first (app/save_controller.h)
#pragma once

#include "app/app.h"

#include <string>
#include <string_view>

namespace debrief::platform {

void import_init(App& app);
// The stepped import has ended (preview or error): the data screen shows it, an error is spoken.
void import_show_result();
// A file's bytes are here (read, or opened with its passphrase): the stepped import starts on them.
void import_start(const std::string& file_name, std::string_view bytes);

}  // namespace debrief::platform
