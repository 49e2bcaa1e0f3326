// The people fields as drawn: one network-note button per person told, each draft to its person,
// the address asked for beside a draft that lacks one (and kept on screen while it is typed), the
// You card signing new drafts, the recruiter entered with the other people in the details, and the
// People screen: everyone as a named row, editing a person there readdressing unsent drafts.
#include "app/import_flow.h"
#include "core/people.h"
#include "core/steps.h"
#include "fixed_environment.h"
#include "real_catalogues.h"
#include "serialization/journal_json.h"
#include "ui_test_support.h"

#include <doctest/doctest.h>

#include <algorithm>
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
        const std::string label = "Draft for \u2068" + name + "\u2069: Note to your network";
        REQUIRE(ui.scroll_to(app, view, services, Role::button, label));
        REQUIRE(ui.click(app, view, services, Role::button, label));
        REQUIRE(app.nav().screen == Screen::message);
        const Message& m = *app.find_message(app.nav().message_id);
        CHECK(m.to == email);
        CHECK(m.body.rfind("Hi " + name + ",", 0) == 0);  // friends as often as contacts
        CHECK(m.body.find("Kind regards,\nMia Hoffmann") != std::string::npos);
    }
    int notes = 0;
    for (const Message& m : app.journal().messages) notes += m.kind == MessageKind::network_note ? 1 : 0;
    CHECK(notes == 2);

    // The People screen: each note under the person it was written to.
    app.go(Screen::people);
    ui.frame(app, view, services);
    CHECK(ui.scroll_to(app, view, services, Role::button, "Open the draft for \u2068Sam\u2069: Note to your network"));
    CHECK(ui.scroll_to(app, view, services, Role::button, "Open the draft for \u2068Lea\u2069: Note to your network"));
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
    const std::string follow_up = "Draft for the interviewers: Follow-up (2–3 weeks after the interview)";
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

namespace {

bool has_text(const std::vector<ui::ItemInfo>& items, const std::string& text) {
    return std::any_of(items.begin(), items.end(), [&](const ui::ItemInfo& i) {
        return i.role != Role::button && ui::without_isolates(i.name) == ui::without_isolates(text);
    });
}

const ui::RegionInfo* group_named(const std::string& name) {
    for (const ui::RegionInfo& r : ui::item_registry_regions())
        if (r.kind == ui::Region::group && r.name == name) return &r;
    return nullptr;
}

}  // namespace

