// Implements ImGui 1.86's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE) to collect the items of a frame.
// ItemAdd gives every item's rectangle (clipped or not); ItemInfo, called only by widgets that were
// actually drawn, gives the label and checkable/openable state. Pairing the two yields the mirror.
#include "ui/item_registry.h"

#include <imgui_internal.h>

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "core/i18n.h"

namespace debrief::ui {
namespace {

// What set_next_item_* said about the next item travels with that item's ItemAdd: a widget scrolled
// out of view is added but never reports ItemInfo, and its role or name must not pass to the next one.
struct NextItem {
    Role role = Role::button;
    bool has_role = false;
    bool selected = false;
    bool file_picker = false;
    bool primary = false;
    bool dismiss = false;
    int expanded = -1;  // -1: not a disclosure; 0 collapsed; 1 expanded
    std::string name;
};

struct PendingRect {
    ImRect visible;
    float full_width = 0.0f;  // the item's whole width, before the window clipped it
    bool cut_across = false;  // it reaches past its window's left or right edge
    bool disabled = false;
    NextItem next;
    ImGuiID parent = 0;
    ImGuiID window = 0;
};

struct NextText {
    Role role = Role::text;
    int level = 0;
    std::string spoken;
    bool hidden = false;
    bool title = false;
};

struct Registry {
    std::vector<ItemInfo> building;
    std::vector<ItemInfo> finished;
    std::unordered_map<ImGuiID, PendingRect> rects;
    NextItem next;
    NextText next_text;
    std::string last_text;
    std::vector<RegionInfo> regions_building;
    std::vector<RegionInfo> regions_finished;
    std::vector<ImGuiID> open_regions;
    std::string next_region_name;
    int next_region_position = 0, next_region_set_size = 0;
    int title_level = 0;
    std::string place[2];                  // building, finished
    bool back[2] = {false, false};         // building, finished
    std::string announcement[2];           // building, finished
    std::vector<FrameStatus> statuses[2];  // building, finished
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

void set_next_item_primary() { registry().next.primary = true; }

void set_next_item_dismisses() { registry().next.dismiss = true; }

void set_next_item_expanded(bool expanded) { registry().next.expanded = expanded ? 1 : 0; }

void set_next_item_name(std::string name) { registry().next.name = std::move(name); }

std::string name_with_user_text(std::string_view key, std::string_view placeholder, std::string_view user_text,
                                TextVars others) {
    // tr_format isolates every value in a right-to-left interface; elsewhere the user text is isolated
    // here (FSI: its own first strong character sets its direction; PDI ends it).
    const std::string isolated = is_right_to_left(interface_language())
                                     ? std::string(user_text)
                                     : "\xE2\x81\xA8" + std::string(user_text) + "\xE2\x81\xA9";
    others.emplace_back(placeholder, isolated);
    return tr_format(key, others);
}

bool next_item_has_name() { return !registry().next.name.empty(); }

void set_next_text_semantics(Role role, int level, std::string spoken) {
    registry().next_text = {role, level, std::move(spoken), false};
}

void set_next_text_hidden() { registry().next_text.hidden = true; }

void mark_next_text_title() { registry().next_text.title = true; }

// Where an item drawn outside ImGui's own widgets (a text, a progress bar) sits: its order in the
// frame, its region, its window, and whether it is scrolled out of view. Its min/max are set.
static void place_in_frame(Registry& r, ItemInfo& item) {
    item.sequence = ++r.sequence;
    item.parent = current_region();
    if (ImGuiWindow* window = ImGui::GetCurrentWindow()) {
        item.window = window->ID;
        ImRect visible(item.min, item.max);
        visible.ClipWithFull(window->ClipRect);
        item.offscreen = visible.GetWidth() <= 0.5f || visible.GetHeight() <= 0.5f;
    }
}

void add_text_item(const char* text, ImVec2 min, ImVec2 max) {
    Registry& r = registry();
    NextText next = std::move(r.next_text);
    r.next_text = {};
    if (!text || !*text) return;
    if (next.hidden) {
        r.last_text = text;
        return;
    }
    ItemInfo item;
    item.role = next.role;
    item.level = next.level;
    item.title = next.title;
    item.name = next.spoken.empty() ? std::string(text) : std::move(next.spoken);
    // A text has no ImGui ID: its place in the frame is stable enough to keep its element.
    item.id = ImHashStr(item.name.c_str(), 0, ImHashData(&r.sequence, sizeof r.sequence, 0x7e47u));
    item.min = min;
    item.max = max;
    place_in_frame(r, item);
    r.last_text = text;
    r.building.push_back(std::move(item));
}

void add_progress_item(const std::string& name, float fraction, std::string value_text, ImVec2 min, ImVec2 max) {
    Registry& r = registry();
    ItemInfo item;
    item.role = Role::progressbar;
    item.name = name;
    // Its name stays while its value moves: the same element all along, so a screen reader follows it.
    item.id = ImHashStr(name.c_str(), 0, 0x9b0cu);
    item.min = min;
    item.max = max;
    item.value = static_cast<int>(std::clamp(fraction, 0.0f, 1.0f) * 100.0f);
    item.value_text = std::move(value_text);
    place_in_frame(r, item);
    r.building.push_back(std::move(item));
}

std::string take_last_text() {
    Registry& r = registry();
    if (!r.building.empty() && r.building.back().role == Role::text && r.building.back().name == r.last_text)
        r.building.pop_back();
    return r.last_text;
}

void note_title_level(int level) { registry().title_level = level; }
int title_level() { return registry().title_level; }

void set_frame_place(std::string place, bool back) {
    registry().place[0] = std::move(place);
    registry().back[0] = back;
}
void set_frame_announcement(std::string announcement) { registry().announcement[0] = std::move(announcement); }
const std::string& item_registry_place() { return registry().place[1]; }
bool item_registry_back() { return registry().back[1]; }
const std::string& item_registry_announcement() { return registry().announcement[1]; }

void set_frame_status(std::string key, std::string text) {
    registry().statuses[0].push_back({std::move(key), std::move(text)});
}
const std::vector<FrameStatus>& item_registry_statuses() { return registry().statuses[1]; }

void set_next_region_name(std::string name) { registry().next_region_name = std::move(name); }

void set_next_region_position(int position, int set_size) {
    registry().next_region_position = position;
    registry().next_region_set_size = set_size;
}

void begin_region(Region kind, const char* id, std::string name) {
    Registry& r = registry();
    if (!r.next_region_name.empty()) name = std::move(r.next_region_name);
    r.next_region_name.clear();
    RegionInfo region;
    region.id = ImGui::GetID(id);
    region.kind = kind;
    region.name = std::move(name);
    region.parent = current_region();
    region.sequence = ++r.sequence;
    region.position = std::exchange(r.next_region_position, 0);
    region.set_size = std::exchange(r.next_region_set_size, 0);
    r.open_regions.push_back(region.id);
    r.regions_building.push_back(std::move(region));
}

void end_region() {
    Registry& r = registry();
    if (!r.open_regions.empty()) r.open_regions.pop_back();
}

ImGuiID current_region() {
    const Registry& r = registry();
    return r.open_regions.empty() ? 0 : r.open_regions.back();
}

const std::vector<RegionInfo>& item_registry_regions() { return registry().regions_finished; }

void item_registry_begin_frame() {
    Registry& r = registry();
    r.building.clear();
    r.regions_building.clear();
    r.open_regions.clear();
    r.last_text.clear();
    r.rects.clear();
    r.statuses[0].clear();
    r.next_region_name.clear();
    r.next_region_position = r.next_region_set_size = 0;
    r.title_level = 0;
    r.sequence = 0;
    ImGui::GetCurrentContext()->TestEngineHookItems = true;
}

void item_registry_end_frame() {
    Registry& r = registry();
    r.finished.swap(r.building);
    r.regions_finished.swap(r.regions_building);
    r.place[1] = std::move(r.place[0]);
    r.back[1] = r.back[0];
    r.announcement[1] = std::move(r.announcement[0]);
    r.place[0].clear();
    r.back[0] = false;
    r.announcement[0].clear();
    r.statuses[1] = std::move(r.statuses[0]);
    r.statuses[0].clear();
}

int next_sequence() { return ++registry().sequence; }

const std::vector<ItemInfo>& item_registry_items() { return registry().finished; }

const ItemInfo* find_item(Role role, const std::string& name) {
    // Only what is on screen: what a pointer could reach (tests scroll to what they click).
    const std::string wanted = without_isolates(name);
    for (const ItemInfo& item : registry().finished)
        if (item.role == role && !item.offscreen && without_isolates(item.name) == wanted) return &item;
    return nullptr;
}

std::string without_isolates(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    for (std::size_t i = 0; i < name.size(); ++i) {
        // U+2066..U+2069 are E2 81 A6..A9 in UTF-8.
        if (name.compare(i, 2, "\xE2\x81") == 0 && i + 2 < name.size() &&
            static_cast<unsigned char>(name[i + 2]) >= 0xA6 && static_cast<unsigned char>(name[i + 2]) <= 0xA9) {
            i += 2;
            continue;
        }
        out += name[i];
    }
    return out;
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
    const bool disabled = (ctx->CurrentItemFlags & ImGuiItemFlags_Disabled) != 0;
    if (visible.GetWidth() <= 0.5f || visible.GetHeight() <= 0.5f) {
        // Scrolled out of view: ImGui skips the widget (no ItemInfo), but one of ours said its role
        // and name beforehand, so it stays in the mirror, findable and focusable ("Back" at the end
        // of a long draft); focusing it scrolls it into view.
        if (!next.has_role || next.name.empty() || !window || bb.GetWidth() <= 0.5f) return;
        debrief::ui::ItemInfo item;
        item.id = id;
        item.role = next.role;
        item.name = std::move(next.name);
        // Across, clipped like a visible item (nothing reaches past the window's sides); down, where it is.
        item.min = ImVec2(std::max(bb.Min.x, window->ClipRect.Min.x), bb.Min.y);
        item.max = ImVec2(std::max(item.min.x, std::min(bb.Max.x, window->ClipRect.Max.x)), bb.Max.y);
        item.disabled = disabled;
        item.selected = next.selected;
        item.file_picker = next.file_picker;
        item.primary = next.primary;
        item.dismiss = next.dismiss;
        item.expandable = next.expanded >= 0;
        item.expanded = next.expanded > 0;
        item.sequence = ++r.sequence;
        item.parent = debrief::ui::current_region();
        item.window = window->ID;
        item.offscreen = true;
        r.building.push_back(std::move(item));
        return;
    }
    const bool cut_across =
        window && (bb.Min.x < window->ClipRect.Min.x - 1.0f || bb.Max.x > window->ClipRect.Max.x + 1.0f);
    r.rects[id] = {visible,
                   bb.GetWidth(),
                   cut_across,
                   disabled,
                   std::move(next),
                   debrief::ui::current_region(),
                   window ? window->ID : 0};
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
    const bool primary = next.primary;
    const bool dismiss = next.dismiss;
    const int disclosure = next.expanded;
    std::string name_override = std::move(next.name);
    debrief::ui::ItemInfo item;
    item.id = id;
    item.name = name_override.empty() ? debrief::ui::visible_label(label) : std::move(name_override);
    if (item.name.empty()) return;
    item.min = rect->second.visible.Min;
    item.max = rect->second.visible.Max;
    item.disabled = rect->second.disabled;
    item.checked = (flags & ImGuiItemStatusFlags_Checked) != 0;
    item.expandable = disclosure >= 0 || (flags & ImGuiItemStatusFlags_Openable) != 0;
    item.expanded = disclosure >= 0 ? disclosure > 0 : (flags & ImGuiItemStatusFlags_Opened) != 0;
    item.selected = selected;
    item.file_picker = file_picker;
    item.primary = primary;
    item.dismiss = dismiss;
    // A label wider than its item, or an item reaching past its window's side, is cut off where it
    // is drawn: the zoom test looks for these. Our own widgets wrap long labels instead (widgets.cpp).
    item.clipped = rect->second.cut_across;
    const char* drawn_end = ImGui::FindRenderedTextEnd(label);
    if (!item.clipped && drawn_end != label) {
        const float text = ImGui::CalcTextSize(label, drawn_end).x;
        item.clipped = text > rect->second.full_width - ImGui::GetStyle().FramePadding.x * 2.0f + 1.0f;
    }
    item.sequence = ++r.sequence;
    item.parent = rect->second.parent;
    item.window = rect->second.window;
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
