// The people fields as drawn: one network-note button per person told, each draft to its person,
// the address asked for beside a draft that lacks one (and kept on screen while it is typed), the
// You card signing new drafts, and everyone of a reflection on the People list.
#include "core/steps.h"
#include "fixed_environment.h"
#include "ui_test_support.h"

#include <doctest/doctest.h>

#include <string>

using namespace debrief;
using ui::Role;

namespace {

std::string opportunity(App& app) {
    const std::string id = app.create_reflection();
    app.update_reflection(id, [](Reflection& r) {
        r.company = "Nordlicht";
        r.feedback.recruiter_name = "Jana Weber";
        r.feedback.recruiter_email = "jana@nordlicht.example";
        r.interviewers = {Interviewer{"i1", "Anna Berg", "", false},
                          Interviewer{"i2", "Ben Kraus", "ben@nordlicht.example", false}};
        ArmyMember sam{"a1", "Sam", "", true};
        sam.email = "sam@example.org";
        ArmyMember lea{"a2", "Lea", "", false};
        lea.email = "lea@example.org";
        r.army = {sam, lea};
    });
    return id;
}

bool placed(const test::FakeFields& fields, const std::string& label) {
    for (const auto& p : fields.placed)
        if (p.label == label) return true;
    return false;
}

}  // namespace

TEST_CASE("people view: one network note per person told, each addressed and signed") {
    test::FixedEnvironment env;
    App app(env);
    ui::ViewState view;
    test::RecordingServices services;
    test::NullBackend ui(ImVec2(1280, 2400));  // tall: both people of step 7 on one screen
    app.go(Screen::data);
    ui.frame(app, view, services);
    REQUIRE(ui.fields.type("Your name", "Mia Hoffmann"));
    ui.frame(app, view, services);
    CHECK(app.journal().settings.your_name == "Mia Hoffmann");

    const std::string id = opportunity(app);
    for (const auto& [name, email] : {std::pair<std::string, std::string>{"Sam", "sam@example.org"},
                                      std::pair<std::string, std::string>{"Lea", "lea@example.org"}}) {
        app.update_reflection(id, [](Reflection& r) { go_to_step(r, StepId::army); });
        app.open_reflection(id);
        ui.frame(app, view, services);
        const std::string label = "Draft: Note to your network to " + name;
        REQUIRE(ui.scroll_to(app, view, services, Role::button, label));
        REQUIRE(ui.click(app, view, services, Role::button, label));
        REQUIRE(app.nav().screen == Screen::message);
        const Message& m = *app.find_message(app.nav().message_id);
        CHECK(m.to == email);
        CHECK(m.body.rfind("Dear " + name + ",", 0) == 0);
        CHECK(m.body.find("Kind regards,\nMia Hoffmann") != std::string::npos);
    }
    int notes = 0;
    for (const Message& m : app.journal().messages) notes += m.kind == MessageKind::network_note ? 1 : 0;
    CHECK(notes == 2);

    // Your people: all five of the reflection, with the drafts written to them.
    app.go(Screen::reminders);
    ui.frame(app, view, services);
    CHECK(ui.scroll_to(app, view, services, Role::button, "Draft: Note to your network"));
}

TEST_CASE("people view: a missing address is asked for beside the draft and fills To") {
    test::FixedEnvironment env;
    App app(env);
    ui::ViewState view;
    test::RecordingServices services;
    test::NullBackend ui(ImVec2(1280, 800));
    const std::string id = opportunity(app);
    app.update_reflection(id, [](Reflection& r) { go_to_step(r, StepId::resilience); });
    app.open_reflection(id);
    ui.frame(app, view, services);
    const std::string follow_up = "Draft: Follow-up (2–3 weeks after the interview)";
    REQUIRE(ui.scroll_to(app, view, services, Role::button, follow_up));
    REQUIRE(ui.click(app, view, services, Role::button, follow_up));
    REQUIRE(app.nav().screen == Screen::message);
    const std::string message_id = app.nav().message_id;
    CHECK(app.find_message(message_id)->to == "ben@nordlicht.example");
    CHECK(app.find_message(message_id)->body.rfind("Dear Anna Berg and Ben Kraus,", 0) == 0);

    ui.frame(app, view, services);
    const std::string ask = "Anna Berg's email (the draft has no address for them yet)";
    REQUIRE(placed(ui.fields, ask));
    REQUIRE(ui.fields.type(ask, "a"));
    ui.frame(app, view, services);
    CHECK(placed(ui.fields, ask));  // still there while the address is typed
    REQUIRE(ui.fields.type(ask, "anna@nordlicht.example"));
    ui.frame(app, view, services);
    CHECK(app.find_message(message_id)->to == "anna@nordlicht.example, ben@nordlicht.example");
    CHECK(app.find_reflection(id)->interviewers[0].email == "anna@nordlicht.example");
}
