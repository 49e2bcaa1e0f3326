// Collects every interactive ImGui item of a frame (rectangle, label, role, state) from ImGui's
// test-engine hooks, so the platform can mirror them as accessible DOM elements and so tests can
// find and activate controls by role and name.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace debrief::ui {

enum class Role { button, checkbox, radio, tab, option, link, heading };

struct ItemInfo {
    ImGuiID id = 0;
    Role role = Role::button;
    std::string name;  // label without its "##id" part
    ImVec2 min;        // visible rectangle, in CSS pixels
    ImVec2 max;
    bool checked = false;
    bool expandable = false;
    bool expanded = false;
    bool disabled = false;
    bool selected = false;
    bool file_picker = false;  // activating it must open the file picker within the gesture
    int sequence = 0;          // submission order, shared with text fields (tab order)
};

// The role of the next item submitted (ImGui's hooks cannot tell a tab from a button).
void set_next_item_role(Role role);
// Marks the next item as selected (e.g. the current tab) for aria-selected/aria-current.
void set_next_item_selected(bool selected);
// Gives the next item an accessible name other than its label (e.g. a card drawn as a Selectable).
void set_next_item_name(std::string name);
// Marks the next item as the one that opens the system file picker.
void set_next_item_file_picker();

// Starts collecting for a new frame; call right after ImGui::NewFrame().
void item_registry_begin_frame();
// Next number in this frame's submission order (items and text fields share it).
int next_sequence();
// Publishes what the frame collected; call after ImGui::Render().
void item_registry_end_frame();
// Items of the frame that ended last, in submission order (which is visual order in our layouts).
const std::vector<ItemInfo>& item_registry_items();
// Finds an item of the last frame by accessible name (tests and keyboard shortcuts).
const ItemInfo* find_item(Role role, const std::string& name);

// Strips ImGui's "##id" / "###id" suffix: what a person (and a screen reader) should read.
std::string visible_label(const char* label);

}  // namespace debrief::ui
