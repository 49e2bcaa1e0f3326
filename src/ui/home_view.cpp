// Journal home: a warm empty state, due reminders, search and filters, the reflections, the mood trend.
#include "ui/views.h"

#include "core/dates.h"
#include "core/i18n.h"
#include "core/names.h"
#include "core/reminders.h"
#include "core/search.h"
#include "core/steps.h"
#include "ui/bidi_text.h"
#include "ui/fonts.h"
#include "ui/text_field.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <optional>
#include <string>

namespace debrief::ui {

namespace {

void new_reflection_button(App& app) {
    if (button(tr("home.new_reflection").data(), Emphasis::primary, true)) app.open_reflection(app.start_reflection());
}

void other_messages_button(App& app) {
    if (button(tr("home.other_messages").data(), Emphasis::quiet)) app.go(Screen::new_message);
}

// The browser's store was empty although a journal had been saved there: said first, where the
// person looks for their entries, with the way back (an import of an export) one tap away.
void draw_lost_journal(App& app) {
    begin_card("lost");
    ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
    wrapped_text(tr("data.storage.lost").data());
    ImGui::PopStyleColor();
    if (button(tr("nav.data").data(), Emphasis::quiet)) app.go(Screen::data);
    end_card();
}

void draw_empty_state(App& app) {
    if (app.storage_info().lost) draw_lost_journal(app);
    ImGui::Dummy(ImVec2(1, 12));
    heading(tr("home.empty.title").data());
    ImGui::Dummy(ImVec2(1, 4));
    wrapped_text(tr("home.empty.body").data());
    ImGui::Dummy(ImVec2(1, 8));
    new_reflection_button(app);
    other_messages_button(app);
    ImGui::Dummy(ImVec2(1, 4));
    muted_text(tr("home.empty.private").data());
}

void draw_due_reminders(App& app) {
    const Date today = app.env().today();
    const std::vector<std::size_t> order = home_order(app.journal().reminders, today);
    int shown = 0;
    for (std::size_t i : order) {
        const Reminder& r = app.journal().reminders[i];
        const ReminderBucket b = bucket(r, today);
        if (b != ReminderBucket::overdue && b != ReminderBucket::due_today && days_between(today, effective_due(r)) > 7)
            continue;
        if (shown == 0) subheading(tr("home.due").data());
        if (++shown > 3) break;
        draw_reminder_row(app, r);
    }
}

// The chart's points, oldest first; recomputed only when this App's journal changes. At most the
// latest 60 reflections: a wider chart would be unreadable on a phone anyway.
const std::vector<MoodPoint>& mood_points(const App& app, HomeViewState& view) {
    std::vector<MoodPoint>& points = view.mood_points;
    if (view.mood_revision == app.revision()) return points;
    view.mood_revision = app.revision();
    points.clear();
    for (const Reflection& r : app.journal().reflections)
        if (!r.meta.deleted && (r.vent.mood_before || r.resilience.mood_after))
            points.push_back({r.meta.created.unix_ms, r.vent.mood_before, r.resilience.mood_after});
    std::sort(points.begin(), points.end(),
              [](const MoodPoint& a, const MoodPoint& b) { return a.created < b.created; });
    constexpr std::size_t max_points = 60;
    if (points.size() > max_points) points.erase(points.begin(), points.end() - max_points);
    return points;
}

// Mood before and after each reflection, oldest first: two lines, so the user sees they moved.
// Labelled axes (mood 0-10 up the side, entry numbers along the bottom); "before" is a dashed-looking
// line of hollow rings, "after" a solid line of filled dots, so the two differ by shape, not only hue.
void draw_mood_trend(const App& app, HomeViewState& view) {
    const std::vector<MoodPoint>& rows = mood_points(app, view);
    if (rows.size() < 2) return;
    begin_card("mood");
    subheading(tr("home.mood_trend").data());
    ImGui::PushFont(fonts().small);
    const float label_w = ImGui::CalcTextSize(format_number(10).c_str()).x + 6.0f;
    const float line_h = ImGui::GetTextLineHeight();
    const float total = ImGui::CalcItemWidth();
    const float height = 140.0f;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const ImVec2 origin(top.x + label_w, top.y + line_h * 0.5f);
    const float width = total - label_w;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Separator);
    const ImU32 axis = ImGui::GetColorU32(ImGuiCol_Border);
    const ImU32 label = ImGui::GetColorU32(palette().muted_text);
    const auto y_of = [&](int mood) { return origin.y + height - static_cast<float>(mood) / 10.0f * height; };
    for (int mood : {0, 5, 10}) {
        const float y = y_of(mood);
        draw->AddLine(ImVec2(origin.x, y), ImVec2(origin.x + width, y), mood == 0 ? axis : grid);
        const std::string text = format_number(mood);
        draw->AddText(ImVec2(origin.x - 6.0f - ImGui::CalcTextSize(text.c_str()).x, y - line_h * 0.5f), label,
                      text.c_str());
    }
    draw->AddLine(ImVec2(origin.x, origin.y), ImVec2(origin.x, origin.y + height), axis);
    const auto x_of = [&](std::size_t i) {
        return origin.x + 10.0f + static_cast<float>(i) / static_cast<float>(rows.size() - 1) * (width - 20.0f);
    };
    // Entry numbers under the axis: first, last, and a few between as room allows.
    const std::size_t step = std::max<std::size_t>(1, (rows.size() * 40 + static_cast<std::size_t>(width) - 1) /
                                                          std::max<std::size_t>(1, static_cast<std::size_t>(width)));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i % step != 0 && i + 1 != rows.size()) continue;
        if (i + 1 != rows.size() && rows.size() - 1 - i < step) continue;  // would crowd the last number
        const std::string text = format_number(static_cast<long long>(i) + 1);
        const float w = ImGui::CalcTextSize(text.c_str()).x;
        draw->AddText(ImVec2(x_of(i) - w * 0.5f, origin.y + height + 4.0f), label, text.c_str());
    }
    const auto series = [&](auto value, ImU32 color, bool filled) {
        ImVec2 last;
        bool has_last = false;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const std::optional<int> mood = value(rows[i]);
            if (!mood) continue;
            const ImVec2 p(x_of(i), y_of(*mood));
            if (has_last) draw->AddLine(last, p, color, filled ? 2.5f : 1.5f);
            if (filled)
                draw->AddCircleFilled(p, 5.0f, color);
            else
                draw->AddCircle(p, 5.0f, color, 0, 2.0f);
            last = p;
            has_last = true;
        }
    };
    const ImU32 before = ImGui::GetColorU32(palette().warn);
    const ImU32 after = ImGui::GetColorU32(palette().accent);
    series([](const MoodPoint& p) { return p.before; }, before, false);
    series([](const MoodPoint& p) { return p.after; }, after, true);
    ImGui::Dummy(ImVec2(total, height + line_h * 1.5f + 6.0f));
    muted_text(tr("home.mood_axes").data());
    // The legend's markers are drawn shapes, not glyphs: every font has them.
    const auto legend = [&](const char* key, ImU32 color, bool filled) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const ImVec2 c(at.x + 8.0f, at.y + line_h * 0.5f);
        draw->AddLine(ImVec2(c.x - 8.0f, c.y), ImVec2(c.x + 8.0f, c.y), color, filled ? 2.5f : 1.5f);
        if (filled)
            draw->AddCircleFilled(c, 5.0f, color);
        else
            draw->AddCircle(c, 5.0f, color, 0, 2.0f);
        ImGui::Dummy(ImVec2(22.0f, line_h));
        ImGui::SameLine();
        ImGui::TextUnformatted(display_cached(tr(key).data()));
    };
    legend("home.mood_before", before, false);
    ImGui::SameLine(0.0f, 20.0f);
    legend("home.mood_after", after, true);
    ImGui::PopFont();
    end_card();
}

