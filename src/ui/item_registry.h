// Collects every interactive ImGui item of a frame (rectangle, label, role, state) from ImGui's
// test-engine hooks, so the platform can mirror them as accessible DOM elements and so tests can
// find and activate controls by role and name.
#pragma once

#include "core/i18n.h"

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace debrief::ui {

enum class Role { button, checkbox, radio, tab, option, link, heading, text, listitem, progressbar };

// Containers of the mirror (landmarks and groups): items and text fields inside one are nested in
// its DOM element, so assistive technology hears the structure (see docs/architecture.md).
// `toolbar` and `checkgroup` (a group of checkboxes) are one Tab stop each, the arrow keys moving
// within them, as `radiogroup` and `tablist` are.
enum class Region {
    banner,
    navigation,
    main,
    tablist,
    tabpanel,
    radiogroup,
    group,
    list,
    listitem,
    toolbar,
    checkgroup
};

struct RegionInfo {
    ImGuiID id = 0;
    Region kind = Region::group;
    std::string name;  // accessible name; empty when the container needs none
    ImGuiID parent = 0;
    int sequence = 0;  // where it starts in reading order
    // A list item's place in the whole list, from 1, and the list's length (0: not set). Said by
    // the mirror: a long list lays out only some of its items.
    int position = 0, set_size = 0;
};

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
    bool primary = false;      // the main action: where Tab enters a toolbar
    bool dismiss = false;      // closes what is open (a menu, a preview): Escape activates it
    bool clipped = false;      // its label is wider than the item: cut off where it is drawn
    bool title = false;        // a screen's or step's title (focus lands on the last one)
    int sequence = 0;          // submission order, shared with text fields (tab order)
    int level = 0;             // heading level (1 screen, 2 step, 3 card)
    ImGuiID parent = 0;        // the region it sits in (0: none)
    ImGuiID window = 0;        // the ImGui window it scrolls with
    bool offscreen = false;    // scrolled out of its window's view: kept, in reading order
    int value = 0;             // a progress bar's value, 0 to 100
    std::string value_text;    // a progress bar's value in words ("Checking 4,000 of 10,000 entries")
};

// The role of the next item submitted (ImGui's hooks cannot tell a tab from a button).
void set_next_item_role(Role role);
// Marks the next item as selected (e.g. the current tab) for aria-selected/aria-current.
void set_next_item_selected(bool selected);
// Gives the next item an accessible name other than its label (e.g. a card drawn as a Selectable).
void set_next_item_name(std::string name);
// The sentence of catalogue `key` with user text (a title, a person's name) put in at {`placeholder`}:
// the accessible name of a row's action ("Mark ‘⁨Follow up with Lumen⁩’ done"). The user text is
// wrapped in Unicode isolates (FSI U+2068 … PDI U+2069), so text of the other direction (an Arabic
// name in an English sentence, a Latin one in Arabic) or stray bidi controls in it cannot reorder
// the words around it. Every name composed with user text is made here.
// `others` fills the key's other placeholders (the app's own words: isolated only in a right-to-left
// interface, as tr_format isolates every value there).
std::string name_with_user_text(std::string_view key, std::string_view placeholder, std::string_view user_text,
                                TextVars others = {});
// True when the next item already has a name (a row's action named with its row).
bool next_item_has_name();
// Marks the next item as the one that opens the system file picker.
void set_next_item_file_picker();
// Marks the next item as a screen's main action (a primary button): Tab enters a toolbar on it.
void set_next_item_primary();
// Marks the next item as the one that closes what is open (a menu, a preview): Escape presses it.
void set_next_item_dismisses();
// The next item opens and closes something (a menu): read as expanded or collapsed.
void set_next_item_expanded(bool expanded);

// The next paragraph drawn (widgets.h) is read as `role` (heading with `level`, list item) and,
// when `spoken` is not empty, with that text instead of the drawn one (e.g. a checklist state).
void set_next_text_semantics(Role role, int level = 0, std::string spoken = {});
// The next paragraph drawn is not mirrored: it only repeats the name of the control it labels (a
// checkbox's label, a field's caption), which assistive technology already reads with the control.
void set_next_text_hidden();
// The next paragraph is a title (widgets.h heading()): the last one drawn is where focus lands on
// arriving at a screen or step, and where the skip link leads.
void mark_next_text_title();
// The level of the last title (widgets.h heading()) drawn in this frame, 0 before any: a card's
// heading below it takes the next level.
void note_title_level(int level);
int title_level();
// Records a paragraph that was laid out in `min`..`max` (visible or scrolled away: text stays in
// the mirror in reading order).
void add_text_item(const char* text, ImVec2 min, ImVec2 max);
// Records a progress bar laid out in `min`..`max`: read as a progressbar named `name`, at `fraction`
// (0 to 1) and with `value_text` as what it says.
void add_progress_item(const std::string& name, float fraction, std::string value_text, ImVec2 min, ImVec2 max);
// The last paragraph recorded, for the group it is about to name (the prompt above a choice row):
// the paragraph leaves the mirror when it was the last item recorded, so a screen reader hears the
// prompt once, as the group's name, not twice.
std::string take_last_text();

// Names the next region opened, whatever name it is opened with (e.g. a choice row with no prompt
// drawn above it, which would otherwise take the name of the paragraph before).
void set_next_region_name(std::string name);
// Gives the next region opened (a list item) its place in its whole list (RegionInfo::position).
void set_next_region_position(int position, int set_size);
// Opens a container; `id` is pushed on ImGui's ID stack only to make the region's ID.
void begin_region(Region kind, const char* id, std::string name = {});
void end_region();
// The innermost open region (0: none), for text fields.
ImGuiID current_region();
// Regions of the frame that ended last, in the order they began.
const std::vector<RegionInfo>& item_registry_regions();

// Where the frame is (screen, record, step): when it changes the mirror moves focus to the new
// screen's heading and, when the frame set one, announces `announcement` (e.g. the new step). `back`:
// the person went back to the place they just left (out of a draft, from a reflection to the
// journal), and focus returns to the control that led away from it.
void set_frame_place(std::string place, bool back = false);
void set_frame_announcement(std::string announcement);
const std::string& item_registry_place();
bool item_registry_back();
const std::string& item_registry_announcement();

// A status line the mirror speaks (politely) whenever its text changes on the same screen, e.g. the
// search's result count; `key` tells one status from another.
struct FrameStatus {
    std::string key;
    std::string text;
};
void set_frame_status(std::string key, std::string text);
const std::vector<FrameStatus>& item_registry_statuses();

// Starts collecting for a new frame; call right after ImGui::NewFrame().
void item_registry_begin_frame();
// Next number in this frame's submission order (items and text fields share it).
int next_sequence();
// Publishes what the frame collected; call after ImGui::Render().
void item_registry_end_frame();
// Items of the frame that ended last, in submission order (which is visual order in our layouts).
const std::vector<ItemInfo>& item_registry_items();
// Finds an on-screen item of the last frame by accessible name (tests and keyboard shortcuts), read
// as a person reads it: the isolates around values in either name do not count.
const ItemInfo* find_item(Role role, const std::string& name);
// A name as a person reads it: without the isolates (U+2066..U+2069) name_with_user_text and, in a
// right-to-left interface, tr_format put around values.
std::string without_isolates(std::string_view name);

// Strips ImGui's "##id" / "###id" suffix: what a person (and a screen reader) should read.
std::string visible_label(const char* label);

}  // namespace debrief::ui
