// The language picker on "Your data": one tap from the top bar, each language named in itself, and
// a pick stores the choice and asks for the catalogue.
#include "ui_test_support.h"

#include "core/i18n.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace debrief;
using debrief::ui::Role;

TEST_CASE("language_picker: reachable from the top bar; picking stores the choice and fetches") {
    test::FixedEnvironment env;
    App app(env);
    ui::ViewState view;
    test::RecordingServices services;
    test::NullBackend ui(ImVec2(390, 844));  // a phone: the picker must still be in reach
    ui.frame(app, view, services);
    REQUIRE(ui.click(app, view, services, Role::tab, std::string(tr("nav.data"))));
    const std::vector<ui::ItemInfo>& items = ui.frame(app, view, services);
    for (const Language language : all_languages) {
        const std::string name(language_name(language));
        CAPTURE(name);
        CHECK(std::any_of(items.begin(), items.end(),
                          [&](const ui::ItemInfo& item) { return item.role == Role::radio && item.name == name; }));
    }
    CHECK_FALSE(app.chosen_language().has_value());

    REQUIRE(ui.click(app, view, services, Role::radio, "Italiano"));
    CHECK(app.chosen_language() == Language::it);
    CHECK(app.journal().settings.language == "it");
    REQUIRE(services.ensured.size() == 1);
    CHECK(services.ensured[0] == Language::it);
    // The interface switches only once the platform has the catalogue (platform::follow_language).
    CHECK(interface_language() == Language::en);

    REQUIRE(ui.click(app, view, services, Role::radio, "English"));
    CHECK(app.chosen_language() == Language::en);
}