// A card's status: how it ended and when, then how far the reflection has come.
struct CardStatus {
    std::string ending_and_date, progress;
};

CardStatus card_status(const Reflection& r, int current_year) {
    CardStatus status{std::string(tr(display_key(r.ending))), {}};
    if (r.rejected_on)
        status.ending_and_date = join_parts(status.ending_and_date, format_long_date(*r.rejected_on, current_year));
    const StepProgress p = progress(r);
    status.progress = is_complete(r) ? std::string(tr("home.complete"))
                                     : tr_format("steps.progress", {{"current", format_number(p.current + 1)},
                                                                    {"total", format_number(p.total)}});
    return status;
}

// Every card has the same height (the list clipper needs it): three lines when the longest status a
// card can have fits on one line, else four, with the progress on a line of its own. Measured rather
// than guessed per language: "Ich habe abgesagt · 30. September 2024 · Schritt 3 von 8" was cut at
// the edge of a 390 px phone's card.
int card_lines(float inner_width, int current_year) {
    float ending = 0.0f, date = 0.0f;
    for (const Ending e : {Ending::rejected, Ending::ghosted, Ending::withdrew})
        ending = std::max(ending, ImGui::CalcTextSize(display_cached(tr(display_key(e)).data())).x);
    for (int month = 1; month <= 12; ++month)
        date = std::max(
            date,
            ImGui::CalcTextSize(display_cached(format_long_date(Date{current_year - 1, month, 28}, current_year))).x);
    const float progress = std::max(
        ImGui::CalcTextSize(display_cached(tr("home.complete").data())).x,
        ImGui::CalcTextSize(
            display_cached(tr_format("steps.progress", {{"current", format_number(8)}, {"total", format_number(8)}})))
            .x);
    // What each of the two joins adds: joining nothing leaves the separator alone.
    const float separator = ImGui::CalcTextSize(display_cached(join_parts("", ""))).x;
    return ending + separator + date + separator + progress <= inner_width ? 3 : 4;
}

