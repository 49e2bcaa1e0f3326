// Root layout: a top bar with the save indicator, the navigation tabs, and a scrolling, centred
// content column (max 760 px) that works from 320 CSS px wide up to desktop.
#include "ui/app_view.h"

#include "core/i18n.h"
#include "ui/bidi_text.h"
#include "ui/fonts.h"
#include "ui/lock_view.h"
#include "ui/text_field.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <string>

namespace debrief::ui {
namespace {

const char* status_key(SaveState state) {
    switch (state) {
        case SaveState::saved: return "save.saved";
        case SaveState::pending:
        case SaveState::saving: return "save.saving";
        case SaveState::failed: return "save.failed";
        case SaveState::read_only: return "save.read_only";
    }
    return "save.saved";
}

void draw_save_indicator(const App& app, float right_edge) {
    const SaveStatus& status = app.save_status();
    const char* text = "";
    ImVec4 color = palette().muted_text;
    switch (status.state) {
        case SaveState::saved:
            text = tr("save.saved").data();
            color = palette().good;
            break;
        case SaveState::pending:
        case SaveState::saving: text = tr("save.saving").data(); break;
        case SaveState::failed:
            text = tr("save.failed").data();
            color = palette().danger;
            break;
        case SaveState::read_only:
            text = tr("save.read_only").data();
            color = palette().warn;
            break;
    }
    text = display_cached(text);  // shaped when the language is Arabic
    const float width = ImGui::CalcTextSize(text).x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), right_edge - width));
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushTextWrapPos(-1.0f);  // never wrapped: it shares the line with the title
    ImGui::TextUnformatted(text);
    add_text_item(tr(status_key(status.state)).data(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void draw_top_bar(App& app, float right_edge) {
    ImGui::PushFont(fonts().heading);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(display_cached(tr("app.name").data()));
    add_text_item(tr("app.name").data(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::PopFont();
    draw_save_indicator(app, right_edge);

    struct Tab {
        const char* key;
        Screen screen;
    };
    static const Tab tabs[] = {{"nav.journal", Screen::home},
                               {"nav.reminders", Screen::reminders},
                               {"nav.people", Screen::people},
                               {"nav.profile", Screen::profile},
                               {"nav.data", Screen::data}};
    // On a phone the five tabs share one row: smaller text, and padding that gives way to a long
    // language's labels (German's "Deine Daten" was a second row at 390 px). On a screen too narrow
    // even for that they wrap at the column's edge, as chips do.
    const bool narrow = ImGui::GetMainViewport()->WorkSize.x < 480.0f;
    if (narrow) ImGui::PushFont(fonts().small);
    constexpr int tab_count = static_cast<int>(sizeof tabs / sizeof tabs[0]);
    const float spacing = narrow ? 4.0f : 10.0f;
    const float spacings = spacing * (tab_count - 1);
    float label_widths[tab_count];
    float labels = 0.0f;
    for (int i = 0; i < tab_count; ++i) {
        label_widths[i] = ImGui::CalcTextSize(display_cached(tr(tabs[i].key).data())).x;
        labels += label_widths[i];
    }
    const float padding =
        narrow ? std::clamp((row_width() - labels - spacings) / (2.0f * tab_count), 2.0f, 5.0f) : 14.0f;
    // Each tab is at least a whole touch target where the row has the room: the Arabic "ملفك" was
    // 34 px wide at 360 px, with 66 px of the row to spare.
    const float target = theme_metrics().touch_target;
    float row_needs = spacings;
    for (const float label : label_widths) row_needs += std::max(label + padding * 2.0f, target);
    const float least = row_needs <= row_width() ? target : 0.0f;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(padding, ImGui::GetStyle().FramePadding.y));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing, ImGui::GetStyle().ItemSpacing.y));
    // The tab row is the app's navigation; the screen below is the selected tab's panel.
    begin_region(Region::navigation, "navigation", std::string(tr("a11y.navigation")));
    begin_region(Region::tablist, "tabs", std::string(tr("a11y.navigation")));
    for (int i = 0; i < tab_count; ++i) {
        const Tab& t = tabs[i];
        const float width = std::max(label_widths[i] + padding * 2.0f, least);
        if (i > 0) same_line_if_fits(width);
        const bool selected = app.nav().screen == t.screen ||
                              (t.screen == Screen::home &&
                               (app.nav().screen == Screen::reflection || app.nav().screen == Screen::message ||
                                app.nav().screen == Screen::new_message || app.nav().screen == Screen::trash));
        if (tab(tr(t.key).data(), selected, width)) app.go(t.screen);
    }
    end_region();
    end_region();
    ImGui::PopStyleVar(2);
    if (narrow) ImGui::PopFont();
}

// When saving fails or the tab is read-only, say so plainly, with what to do, right at the top.
void draw_status_banner(App& app, Services& services) {
    const SaveStatus& status = app.save_status();
    if (status.state != SaveState::failed && status.state != SaveState::read_only) return;
    begin_card("status");
    ImGui::PushStyleColor(ImGuiCol_Text, status.state == SaveState::failed ? palette().danger : palette().warn);
    wrapped_text(status.reason.empty() ? tr("save.failed").data() : status.reason.c_str());
    ImGui::PopStyleColor();
    if (status.state == SaveState::failed && button(tr("data.export.json").data(), Emphasis::primary)) {
        services.download(app.export_json());
    }
    end_card();
}

const char* selected_tab_key(Screen screen) {
    switch (screen) {
        case Screen::reminders: return "nav.reminders";
        case Screen::people: return "nav.people";
        case Screen::profile: return "nav.profile";
        case Screen::data: return "nav.data";
        default: return "nav.journal";
    }
}

// The first load of a large journal (app/save_controller.h begin): said in words, with a bar that
// is a progressbar for screen readers.
void draw_loading(const StorageInfo::Loading& loading) {
    heading(tr("loading.title").data());
    const double fraction =
        loading.total > 0 ? static_cast<double>(loading.done) / static_cast<double>(loading.total) : 0.0;
    const std::string percent =
        tr_format("loading.percent", {{"percent", format_number(static_cast<long long>(fraction * 100.0))}});
    progress_bar(std::string(tr("loading.title")), static_cast<float>(fraction), percent);
    muted_text(tr("loading.reassure").data());
}

void draw_screen(App& app, ViewState& view, Services& services) {
    draw_status_banner(app, services);
    begin_region(Region::tabpanel, "panel", std::string(tr(selected_tab_key(app.nav().screen))));
    switch (app.nav().screen) {
        case Screen::home: draw_home(app, view.home, services); break;
        case Screen::reflection: draw_reflection(app, view.reflection, services); break;
        case Screen::message: draw_message(app, services); break;
        case Screen::new_message: draw_new_message(app, view.new_message); break;
        case Screen::reminders: draw_reminders(app, view.reminders, services); break;
        case Screen::people: draw_people(app, view.people); break;
        case Screen::profile: draw_profile(app, view.profile, services); break;
        case Screen::data: draw_data(app, services); break;
        case Screen::trash: draw_trash(app, view.trash); break;
    }
    end_region();
}

}  // namespace