TEST_CASE("people view: the People tab lists everyone as a named row, fitting a 390 px phone") {
    test::FixedEnvironment env;
    App app(env);
    ui::ViewState view;
    test::RecordingServices services;
    const ImVec2 phone(390, 844);
    test::NullBackend ui(phone);
    ui.frame(app, view, services);
    REQUIRE(ui.click(app, view, services, Role::tab, "People"));
    REQUIRE(app.nav().screen == Screen::people);
    // Nobody yet: the screen says where people come from.
    CHECK(has_text(ui.frame(app, view, services),
                   "No one here yet. People arrive as you write: the recruiter, interviewers and hiring manager you "
                   "name in an opportunity's details, and the people you tell in step 7. You can also add someone "
                   "yourself."));

    const std::string id = opportunity(app);
    app.update_reflection(id, [](Reflection& r) {
        r.role = "UX designer";
        r.last_interview_on = Date{2026, 11, 3};
    });
    const Reflection& r = *app.find_reflection(id);
    DraftContext ctx;
    ctx.language = Language::en;
    const std::string follow_up =
        app.create_message(draft_to_person(MessageKind::follow_up, r, "interviewers", app.journal().settings, ctx));
    Reminder rem;
    rem.message_id = follow_up;
    rem.due = Date{2026, 12, 5};
    rem.title = "Follow up with Nordlicht";
    app.create_reminder(rem);

    const auto& items = ui.frame(app, view, services);
    for (const char* name : {"Jana Weber", "Anna Berg", "Ben Kraus", "Sam", "Lea"})
        CHECK_MESSAGE(group_named(name), name);
    // Anna: an interviewer at Nordlicht, no address yet, last seen at the interview, a reminder coming.
    CHECK(has_text(items, "Interviewer\u00A0· Nordlicht"));
    CHECK(has_text(items, "No email yet"));
    CHECK(has_text(items, "Last in touch: November 3"));
    CHECK(has_text(items, "Next reminder: December 5"));
    CHECK(has_text(items, "In your corner\u00A0· Nordlicht"));
    // The interviewers have a reminder coming: they come first.
    const ui::RegionInfo* anna = group_named("Anna Berg");
    const ui::RegionInfo* jana = group_named("Jana Weber");
    REQUIRE((anna && jana));
    CHECK(anna->sequence < jana->sequence);
    // Each row's buttons say whose row they are on.
    CHECK(ui::find_item(Role::button, "Edit details: \u2068Anna Berg\u2069"));
    const std::string open_draft =
        "Open the draft for \u2068Ben Kraus\u2069: Follow-up (2–3 weeks after the interview)";
    REQUIRE(ui.scroll_to(app, view, services, Role::button, open_draft));
    for (const auto& item : ui.frame(app, view, services)) CHECK_MESSAGE(item.max.x <= phone.x + 0.5f, item.name);
    REQUIRE(ui.click(app, view, services, Role::button, open_draft));
    CHECK(app.nav().screen == Screen::message);
    CHECK(app.nav().message_id == follow_up);
}

TEST_CASE("people view: an email edited on the People screen reaches every unsent draft to that person") {
    test::FixedEnvironment env;
    App app(env);
    ui::ViewState view;
    test::RecordingServices services;
    test::NullBackend ui(ImVec2(390, 844));
    const std::string id = opportunity(app);
    const Reflection& r = *app.find_reflection(id);
    DraftContext ctx;
    ctx.language = Language::en;
    const Settings& you = app.journal().settings;
    const std::string follow_up =
        app.create_message(draft_to_person(MessageKind::follow_up, r, "interviewers", you, ctx));
    const std::string sent = app.create_message(draft_to_person(MessageKind::check_in, r, "interviewer/i1", you, ctx));
    app.update_message(sent, [](Message& m) { m.status = MessageStatus::sent; });
    CHECK(app.find_message(follow_up)->to == "ben@nordlicht.example");

    app.go(Screen::people);
    ui.frame(app, view, services);
    REQUIRE(ui.scroll_to(app, view, services, Role::button, "Edit details: \u2068Anna Berg\u2069"));
    REQUIRE(ui.click(app, view, services, Role::button, "Edit details: \u2068Anna Berg\u2069"));
    CHECK(ui.scroll_to(app, view, services, Role::button, "Done editing: \u2068Anna Berg\u2069"));
    REQUIRE(ui.fields.type("Email", "anna@nordlicht.example"));
    ui.frame(app, view, services);
    CHECK(app.find_reflection(id)->interviewers[0].email == "anna@nordlicht.example");
    CHECK(app.find_message(follow_up)->to == "anna@nordlicht.example, ben@nordlicht.example");
    CHECK(app.find_message(sent)->to.empty());  // what went out stays as it went out
    REQUIRE(ui.fields.type("Name", "Anna Lind"));
    ui.frame(app, view, services);
    CHECK(app.find_message(follow_up)->body.rfind("Dear Anna Lind and Ben Kraus,", 0) == 0);
    ui.frame(app, view, services);
    CHECK(group_named("Anna Lind"));
}

