// View smoke tests: every screen drawn natively with a null backend at phone and desktop sizes.
// Catches ImGui asserts (Begin/End and Push/Pop mismatches, ID clashes), raw catalogue keys shown
// to the user, and checks that controls found by role and name really act on the App.
#include "real_catalogues.h"
#include "test_files.h"
#include "ui_test_support.h"

#include "core/catalogue_file.h"
#include "core/i18n.h"
#include "core/reminders.h"
#include "core/steps.h"
#include "ui/bidi_text.h"
#include "ui/draw_mirror.h"
#include "ui/fonts.h"
#include "ui/theme.h"

#include <imgui_internal.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>

using namespace debrief;
using debrief::ui::Role;

namespace {

// A raw key such as "home.new_reflection" means a string is missing from the catalogue.
bool looks_like_key(const std::string& text) {
    static const std::regex key(R"(^[a-z_]+(\.[a-z_0-9]+)+$)");
    return std::regex_match(text, key);
}

void check_no_raw_keys(test::NullBackend& ui, const std::vector<ui::ItemInfo>& items) {
    for (const auto& item : items) CHECK_MESSAGE(!looks_like_key(item.name), item.name);
    for (const auto& field : ui.fields.placed) CHECK_MESSAGE(!looks_like_key(field.label), field.label);
}

// A group of choices is named by its prompt, which a screen reader says each time focus enters it: a
// short question, never a paragraph of guidance taken from above it.
void check_group_names() {
    for (const ui::RegionInfo& r : ui::item_registry_regions()) {
        if (r.kind != ui::Region::radiogroup && r.kind != ui::Region::checkgroup) continue;
        CAPTURE(r.name);
        CHECK(!r.name.empty());
        CHECK(r.name.size() <= 80);
    }
}

}  // namespace

TEST_CASE("the empty home screen invites the first reflection") {
    for (const ImVec2 size : {ImVec2(390, 844), ImVec2(1280, 800), ImVec2(320, 568)}) {
        test::FixedEnvironment env;
        App app(env);
        ui::ViewState view;
        test::RecordingServices services;
        test::NullBackend ui(size);
        const auto& items = ui.frame(app, view, services);
        check_no_raw_keys(ui, items);
        REQUIRE(ui::find_item(Role::button, "New reflection"));
        // Every control fits the screen width (no clipped buttons on a phone).
        for (const auto& item : items) CHECK(item.max.x <= size.x + 0.5f);
    }
}

TEST_CASE("a reflection can be walked through all eight steps with typing and clicks") {
    test::FixedEnvironment env;
    App app(env);
    ui::ViewState view;
    test::RecordingServices services;
    test::NullBackend ui(ImVec2(390, 844));
    ui.frame(app, view, services);
    REQUIRE(ui.click(app, view, services, Role::button, "New reflection"));
    REQUIRE(app.nav().screen == Screen::reflection);
    REQUIRE(app.journal().reflections.size() == 1);

    REQUIRE(ui.fields.type(std::string(tr("details.company")), "Grüße & Co — شركة 😊"));
    ui.frame(app, view, services);
    CHECK(app.journal().reflections[0].company == "Grüße & Co — شركة 😊");

    for (int step = 0; step < step_count; ++step) {
        const auto& items = ui.frame(app, view, services);
        check_no_raw_keys(ui, items);
        CHECK(progress(app.journal().reflections[0]).current == step);
        const char* next = step == step_count - 1 ? "Finish" : "Next";
        REQUIRE_MESSAGE(ui.click(app, view, services, Role::button, next), "step ", step);
    }
    CHECK(app.nav().screen == Screen::home);
    CHECK(is_complete(app.journal().reflections[0]));
}

TEST_CASE("every screen draws at phone and desktop sizes") {
    for (const ImVec2 size : {ImVec2(390, 844), ImVec2(1280, 800)}) {
        test::FixedEnvironment env;
        App app(env);
        ui::ViewState view;
        test::RecordingServices services;
        test::NullBackend ui(size);
        const std::string id = app.create_reflection();
        app.update_reflection(id, [](Reflection& r) {
            r.company = "Acme";
            r.role = "Designer";
            r.last_interview_on = Date{2026, 11, 1};
            r.vent.mood_before = 3;
            r.resilience.mood_after = 6;
            r.loved.push_back({"l1", "the creative team", LovedTag::team, 5});
            r.wins.push_back({"w1", "My portfolio got noticed", true});
        });
        for (int step = 0; step < step_count; ++step) {
            app.update_reflection(id, [step](Reflection& r) { go_to_step(r, step_at(step)); });
            app.open_reflection(id);
            check_no_raw_keys(ui, ui.frame(app, view, services));
            check_group_names();
        }
        for (Screen s : {Screen::home, Screen::reminders, Screen::people, Screen::profile, Screen::data, Screen::trash,
                         Screen::new_message}) {
            app.go(s);
            check_no_raw_keys(ui, ui.frame(app, view, services));
            check_group_names();
        }
        // Drafts: every kind opens and shows its checklist.
        app.open_reflection(id);
        app.update_reflection(id, [](Reflection& r) { go_to_step(r, StepId::feedback); });
        ui.frame(app, view, services);
        REQUIRE(ui.click(app, view, services, Role::button, "Draft: Reply and ask for feedback"));
        CHECK(app.nav().screen == Screen::message);
        check_no_raw_keys(ui, ui.frame(app, view, services));
        REQUIRE(ui.click(app, view, services, Role::button, "Copy"));
        REQUIRE(services.copied.size() == 1);
        CHECK(services.copied[0].find("Acme") != std::string::npos);
    }
}