constexpr float card_padding_x = 14.0f, card_padding_y = 10.0f;

float card_height(int lines) {
    return ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(lines) + 2.0f * card_padding_y;
}

// From one card's top to the next one's: the card, then a gap of twice the item spacing (the cursor
// is set a spacing past the card, and the Dummy that ends it adds one). The list clipper places
// the cards it skips by this: a smaller figure drew the last cards over the mood chart.
float card_pitch(int lines) { return card_height(lines) + 2.0f * ImGui::GetStyle().ItemSpacing.y; }

// One reflection as a card; the whole card opens it (a Selectable named for the mirror). Each line
// is cut with "…" rather than wrapped or clipped: the card keeps its height, and the mirror reads the
// whole text.
void draw_reflection_card(App& app, const Reflection& r, int lines, int index, int total) {
    ImGui::PushID(r.meta.id.c_str());
    const std::string title = r.company.empty() ? std::string(tr("reflection.untitled")) : r.company;
    // The card is a list item named by its title: its texts and its button read together, and it
    // says its place in the whole list ("3 of 12"), which the mirror may hold only part of.
    set_next_region_position(index + 1, total);
    begin_region(Region::listitem, "card", title);
    const CardStatus status = card_status(r, app.env().today().year);

    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float start_x = ImGui::GetCursorPosX();
    const float width = ImGui::CalcItemWidth();
    const float height = card_height(lines);
    set_next_item_role(Role::button);
    set_next_item_name(
        name_with_user_text("home.open_reflection", "title", r.role.empty() ? title : title + " — " + r.role));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 end(start.x + width, start.y + height);
    const bool visible = ImGui::IsRectVisible(start, end);
    if (visible) draw->AddRectFilled(start, end, ImGui::GetColorU32(palette().card), 10.0f);
    // No item spacing inside: a Selectable grows its highlight by half the spacing on every side,
    // which would spill past the card's rounded border. Its highlight is drawn here: 1.86's Selectable
    // fills a square-cornered rectangle whatever the rounding, whose corners stood out of the card.
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_HeaderActive, IM_COL32(0, 0, 0, 0));
    const bool open = ImGui::Selectable("##card", false, 0, ImVec2(width, height));
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar();
    if (visible && (ImGui::IsItemHovered() || ImGui::IsItemActive()))
        draw->AddRectFilled(start, end,
                            ImGui::GetColorU32(ImGui::IsItemActive() ? ImGuiCol_HeaderActive : ImGuiCol_HeaderHovered),
                            10.0f);
    if (visible) draw->AddRect(start, end, ImGui::GetColorU32(ImGuiCol_Border), 10.0f);
    // The card's own edge for every line, in both directions: a Latin name in the Arabic interface
    // aligns to the card, not to the column around it.
    ImGui::PushTextWrapPos(start_x + width - card_padding_x);
    // Each line at its own place: Arabic needs taller lines than Latin (widgets.cpp), and a card of
    // Arabic names must keep the height every card has.
    const auto line_at = [&](int n) {
        ImGui::SetCursorScreenPos(
            ImVec2(start.x + card_padding_x,
                   start.y + card_padding_y + static_cast<float>(n) * ImGui::GetTextLineHeightWithSpacing()));
    };
    line_at(0);
    ImGui::PushFont(fonts().heading);
    ImGui::SetWindowFontScale(0.8f);
    one_line(title);
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PopFont();
    line_at(1);
    if (r.role.empty())
        muted_text(tr("home.no_role").data());
    else
        one_line(r.role);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
    line_at(2);
    if (lines == 3) {
        one_line(join_parts(status.ending_and_date, status.progress));
    } else {
        one_line(status.ending_and_date);
        line_at(3);
        one_line(status.progress);
    }
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + height + ImGui::GetStyle().ItemSpacing.y));
    ImGui::Dummy(ImVec2(0, 0));
    end_region();
    if (open) app.open_reflection(r.meta.id);
    ImGui::PopID();
}

