// What the views remember between frames for one App: typed filters, open cards, half-filled forms
// and caches of data derived from the journal. Not part of the journal (never saved), not in the App
// (the app layer knows nothing of the ui), and not in statics, so two Apps never see each other's.
#pragma once

#include "app/app.h"
#include "core/criteria.h"
#include "core/messages.h"
#include "core/people.h"
#include "core/search.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace debrief::ui {

// Caches below are keyed on App::revision(), which numbers the states of one App's journal only:
// a ViewState must stay with the App it was first drawn with.
constexpr std::uint64_t no_revision = ~std::uint64_t{0};

// The root layout (app_view.cpp).
struct LayoutViewState {
    std::string place;             // the screen, and the reflection and step or the draft it shows
    Screen screen = Screen::home;  // the place's screen
    float scroll = 0.0f;           // how far down the body was on the last frame
    std::string left_place;        // the place before it, and how far down it was when left
    float left_scroll = 0.0f;
};

// Mood before and after one reflection: a point of the home screen's chart.
struct MoodPoint {
    std::int64_t created = 0;
    std::optional<int> before;
    std::optional<int> after;
};

// The journal home (home_view.cpp).
struct HomeViewState {
    std::string query;
    int ending = 0;  // 0 = all, then Ending + 1
    SearchIndex index;
    // The last search, reused while neither the query, the filter nor the journal changed.
    std::vector<std::size_t> hits;
    std::string hits_query;
    int hits_ending = -1;
    std::uint64_t hits_revision = no_revision;
    std::size_t live = 0;
    std::size_t trashed = 0;
    // The mood chart's points, oldest first, as of `mood_revision`.
    std::vector<MoodPoint> mood_points;
    std::uint64_t mood_revision = no_revision;
};

// The short-lived notice at the bottom (home_view.cpp).
struct NoticeViewState {
    int seen_serial = 0;               // the App's notice_serial() when the current notice first showed
    std::int64_t shown_at_ms = 0;      // the App clock (unix ms) when it first showed
    Language language = Language::en;  // the interface language it first showed in (it is written in)
};

// The opportunity's details card of one reflection.
struct DetailsCardState {
    bool open = false;
    bool decided = false;  // open was set for `step` (at first sight, then on each new step)
    bool chosen = false;   // the user toggled it: their choice stands on every step
    int step = 0;
};

// One reflection's steps (reflection_view.cpp).
struct ReflectionViewState {
    // Reflection id -> its details card: open on a new reflection's first step, a one-line summary
    // on the others (on a phone the full card is taller than the screen), unless the user chose.
    std::unordered_map<std::string, DetailsCardState> details;
    std::string menu_open;                 // the reflection whose "More" menu is open
    std::string trash_armed;               // the reflection whose "Move to trash" was tapped once
    std::string focus_item;                // a list row just added: its first field takes keyboard focus
    std::string heading_place;             // reflection id + step last scrolled to its heading
    bool heading_scroll_to_check = false;  // that scroll takes effect on the next frame, then is checked
};

// The People screen (contacts_view.cpp).
struct PeopleViewState {
    std::unordered_set<std::string> open;  // person_id()s of the rows open for editing
    std::string added;                     // a person just added: their first field takes focus
    // Everyone across the journal (core/people.h), gathered again only when the journal changed:
    // the list walks every reflection, too much for every frame of a large journal. In screen order.
    std::vector<Person> people;
    // What each row's message buttons show, gathered with `people`: finding every message in the
    // journal on every frame was a scan of all messages per button.
    struct Written {
        MessageKind kind;
        MessageStatus status;
    };
    std::unordered_map<std::string, Written> written;  // by message id
    // Each card's height when last drawn (0: not yet), in the order of `people`: cards far from view
    // are skipped by their height instead of drawn (thousands of people cost seconds per frame).
    std::vector<float> heights;
    std::vector<std::string> ids;  // person_id() of each of `people`, made once per refresh
    float heights_width = 0.0f;    // the width the heights were measured at: wrapping depends on it
    std::size_t cards_drawn = 0;   // in the last frame (tests check that far cards are skipped)
    std::uint64_t people_revision = ~std::uint64_t{0};
};

// The custom reminder form (reminders_view.cpp): nothing is stored until the user adds it.
struct RemindersViewState {
    std::string title;
    std::string due;  // as typed; empty means "a week from today" on the next frame
};

// The withdrawal / reconnect form (message_view.cpp): nothing is stored until the draft is created.
struct NewMessageViewState {
    int kind = 0;  // 0 = withdrawal, 1 = reconnect
    DraftContext ctx;
};

// The criteria profile (profile_view.cpp): build_profile walks every reflection, so once per change.
struct ProfileViewState {
    Profile profile;
    std::uint64_t revision = no_revision;
};

// The trash (trash_view.cpp).
struct TrashViewState {
    std::string armed;  // the reflection whose "Delete forever" was tapped once
};

// Everything above, one per App, passed to draw_app() with it.
struct ViewState {
    LayoutViewState layout;
    HomeViewState home;
    NoticeViewState notice;
    ReflectionViewState reflection;
    PeopleViewState people;
    RemindersViewState reminders;
    NewMessageViewState new_message;
    ProfileViewState profile;
    TrashViewState trash;
};

}  // namespace debrief::ui