TEST_CASE("a person can be added and given a follow-up reminder") {
    test::FixedEnvironment env;
    App app(env);
    ui::ViewState view;
    test::RecordingServices services;
    test::NullBackend ui(ImVec2(1280, 800));
    app.go(Screen::people);
    ui.frame(app, view, services);
    REQUIRE(ui.click(app, view, services, Role::button, "Add a person"));
    REQUIRE(app.journal().contacts.size() == 1);
    REQUIRE(ui.fields.type("Name", "Anna Rossi"));
    ui.frame(app, view, services);
    CHECK(app.journal().contacts[0].name == "Anna Rossi");
    // The row's name is isolated (FSI … PDI) inside the button's accessible name.
    REQUIRE(ui.click(app, view, services, Role::button,
                     "Remind me in two weeks to contact \xE2\x81\xA8"
                     "Anna Rossi\xE2\x81\xA9"));
    REQUIRE(app.journal().reminders.size() == 1);
    CHECK(app.journal().reminders[0].contact_id == app.journal().contacts[0].meta.id);
    CHECK(app.journal().reminders[0].due == Date{2026, 12, 5});
    CHECK(app.journal().reminders[0].title == "Get back in touch with Anna Rossi");
}

namespace {

// Every step and every screen of a reflection with content in each list, laid out at 320 px: no item
// may reach past the screen's edge, in whatever catalogue is active.
void check_narrowest_phone(const char* catalogue_name) {
    test::FixedEnvironment env;
    App app(env);
    ui::ViewState view;
    test::RecordingServices services;
    const ImVec2 size(320, 568);
    test::NullBackend ui(size);
    const std::string id = app.create_reflection();
    // Names as long as real ones get: the title, the search phrase and the profile must wrap.
    app.update_reflection(id, [](Reflection& r) {
        r.company = "Brightwell Health Group International";
        r.role = "Senior Product Designer, Patient Experience";
        r.loved.push_back({"l1", "the creative team that tests every idea with real patients", LovedTag::team, 5});
        r.criteria.push_back({"c1", "remote friendly with a few days in the office", CriterionKind::must_have});
        r.wins.push_back({"w1", "portfolio", true});
        r.army.push_back({"a1", "Marco", "", false});
    });
    app.create_contact(Contact{});
    const auto check_width = [&](const char* where) {
        for (const auto& item : ui.frame(app, view, services))
            CHECK_MESSAGE(item.max.x <= size.x + 0.5f, catalogue_name, " ", where, ": ", item.name);
    };
    for (int step = 0; step < step_count; ++step) {
        app.update_reflection(id, [step](Reflection& r) { go_to_step(r, step_at(step)); });
        app.open_reflection(id);
        check_width("step");
    }
    // The details card of a withdrawal: its reasons are the longest choices (German's was wider than
    // the phone).
    app.update_reflection(id, [](Reflection& r) { r.ending = Ending::withdrew; });
    view.reflection.details[id] = ui::DetailsCardState{true, true, true, 0};
    app.open_reflection(id);
    for (int frame = 0; frame < 12; ++frame) check_width("withdrawal details");
    // Inside the card: its inner edge is its padding (14) short of the column's.
    float column_right = 0.0f;
    for (const auto& item : ui.frame(app, view, services))
        if (item.role == ui::Role::button) column_right = std::max(column_right, item.max.x);
    for (const auto& item : ui.frame(app, view, services))
        for (const WithdrawalReason w : enum_values<WithdrawalReason>())
            if (item.role == ui::Role::radio && item.name == tr(display_key(w)))
                CHECK_MESSAGE(item.max.x <= column_right - 13.5f, catalogue_name, ": ", item.name);
    for (Screen s : {Screen::home, Screen::reminders, Screen::people, Screen::profile, Screen::data, Screen::trash,
                     Screen::new_message}) {
        app.go(s);
        check_width("screen");
    }
}

}  // namespace

TEST_CASE("layouts tolerate strings 40% longer (pseudo-locale) on the narrowest phone") {
    // Every text padded to 140% of its length, placeholders kept: what a long translation does.
    std::vector<std::string> texts;
    std::vector<CatalogueEntry> entries;
    const Catalogue english = english_catalogue();
    texts.reserve(english.size);
    for (const CatalogueEntry& e : english) {
        std::string text(e.text);
        const std::size_t target = text.size() * 14 / 10 + 1;
        while (text.size() < target) text += text.size() % 7 == 0 ? " " : "ä";
        texts.push_back(std::move(text));
    }
    for (std::size_t i = 0; i < english.size; ++i) entries.push_back({english.entries[i].key, texts[i]});
    set_active_catalogue(Catalogue{entries.data(), entries.size()});
    check_narrowest_phone("pseudo-locale");
    set_active_catalogue(std::nullopt);
}

TEST_CASE("layouts fit the narrowest phone in every interface language") {
    const test::RealCatalogues catalogues;
    for (Language language : all_languages) {
        set_interface_language(language);
        check_narrowest_phone(language_code(language).data());
    }
    set_interface_language(Language::en);
}

TEST_CASE("the five tabs share one row on a phone in every interface language, each a whole target") {
    // German's "Deine Daten" was a second row at 390 px: everything below moved down a row's height.
    const test::RealCatalogues catalogues;
    for (const float width : {360.0f, 390.0f}) {
        for (Language language : all_languages) {
            set_interface_language(language);
            test::AppOnScreen s(ImVec2(width, 800));
            std::vector<ui::ItemInfo> tabs;
            for (const auto& item : s.frame())
                if (item.role == Role::tab) tabs.push_back(item);
            REQUIRE(tabs.size() == 5);
            for (const auto& t : tabs) {
                CHECK_MESSAGE(t.min.y == tabs.front().min.y, language_code(language), " ", width, ": ", t.name);
                CHECK_MESSAGE(t.max.x <= width + 0.5f, language_code(language), " ", width, ": ", t.name);
                CHECK_MESSAGE(t.min.x >= -0.5f, language_code(language), " ", width, ": ", t.name);
                // A whole touch target, where the row has room for it (the Arabic "ملفك" was 34 px at 360 px).
                CHECK_MESSAGE(t.max.x - t.min.x >= ui::theme_metrics().touch_target - 0.5f, language_code(language),
                              " ", width, ": ", t.name);
            }
        }
    }
    set_interface_language(Language::en);
}