// Runs the search only when something it depends on changed.
void refresh_hits(const App& app, HomeViewState& state) {
    if (state.hits_revision == app.revision() && state.hits_query == state.query && state.hits_ending == state.ending)
        return;
    state.hits_revision = app.revision();
    state.hits_query = state.query;
    state.hits_ending = state.ending;
    state.live = state.trashed = 0;
    for (const Reflection& r : app.journal().reflections) (r.meta.deleted ? state.trashed : state.live) += 1;
    Filter filter;
    if (state.ending > 0) filter.ending = static_cast<Ending>(state.ending - 1);
    state.hits = state.index.search(app.journal().reflections, app.revision(), state.query, filter);
    // Newest first: the evening's reflection is what the user came back for.
    std::reverse(state.hits.begin(), state.hits.end());
}

}  // namespace

void draw_home(App& app, HomeViewState& view, Services&) {
    refresh_hits(app, view);
    const std::size_t live = view.live, trashed = view.trashed;
    if (live == 0) {
        draw_empty_state(app);
        draw_due_reminders(app);
        if (trashed > 0 && button(tr("home.trash").data(), Emphasis::quiet)) app.go(Screen::trash);
        return;
    }
    // The screen's title, as every screen has: a screen reader lands on it when the tab is chosen
    // (without it, on the mood chart's heading at the bottom of the list).
    heading(tr("home.title").data());
    new_reflection_button(app);
    other_messages_button(app);
    draw_due_reminders(app);

    FieldOptions search;
    search.placeholder = tr("home.search.placeholder").data();
    text_field(tr("home.search").data(), view.query, FieldKind::single_line, search);
    set_next_region_name(std::string(tr("home.filter")));  // the field above is named already
    choice_row("ending", view.ending,
               {tr("home.filter.all").data(), tr("ending.rejected").data(), tr("ending.ghosted").data(),
                tr("ending.withdrew").data()});
    refresh_hits(app, view);  // the query or filter may have changed just now
    const std::vector<std::size_t>& hits = view.hits;

    const std::string count = tr_plural("home.count", static_cast<long long>(live),
                                        {{"shown", format_number(static_cast<long long>(hits.size()))}});
    muted_text(count.c_str());
    // Said as the query or the filter narrows the list (a person typing does not see the count).
    set_frame_status("search", hits.empty() ? std::string(tr("home.no_results")) : count);
    // The mirror holds only the cards laid out. A journal of up to 20 has them all, so a screen
    // reader hears every card the count promises. A longer one has the cards in view and three on
    // either side: Tab and the reading cursor reach the next card and the list follows them, and
    // each card says its place in the whole list. Out of view, a card is named, never measured or
    // drawn; still, each costs about 0.1 ms a frame while the list scrolls (scripts/bench).
    const int lines = card_lines(ImGui::CalcItemWidth() - 2.0f * card_padding_x, app.env().today().year);
    const int total = static_cast<int>(hits.size());
    const float pitch = card_pitch(lines);
    const float list_top = ImGui::GetCursorScreenPos().y;
    const ImRect view_rect = ImGui::GetCurrentWindow()->ClipRect;
    const int first = total <= 20 ? 0 : static_cast<int>((view_rect.Min.y - list_top) / pitch) - 3;
    const int last = total <= 20 ? total : static_cast<int>((view_rect.Max.y - list_top) / pitch) + 4;
    ImGuiListClipper clipper;
    clipper.Begin(total, pitch);
    clipper.ForceDisplayRangeByIndices(std::clamp(first, 0, total), std::clamp(last, 0, total));
    if (total > 0) begin_region(Region::list, "cards");
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
            draw_reflection_card(app, app.journal().reflections[hits[static_cast<std::size_t>(i)]], lines, i, total);
    if (total > 0) end_region();
    if (hits.empty()) muted_text(tr("home.no_results").data());

    draw_mood_trend(app, view);
    if (trashed > 0 &&
        button(tr_format("home.trash_count", {{"n", format_number(static_cast<long long>(trashed))}}).c_str(),
               Emphasis::quiet))
        app.go(Screen::trash);
}

