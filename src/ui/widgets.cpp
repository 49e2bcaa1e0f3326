// Shared widgets: consistent touch sizes, colours and accessible roles for the semantic mirror.
#include "ui/widgets.h"

#include "core/i18n.h"
#include "ui/bidi_text.h"
#include "ui/draw_mirror.h"
#include "ui/fonts.h"
#include "ui/theme.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace debrief::ui {

bool interface_is_rtl() { return is_right_to_left(interface_language()); }

void keep_unmirrored(ImDrawList& draw, int first_vertex, float min_x, float max_x) {
    if (!interface_is_rtl()) return;
    const float twice_centre = min_x + max_x;
    for (int i = first_vertex; i < draw.VtxBuffer.Size; ++i)
        draw.VtxBuffer[i].pos.x = twice_centre - draw.VtxBuffer[i].pos.x;
}

namespace {

struct ParagraphLayout {
    std::vector<VisualLine> lines;
    TextDirection direction = TextDirection::neutral;
};

// Wrapping and shaping cost more than drawing: a paragraph is laid out once per font and width.
const ParagraphLayout& layout_paragraph(const char* text, ImFont* font, float size, float width, TextDirection given) {
    static std::unordered_map<std::string, ParagraphLayout> cache;
    static int generation = 0;
    if (generation != fonts_generation()) {  // widths from the glyphs of the atlas before
        cache.clear();
        generation = fonts_generation();
    }
    std::string key(text);
    key += '\x1f';
    key += std::to_string(reinterpret_cast<std::uintptr_t>(font)) + ':' + std::to_string(static_cast<int>(size * 8)) +
           ':' + (width == FLT_MAX ? std::string("nowrap") : std::to_string(static_cast<int>(width))) + ':' +
           std::to_string(static_cast<int>(given));
    auto it = cache.find(key);
    if (it != cache.end()) return it->second;
    if (cache.size() > 2048) cache.clear();  // bounded: texts come and go as the user moves around
    ParagraphLayout layout;
    layout.direction = given == TextDirection::neutral ? paragraph_direction(text) : given;
    layout.lines = wrap_paragraph(
        text, width,
        [font, size](std::string_view s) {
            return font->CalcTextSizeA(size, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
        },
        layout.direction);
    return cache.emplace(std::move(key), std::move(layout)).first->second;
}

// Arabic reaches further above and below the line than Latin: its lines need more room.
float line_height_for(const char* text, float size) { return has_rtl(text) ? std::round(size * 1.3f) : size; }

// Draws laid-out lines `line_height` apart from `top`, each at the x `place_x(line)` gives it. In the
// mirrored interface each line moves as a whole, in the visual order FriBidi gave it.
template <typename PlaceX>
void draw_lines(ImDrawList* draw, ImU32 color, const std::vector<VisualLine>& lines, ImFont* font, float size,
                float line_height, float top, PlaceX place_x) {
    float y = top + (line_height - size) * 0.5f;
    for (const VisualLine& line : lines) {
        const int first_vertex = draw->VtxBuffer.Size;
        draw->AddText(font, size, ImVec2(std::round(place_x(line)), std::round(y)), color, line.text.c_str());
        if (interface_is_rtl()) keep_line_whole(ImGui::GetFrameCount(), draw, first_vertex, draw->VtxBuffer.Size);
        y += line_height;
    }
}

// Whether a paragraph of this direction is drawn against the right edge, before the mirror (below).
bool drawn_against_right(TextDirection direction) {
    const bool ui_rtl = interface_is_rtl();
    const TextDirection own =
        direction == TextDirection::neutral ? (ui_rtl ? TextDirection::rtl : TextDirection::ltr) : direction;
    return (own == TextDirection::rtl) != ui_rtl;
}

// Draws a paragraph aligned to its own start side. In the right-to-left interface the finished frame
// is mirrored (draw_mirror.h), so here, before the mirror, a paragraph is drawn against the right edge
// exactly when its direction differs from the interface's: an Arabic title in the English interface,
// or a Latin company name in the Arabic one. Each line moves as a whole in the mirror, so it reads in
// the visual order FriBidi gave it. `given`, unless neutral, is the paragraph's direction instead.
void paragraph(const char* text, bool wrap, const char* spoken = nullptr,
               TextDirection given = TextDirection::neutral) {
    if (spoken == nullptr) spoken = text;
    const bool ui_rtl = interface_is_rtl();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return;
    if (!ui_rtl && !has_rtl(text)) {  // the common case, left to ImGui
        if (wrap)
            ImGui::TextWrapped("%s", text);
        else
            ImGui::TextUnformatted(text);
        // ItemAdd records the rectangle even when the line is scrolled away: it stays in the mirror.
        add_text_item(spoken, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        return;
    }
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const ImVec2 pos = window->DC.CursorPos;
    const float wrap_pos = window->DC.TextWrapPos;
    // A line aligns within the column or card it sits in: the wrap position a card sets, else what is
    // visible of the line (a clip rectangle narrows it), even when the line itself does not wrap.
    const float visible = std::min(ImGui::GetContentRegionAvail().x, window->DrawList->GetClipRectMax().x - pos.x);
    const float box_width = std::max(
        1.0f, wrap || wrap_pos > 0.0f ? ImGui::CalcWrapWidthForPos(pos, wrap_pos < 0.0f ? 0.0f : wrap_pos) : visible);
    // As ImGui's own text does (the path above): a wrap position pushed by the column or card wraps
    // even a line drawn as "one line", so a long title reads the same in both directions.
    const bool wraps = wrap || wrap_pos >= 0.0f;
    const ParagraphLayout& layout = layout_paragraph(text, font, size, wraps ? box_width : FLT_MAX, given);
    const float line_height = line_height_for(text, size);
    const float height = line_height * static_cast<float>(layout.lines.size());
    const ImRect bb(pos, ImVec2(pos.x + box_width, pos.y + height));
    ImGui::ItemSize(bb.GetSize());
    // The mirror reads the text as written (logical order), not the shaped lines drawn below.
    add_text_item(spoken, bb.Min, bb.Max);
    if (!ImGui::ItemAdd(bb, 0)) return;
    const bool against_right = drawn_against_right(layout.direction);
    draw_lines(window->DrawList, ImGui::GetColorU32(ImGuiCol_Text), layout.lines, font, size, line_height, pos.y,
               [&](const VisualLine& line) { return against_right ? bb.Max.x - line.width : pos.x; });
}

}  // namespace

TextBlock lay_out_block(const char* text, float max_width) {
    TextBlock block;
    block.font = ImGui::GetFont();
    block.font_size = ImGui::GetFontSize();
    const ParagraphLayout& layout =
        layout_paragraph(text, block.font, block.font_size, max_width, TextDirection::neutral);
    block.lines = layout.lines;
    block.line_height = line_height_for(text, block.font_size);
    block.size.y = block.line_height * static_cast<float>(block.lines.size());
    for (const VisualLine& line : block.lines) block.size.x = std::max(block.size.x, line.width);
    block.against_right = drawn_against_right(layout.direction);
    return block;
}

void draw_block(ImDrawList* draw, const TextBlock& block, ImVec2 min, ImU32 color) {
    draw_lines(draw, color, block.lines, block.font, block.font_size, block.line_height, min.y,
               [&](const VisualLine& line) { return block.against_right ? min.x + block.size.x - line.width : min.x; });
}

const char* shaped_label(const char* label) {
    // The name also lets the item stay in the mirror while scrolled away (item_registry.cpp).
    if (!next_item_has_name()) set_next_item_name(visible_label(label));
    if (!has_rtl(label)) return label;
    static std::unordered_map<std::string, std::string> cache;
    auto it = cache.find(label);
    if (it == cache.end()) {
        if (cache.size() > 2048) cache.clear();
        // The shaped text is what is drawn; "###" keeps the ID (and so the item's state) on the label
        // as written, and the accessible name is the label as written too (set below).
        const std::string visible = visible_label(label);
        it = cache.emplace(label, display_line(visible) + "###" + label).first;
    }
    return it->second.c_str();
}

// Paragraphs keep the wrap position the column or card has set (and wrap at the window edge only
// when none is set), so text never runs past a card's padding.
void heading(const char* text, int level) {
    note_title_level(level);
    set_next_text_semantics(Role::heading, level);
    mark_next_text_title();
    ImGui::PushFont(fonts().heading);
    paragraph(text, true);
    ImGui::PopFont();
}

void subheading(const char* text, int level) {
    set_next_text_semantics(Role::heading, level > 0 ? level : std::max(title_level(), 1) + 1);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
    paragraph(text, true);
    ImGui::PopStyleColor();
}

namespace {
TextDirection resolve(Direction direction) {
    if (direction == Direction::own) return TextDirection::neutral;  // its first strong character's
    return interface_is_rtl() ? TextDirection::rtl : TextDirection::ltr;
}
}  // namespace

void muted_text(const char* text, Direction direction) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
    paragraph(text, true, nullptr, resolve(direction));
    ImGui::PopStyleColor();
}

void wrapped_text(const char* text, Direction direction) { paragraph(text, true, nullptr, resolve(direction)); }

void progress_bar(const std::string& name, float fraction, std::string value_text) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, p.accent);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, p.accent_soft);
    // No text on the bar: the line above it says what is happening, in words (and mirrored text).
    ImGui::ProgressBar(fraction, ImVec2(remaining_line_width(), std::round(ImGui::GetFontSize() * 0.55f)), "");
    ImGui::PopStyleColor(2);
    add_progress_item(name, fraction, std::move(value_text), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void user_text_line(const std::string& text, const char* fallback) {
    if (text.empty()) {
        muted_text(fallback);
        return;
    }
    paragraph(text.c_str(), false);
}

void one_line(const std::string& text) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return;
    const float wrap_pos = window->DC.TextWrapPos;
    const ImVec2 pos = window->DC.CursorPos;
    // A pixel to spare: ImGui's own wrapping must not see the cut line as one pixel too wide.
    const float width = ImGui::CalcWrapWidthForPos(pos, wrap_pos < 0.0f ? 0.0f : wrap_pos) - 1.0f;
    const ImVec2 end(pos.x + width, pos.y + ImGui::GetTextLineHeight());
    if (!ImGui::IsRectVisible(pos, end)) {
        // Out of view nothing is drawn, so nothing is measured or shaped: the mirror reads it whole.
        ImGui::ItemSize(ImVec2(width, end.y - pos.y));
        add_text_item(text.c_str(), pos, end);
        return;
    }
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const std::string shown = fit_on_one_line(text, width, [font, size](std::string_view s) {
        return font->CalcTextSizeA(size, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
    });
    paragraph(shown.c_str(), false, text.c_str());
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
    // A quiet button reads as a link (its accent text is the cue); the others keep their outline.
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, emphasis == Emphasis::quiet ? 0.0f : 1.0f);
    const float height = theme_metrics().touch_target;
    const float width = full_width ? remaining_line_width() : 0.0f;
    set_next_item_role(Role::button);
    if (emphasis == Emphasis::primary) set_next_item_primary();
    // A label wider than the line wraps inside a taller button instead of being clipped, in either
    // direction: each line shaped and ordered on its own (bidi_text.h), and centred.
    // shaped_label() names the item (a row's button keeps its row's name) and gives the text as drawn,
    // shaped when Arabic; what follows "##" is its ID, not measured.
    const char* shown = shaped_label(label);
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float room = remaining_line_width() - pad * 2.0f;
    bool pressed = false;
    if (ImGui::CalcTextSize(shown, nullptr, true).x > room && room > 1.0f) {
        const std::string visible = visible_label(label);
        ImFont* font = ImGui::GetFont();
        const float size = ImGui::GetFontSize();
        const ParagraphLayout& layout = layout_paragraph(visible.c_str(), font, size, room, TextDirection::neutral);
        const float line_height = line_height_for(visible.c_str(), size);
        const float text_height = line_height * static_cast<float>(layout.lines.size());
        const std::string id = std::string("##") + label;
        pressed = ImGui::Button(id.c_str(), ImVec2(room + pad * 2.0f, std::max(height, text_height + 16.0f)));
        const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        draw_lines(ImGui::GetWindowDrawList(), ImGui::GetColorU32(ImGuiCol_Text), layout.lines, font, size, line_height,
                   min.y + (max.y - min.y - text_height) * 0.5f,
                   [&](const VisualLine& line) { return min.x + (max.x - min.x - line.width) * 0.5f; });
    } else {
        pressed = ImGui::Button(shown, ImVec2(width, height));
    }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(colors);
    return pressed;
}