TEST_CASE("on a phone the step tabs are one row of numbers, named in full, above the step's heading") {
    // The eight titles used to stack into 700 px on a 390 x 844 phone: the step began off screen.
    const test::RealCatalogues catalogues;
    for (const float width : {320.0f, 360.0f, 390.0f, 1280.0f}) {
        for (Language language : all_languages) {
            set_interface_language(language);
            const std::string where = std::string(language_code(language)) + " " + std::to_string(int(width));
            test::AppOnScreen s(ImVec2(width, 844));
            const std::string id = s.app.create_reflection();
            s.app.update_reflection(id, [](Reflection& r) { r.company = "Studio Nord"; });
            s.view.reflection.details[id] = ui::DetailsCardState{false, true, true, 0};
            s.app.open_reflection(id);
            std::vector<ui::ItemInfo> steps;
            const ui::ItemInfo* heading = nullptr;
            for (const auto& item : s.frame()) {
                if (item.role == Role::tab && item.name.find(". ") != std::string::npos) steps.push_back(item);
                if (item.role == Role::heading && item.name == tr(display_key(StepId::vent))) heading = &item;
            }
            REQUIRE_MESSAGE(steps.size() == step_count, where);
            CHECK_MESSAGE(steps[0].name == format_number(1) + ". " + std::string(tr(display_key(StepId::vent))), where);
            REQUIRE_MESSAGE(heading, where);
            CHECK_MESSAGE(heading->max.y < 844.0f - 60.0f, where, ": the step's heading is on the first screen");
            std::vector<float> rows;
            for (const auto& t : steps) {
                if (std::find(rows.begin(), rows.end(), t.min.y) == rows.end()) rows.push_back(t.min.y);
                CHECK_MESSAGE(t.max.x <= width + 0.5f, where, ": ", t.name);
                if (width < 600.0f) CHECK_MESSAGE(t.max.x - t.min.x >= 36.0f, where, ": ", t.name);
                CHECK_MESSAGE(t.max.y - t.min.y >= 44.0f, where, ": ", t.name);
            }
            if (width == 320.0f) CHECK_MESSAGE(rows.size() == 2, where);
            if (width == 360.0f || width == 390.0f) CHECK_MESSAGE(rows.size() == 1, where);
        }
    }
    set_interface_language(Language::en);
}

TEST_CASE("Arabic glyphs join the atlas once right-to-left text is drawn") {
    test::NullBackend backend(ImVec2(360, 640));
    const auto has_alef = [] { return ui::fonts().body->FindGlyphNoFallback(0xFE8D) != nullptr; };  // ا isolated
    if (!ui::fonts_outdated() && !has_alef()) {
        // Nothing right-to-left was drawn in this process yet: the atlas is Latin only.
        CHECK(ui::display_line("\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7") != "");  // "مرحبا" shaped for drawing
        CHECK(ui::fonts_outdated());
    }
    ui::want_arabic_glyphs();
    REQUIRE(ui::load_fonts(DEBRIEF_FONTS_DIR, 1.0f, ui::theme_metrics().body_px, ui::theme_metrics().heading_px));
    CHECK_FALSE(ui::fonts_outdated());
    CHECK(has_alef());
    CHECK(ui::fonts().heading->FindGlyphNoFallback(0xFE8D) != nullptr);
}

TEST_CASE("lam-alef becomes one ligature glyph with no filler character left behind") {
    const std::string shaped = ui::display_line("\xD8\xA7\xD9\x84\xD8\xA3\xD9\x85\xD9\x84");  // "الأمل"
    CHECK(shaped.find("\xEF\xBB\xBF") == std::string::npos);  // U+FEFF, FriBidi's filler, has no glyph
    const bool ligature =
        shaped.find("\xEF\xBB\xB7") != std::string::npos || shaped.find("\xEF\xBB\xB8") != std::string::npos;
    CHECK(ligature);  // U+FEF7/U+FEF8 lam with alef with hamza above
}

namespace {

// clang-format off
const CatalogueEntry italian_draft_entries[] = {
    {"msg.feedback_reply.enjoyed", "Mi ha fatto molto piacere conoscervi."},
    {"msg.feedback_reply.excited", "Il lavoro di {company} continua ad appassionarmi."},
    {"msg.feedback_reply.similar_roles", "Vi chiedo di considerarmi per posizioni simili in futuro."},
    {"msg.feedback_reply.strengthen", "Se avete un momento, mi aiuterebbe sapere cosa potrebbe rafforzare la mia candidatura."},
    {"msg.feedback_reply.subject", "Grazie – {role} presso {company}"},
    {"msg.feedback_reply.thanks", "Grazie per avermi comunicato la vostra decisione sul ruolo di {role}."},
    {"msg.greeting.anonymous", "Buongiorno,"},
    {"msg.signoff.anonymous", "Cordiali saluti,"},
};
// clang-format on

}  // namespace

TEST_CASE("a draft moves to another language once its catalogue is there, keeping the user's words") {
    install_catalogue(Language::it, Catalogue{});  // not installed yet, as on a first visit
    test::FixedEnvironment env;
    App app(env);
    ui::ViewState view;
    test::RecordingServices services;
    test::NullBackend ui(ImVec2(390, 844));
    const std::string rid = app.create_reflection();
    app.update_reflection(rid, [](Reflection& r) {
        r.company = "Acme";
        r.role = "Designer";
    });
    DraftContext ctx;
    ctx.language = Language::en;
    ctx.today = env.today();
    Message m = draft_message(MessageKind::feedback_reply, app.find_reflection(rid), ctx);
    m.reflection_id = rid;
    m.body += "\n\nPS: the coffee was great.";
    const std::string mid = app.create_message(std::move(m));
    app.open_message(mid);
    ui.frame(app, view, services);
    REQUIRE(ui::find_item(Role::radio, "English"));

    REQUIRE(ui.click(app, view, services, Role::radio, "Italiano"));
    CHECK(services.ensured == std::vector<Language>{Language::it});
    ui.frame(app, view, services);
    // Still English while the catalogue is on its way ("Getting Italiano ready…" shows instead).
    CHECK(app.find_message(mid)->language == Language::en);
    CHECK(app.find_message(mid)->body.rfind("Hello,", 0) == 0);
    ui.frame(app, view, services);
    CHECK(app.find_message(mid)->language == Language::en);
    CHECK(services.ensured.size() == 1);  // asked once, not on every frame

    install_catalogue(Language::it, Catalogue{italian_draft_entries, std::size(italian_draft_entries)});
    ui.frame(app, view, services);
    const Message& moved = *app.find_message(mid);
    CAPTURE(moved.body);
    CHECK(moved.language == Language::it);
    CHECK(moved.subject == "Grazie – Designer presso Acme");
    CHECK(moved.body.rfind("Buongiorno,\n\nGrazie per avermi comunicato", 0) == 0);
    CHECK(moved.body.find("PS: the coffee was great.") != std::string::npos);
    CHECK(moved.body.find("Thank you") == std::string::npos);
    ui.frame(app, view, services);
    CHECK(app.find_message(mid)->body == moved.body);  // composed once, not on every frame
    CHECK(services.ensured.size() == 1);
    install_catalogue(Language::it, Catalogue{});
}