TEST_CASE("people view: the recruiter is entered in the details; step 4 says who the reply goes to") {
    test::FixedEnvironment env;
    App app(env);
    ui::ViewState view;
    test::RecordingServices services;
    test::NullBackend ui(ImVec2(1280, 2400));
    const std::string id = app.create_reflection();
    app.open_reflection(id);
    ui.frame(app, view, services);  // a new reflection opens with its details
    REQUIRE(placed(ui.fields, "Recruiter's name"));
    REQUIRE(ui.fields.type("Recruiter's name", "Jana Weber"));
    ui.frame(app, view, services);
    REQUIRE(ui.fields.type("Recruiter's email", "jana@nordlicht.example"));
    ui.frame(app, view, services);
    CHECK(app.find_reflection(id)->feedback.recruiter_name == "Jana Weber");  // stored where it always was
    CHECK(app.find_reflection(id)->feedback.recruiter_email == "jana@nordlicht.example");

    app.update_reflection(id, [](Reflection& r) {
        r.company = "Nordlicht";
        go_to_step(r, StepId::feedback);
    });
    const auto& items = ui.frame(app, view, services);
    CHECK_FALSE(placed(ui.fields, "Recruiter's name"));  // not asked twice
    CHECK(has_text(items,
                   "Your reply goes to Jana Weber (jana@nordlicht.example). You can change who that is in the "
                   "opportunity's details."));

    // Nobody named yet: step 4 asks, and keeps asking while the name is typed.
    const std::string other = app.create_reflection();
    app.update_reflection(other, [](Reflection& r) {
        r.company = "Acme";
        go_to_step(r, StepId::feedback);
    });
    app.open_reflection(other);
    ui.frame(app, view, services);
    REQUIRE(placed(ui.fields, "Recruiter's name"));
    REQUIRE(ui.fields.type("Recruiter's name", "M"));
    ui.frame(app, view, services);
    CHECK(placed(ui.fields, "Recruiter's name"));
    CHECK(app.find_reflection(other)->feedback.recruiter_name == "M");
}

TEST_CASE("people view: the import preview names the people the file brings in, a dozen at most") {
    test::FixedEnvironment env;
    App other(env);
    const std::string id = opportunity(other);
    other.update_reflection(id, [](Reflection& r) {
        r.interviewers[0].email = "anna@nordlicht.example";
        for (int k = 0; k < 10; ++k)
            r.interviewers.push_back(Interviewer{"x" + std::to_string(k), "Panel " + std::to_string(k), "", false});
    });
    const std::string file = encode_journal(other.journal(), env.now());

    App app(env);
    ui::ViewState view;
    test::RecordingServices services;
    test::NullBackend ui(ImVec2(390, 844));
    app.go(Screen::data);
    app.import_flow().receive(app, "people.json", file);
    REQUIRE(app.import_flow().pending());
    CHECK(app.import_flow().pending()->preview.people.size() == 15);
    ui.frame(app, view, services);
    REQUIRE(ui.scroll_to(app, view, services, Role::button, "Merge into my journal"));
    const auto& items = ui.frame(app, view, services);
    CHECK(has_text(items, "People this import brings in or changes:"));
    CHECK(has_text(items, "Jana Weber\u00A0· Recruiter\u00A0· Nordlicht\u00A0· jana@nordlicht.example (new)"));
    CHECK(has_text(items, "Anna Berg\u00A0· Interviewer\u00A0· Nordlicht\u00A0· anna@nordlicht.example (new)"));
    CHECK(has_text(items, "And 3 others."));
    CHECK_FALSE(has_text(items, "Panel 9\u00A0· Interviewer\u00A0· Nordlicht (new)"));
}