bool choice_row(const char* id, int& value, std::initializer_list<const char*> labels) {
    return choice_row(id, value, std::vector<const char*>(labels));
}

bool choice_row(const char* id, int& value, const std::vector<const char*>& labels) {
    // Named by the prompt drawn above it (the last paragraph), so its options make sense alone.
    begin_region(Region::radiogroup, id, take_last_text());
    ImGui::PushID(id);
    bool changed = false;
    int index = 0;
    for (const char* written : labels) {
        const char* label = shaped_label(written);
        const ImVec2 size = ImGui::CalcTextSize(label, nullptr, true);
        // Never past the column or card: a label too long for a phone is cut, not drawn over the edge.
        const float width = std::min(size.x + ImGui::GetStyle().FramePadding.x * 2.0f, ImGui::CalcItemWidth());
        if (index > 0) same_line_if_fits(width);
        const bool selected = value == index;
        ImGui::PushID(index);
        if (selected) ImGui::PushStyleColor(ImGuiCol_Button, palette().accent_soft);
        if (selected) ImGui::PushStyleColor(ImGuiCol_Border, palette().accent);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, selected ? 2.0f : 1.0f);
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
    end_region();
    return changed;
}

bool mood_picker(const char* id, int& value, bool has_value) {
    begin_region(Region::radiogroup, id, take_last_text());  // "0".."10" read with the prompt's name
    ImGui::PushID(id);
    bool changed = false;
    const float gap = 6.0f;
    const float avail = ImGui::CalcItemWidth();
    const float target = theme_metrics().touch_target;
    // Eleven targets of at least 44 px: one row when they fit, else two even rows (6 + 5) on a phone.
    const bool one_row = avail >= 11.0f * target + 10.0f * gap;
    const int per_row = one_row ? 11 : 6;
    const float side =
        std::clamp((avail - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row), target, 56.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    for (int mood = 0; mood <= 10; ++mood) {
        if (mood % per_row != 0) ImGui::SameLine();
        const bool selected = has_value && value == mood;
        if (selected) ImGui::PushStyleColor(ImGuiCol_Button, palette().accent_soft);
        if (selected) ImGui::PushStyleColor(ImGuiCol_Border, palette().accent);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, selected ? 2.0f : 1.0f);
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, 0));
        // The interface's digits (Arabic-Indic in Arabic), with the ID kept on the number itself.
        const std::string label = format_number(mood) + "###" + std::to_string(mood);
        set_next_item_name(format_number(mood));
        set_next_item_role(Role::radio);
        set_next_item_selected(selected);
        if (ImGui::Button(label.c_str(), ImVec2(side, target))) {
            value = mood;
            changed = true;
        }
        ImGui::PopStyleVar(2);
        if (selected) ImGui::PopStyleColor(2);
    }
    ImGui::PopStyleVar();
    ImGui::PopID();
    end_region();
    return changed;
}

