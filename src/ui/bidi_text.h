// Display-only shaping for right-to-left text that ImGui draws itself (labels, list rows).
// ImGui's stb_truetype renders no GSUB/GPOS and has no bidi (ocornut/imgui #1228, #4227), so Arabic is
// first shaped to presentation forms and reordered into visual order with FriBidi. Editing never
// goes through this: native text fields handle RTL themselves.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace debrief::ui {

// True when the text holds a character of a right-to-left script. Every path that draws text asks
// this first, so it also asks for the glyphs the text needs beyond the Latin font (want_glyphs_of).
bool has_rtl(std::string_view utf8);

// One visual line: shaped (Arabic joining + presentation forms) and reordered. Returns the input
// unchanged when it holds no RTL text. Newlines become spaces: this is for single-line labels.
std::string display_line(std::string_view utf8);

// Cached display_line for text drawn every frame; the pointer stays valid for the program's life.
const char* display_cached(const std::string& utf8);
// The same for a string that outlives the frame (a catalogue entry): returned as is without RTL text.
const char* display_cached(const char* utf8);

// A paragraph's direction, from its first strong character (as dir="auto" decides); `neutral` when
// it has none (digits, punctuation), and then it takes the interface's direction.
enum class TextDirection { ltr, rtl, neutral };
TextDirection paragraph_direction(std::string_view utf8);

// One visual line of a paragraph whose direction is already known (a wrapped line must keep its
// paragraph's direction even when the line itself starts with a word of the other script).
std::string display_line_in(std::string_view utf8, TextDirection direction);

// Breaks a paragraph into lines no wider than `max_width` on its logical (typed) text, at spaces and
// newlines, then shapes and reorders each line on its own. `width_of` measures a visual string.
// A word wider than the line gets a line of its own. The paragraph's direction is `direction`, or
// when that is neutral its first strong character's.
struct VisualLine {
    std::string text;  // visual order, shaped
    float width = 0.0f;
};
std::vector<VisualLine> wrap_paragraph(std::string_view utf8, float max_width,
                                       const std::function<float(std::string_view)>& width_of,
                                       TextDirection direction = TextDirection::neutral);

// The text as written when its shaped line fits `max_width`; else its longest start that fits with
// "…" after it (cut between letters, never before a combining mark, trailing spaces dropped).
std::string fit_on_one_line(std::string_view utf8, float max_width,
                            const std::function<float(std::string_view)>& width_of);

}  // namespace debrief::ui
