// The reserved-rectangle text field: layout in ImGui, editing in the host (see text_field.h).
#include "ui/text_field.h"

#include "ui/item_registry.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>

namespace debrief::ui {
namespace {
TextFieldHost* g_host = nullptr;
int g_focus_frame = -1;  // the frame whose next field takes focus; one frame only, then forgotten
// A field that was to take focus while scrolled away: it takes focus once scrolled into view, within
// the next few frames (then forgotten).
ImGuiID g_focus_id = 0;
int g_focus_until = -1;
bool g_focus_scroll = false;  // the field asked for may be scrolled into view
ImRect g_covered;             // set_fields_covered()

float single_line_height() { return std::max(ImGui::GetFrameHeight(), theme_metrics().touch_target); }
}  // namespace

void set_text_field_host(TextFieldHost* host) { g_host = host; }

void set_fields_covered(ImVec2 min, ImVec2 max) { g_covered = ImRect(min, max); }

void request_field_focus(int frames_later, bool scroll_to) {
    g_focus_frame = ImGui::GetFrameCount() + frames_later;
    g_focus_scroll = scroll_to;
}

bool text_field(const char* label, std::string& value, FieldKind kind, const FieldOptions& options) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiID id = window->GetID(label);
    const std::string caption = visible_label(label);

    bool changed = false;
    if (g_host) {
        if (auto edit = g_host->take_edit(id); edit && *edit != value) {
            value = std::move(*edit);
            changed = true;
        }
    }

    // The field is named with its caption: hidden from the mirror, so it is read once, with the field.
    if (!caption.empty()) set_next_text_hidden();
    if (!caption.empty()) wrapped_text(caption.c_str());  // aligned and shaped like every paragraph

    const float width = ImGui::CalcItemWidth();  // respects the card's inner width
    float height = single_line_height();
    if (kind == FieldKind::multi_line) {
        const float line = ImGui::GetTextLineHeightWithSpacing();
        const float pad = ImGui::GetStyle().FramePadding.y * 2.0f;
        const float wanted = g_host ? g_host->content_height(id) : 0.0f;
        height = std::clamp(wanted, line * options.min_lines + pad, line * options.max_lines + pad);
    }
    const ImVec2 pos = window->DC.CursorPos;
    const ImRect bb(pos, ImVec2(pos.x + width, pos.y + height));
    ImGui::ItemSize(bb);
    const bool visible = ImGui::ItemAdd(bb, id);

    // The frame is drawn by ImGui too, so the layout reads right even before the DOM catches up.
    if (visible) {
        const ImGuiStyle& style = ImGui::GetStyle();
        window->DrawList->AddRectFilled(bb.Min, bb.Max, ImGui::GetColorU32(ImGuiCol_FrameBg), style.FrameRounding);
        window->DrawList->AddRect(bb.Min, bb.Max, ImGui::GetColorU32(ImGuiCol_Border), style.FrameRounding);
    }

    if (g_host) {
        FieldRequest request;
        request.id = id;
        request.kind = kind;
        request.label = caption;
        request.placeholder = options.placeholder;
        request.value = &value;
        request.min = bb.Min;
        request.max = bb.Max;
        ImRect clip = bb;
        clip.ClipWithFull(window->ClipRect);
        request.clip_min = clip.Min;
        request.clip_max = clip.Max;
        ImGuiWindow* modal = ImGui::GetTopMostPopupModal();
        const bool covered = modal && modal != window->RootWindow;
        request.hidden = covered;
        request.offscreen = !visible || clip.GetHeight() < 1.0f;
        // Cut off, not parked: a field under the notice may have focus and the person typing in it.
        if (g_covered.GetArea() > 0.0f && clip.Overlaps(g_covered))
            request.clip_max.y = std::max(clip.Min.y, std::min(clip.Max.y, g_covered.Min.y));
        request.window = window->ID;
        request.input_type = options.type;
        request.sequence = next_sequence();
        request.region = current_region();
        const int frame = ImGui::GetFrameCount();
        const bool wanted = g_focus_frame == frame || (g_focus_id == id && frame <= g_focus_until);
        if (wanted && !covered) {
            if (!request.offscreen) {
                request.focus = true;
                g_focus_frame = -1;
                g_focus_id = 0;
            } else if (g_focus_scroll) {
                g_focus_frame = -1;
                // Scrolled away (a row added above the "Add" button the view had scrolled to): bring
                // it into view; it takes focus in a frame to come, once it is there (the frames that
                // settle an input follow it, backend_web.cpp).
                ImGui::SetScrollFromPosY(window, bb.Min.y - window->Pos.y, 0.3f);
                g_focus_id = id;
                g_focus_until = frame + 4;
            }
        }
        g_host->place(request);
    }
    return changed;
}

}  // namespace debrief::ui