TEST_CASE("the People screen draws only the cards near the view; scrolling brings the next ones") {
    test::FixedEnvironment env;
    App app(env);
    for (int i = 0; i < 2000; ++i) {
        Contact c;
        c.name = "Person " + std::to_string(10000 + i);
        app.create_contact(std::move(c));
    }
    ui::ViewState view;
    test::RecordingServices services;
    test::NullBackend ui(ImVec2(390, 844));
    app.go(Screen::people);
    const auto rows = [](const std::vector<ui::ItemInfo>& items) {
        std::vector<std::string> names;
        for (const ui::ItemInfo& item : items)
            if (item.role == Role::heading && item.name.rfind("Person ", 0) == 0) names.push_back(item.name);
        return names;
    };
    ui.frame(app, view, services);
    const std::vector<ui::ItemInfo>& items = ui.frame(app, view, services);
    CHECK(view.people.cards_drawn > 5);
    CHECK(view.people.cards_drawn < 40);  // a screen and its neighbours, not 2,000 cards
    const std::vector<std::string> first = rows(items);
    REQUIRE_FALSE(first.empty());
    // The first one below the drawn ones: not drawn now, reached by scrolling like any other row.
    std::string far;
    for (const Person& p : view.people.people) {
        if (std::find(first.begin(), first.end(), p.name) == first.end()) {
            far = p.name;
            break;
        }
    }
    REQUIRE_FALSE(far.empty());
    CHECK(ui::find_item(Role::heading, far) == nullptr);
    CHECK(ui.scroll_to(app, view, services, Role::heading, far));
    ui.frame(app, view, services);
    CHECK(view.people.cards_drawn < 40);
}

// "Who sent the rejection?" decides who the feedback reply answers: nobody sent one when the person
// withdrew or never heard back, so the question is not asked then.
TEST_CASE("the details ask who sent the rejection only when there was one") {
    for (const Ending ending : {Ending::rejected, Ending::withdrew, Ending::ghosted}) {
        CAPTURE(static_cast<int>(ending));
        test::AppOnScreen s(ImVec2(390, 844));
        s.frame();
        REQUIRE(s.click(Role::button, "New reflection"));
        s.app.update_reflection(s.app.journal().reflections[0].meta.id, [&](Reflection& r) {
            r.hiring_manager_name = "Dana Okafor";  // a second person to choose from
            r.ending = ending;
        });
        // The people are there in every case; the question would come after them.
        REQUIRE(s.scroll_to(Role::button, "Add an interviewer"));
        const bool asked = s.scroll_to(Role::radio, "Dana Okafor");  // a choice of "Who sent the rejection?"
        CHECK(asked == (ending == Ending::rejected));
    }
}

// The right-to-left interface is the left-to-right frame in a mirror, each line of text moved as a
// whole (ui/draw_mirror.h). A heading's word spaces are wider than the gap that separates two texts,
// so its words used to move one by one: "Brightwell Health Group" read "Health Group Brightwell".
TEST_CASE("in the mirrored interface a heading's words keep their order") {
    test::AppOnScreen s(ImVec2(800, 600));
    set_interface_language(Language::ar);  // right-to-left; no catalogue needed, the title is Latin
    s.frame();
    REQUIRE(s.click(Role::button, "New reflection"));
    s.app.update_reflection(s.app.journal().reflections[0].meta.id,
                            [](Reflection& r) { r.company = "Brightwell Health Group"; });
    s.frame();
    const ui::ItemInfo* title = ui::find_item(Role::heading, "Brightwell Health Group");
    REQUIRE(title);
    ImDrawData& data = *ImGui::GetDrawData();
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    ui::mirror_draw_data(data, 800.0f, white, ImGui::GetStyle().ItemSpacing.x * 0.8f);
    // The title's glyphs, in the order they were drawn (its visual order), still run left to right.
    std::vector<float> lefts;
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImVector<ImDrawVert>& v = data.CmdLists[n]->VtxBuffer;
        for (int i = 0; i + 4 <= v.Size; i += 4) {
            const bool glyph = v[i].uv.x != white.x || v[i].uv.y != white.y;
            if (glyph && v[i].pos.y >= title->min.y && v[i + 2].pos.y <= title->max.y) lefts.push_back(v[i].pos.x);
        }
    }
    set_interface_language(Language::en);
    REQUIRE(lefts.size() >= 20);  // "BrightwellHealthGroup": 21 glyphs
    CHECK(std::is_sorted(lefts.begin(), lefts.end()));
}