bool checkbox(const char* label, bool& value) {
    // ImGui draws a checkbox label on one line and clips it; here the box is an ImGui checkbox named
    // for the mirror, and the label beside it is a paragraph that wraps within the column.
    const std::string name = visible_label(label);
    const float target = theme_metrics().touch_target;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2((target - ImGui::GetFontSize()) * 0.5f, (target - ImGui::GetFontSize()) * 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.0f);
    set_next_item_role(Role::checkbox);
    set_next_item_selected(value);
    set_next_item_name(name);
    const std::string box_id = std::string("##") + label;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const int first_vertex = draw->VtxBuffer.Size;
    bool changed = ImGui::Checkbox(box_id.c_str(), &value);
    ImGui::PopStyleVar(2);
    const ImVec2 box_min = ImGui::GetItemRectMin();
    keep_unmirrored(*draw, first_vertex, box_min.x, ImGui::GetItemRectMax().x);  // the box is symmetric, its tick not
    ImGui::SameLine();
    const ImVec2 text_pos = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(text_pos.x, box_min.y + (target - ImGui::GetFontSize()) * 0.5f));
    // Placed here, centred on the box: after SameLine() ImGui would also lower a text by the box's
    // frame padding (the line's baseline offset), which sat a one-line label on the box's lower edge.
    ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset = 0.0f;
    ImGui::BeginGroup();
    set_next_text_hidden();  // the box is named with it: read once, with the box
    paragraph(name.c_str(), true);
    ImGui::EndGroup();
    // The label is part of the target, as a <label> is: a tap on it toggles the box.
    if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()) &&
        ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        value = !value;
        changed = true;
    }
    return changed;
}

