// Implements ImGui 1.86's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE) to collect the items of a frame.
// ItemAdd gives every item's rectangle (clipped or not); ItemInfo, called only by widgets that were
// actually drawn, gives the label and checkable/openable state. Pairing the two yields the mirror.
#include "ui/item_registry.h"

#include <imgui_internal.h>

#include <unordered_map>

namespace debrief::ui {
namespace {

// What set_next_item_* said about the next item travels with that item's ItemAdd: a widget scrolled
// out of view is added but never reports ItemInfo, and its role or name must not pass to the next one.
struct NextItem {
    Role role = Role::button;
    bool has_role = false;
    bool selected = false;
    bool file_picker = false;
    std::string name;
};

struct PendingRect {
    ImRect visible;
    bool disabled = false;
    NextItem next;
};

struct Registry {
    std::vector<ItemInfo> building;
    std::vector<ItemInfo> finished;
    std::unordered_map<ImGuiID, PendingRect> rects;
    NextItem next;
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
    registry().next.role = role;
    registry().next.has_role = true;
}

void set_next_item_selected(bool selected) { registry().next.selected = selected; }

void set_next_item_file_picker() { registry().next.file_picker = true; }

void set_next_item_name(std::string name) { registry().next.name = std::move(name); }

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
    auto& r = registry();
    debrief::ui::NextItem next = std::move(r.next);
    r.next = {};
    ImGuiWindow* window = ctx->CurrentWindow;
    ImRect visible = bb;
    if (window) visible.ClipWithFull(window->ClipRect);
    if (visible.GetWidth() <= 0.5f || visible.GetHeight() <= 0.5f) return;
    const bool disabled = (ctx->CurrentItemFlags & ImGuiItemFlags_Disabled) != 0;
    r.rects[id] = {visible, disabled, std::move(next)};
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    (void)ctx;
    auto& r = registry();
    auto rect = r.rects.find(id);
    if (rect == r.rects.end()) return;  // clipped away: nothing a person could reach
    debrief::ui::NextItem& next = rect->second.next;
    const bool had_role = next.has_role;
    const debrief::ui::Role hinted = next.role;
    const bool selected = next.selected;
    const bool file_picker = next.file_picker;
    std::string name_override = std::move(next.name);
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