// A long title wraps on a phone in both directions (it used to run off both edges in Arabic, where
// a "one line" paragraph ignored the column's wrap position that ImGui's own text follows).
TEST_CASE("a long reflection title wraps on a phone in English and in Arabic") {
    // The title's height on a phone, on the reflection's first frame.
    const auto title_height = [](const std::string& company, const std::string& role) {
        test::AppOnScreen s(ImVec2(390, 844));
        const std::string id = s.app.create_reflection();
        s.app.update_reflection(id, [&](Reflection& r) {
            r.company = company;
            r.role = role;
        });
        s.app.open_reflection(id);
        s.frame();
        const ui::ItemInfo* heading = ui::find_item(Role::heading, company + " — " + role);
        REQUIRE(heading);
        CHECK(heading->max.x <= 390.5f);
        return heading->max.y - heading->min.y;
    };
    set_interface_language(Language::en);
    CHECK(title_height("Brightwell Health Group International", "Senior Product Designer") >=
          title_height("Acme", "Designer") * 1.9f);
    set_interface_language(Language::ar);
    const float one_line = title_height("النخبة", "مصممة");
    const float long_title = title_height("شركة النخبة للاستشارات", "مصممة تجربة المستخدم الأولى");
    set_interface_language(Language::en);
    CHECK(long_title >= one_line * 1.9f);
}

TEST_CASE("a journal card keeps each of its lines inside it on a phone, in every interface language") {
    // German's "Ich habe abgesagt · 30. September 2024 · Schritt 3 von 8" ran past a 390 px phone's
    // card, and a Latin name in the Arabic interface was laid out to the column's edge: both were cut
    // at the card's border. Now the status takes a fourth line where it cannot fit, a long name ends
    // in "…", and the mirror still reads every line whole.
    const test::RealCatalogues catalogues;
    for (const auto& [company, role] : std::vector<std::pair<std::string, std::string>>{
             {"Brightwell Health Group International Holdings", "Senior Product Designer, Patient Experience"},
             {"شركة النور للتقنية والاستشارات الهندسية", "منسقة مشاريع"}})
        for (const float width : {320.0f, 360.0f, 390.0f, 1280.0f}) {
            for (Language language : all_languages) {
                set_interface_language(language);
                test::AppOnScreen s(ImVec2(width, 844));
                const std::string id = s.app.create_reflection();
                s.app.update_reflection(id, [&](Reflection& r) {
                    r.company = company;
                    r.role = role;
                    r.ending = Ending::withdrew;
                    r.rejected_on = Date{2024, 9, 30};
                    go_to_step(r, StepId::reflect);
                });
                const auto& items = s.frame();
                const std::string where = std::string(language_code(language)) + " " + std::to_string(int(width));
                const auto card = std::find_if(items.begin(), items.end(), [&](const ui::ItemInfo& i) {
                    return i.role == Role::button && i.name.find(company) != std::string::npos;
                });
                REQUIRE_MESSAGE(card != items.end(), where);
                std::vector<std::string> spoken;
                for (const auto& item : items) {
                    if (item.role != Role::text || item.min.y < card->min.y || item.max.y > card->max.y) continue;
                    spoken.push_back(item.name);
                    CHECK_MESSAGE(item.min.x >= card->min.x + 10.0f, where, ": ", item.name);
                    CHECK_MESSAGE(item.max.x <= card->max.x - 10.0f, where, ": ", item.name);
                }
                const auto said = [&](const std::string& text) {
                    return std::any_of(spoken.begin(), spoken.end(),
                                       [&](const std::string& line) { return line.find(text) != std::string::npos; });
                };
                CHECK_MESSAGE(said(company), where);
                CHECK_MESSAGE(said(role), where);
                CHECK_MESSAGE(said(format_long_date(Date{2024, 9, 30}, s.env.today().year)), where);
                CHECK_MESSAGE(
                    said(tr_format("steps.progress", {{"current", format_number(3)}, {"total", format_number(8)}})),
                    where);
            }
        }
    set_interface_language(Language::en);
}

TEST_CASE("Arabic separates a line's parts with its comma, never a middle dot that reads as a zero") {
    // "رفض · ١ ديسمبر ٢٠٢٥" on a card read as the 10th: Arabic-Indic zero (٠) is a dot too. How two
    // parts are joined comes from the catalogue ("line.parts"); the other languages keep the middle dot.
    const test::RealCatalogues catalogues;
    for (const Language language : {Language::en, Language::ar}) {
        set_interface_language(language);
        CAPTURE(language_code(language));
        test::AppOnScreen s(ImVec2(390, 844));
        const std::string id = s.app.create_reflection();
        s.app.update_reflection(id, [](Reflection& r) {
            r.company = "Lumen";
            r.ending = Ending::rejected;
            r.rejected_on = Date{2025, 12, 1};
            r.interviewers = {Interviewer{"i1", "Anna Berg", "", false}};
            go_to_step(r, StepId::reflect);
        });
        const std::string date = format_long_date(Date{2025, 12, 1}, s.env.today().year);
        const auto lines_with = [](const std::vector<ui::ItemInfo>& items, const std::string& text) {
            return std::count_if(items.begin(), items.end(), [&](const ui::ItemInfo& i) {
                return ui::without_isolates(i.name).find(ui::without_isolates(text)) != std::string::npos;
            });
        };
        const std::vector<std::pair<Screen, std::string>> screens{
            {Screen::home, join_parts(tr("ending.rejected"), date)},
            {Screen::reflection, join_parts(tr("stage.interview"), tr("ending.rejected"))},
            {Screen::people, join_parts(tr("person.interviewer"), "Lumen")}};
        for (const auto& [screen, expected] : screens) {
            CAPTURE(static_cast<int>(screen));
            if (screen == Screen::reflection)
                s.app.open_reflection(id);
            else
                s.app.go(screen);
            const auto& items = s.frame();
            CHECK(lines_with(items, expected) >= 1);
            CHECK(lines_with(items, "Lumen") >= 1);
            CHECK(lines_with(items, "·") == (language == Language::ar ? 0 : lines_with(items, "\u00A0· ")));
        }
    }
    set_interface_language(Language::en);
    CHECK(join_parts("a", "b") == "a\u00A0· b");  // a no-break space: a wrapped line never starts with "·"
}