bool has_action_bar(const App& app) {
    return (app.nav().screen == Screen::reflection && app.find_reflection(app.nav().reflection_id)) ||
           (app.nav().screen == Screen::message && app.find_message(app.nav().message_id));
}

void draw_action_bar(App& app, Services& services) {
    if (app.nav().screen == Screen::reflection) draw_reflection_actions(app);
    if (app.nav().screen == Screen::message) draw_message_actions(app, services);
}

void draw_app(App& app, ViewState& view, Services& services) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const ImGuiWindowFlags root_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("Debrief##root", nullptr, root_flags);
    ImGui::PopStyleVar();

    // One centred column; on a phone it is the whole width minus a small margin.
    const float margin = viewport->WorkSize.x < 480.0f ? 12.0f : 24.0f;
    const float column = std::min(theme_metrics().content_max_width, viewport->WorkSize.x - margin * 2.0f);
    const float left = std::max(margin, (viewport->WorkSize.x - column) * 0.5f);

    // Locked: the passphrase is all there is to see (no tabs, no journal: nothing is loaded yet).
    // Loading a large journal: its progress, until the journal is in (nothing to edit before).
    const bool locked = lock_screen_wanted();
    if (locked || app.storage_info().loading) {
        set_frame_place(locked ? "lock" : "loading");
        set_fields_covered(ImVec2(), ImVec2());  // no notice on these screens
        ImGui::SetCursorPos(ImVec2(left, 32.0f));
        begin_region(Region::main, "main");
        ImGui::BeginGroup();
        ImGui::PushItemWidth(column);
        ImGui::PushTextWrapPos(left + column);
        if (locked) {
            draw_lock_screen(app);
        } else {
            draw_loading(*app.storage_info().loading);
        }
        ImGui::PopTextWrapPos();
        ImGui::PopItemWidth();
        ImGui::EndGroup();
        end_region();
        ImGui::End();
        return;
    }

    const int notice_serial = app.notice_serial();
    const std::optional<NoticeLayout> notice = place_notice(app, view.notice);
    set_fields_covered(notice ? notice->min : ImVec2(), notice ? notice->max : ImVec2());
    ImGui::SetCursorPos(ImVec2(left, 10.0f));
    begin_region(Region::banner, "banner");
    ImGui::BeginGroup();
    ImGui::PushItemWidth(column);
    ImGui::PushTextWrapPos(left + column);
    draw_top_bar(app, column);  // SameLine offsets are relative to the group's start
    ImGui::PopTextWrapPos();
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    end_region();
    // Outside the column's group, as the action bar's: inside it, ImGui's separator ran from the
    // column's start to the window's edge (on a desktop, from 260 px to the screen's right edge).
    ImGui::Separator();

    // The body scrolls as a whole; its scrollbar sits at the window edge, not inside the column.
    const float bar_height = has_action_bar(app) ? theme_metrics().touch_target + 24.0f : 0.0f;
    begin_region(Region::main, "main");  // the screen and its action bar
    ImGui::BeginChild("body", ImVec2(0, -bar_height), false, ImGuiWindowFlags_NoSavedSettings);
    // A new screen (or another reflection, or another step) starts at its top, with focus on its
    // heading. Going back to the place just left (out of a draft, from a reflection to the journal)
    // returns to where the person was, and the mirror gives focus back to the control that led away.
    LayoutViewState& layout = view.layout;
    const Screen screen = app.nav().screen;
    const Reflection* open = screen == Screen::reflection ? app.find_reflection(app.nav().reflection_id) : nullptr;
    // (The navigation keeps the last reflection and draft opened: only the screen showing one names it.)
    const std::string place =
        std::to_string(static_cast<int>(screen)) +
        (open ? app.nav().reflection_id + ':' + std::to_string(open->current_step) : std::string()) +
        (screen == Screen::message ? app.nav().message_id : std::string());
    bool back = false;
    if (place != layout.place) {
        // The screens opened from another (the tabs' screens are not): leaving one is going back.
        const bool leaving_child = layout.screen == Screen::message || layout.screen == Screen::new_message ||
                                   layout.screen == Screen::reflection || layout.screen == Screen::trash;
        back = leaving_child && place == layout.left_place;
        ImGui::SetScrollY(back ? layout.left_scroll : 0.0f);  // takes effect on the next frame
        layout.left_place = std::move(layout.place);
        layout.left_scroll = layout.scroll;
        layout.place = place;
        layout.screen = screen;
        // Opened on its details, a reflection's first field (the company) is the one thing to do
        // there: it takes focus once the scroll has taken effect.
        if (open && opens_on_details(*open)) request_field_focus(1);
    }
    set_frame_place(place, back);
    layout.scroll = ImGui::GetScrollY();
    ImGui::SetCursorPos(ImVec2(left, ImGui::GetCursorPosY() + 8.0f));
    ImGui::BeginGroup();
    ImGui::PushItemWidth(column);
    ImGui::PushTextWrapPos(left + column);
    draw_screen(app, view, services);
    ImGui::PopTextWrapPos();
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(1, 48));  // breathing room above the bottom edge / soft keyboard
    ImGui::EndChild();
    if (bar_height > 0.0f) {
        // The bar's room is the window's last bar_height: a rule at its top and the buttons in its
        // middle. Placed after the body's spacing and the rule's, they ended a pixel past the
        // bottom edge, and under a phone's home indicator.
        const float bar_top = ImGui::GetWindowHeight() - bar_height;
        ImGui::SetCursorPosY(bar_top);
        ImGui::Separator();
        ImGui::SetCursorPos(ImVec2(left, bar_top + (bar_height - theme_metrics().touch_target) * 0.5f));
        ImGui::BeginGroup();
        ImGui::PushItemWidth(column);
        draw_action_bar(app, services);
        ImGui::PopItemWidth();
        ImGui::EndGroup();
    }
    end_region();
    if (notice) draw_notice(*notice);
    // A notice given while this frame was drawn is placed, and drawn, in the next one.
    if (app.notice_serial() != notice_serial) app.wake_after_ms(1);
    ImGui::End();
}

}  // namespace debrief::ui
