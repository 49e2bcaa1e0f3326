// The Profile screen drawn natively: the Merge button folds near-duplicates into one entry, the
// keyword field stores the user's own search word, and Copy copies the boolean query.
#include "ui_test_support.h"

#include "core/criteria.h"
#include "core/i18n.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace debrief;
using debrief::ui::Role;

namespace {

void add_reflection(App& app, const std::string& role, const std::string& criterion) {
    const std::string id = app.create_reflection();
    app.update_reflection(id, [&](Reflection& r) {
        r.role = role;
        r.criteria.push_back({"c-" + role, criterion, CriterionKind::must_have});
    });
}

int keyword_fields(const test::NullBackend& ui) {
    int count = 0;
    for (const auto& field : ui.fields.placed) count += field.label == tr("profile.keyword") ? 1 : 0;
    return count;
}

}  // namespace

TEST_CASE("profile view: merge near-duplicates, edit a keyword, copy the query") {
    test::FixedEnvironment env;
    App app{env};
    ui::ViewState view;
    add_reflection(app, "Editor", "Remote friendly, with a hub in Berlin");
    add_reflection(app, "editor", "remote friendly with a hub in Berlin!");
    app.go(Screen::profile);
    test::RecordingServices services;
    test::NullBackend ui(ImVec2(1280, 1600));

    ui.fields.placed.clear();
    ui.frame(app, view, services);
    CHECK(keyword_fields(ui) == 2);
    REQUIRE(ui.click(app, view, services, Role::button, std::string(tr("profile.merge"))));
    REQUIRE(app.journal().settings.profile_merges.size() == 1);

    ui.fields.placed.clear();
    ui.frame(app, view, services);
    CHECK(keyword_fields(ui) == 1);  // one entry now
    CHECK(ui::find_item(Role::button, std::string(tr("profile.merge"))) == nullptr);

    REQUIRE(ui.fields.type(std::string(tr("profile.keyword")), "hub  Berlin"));
    ui.frame(app, view, services);
    REQUIRE(app.journal().settings.profile_keywords.size() == 1);
    CHECK(app.journal().settings.profile_keywords[0].keyword == "hub Berlin");

    REQUIRE(ui.click(app, view, services, Role::button, std::string(tr("profile.copy_phrase"))));
    REQUIRE_FALSE(services.copied.empty());
    CHECK(services.copied.back() == "Editor AND \"hub Berlin\"");  // one role, written two ways
}

TEST_CASE("profile view: each entry is a group named with it, its choice inside") {
    // The choice was heard as "Mattered in 1 reflection" and the field as "Search word", entry after
    // entry, without saying which criterion they belong to.
    test::AppOnScreen s(ImVec2(390, 2400));
    add_reflection(s.app, "Editor", "A small team");
    add_reflection(s.app, "Writer", "Four-day week");
    s.app.go(Screen::profile);
    s.frame();
    const auto& regions = ui::item_registry_regions();
    for (const std::string text : {"A small team", "Four-day week"}) {
        CAPTURE(text);
        const auto group = std::find_if(regions.begin(), regions.end(), [&](const ui::RegionInfo& r) {
            return r.kind == ui::Region::group && r.name == text;
        });
        REQUIRE(group != regions.end());
        CHECK(std::count_if(regions.begin(), regions.end(), [&](const ui::RegionInfo& r) {
                  return r.kind == ui::Region::radiogroup && r.parent == group->id;
              }) == 1);
    }
}