TEST_CASE("import preview: each count takes its own plural, in the interface language") {
    // It read "1 contacts, 1 messages and 1 reminders".
    const test::RealCatalogues catalogues;
    test::FixedEnvironment env;
    App other(env);
    other.create_reflection();
    other.create_reflection();
    other.create_contact(Contact{});
    other.create_message(Message{});
    Reminder reminder;
    reminder.due = Date{2026, 12, 1};
    other.create_reminder(reminder);
    const std::string file = encode_journal(other.journal(), env.now());

    const std::pair<Language, std::string> expected[] = {
        {Language::en, "This file holds 2 reflections, 1 contact, 1 message and 1 reminder."},
        {Language::de, "Diese Datei enthält 2 Rückblicke, 1 Kontakt, 1 Nachricht und 1 Erinnerung."},
        {Language::it, "Questo file contiene 2 riflessioni, 1 contatto, 1 messaggio e 1 promemoria."},
        {Language::ar, "يحتوي هذا الملف على مراجعتين، جهة اتصال واحدة، رسالة واحدة وتذكير واحد."},
    };
    for (const auto& [language, sentence] : expected) {
        set_interface_language(language);
        test::AppOnScreen s(ImVec2(1280, 800));
        s.app.go(Screen::data);
        s.app.import_flow().receive(s.app, "journal.json", file);
        REQUIRE(s.app.import_flow().pending());
        CHECK_MESSAGE(has_text(s.frame(), sentence), language_code(language));
    }
    set_interface_language(Language::en);
}

TEST_CASE("people view: an address asked for someone not named yet says whose it is") {
    test::AppOnScreen s(ImVec2(390, 844));
    const std::string id = s.app.create_reflection();
    s.app.update_reflection(id, [](Reflection& r) { r.company = "Lumen"; });
    s.view.reflection.details[id] = ui::DetailsCardState{true, true, true, 0};  // its draft is in the details
    s.app.open_reflection(id);
    s.frame();
    const std::string thanks = "Draft for the recruiter: Thank-you note";
    REQUIRE(s.scroll_to(Role::button, thanks));
    REQUIRE(s.click(Role::button, thanks));
    REQUIRE(s.app.nav().screen == Screen::message);
    s.frame();
    const std::string ask = "The recruiter's email (the draft has no address yet)";
    REQUIRE(placed(s.ui.fields, ask));
    REQUIRE(s.ui.fields.type(ask, "jana@lumen.example"));
    s.frame();
    CHECK(s.app.find_reflection(id)->feedback.recruiter_email == "jana@lumen.example");
    CHECK(s.app.find_message(s.app.nav().message_id)->to == "jana@lumen.example");
}

TEST_CASE("people view: a draft's button names the person the way a sentence does") {
    // A reflection with its recruiter named `recruiter`, open at its details, where the thank-you
    // note's button is.
    const auto thank_you_button_shown = [](const std::string& recruiter, const std::string& label) {
        test::AppOnScreen s(ImVec2(390, 844));
        const std::string id = s.app.create_reflection();
        s.app.update_reflection(id, [&](Reflection& r) { r.feedback.recruiter_name = recruiter; });
        s.view.reflection.details[id] = ui::DetailsCardState{true, true, true, 0};
        s.app.open_reflection(id);
        s.frame();
        return s.scroll_to(Role::button, label);
    };
    // Nobody named yet: the role as the sentence needs it, not the bare label "Recruiter".
    const std::pair<Language, std::string> expected[] = {
        {Language::en, "Draft for the recruiter: Thank-you note"},
        {Language::de, "Entwurf an den Recruiter: Dankesnachricht"},
        {Language::it, "Bozza per il recruiter: Messaggio di ringraziamento"},
        {Language::ar, "مسودة موجّهة إلى مسؤول التوظيف: رسالة شكر"},
    };
    const test::RealCatalogues catalogues;
    for (const auto& [language, label] : expected) {
        set_interface_language(language);
        CHECK_MESSAGE(thank_you_button_shown("", label), language_code(language));
    }
    set_interface_language(Language::en);
    // Named: the name as the person wrote it, set apart for screen readers like every user text.
    CHECK(thank_you_button_shown("يارا", "Draft for \u2068يارا\u2069: Thank-you note"));
}

