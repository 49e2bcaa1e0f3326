// View state belongs to one App: two Apps drawn in the same process (and the same ImGui context)
// must each show their own journal, search and caches, even when their revisions happen to match.
#include "ui_test_support.h"

#include "core/criteria.h"
#include "core/i18n.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

using namespace debrief;
using debrief::ui::Role;

namespace {

// An App with its own clock and ids and its own view state, so two of them can live side by side.
struct Journaling {
    test::FixedEnvironment env;
    App app{env};
    ui::ViewState view;
};

// One reflection with one must-have criterion: two mutations, so every such App is at the same
// revision and a cache keyed on the revision alone cannot tell them apart.
void add_criterion(App& app, const std::string& company, const std::string& criterion) {
    const std::string id = app.create_reflection();
    app.update_reflection(id, [&](Reflection& r) {
        r.company = company;
        r.criteria.push_back({"c-" + company, criterion, CriterionKind::must_have});
    });
}

bool shows_card(const std::string& title) {
    return ui::find_item(Role::button, ui::name_with_user_text("home.open_reflection", "title", title)) != nullptr;
}

std::string search_field_value(const test::NullBackend& ui) {
    for (const auto& field : ui.fields.placed)
        if (field.label == tr("home.search")) return field.value;
    FAIL("no search field drawn");
    return {};
}

}  // namespace

TEST_CASE("a second App's profile shows its own search phrase, not the first one's") {
    Journaling first, second;
    add_criterion(first.app, "Acme", "remote friendly");
    add_criterion(second.app, "Birch", "four-day week");
    REQUIRE(first.app.revision() == second.app.revision());
    first.app.go(Screen::profile);
    second.app.go(Screen::profile);
    test::RecordingServices services;
    test::NullBackend ui(ImVec2(1280, 800));

    const auto copied_phrase = [&](Journaling& j) {
        ui.frame(j.app, j.view, services);
        REQUIRE(ui.click(j.app, j.view, services, Role::button, std::string(tr("profile.copy_phrase"))));
        REQUIRE_FALSE(services.copied.empty());
        return services.copied.back();
    };
    const std::string first_phrase = copied_phrase(first);
    CHECK(first_phrase == search_query(search_parts(build_profile(first.app.journal()), first.app.journal().settings)));
    CHECK(first_phrase == "remote");  // the criterion's suggested keyword

    const std::string second_phrase = copied_phrase(second);
    CHECK(second_phrase ==
          search_query(search_parts(build_profile(second.app.journal()), second.app.journal().settings)));
    CHECK(second_phrase == "\"4-day week\"");
    CHECK(second_phrase.find("remote") == std::string::npos);

    // And back: drawing the second App did not disturb the first one's state.
    CHECK(copied_phrase(first) == first_phrase);
}

TEST_CASE("a second App's home screen has its own search and its own hits") {
    Journaling first, second;
    for (const char* company : {"Acme", "Birch"}) add_criterion(first.app, company, "remote friendly");
    for (const char* company : {"Cedar", "Dune"}) add_criterion(second.app, company, "four-day week");
    REQUIRE(first.app.revision() == second.app.revision());
    test::RecordingServices services;
    test::NullBackend ui(ImVec2(1280, 800));

    ui.frame(first.app, first.view, services);
    REQUIRE(ui.fields.type(std::string(tr("home.search")), "Acme"));
    ui.frame(first.app, first.view, services);
    ui.frame(first.app, first.view, services);
    CHECK(search_field_value(ui) == "Acme");
    CHECK(shows_card("Acme"));
    CHECK_FALSE(shows_card("Birch"));

    ui.frame(second.app, second.view, services);
    CHECK(search_field_value(ui) == "");
    CHECK(shows_card("Cedar"));
    CHECK(shows_card("Dune"));

    ui.frame(first.app, first.view, services);
    CHECK(search_field_value(ui) == "Acme");
    CHECK(shows_card("Acme"));
    CHECK_FALSE(shows_card("Birch"));
}

TEST_CASE("each App's home screen charts its own moods") {
    Journaling first, second;
    const auto add_moods = [](App& app, int before, int after) {
        const std::string id = app.create_reflection();
        app.update_reflection(id, [&](Reflection& r) {
            r.vent.mood_before = before;
            r.resilience.mood_after = after;
        });
    };
    add_moods(first.app, 2, 5);
    add_moods(first.app, 3, 7);
    add_moods(second.app, 8, 9);
    add_moods(second.app, 6, 4);
    REQUIRE(first.app.revision() == second.app.revision());
    test::RecordingServices services;
    test::NullBackend ui(ImVec2(390, 844));

    const auto moods = [](const ui::ViewState& view) {
        std::vector<std::pair<int, int>> out;
        for (const ui::MoodPoint& p : view.home.mood_points)
            out.emplace_back(p.before.value_or(-1), p.after.value_or(-1));
        return out;
    };
    ui.frame(first.app, first.view, services);
    ui.frame(second.app, second.view, services);
    ui.frame(first.app, first.view, services);
    CHECK(first.view.home.mood_revision == first.app.revision());
    CHECK(second.view.home.mood_revision == second.app.revision());
    CHECK(moods(first.view) == std::vector<std::pair<int, int>>{{2, 5}, {3, 7}});
    CHECK(moods(second.view) == std::vector<std::pair<int, int>>{{8, 9}, {6, 4}});
}

TEST_CASE("a half-filled form stays with the App it was typed into") {
    Journaling first, second;
    first.app.go(Screen::new_message);
    second.app.go(Screen::new_message);
    test::RecordingServices services;
    test::NullBackend ui(ImVec2(390, 844));
    const std::string recipient(tr("new_message.recipient"));
    const auto recipient_value = [&] {
        for (const auto& field : ui.fields.placed)
            if (field.label == recipient) return field.value;
        FAIL("no recipient field drawn");
        return std::string();
    };

    ui.frame(first.app, first.view, services);
    REQUIRE(ui.fields.type(recipient, "Anna Rossi"));
    ui.frame(first.app, first.view, services);
    ui.frame(first.app, first.view, services);
    CHECK(recipient_value() == "Anna Rossi");

    ui.frame(second.app, second.view, services);
    CHECK(recipient_value() == "");
    CHECK(second.view.new_message.ctx.recipient_name.empty());
}