TEST_CASE("the rule under the tabs runs across the whole window, as the action bar's does") {
    // ImGui's separator, drawn inside the column's group, ran from the column's start to the window's
    // right edge: on a desktop from 260 px to 1280 px, lopsided under a centred column.
    for (const float width : {390.0f, 1280.0f}) {
        CAPTURE(width);
        test::AppOnScreen s(ImVec2(width, 800));
        s.frame();
        const ImU32 rule = ImGui::GetColorU32(ImGuiCol_Separator) & ~IM_COL32_A_MASK;
        std::map<int, std::pair<float, float>> rows;  // y -> the leftmost and rightmost rule vertex
        const ImDrawData& data = *ImGui::GetDrawData();
        for (int l = 0; l < data.CmdListsCount; ++l)
            for (const ImDrawVert& v : data.CmdLists[l]->VtxBuffer) {
                if ((v.col & ~IM_COL32_A_MASK) != rule) continue;
                auto [it, added] = rows.try_emplace(static_cast<int>(std::lround(v.pos.y)), v.pos.x, v.pos.x);
                it->second = {std::min(it->second.first, v.pos.x), std::max(it->second.second, v.pos.x)};
            }
        CHECK(std::any_of(rows.begin(), rows.end(), [&](const auto& row) {
            return row.first < 200 && row.second.first <= 0.5f && row.second.second >= width - 0.5f;
        }));
    }
}

TEST_CASE("a notice written in one interface language is not shown on in another") {
    // "Imported: your journal now has 6 reflections" stayed on screen, in English, after choosing
    // Deutsch right after an import.
    test::AppOnScreen s(ImVec2(390, 844));
    const auto foreground = [] { return ImGui::GetForegroundDrawList()->VtxBuffer.Size; };
    s.frame();
    const int without = foreground();
    s.app.notify("Imported: your journal now has 6 reflections");
    s.frame();
    CHECK(foreground() > without);
    set_interface_language(Language::de);
    s.frame();
    CHECK(foreground() == without);
    s.app.notify("Importiert");  // one written in the new language shows
    s.frame();
    CHECK(foreground() > without);
    set_interface_language(Language::en);
}

TEST_CASE("the calendar export is offered while a reminder is still to do") {
    // With only done reminders it offered a calendar file with nothing in it.
    test::AppOnScreen s(ImVec2(390, 844));
    Reminder done;
    done.title = "Write to Marco";
    done.due = Date{2020, 12, 16};
    done.done = true;
    s.app.create_reminder(done);
    s.app.go(Screen::reminders);
    const std::string calendar(tr("reminders.export_ics"));
    s.frame();
    CHECK(ui::find_item(Role::button, calendar) == nullptr);
    Reminder open = done;
    open.title = "Follow up with Lumen";
    open.due = Date{2026, 12, 5};
    open.done = false;
    s.app.create_reminder(open);
    s.frame();
    CHECK(ui::find_item(Role::button, calendar) != nullptr);
}

TEST_CASE("a journal card's highlight keeps the card's rounded corners") {
    // 1.86's Selectable fills a square-cornered rectangle: under the pointer (and after a tap on a
    // phone) the card's corners stood out of its rounded border.
    test::AppOnScreen s(ImVec2(390, 844));
    const std::string id = s.app.create_reflection();
    s.app.update_reflection(id, [](Reflection& r) { r.company = "Lumen"; });
    s.app.go(Screen::home);
    const ui::ItemInfo* card = nullptr;
    for (const auto& item : s.frame())
        if (item.role == Role::button && item.name.find("Lumen") != std::string::npos) card = &item;
    REQUIRE(card);
    const ImVec2 corner = card->min;
    ImGui::GetIO().MousePos = ImVec2((card->min.x + card->max.x) * 0.5f, (card->min.y + card->max.y) * 0.5f);
    s.frame();
    s.frame();
    const ImU32 highlight = ImGui::GetColorU32(ImGuiCol_HeaderHovered) & ~IM_COL32_A_MASK;
    int highlighted = 0, in_corner = 0;
    const ImDrawData& data = *ImGui::GetDrawData();
    for (int l = 0; l < data.CmdListsCount; ++l)
        for (const ImDrawVert& v : data.CmdLists[l]->VtxBuffer) {
            if ((v.col & ~IM_COL32_A_MASK) != highlight || (v.col & IM_COL32_A_MASK) == 0) continue;
            ++highlighted;
            // Outside a 10 px rounded corner: the square's corner point and its near neighbourhood.
            if (v.pos.x < corner.x + 2.0f && v.pos.y < corner.y + 2.0f) ++in_corner;
        }
    ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    CHECK(highlighted > 0);
    CHECK(in_corner == 0);
}

TEST_CASE("the journal's cards keep one pitch as the list scrolls, and the last ends above the mood chart") {
    // The list clipper places the cards it skips by the pitch it is given: given less than the cards
    // take, the cards jumped as the list scrolled and the last ones were drawn under the mood chart.
    test::AppOnScreen s(ImVec2(390, 844));
    for (int i = 1; i <= 130; ++i) {  // more than the list lays out whole
        const std::string id = s.app.create_reflection();
        s.app.update_reflection(id, [i](Reflection& r) {
            r.company = "Company " + std::to_string(1000 + i);
            r.vent.mood_before = 3;
            r.resilience.mood_after = 6;
        });
    }
    s.app.go(Screen::home);
    s.frame();
    const auto cards = [&] {
        std::vector<ui::ItemInfo> found;
        for (const auto& item : s.frame())
            if (item.role == Role::button && item.name.find("Company ") != std::string::npos) found.push_back(item);
        return found;
    };
    const auto first_screen = cards();
    REQUIRE(first_screen.size() >= 2);
    const float pitch = first_screen[1].min.y - first_screen[0].min.y;
    // To the list's end, far faster than scroll_to's single notches.
    const std::string chart_title(tr("home.mood_trend"));
    ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < 100; ++i) {
        const ui::ItemInfo* chart = ui::find_item(Role::heading, chart_title);
        if (chart && !chart->offscreen) break;
        io.MousePos = ImVec2(195, 500);
        io.MouseWheel = -20.0f;
        s.frame();
        io.MouseWheel = 0.0f;
    }
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    const auto last_screen = cards();
    REQUIRE(last_screen.size() >= 2);
    CHECK(last_screen.back().name.find("Company 1001") != std::string::npos);  // newest first: the oldest is last
    for (std::size_t i = 1; i < last_screen.size(); ++i)
        CHECK(last_screen[i].max.y - last_screen[i - 1].max.y ==
              doctest::Approx(pitch));  // the top one is cut by the view
    const ui::ItemInfo* chart = ui::find_item(Role::heading, chart_title);
    REQUIRE(chart);
    REQUIRE_FALSE(chart->offscreen);
    CHECK(chart->min.y > last_screen.back().max.y + 10.0f);
}

