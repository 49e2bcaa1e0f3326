// Implements ImGui 1.86's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE) to collect the items of a frame.
// ItemAdd gives every item's rectangle (clipped or not); ItemInfo, called only by widgets that were
// actually drawn, gives the label and checkable/openable state. Pairing the two yields the mirror.
#include "ui/item_registry.h"

#include <imgui_internal.h>

#include <unordered_map>

namespace debrief::ui {
namespace {

struct PendingRect {
    ImRect visible;
    bool disabled = false;
};

struct Registry {
    std::vector<ItemInfo> building;
    std::vector<ItemInfo> finished;
    std::unordered_map<ImGuiID, PendingRect> rects;
    Role next_role = Role::button;
    bool has_next_role = false;
    bool next_selected = false;
    bool next_file_picker = false;
    std::string next_name;
    int sequence = 0;
};

// One for the process, not per App (not in ViewState): it holds no view state, only the output of
// the frame being drawn. begin_frame empties it, the hooks fill it from whichever ImGui context is
// drawing, end_frame publishes it; the published list describes the last frame, whatever App that
// frame showed, and that is what the mirror and the tests want. It would have to become per ImGui
// context (e.g. in ImGuiContext::TestEngine) only if two contexts drew interleaved frames; the page
// has one, and the tests draw one frame at a time.
Registry& registry() {
    static Registry r;
    return r;
}

}  // namespace

void set_next_item_role(Role role) {
    registry().next_role = role;
    registry().has_next_role = true;
}

void set_next_item_selected(bool selected) { registry().next_selected = selected; }

void set_next_item_file_picker() { registry().next_file_picker = true; }

void set_next_item_name(std::string name) { registry().next_name = std::move(name); }

void item_registry_begin_frame() {
    Registry& r = registry();
    r.building.clear();
    r.rects.clear();
    r.sequence = 0;
    ImGui::GetCurrentContext()->TestEngineHookItems = true;
}

void item_registry_end_frame() {
    Registry& r = registry();
    r.finished.swap(r.building);
}

int next_sequence() { return ++registry().sequence; }

const std::vector<ItemInfo>& item_registry_items() { return registry().finished; }

const ItemInfo* find_item(Role role, const std::string& name) {
    for (const ItemInfo& item : registry().finished)
        if (item.role == role && item.name == name) return &item;
    return nullptr;
}

std::string visible_label(const char* label) {
    if (!label) return {};
    const char* end = ImGui::FindRenderedTextEnd(label);
    std::string text(label, end);
    // Trim the padding spaces some of our buttons use for breathing room.
    const auto first = text.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

}  // namespace debrief::ui

using debrief::ui::registry;

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
    ImGuiWindow* window = ctx->CurrentWindow;
    ImRect visible = bb;
    if (window) visible.ClipWithFull(window->ClipRect);
    if (visible.GetWidth() <= 0.5f || visible.GetHeight() <= 0.5f) return;
    const bool disabled = (ctx->CurrentItemFlags & ImGuiItemFlags_Disabled) != 0;
    registry().rects[id] = {visible, disabled};
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    (void)ctx;
    auto& r = registry();
    const bool had_role = r.has_next_role;
    const debrief::ui::Role hinted = r.next_role;
    const bool selected = r.next_selected;
    const bool file_picker = r.next_file_picker;
    r.has_next_role = false;
    r.next_selected = false;
    r.next_file_picker = false;
    std::string name_override = std::move(r.next_name);
    r.next_name.clear();

    auto rect = r.rects.find(id);
    if (rect == r.rects.end()) return;  // clipped away: nothing a person could reach
    debrief::ui::ItemInfo item;
    item.id = id;
    item.name = name_override.empty() ? debrief::ui::visible_label(label) : std::move(name_override);
    if (item.name.empty()) return;
    item.min = rect->second.visible.Min;
    item.max = rect->second.visible.Max;
    item.disabled = rect->second.disabled;
    item.checked = (flags & ImGuiItemStatusFlags_Checked) != 0;
    item.expandable = (flags & ImGuiItemStatusFlags_Openable) != 0;
    item.expanded = (flags & ImGuiItemStatusFlags_Opened) != 0;
    item.selected = selected;
    item.file_picker = file_picker;
    item.sequence = ++r.sequence;
    if (had_role)
        item.role = hinted;
    else if (flags & ImGuiItemStatusFlags_Checkable)
        item.role = debrief::ui::Role::checkbox;
    else
        item.role = debrief::ui::Role::button;
    r.building.push_back(std::move(item));
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