TEST_CASE("people view: the follow-up's button names whom it goes to, like the check-in's") {
    // A reflection at its last step, where the follow-up's and the check-in's buttons are.
    const auto follow_up_shown = [](std::vector<Interviewer> interviewers, const std::string& label) {
        test::AppOnScreen s(ImVec2(390, 844));
        const std::string id = s.app.create_reflection();
        s.app.update_reflection(id, [&](Reflection& r) {
            r.interviewers = std::move(interviewers);
            go_to_step(r, StepId::resilience);
        });
        s.app.open_reflection(id);
        s.frame();
        return s.scroll_to(Role::button, label);
    };
    CHECK(follow_up_shown({}, "Draft for the recruiter: Follow-up (2–3 weeks after the interview)"));
    CHECK(follow_up_shown({Interviewer{"i1", "Anna Berg", "", false}},
                          "Draft for \u2068Anna Berg\u2069: Follow-up (2–3 weeks after the interview)"));
    CHECK(follow_up_shown({Interviewer{"i1", "Anna Berg", "", false}, Interviewer{"i2", "Ben Kraus", "", false}},
                          "Draft for the interviewers: Follow-up (2–3 weeks after the interview)"));
}

TEST_CASE("people view: a saved contact's line says each thing once") {
    // A recruiter saved as "Recruiter", known as "recruiter", read "Recruiter · recruiter · Lumen".
    test::AppOnScreen s(ImVec2(390, 844));
    const auto save = [&](const char* name, const char* role, const char* relationship) {
        Contact c;
        c.name = name;
        c.role = role;
        c.relationship = relationship;
        c.company = "Lumen";
        s.app.create_contact(c);
    };
    save("Sarah Miller", "Recruiter", "recruiter");
    save("Tom Becker", "Design lead", "old colleague");
    s.app.go(Screen::people);
    const auto& items = s.frame();
    CHECK(has_text(items, "Recruiter\u00A0· Lumen"));
    CHECK(has_text(items, "Design lead\u00A0· old colleague\u00A0· Lumen"));
}

TEST_CASE("people view: a friend told about two rejections is one row; editing it reaches both") {
    test::AppOnScreen s(ImVec2(390, 844));
    const std::string nordlicht = opportunity(s.app);  // Sam told, with an address
    const std::string lumen = s.app.create_reflection();
    s.app.update_reflection(lumen, [](Reflection& r) {
        r.company = "Lumen";
        r.army = {ArmyMember{"b1", "Sam", "", false}};
    });
    s.app.go(Screen::people);
    const auto& items = s.frame();
    CHECK(has_text(items, "In your corner\u00A0· Nordlicht and Lumen"));
    const auto& regions = ui::item_registry_regions();
    CHECK(std::count_if(regions.begin(), regions.end(),
                        [](const ui::RegionInfo& r) { return r.kind == ui::Region::group && r.name == "Sam"; }) == 1);

    REQUIRE(s.scroll_to(Role::button, "Edit details: \u2068Sam\u2069"));
    REQUIRE(s.click(Role::button, "Edit details: \u2068Sam\u2069"));
    REQUIRE(s.scroll_to(Role::button, "Done editing: \u2068Sam\u2069"));
    REQUIRE(s.ui.fields.type("Name", "Sam Osei"));
    s.frame();
    CHECK(s.app.find_reflection(nordlicht)->army[0].name == "Sam Osei");
    CHECK(s.app.find_reflection(lumen)->army[0].name == "Sam Osei");
    CHECK(s.app.find_reflection(lumen)->army[0].email == "sam@example.org");  // the address they had at Nordlicht
    s.frame();
    CHECK(group_named("Sam Osei"));

    // Brought into an empty journal, the import preview names them once, at both companies.
    test::AppOnScreen other(ImVec2(390, 1600));
    other.app.go(Screen::data);
    other.app.import_flow().receive(other.app, "sam.json", encode_journal(s.app.journal(), s.env.now()));
    REQUIRE(other.app.import_flow().pending());
    CHECK(has_text(other.frame(),
                   "Sam Osei\u00A0· In your corner\u00A0· Nordlicht and Lumen\u00A0· sam@example.org (new)"));
}
