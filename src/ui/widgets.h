// Small building blocks shared by the views: headings, buttons with roles, choice rows, cards.
#pragma once

#include "ui/bidi_text.h"
#include "ui/item_registry.h"

#include <imgui.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace debrief::ui {

// True when the interface language is written right to left (the frame is then mirrored).
bool interface_is_rtl();
// A shape that is not a direction, such as a tick, must not come out of the mirror reversed: in the
// mirrored interface this flips the vertices drawn since `first_vertex` about the centre of
// [min_x, max_x], so the mirror turns them back (SAP/ui5-webcomponents#1831 keeps ticks unmirrored).
void keep_unmirrored(ImDrawList& draw, int first_vertex, float min_x, float max_x);
// A label ready for ImGui: shaped and reordered when it holds right-to-left text, keeping the
// written label's ID and accessible name. Call right before the item it labels.
const char* shaped_label(const char* label);

// Paragraphs: each aligns to the start side of its own direction (see widgets.cpp).
// Headings in the mirror: level 1 is a screen's title, 2 a step's title; a card's or section's
// title is one level below the last title drawn above it (2 under a screen's title, 3 under a
// step's), so levels never skip one, unless `level` says otherwise.
void heading(const char* text, int level = 1);
void subheading(const char* text, int level = 0);
// Whose direction a paragraph takes: its own first strong character's (the user's words as they came),
// or the interface's, for a line the interface composes around them ("Lumen — Designer · Interview ·
// Rejected"), whichever word comes first.
enum class Direction { own, interface };
void muted_text(const char* text, Direction direction = Direction::own);
void wrapped_text(const char* text, Direction direction = Direction::own);
// A bar across the column, `fraction` (0 to 1) full; read as a progressbar named `name` whose value
// says `value_text`.
void progress_bar(const std::string& name, float fraction, std::string value_text);
// User-typed text drawn by ImGui, shaped for RTL scripts: one paragraph, which still wraps at a
// wrap position the column or a card has set (`fallback`, muted, when the text is empty).
void user_text_line(const std::string& text, const char* fallback = "");
// One line that never wraps: cut with "…" where it would pass the wrap position (a card's, else
// the column's). The mirror reads the whole text.
void one_line(const std::string& text);

// Text for a box drawn over the screen (the notice), laid out as paragraphs are: wrapped on its
// logical text, then each line shaped and ordered, so an Arabic text's lines come in reading order.
struct TextBlock {
    std::vector<VisualLine> lines;
    ImFont* font = nullptr;  // the font and size it was measured in, and is drawn in
    float font_size = 0.0f;
    ImVec2 size;  // the widest line by the lines' height
    float line_height = 0.0f;
    bool against_right = false;  // each line starts at the box's right edge (before the mirror)
};
// In the current font.
TextBlock lay_out_block(const char* text, float max_width);
void draw_block(ImDrawList* draw, const TextBlock& block, ImVec2 min, ImU32 color);

enum class Emphasis { normal, primary, danger, quiet };
// Width left on the current line of the content column.
float remaining_line_width();
// A button at least one touch target tall; to the column's right edge when `full_width`.
bool button(const char* label, Emphasis emphasis = Emphasis::normal, bool full_width = false);
// A row of mutually exclusive options (radio role). Returns true when the choice changed.
bool choice_row(const char* id, int& value, std::initializer_list<const char*> labels);
bool choice_row(const char* id, int& value, const std::vector<const char*>& labels);
// Mood 0..10 as a row of numbered buttons (touch-friendly where a slider is fiddly).
bool mood_picker(const char* id, int& value, bool has_value);
bool checkbox(const char* label, bool& value);
// A tab in a row of tabs: draws selected state and reports the click. As wide as its label, or
// `width` when given.
bool tab(const char* label, bool selected, float width = 0.0f);

// Begins a bordered card that grows with its content.
void begin_card(const char* id);
void end_card();

// The width a row of items has from the start of the line: the column's (or card's), never past the
// window's edge.
float row_width();
// Lays the following items out on one line when there is room (wraps like text otherwise).
void same_line_if_fits(float next_width);
// A button's width when its label fits on one line (its label shaped when Arabic): with
// same_line_if_fits, a button that would not fit beside the last item starts the next row instead.
float button_width(const char* label);

}  // namespace debrief::ui
