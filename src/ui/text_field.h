// One widget API for every text the user types. ImGui 1.86 has no word wrap, IME, soft keyboard,
// bidi or screen-reader access (docs/web-platform.md), so the widget only reserves a rectangle in
// ImGui's layout; a TextFieldHost (the browser: a real <input>/<textarea>) does the editing on top.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>

namespace debrief::ui {

enum class FieldKind { single_line, multi_line };
// What the single-line field holds: the browser offers the right keyboard / date picker.
enum class InputType { text, email, date, password };

// What the view asks for, frame by frame.
struct FieldRequest {
    ImGuiID id = 0;
    FieldKind kind = FieldKind::single_line;
    std::string label;  // accessible name (aria-label) and visible caption
    std::string placeholder;
    const std::string* value = nullptr;
    ImVec2 min;  // the reserved rectangle, CSS pixels
    ImVec2 max;
    ImVec2 clip_min;  // the part of it that is visible
    ImVec2 clip_max;
    bool hidden = false;     // covered by a modal: out of reach until it closes
    bool offscreen = false;  // scrolled out of view: parked, still read and reached in its place
    ImGuiID window = 0;      // the window it scrolls with, to bring it into view
    InputType input_type = InputType::text;
    int sequence = 0;    // tab order among fields and mirrored items
    ImGuiID region = 0;  // the mirror region (item_registry.h) it sits in
    bool focus = false;  // move keyboard focus here (after an action whose own control went away)
};

// Implemented by the platform (the DOM) and by tests.
class TextFieldHost {
public:
    virtual ~TextFieldHost() = default;
    virtual void place(const FieldRequest& request) = 0;
    // The user's latest edit of this field since the last call, if any.
    virtual std::optional<std::string> take_edit(ImGuiID id) = 0;
    // Height the content needs (multi-line grows with its text), CSS px; 0 when unknown.
    virtual float content_height(ImGuiID id) const = 0;
};

void set_text_field_host(TextFieldHost* host);

struct FieldOptions {
    const char* placeholder = "";
    float min_lines = 3.0f;   // multi-line only
    float max_lines = 12.0f;  // then it scrolls
    InputType type = InputType::text;
};

// Asks for keyboard focus on the next text field drawn this frame: after "New reflection", "Add a
// win" or a new step, focus lands in the new field instead of falling back to the page. `frames_later`
// waits for a scroll set this frame (ImGui applies it on the next) so the field is where it will stay.
// A field scrolled away is left alone (a screen opens at its top, not at its first field), unless
// `scroll_to`: a row just added is scrolled into view and takes focus once it is there.
void request_field_focus(int frames_later = 0, bool scroll_to = false);

// A box drawn over the screen this frame (the notice): the native fields stand above the canvas, so
// each field that reaches into it is cut off at its top edge instead of covering it. Set before the
// screen is drawn; an empty box (min == max) covers nothing.
void set_fields_covered(ImVec2 min, ImVec2 max);

// Draws the caption and reserves the field; returns true when the user changed `value` this frame.
bool text_field(const char* label, std::string& value, FieldKind kind, const FieldOptions& options = {});

}  // namespace debrief::ui
