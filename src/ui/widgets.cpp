// Shared widgets: consistent touch sizes, colours and accessible roles for the semantic mirror.
#include "ui/widgets.h"

#include "ui/bidi_text.h"
#include "ui/fonts.h"
#include "ui/theme.h"

#include <imgui_internal.h>

#include <algorithm>
#include <string>

namespace debrief::ui {

// TextWrapped keeps the wrap position the column or card has set (and wraps at the window edge
// only when none is set), so text never runs past a card's padding.
void heading(const char* text) {
    ImGui::PushFont(fonts().heading);
    ImGui::TextWrapped("%s", text);
    ImGui::PopFont();
}

void subheading(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

void muted_text(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

void wrapped_text(const char* text) { ImGui::TextWrapped("%s", text); }

void user_text_line(const std::string& text, const char* fallback) {
    if (text.empty()) {
        muted_text(fallback);
        return;
    }
    ImGui::TextUnformatted(display_cached(text));
}

float remaining_line_width() {
    // CalcItemWidth() is the column's width; after SameLine() part of that line is already used.
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float line_start = window->Pos.x + window->DC.Indent.x + window->DC.ColumnsOffset.x;
    return std::max(1.0f, ImGui::CalcItemWidth() - (window->DC.CursorPos.x - line_start));
}

bool button(const char* label, Emphasis emphasis, bool full_width) {
    const Palette& p = palette();
    int colors = 0;
    if (emphasis == Emphasis::primary) {
        const bool dark = theme_metrics().scheme == ColorScheme::dark;
        ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                              ImVec4(p.accent.x * 0.9f, p.accent.y * 0.9f, p.accent.z * 0.9f, 1));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive,
                              ImVec4(p.accent.x * 0.8f, p.accent.y * 0.8f, p.accent.z * 0.8f, 1));
        ImGui::PushStyleColor(ImGuiCol_Text, dark ? ImVec4(0.08f, 0.1f, 0.1f, 1) : ImVec4(1, 1, 1, 1));
        colors = 4;
    } else if (emphasis == Emphasis::danger) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.danger);
        colors = 1;
    } else if (emphasis == Emphasis::quiet) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
        ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
        colors = 2;
    }
    const float height = theme_metrics().touch_target;
    const float width = full_width ? remaining_line_width() : 0.0f;
    set_next_item_role(Role::button);
    const bool pressed = ImGui::Button(label, ImVec2(width, height));
    ImGui::PopStyleColor(colors);
    return pressed;
}

bool choice_row(const char* id, int& value, std::initializer_list<const char*> labels) {
    return choice_row(id, value, std::vector<const char*>(labels));
}

bool choice_row(const char* id, int& value, const std::vector<const char*>& labels) {
    ImGui::PushID(id);
    bool changed = false;
    int index = 0;
    for (const char* label : labels) {
        const ImVec2 size = ImGui::CalcTextSize(label);
        const float width = size.x + ImGui::GetStyle().FramePadding.x * 2.0f;
        if (index > 0) same_line_if_fits(width);
        const bool selected = value == index;
        ImGui::PushID(index);
        if (selected) ImGui::PushStyleColor(ImGuiCol_Button, palette().accent_soft);
        if (selected) ImGui::PushStyleColor(ImGuiCol_Border, palette().accent);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, selected ? 1.5f : 0.0f);
        set_next_item_role(Role::radio);
        // RadioButton-like state for the mirror: aria-checked comes from the selected flag.
        set_next_item_selected(selected);
        if (ImGui::Button(label, ImVec2(width, theme_metrics().touch_target)) && !selected) {
            value = index;
            changed = true;
        }
        ImGui::PopStyleVar();
        if (selected) ImGui::PopStyleColor(2);
        ImGui::PopID();
        ++index;
    }
    ImGui::PopID();
    return changed;
}

bool mood_picker(const char* id, int& value, bool has_value) {
    ImGui::PushID(id);
    bool changed = false;
    const float gap = 4.0f;
    const float avail = ImGui::CalcItemWidth();
    const float side = std::clamp((avail - gap * 10.0f) / 11.0f, 26.0f, 52.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    for (int mood = 0; mood <= 10; ++mood) {
        if (mood > 0) same_line_if_fits(side);
        const bool selected = has_value && value == mood;
        if (selected) ImGui::PushStyleColor(ImGuiCol_Button, palette().accent_soft);
        if (selected) ImGui::PushStyleColor(ImGuiCol_Border, palette().accent);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, selected ? 1.5f : 0.0f);
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, 0));
        const std::string label = std::to_string(mood);
        set_next_item_role(Role::radio);
        set_next_item_selected(selected);
        if (ImGui::Button(label.c_str(), ImVec2(side, std::max(side, theme_metrics().touch_target)))) {
            value = mood;
            changed = true;
        }
        ImGui::PopStyleVar(2);
        if (selected) ImGui::PopStyleColor(2);
    }
    ImGui::PopStyleVar();
    ImGui::PopID();
    return changed;
}

bool checkbox(const char* label, bool& value) {
    ImGui::PushStyleVar(
        ImGuiStyleVar_FramePadding,
        ImVec2(ImGui::GetStyle().FramePadding.x, (theme_metrics().touch_target - ImGui::GetFontSize()) * 0.5f));
    const bool changed = ImGui::Checkbox(label, &value);
    ImGui::PopStyleVar();
    return changed;
}

bool tab(const char* label, bool selected) {
    if (selected) ImGui::PushStyleColor(ImGuiCol_Button, palette().accent_soft);
    set_next_item_role(Role::tab);
    set_next_item_selected(selected);
    const ImVec2 size = ImGui::CalcTextSize(label, nullptr, true);
    const bool pressed =
        ImGui::Button(label, ImVec2(size.x + ImGui::GetStyle().FramePadding.x * 2.0f, theme_metrics().touch_target));
    if (selected) ImGui::PopStyleColor();
    return pressed;
}

namespace {
struct CardState {
    ImVec2 start;
    float width = 0.0f;
};
CardState g_card;
constexpr float card_padding = 14.0f;
}  // namespace

// Cards grow with their content: ImGui 1.86 child windows cannot auto-size vertically
// (ImGuiChildFlags_AutoResizeY arrived in 1.90), so draw the background behind a group instead.
void begin_card(const char* id) {
    ImGui::PushID(id);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    g_card.start = ImGui::GetCursorScreenPos();
    g_card.width = ImGui::CalcItemWidth();
    ImGui::SetCursorScreenPos(ImVec2(g_card.start.x + card_padding, g_card.start.y + card_padding));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + g_card.width - card_padding * 2.0f);
    ImGui::PushItemWidth(g_card.width - card_padding * 2.0f);
}

void end_card() {
    ImGui::PopItemWidth();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const ImVec2 end(g_card.start.x + g_card.width, ImGui::GetItemRectMax().y + card_padding);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(g_card.start, end, ImGui::GetColorU32(palette().card), 10.0f);
    draw->AddRect(g_card.start, end, ImGui::GetColorU32(ImGuiCol_Border), 10.0f);
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(g_card.start);
    ImGui::Dummy(ImVec2(g_card.width, end.y - g_card.start.y));
    ImGui::PopID();
}

void same_line_if_fits(float next_width) {
    const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const float after = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + next_width;
    if (after <= right_edge) ImGui::SameLine();
}

}  // namespace debrief::ui
