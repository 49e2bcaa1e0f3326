// Display-only shaping for right-to-left text that ImGui draws itself (labels, list rows).
// ImGui's stb_truetype renders no GSUB/GPOS and has no bidi (ocornut/imgui #1228, #4227), so Arabic is
// first shaped to presentation forms and reordered into visual order with FriBidi. Editing never
// goes through this: native text fields handle RTL themselves.
#pragma once

#include <string>
#include <string_view>

namespace debrief::ui {

// True when the text holds a character of a right-to-left script.
bool has_rtl(std::string_view utf8);

// One visual line: shaped (Arabic joining + presentation forms) and reordered. Returns the input
// unchanged when it holds no RTL text. Newlines become spaces: this is for single-line labels.
std::string display_line(std::string_view utf8);

// Cached display_line for text drawn every frame; the pointer stays valid for the program's life.
const char* display_cached(const std::string& utf8);

}  // namespace debrief::ui