TEST_CASE("a screen reader hears every card of a short journal, and the cards around the view of a long one") {
    // The list lays out only some cards, and the mirror holds only those: "12 of 12 reflections"
    // was followed by the four cards on screen.
    for (const int reflections : {12, 20, 400}) {
        test::AppOnScreen s(ImVec2(390, 844));
        for (int i = 1; i <= reflections; ++i) {
            const std::string id = s.app.create_reflection();
            s.app.update_reflection(id, [i](Reflection& r) { r.company = "Studio " + std::to_string(1000 + i); });
        }
        s.app.go(Screen::home);
        s.frame();
        std::vector<ui::ItemInfo> cards;
        for (const auto& item : s.frame())
            if (item.role == Role::button && item.name.find("Studio ") != std::string::npos) cards.push_back(item);
        const auto on_screen =
            std::count_if(cards.begin(), cards.end(), [](const ui::ItemInfo& c) { return !c.offscreen; });
        CHECK(on_screen >= 2);
        if (reflections <= 20) {
            CHECK(cards.size() == static_cast<std::size_t>(reflections));
        } else {
            // Those on screen, then three more below (none above: the list is at its top).
            CHECK(cards.size() >= static_cast<std::size_t>(on_screen + 3));
            CHECK(cards.size() <= static_cast<std::size_t>(on_screen + 4));
        }
        // In reading order, newest first, each below the one before, each in a list item that says
        // its place in the whole list.
        std::map<ImGuiID, ui::RegionInfo> regions;
        for (const ui::RegionInfo& region : ui::item_registry_regions()) regions[region.id] = region;
        for (std::size_t i = 0; i < cards.size(); ++i) {
            CHECK(cards[i].name.find(std::to_string(1000 + reflections - static_cast<int>(i))) != std::string::npos);
            if (i > 0) CHECK(cards[i].min.y > cards[i - 1].min.y);
            const ui::RegionInfo& item = regions[cards[i].parent];
            CHECK(item.kind == ui::Region::listitem);
            CHECK(item.position == static_cast<int>(i) + 1);
            CHECK(item.set_size == reflections);
            CHECK(regions[item.parent].kind == ui::Region::list);
        }
    }
}

TEST_CASE("a new step starts at its heading, the step tabs above it whole or out of view") {
    // ImGui's SetScrollHereY aimed at the step tabs' bottom edge, and a step shorter than the screen
    // could not scroll that far: the tabs stayed in view cut across, a row of clipped buttons.
    for (const float width : {390.0f, 1280.0f}) {
        CAPTURE(width);
        test::AppOnScreen s(ImVec2(width, 844));
        const std::string id = s.app.create_reflection();
        s.app.update_reflection(id, [](Reflection& r) {
            r.company = "Studio Nord";
            r.vent.letter = std::string(3000, 'x');  // the first step longer than any screen
        });
        s.view.reflection.details[id] = ui::DetailsCardState{false, true, true, 0};
        s.app.open_reflection(id);
        for (const StepId step : {StepId::vent, StepId::feedback}) {
            CAPTURE(static_cast<int>(step));
            s.app.update_reflection(id, [&](Reflection& r) { go_to_step(r, step); });
            std::vector<ui::ItemInfo> items;
            for (int i = 0; i < 4; ++i) items = s.frame();  // a scroll set on one frame applies on the next
            const auto heading = std::find_if(items.begin(), items.end(), [&](const ui::ItemInfo& item) {
                return item.role == Role::heading && item.name == tr(display_key(step));
            });
            REQUIRE(heading != items.end());
            const ImGuiWindow* column = ImGui::FindWindowByID(heading->window);
            REQUIRE(column);
            const float top = column->InnerClipRect.Min.y;  // where the column's view starts
            CHECK(heading->min.y >= top);
            CHECK(heading->max.y <= column->InnerClipRect.Max.y);
            if (step == StepId::vent) CHECK(heading->min.y <= top + 12.0f);  // long enough to start at it
            for (const auto& item : items) {
                if (item.role != Role::tab || item.window != heading->window) continue;
                CAPTURE(item.name);
                CHECK((item.max.y <= top || item.min.y >= top));
            }
        }
    }
}

// The wins step once named every win's field with the whole prompt and its examples: three wins
// were three repeats of "Something that went well: your CV got noticed, a story landed, …", and a
// win written as a sentence was cut off in its one-line field on a phone. Criteria and the people
// told repeated their two-line prompts the same way.
TEST_CASE("a list's prompt is said once; each row's field has a short name, and a win's field wraps") {
    struct List {
        StepId step;
        const char* prompt;
        const char* field;
    };
    for (const List& list : {List{StepId::wins, "step.wins.prompt.text", "step.wins.field"},
                             List{StepId::criteria, "step.criteria.prompt.text", "step.criteria.field"},
                             List{StepId::army, "step.army.prompt.name", "step.army.field"}}) {
        CAPTURE(list.prompt);
        test::AppOnScreen s(ImVec2(390, 844));
        const std::string id = s.app.create_reflection();
        s.app.update_reflection(id, [&](Reflection& r) {
            r.company = "Studio Nord";
            r.wins = {Win{"w1", "My portfolio walkthrough went really well with the whole panel", true},
                      Win{"w2", "I reached the final round", false}, Win{"w3", "", false}};
            r.criteria = {Criterion{"c1", "A small team", CriterionKind::must_have},
                          Criterion{"c2", "Remote", CriterionKind::nice_to_have},
                          Criterion{"c3", "", CriterionKind::must_have}};
            r.army = {ArmyMember{"a1", "Marco", "", true}, ArmyMember{"a2", "Lea", "", false},
                      ArmyMember{"a3", "", "", false}};
            go_to_step(r, list.step);
        });
        s.view.reflection.details[id] = ui::DetailsCardState{false, true, true, 0};
        s.app.open_reflection(id);
        std::vector<ui::ItemInfo> items;
        for (int i = 0; i < 3; ++i) items = s.frame();
        const std::string prompt(tr(list.prompt));
        CHECK(std::count_if(items.begin(), items.end(),
                            [&](const ui::ItemInfo& item) { return item.name == prompt; }) == 1);
        int fields = 0;
        for (const auto& field : s.ui.fields.placed) {
            CHECK(field.label != prompt);
            if (field.label == tr(list.field)) ++fields;
        }
        CHECK(fields == 3);
        if (list.step != StepId::wins) continue;
        const auto win = std::find_if(s.ui.fields.placed.begin(), s.ui.fields.placed.end(),
                                      [](const auto& field) { return field.value.rfind("My portfolio", 0) == 0; });
        REQUIRE(win != s.ui.fields.placed.end());
        CHECK(win->multi_line);
    }
}

