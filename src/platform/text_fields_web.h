// Native <input>/<textarea> elements placed over the rectangles ImGui reserved (ui/text_field.h).
//  [x] Word wrap, IME/composition, dead keys, soft keyboard, bidi (dir="auto"), spellcheck, native
//      selection and clipboard: all from the browser (ImGui 1.86 has none of them on the web:
//      ocornut/imgui #952, #4910, #1228, #4122)
//  [x] Value synced both ways; only changed values cross the wasm boundary
//  [x] Multi-line grows with its content up to a maximum, then scrolls
//  [x] Hidden when clipped away, covered by a modal, or when its view is gone
//  [x] Focused field revealed above the soft keyboard
#pragma once

#include "ui/text_field.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace debrief::platform {

class WebTextFields final : public ui::TextFieldHost {
public:
    void place(const ui::FieldRequest& request) override;
    std::optional<std::string> take_edit(ImGuiID id) override;
    float content_height(ImGuiID id) const override;

    // After each frame: pushes the frame's fields to the DOM when anything changed.
    void sync_to_dom();

    // From JavaScript.
    void on_input(ImGuiID id, std::string value);
    void on_height(ImGuiID id, float height);
    void on_focus(ImGuiID id);

private:
    struct Placed {
        ImGuiID id;
        float x, y, w, h;
        ImGuiID window;
    };
    std::vector<ui::FieldRequest> m_frame;
    std::vector<std::string> m_frame_values;                // copies: the views' strings may not outlive the frame
    std::unordered_map<ImGuiID, std::string> m_dom_values;  // what the DOM element holds
    std::unordered_map<ImGuiID, std::string> m_edits;
    std::unordered_map<ImGuiID, float> m_heights;
    std::vector<Placed> m_placed;
    std::string m_last_sent;
};

WebTextFields& web_text_fields();

}  // namespace debrief::platform