bool tab(const char* written, bool selected, float width) {
    const char* label = shaped_label(written);
    if (selected) ImGui::PushStyleColor(ImGuiCol_Button, palette().accent_soft);
    set_next_item_role(Role::tab);
    set_next_item_selected(selected);
    if (width <= 0.0f) width = ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f;
    const bool pressed = ImGui::Button(label, ImVec2(width, theme_metrics().touch_target));
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
    // The card's outline only groups; the strong Border colour is kept for controls.
    draw->AddRect(g_card.start, end, ImGui::GetColorU32(ImGuiCol_Separator), 10.0f);
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(g_card.start);
    ImGui::Dummy(ImVec2(g_card.width, end.y - g_card.start.y));
    ImGui::PopID();
}

namespace {
float line_start() {
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    return window->Pos.x + window->DC.Indent.x + window->DC.ColumnsOffset.x;
}
}  // namespace

float row_width() {
    // The column's (or card's) right edge, never past the window's: chips wrap inside the column.
    const float start = line_start();
    return std::min(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x, start + ImGui::CalcItemWidth()) -
           start;
}

void same_line_if_fits(float next_width) {
    const float after = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + next_width;
    if (after <= line_start() + row_width()) ImGui::SameLine();
}

float button_width(const char* label) {
    const std::string visible = visible_label(label);
    return ImGui::CalcTextSize(display_cached(visible)).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}

}  // namespace debrief::ui