// The native fields stand above the canvas, so a notice drawn over a field was covered by it (or,
// with the field's text over it, unreadable): the field now gives way for the notice's three seconds.
TEST_CASE("a notice cuts off the text field under it for as long as it shows") {
    test::AppOnScreen s(ImVec2(390, 844));
    const std::string id = s.app.create_reflection();
    s.app.update_reflection(id, [](Reflection& r) {
        r.company = "Studio Nord";
        r.vent.letter = std::string(3000, 'x');  // the letter field runs down to the action bar
    });
    s.view.reflection.details[id] = ui::DetailsCardState{false, true, true, 0};
    s.app.open_reflection(id);
    const auto letter_bottom = [&] {
        for (const auto& field : s.ui.fields.placed)
            if (field.label == tr("step.vent.prompt.letter")) return field.clip_bottom;
        FAIL("the letter field was not placed");
        return 0.0f;
    };
    REQUIRE(s.scroll_to(Role::checkbox, "Tired"));  // the last feeling: the letter's top is on screen
    s.frame();
    const float uncovered = letter_bottom();
    CHECK(uncovered > 700.0f);
    s.app.notify("Imported: your journal now has 6 reflections");
    s.frame();
    const float covered = letter_bottom();
    CHECK(covered < uncovered - 40.0f);
    for (int i = 0; i < 4; ++i) s.frame();  // the test clock moves a second at each reading: it is gone
    CHECK(letter_bottom() == doctest::Approx(uncovered));
}

// Each reminder's title was written once, in the language of its day: after choosing Deutsch the
// reminders screen kept "Reply to Nordlicht GmbH and ask for feedback", and named its row that way.
TEST_CASE("the reminders screen says the app's reminders in the language chosen since") {
    const test::RealCatalogues catalogues;
    test::AppOnScreen s(ImVec2(390, 844));
    const std::string id = s.app.create_reflection();
    s.app.update_reflection(id, [](Reflection& r) {
        r.company = "Nordlicht GmbH";
        r.rejected_on = Date{2026, 11, 19};
    });
    const Reflection* r = s.app.find_reflection(id);
    REQUIRE(r);
    int n = 0;
    for (Reminder& x :
         suggest_reminders(*r, {}, Date{2026, 11, 21}, s.env.now(), [&] { return "rem-" + std::to_string(++n); }))
        s.app.create_reminder(std::move(x));
    REQUIRE(s.app.journal().reminders.size() == 2);  // reply and ask for feedback; check in later
    s.app.go(Screen::reminders);
    set_interface_language(Language::de);
    s.frame();
    const std::string german = tr_format("reminder.title.feedback", {{"company", "Nordlicht GmbH"}});
    CHECK(german != s.app.journal().reminders[0].title);  // stored as made, in English
    CHECK(ui::find_item(Role::text, german) != nullptr);
    set_interface_language(Language::en);
}

TEST_CASE("the trash's buttons stay on a phone's screen in every language once delete is pressed") {
    // Armed, the German "Zum endgültigen Löschen noch einmal tippen" pushed "Behalten" past the
    // screen's right edge, with only its first letter showing.
    test::RealCatalogues catalogues;
    for (const Language language : all_languages) {
        CAPTURE(language_code(language));
        set_interface_language(language);
        test::AppOnScreen s(ImVec2(390, 844));
        const std::string id = s.app.create_reflection();
        s.app.update_reflection(id, [](Reflection& r) { r.company = "Nordlicht GmbH"; });
        s.app.trash_reflection(id);
        s.app.go(Screen::trash);
        s.frame();
        REQUIRE(s.click(Role::button, std::string(tr("trash.delete_forever"))));
        s.frame();
        for (const char* key : {"trash.restore", "trash.confirm_delete", "trash.keep"}) {
            CAPTURE(key);
            const ui::ItemInfo* item = ui::find_item(Role::button, std::string(tr(key)));
            REQUIRE(item != nullptr);
            CHECK(item->min.x >= 0.0f);
            CHECK(item->max.x <= 390.0f);
            CHECK_FALSE(item->clipped);
        }
    }
    set_interface_language(Language::en);
}

TEST_CASE("the action bar's buttons sit in the middle of the bar, clear of the bottom edge") {
    // Placed after the body's spacing and the rule's, Next ended a pixel past a phone's bottom edge.
    test::AppOnScreen s(ImVec2(390, 844));
    s.app.open_reflection(s.app.create_reflection());
    s.frame();
    s.frame();
    for (const char* key : {"steps.next", "steps.skip"}) {
        CAPTURE(key);
        const ui::ItemInfo* button = ui::find_item(Role::button, std::string(tr(key)));
        REQUIRE(button != nullptr);
        const float bar = ui::theme_metrics().touch_target + 24.0f;
        CHECK(button->min.y == doctest::Approx(844.0f - bar + 12.0f));
        CHECK(button->max.y == doctest::Approx(844.0f - 12.0f));
    }
}