std::optional<NoticeLayout> place_notice(App& app, NoticeViewState& view) {
    // Shown for three seconds after each new notice; the wake timer draws the frame that removes it.
    // Timed by the app's clock, not ImGui::GetTime(): the backend advances ImGui's clock by at most
    // 0.25 s per frame, so while idle (a frame only when the wake timer fires) it kept the notice up,
    // and the app drawing, about four times as long.
    if (app.notice().empty()) return std::nullopt;
    const std::int64_t now_ms = app.env().now().unix_ms;
    if (app.notice_serial() != view.seen_serial) {
        view.seen_serial = app.notice_serial();
        view.shown_at_ms = now_ms;
        view.language = interface_language();
    }
    // Written in the language just left ("Imported: …" before choosing Deutsch): not shown in the new one.
    if (view.language != interface_language()) return std::nullopt;
    const std::int64_t shown_ms = now_ms - view.shown_at_ms;
    if (shown_ms < 0 || shown_ms > 3000) return std::nullopt;  // < 0: the clock was set back
    app.wake_after_ms(static_cast<int>(3050 - shown_ms));
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    NoticeLayout notice;
    // It wraps on a narrow screen and sits above the action bar, never over Back / Skip / Next.
    notice.text = lay_out_block(app.notice().c_str(),
                                std::max(1.0f, std::min(560.0f, vp->WorkSize.x - 24.0f) - notice.pad.x * 2));
    const ImVec2 size = notice.text.size;
    const float above = has_action_bar(app) ? theme_metrics().touch_target + 24.0f + 12.0f : 24.0f;
    notice.min = ImVec2(vp->WorkPos.x + (vp->WorkSize.x - size.x) * 0.5f - notice.pad.x,
                        vp->WorkPos.y + vp->WorkSize.y - size.y - notice.pad.y * 2 - above);
    notice.max = ImVec2(notice.min.x + size.x + notice.pad.x * 2, notice.min.y + size.y + notice.pad.y * 2);
    return notice;
}

void draw_notice(const NoticeLayout& notice) {
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    draw->AddRectFilled(notice.min, notice.max, ImGui::GetColorU32(ImGuiCol_Text), 10.0f);
    draw_block(draw, notice.text, ImVec2(notice.min.x + notice.pad.x, notice.min.y + notice.pad.y),
               ImGui::GetColorU32(ImGuiCol_WindowBg));
}

}  // namespace debrief::ui
