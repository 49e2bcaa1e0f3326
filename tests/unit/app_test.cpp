// The App is the only mutator: every intent stamps `modified`, marks the record dirty for storage,
// and a read-only tab changes nothing.
#include "app/app.h"

#include "ui_test_support.h"

#include <doctest/doctest.h>

using namespace debrief;

TEST_CASE("intents stamp modified and mark records dirty") {
    test::FixedEnvironment env;
    App app(env);
    const std::string id = app.create_reflection();
    REQUIRE(app.find_reflection(id));
    const Timestamp created = app.find_reflection(id)->meta.modified;
    std::vector<RecordKey> dirty = app.take_dirty();
    REQUIRE(dirty.size() == 1);
    CHECK(dirty[0] == RecordKey{RecordType::reflection, id});
    CHECK(app.take_dirty().empty());

    app.update_reflection(id, [](Reflection& r) { r.company = "Zürich AG"; });
    CHECK(app.find_reflection(id)->meta.modified.unix_ms > created.unix_ms);
    CHECK(app.take_dirty().size() == 1);
}

TEST_CASE("deleting goes to the trash; only trashed reflections can be purged") {
    test::FixedEnvironment env;
    App app(env);
    const std::string id = app.create_reflection();
    app.purge_reflection(id);
    REQUIRE(app.find_reflection(id));  // not in the trash yet: refused
    app.trash_reflection(id);
    CHECK(app.find_reflection(id)->meta.deleted.has_value());
    app.restore_reflection(id);
    CHECK_FALSE(app.find_reflection(id)->meta.deleted.has_value());
    app.trash_reflection(id);
    app.take_dirty();
    app.purge_reflection(id);
    CHECK_FALSE(app.find_reflection(id));
    const auto dirty = app.take_dirty();
    REQUIRE(dirty.size() == 1);  // storage removes the file of a dirty key it cannot find
    CHECK(dirty[0].id == id);
}

TEST_CASE("a new reflection left before anything changed leaves no empty card behind") {
    // A tap on "New reflection" and straight back left "A new reflection · No role noted" in the
    // journal, for the person to find and delete.
    test::FixedEnvironment env;
    App app(env);
    const std::string id = app.start_reflection();
    app.open_reflection(id);
    app.open_reflection(id);  // still on it: kept
    REQUIRE(app.find_reflection(id));
    app.take_dirty();
    app.go(Screen::home);
    CHECK_FALSE(app.find_reflection(id));
    const auto dirty = app.take_dirty();  // stored already: storage removes the file of this key
    REQUIRE(dirty.size() == 1);
    CHECK(dirty[0].id == id);

    // Anything written, or anything made from it, keeps it; so does moving it to the trash.
    const std::string written = app.start_reflection();
    app.open_reflection(written);
    app.update_reflection(written, [](Reflection& r) { r.company = "Lumen"; });
    app.go(Screen::home);
    CHECK(app.find_reflection(written));
    const std::string drafted = app.start_reflection();
    app.open_reflection(drafted);
    Message note;
    note.reflection_id = drafted;
    app.create_message(note);
    app.go(Screen::people);
    CHECK(app.find_reflection(drafted));
    const std::string trashed = app.start_reflection();
    app.open_reflection(trashed);
    app.trash_reflection(trashed);
    app.go(Screen::home);
    CHECK(app.find_reflection(trashed));
    // Only the one just started: an older reflection opened and left as it was stays.
    app.open_reflection(drafted);
    app.go(Screen::home);
    CHECK(app.find_reflection(drafted));
}

TEST_CASE("a read-only tab changes nothing") {
    test::FixedEnvironment env;
    App app(env);
    const std::string id = app.create_reflection();
    app.take_dirty();
    app.save_status().state = SaveState::read_only;
    CHECK(app.create_reflection().empty());
    app.update_reflection(id, [](Reflection& r) { r.company = "changed"; });
    CHECK(app.find_reflection(id)->company.empty());
    CHECK_FALSE(app.has_dirty());
}

TEST_CASE("mark_removed_since marks records that a replace dropped") {
    test::FixedEnvironment env;
    App app(env);
    const std::string kept = app.create_reflection();
    const std::string dropped = app.create_reflection();
    const Journal before = app.journal();
    Journal after = before;
    after.reflections.erase(after.reflections.begin() + 1);
    app.replace_journal(after, App::MarkDirty::no);
    app.take_dirty();
    app.mark_removed_since(before);
    const auto dirty = app.take_dirty();
    REQUIRE(dirty.size() == 1);
    CHECK(dirty[0].id == dropped);
    CHECK(app.find_reflection(kept));
}

TEST_CASE("exports are named by the day and hold the whole journal, unknown keys included") {
    test::FixedEnvironment env;
    env.m_today = Date{987, 1, 2};
    App app(env);
    const std::string id = app.create_reflection();
    app.update_reflection(id, [](Reflection& r) { r.company = "Città di Torino"; });
    app.set_extras(JournalExtras{{{id, RecordExtras{{"", "{\"from_the_future\":true}"}}}}, {}, {}, {}, {}, ""});

    const ExportFile json = app.export_json();
    CHECK(json.name == "debrief-0987-01-02.json");
    CHECK(json.mime_type == "application/json");
    CHECK(json.bytes.find("\"company\": \"Città di Torino\"") != std::string::npos);
    CHECK(json.bytes.find("\"from_the_future\": true") != std::string::npos);

    const ExportFile markdown = app.export_markdown();
    CHECK(markdown.name == "debrief-0987-01-02.md");
    CHECK(markdown.mime_type == "text/markdown");
    CHECK(markdown.bytes.find("Città di Torino") != std::string::npos);
}

TEST_CASE("Back on a draft returns to the screen it was opened from") {
    test::FixedEnvironment env;
    App app(env);
    const std::string reflection = app.create_reflection();
    Message draft;
    draft.reflection_id = reflection;
    const std::string id = app.create_message(draft);

    SUBCASE("from People, it goes back to People, not to the draft's reflection") {
        app.go(Screen::people);
        app.open_message(id);
        app.close_message();
        CHECK(app.nav().screen == Screen::people);
    }
    SUBCASE("from the reflection, back to that reflection") {
        app.open_reflection(reflection);
        app.open_message(id);
        app.close_message();
        CHECK(app.nav().screen == Screen::reflection);
        CHECK(app.nav().reflection_id == reflection);
    }
    SUBCASE("a reflection deleted meanwhile: the journal") {
        app.open_reflection(reflection);
        app.open_message(id);
        app.trash_reflection(reflection);
        app.purge_reflection(reflection);
        app.close_message();
        CHECK(app.nav().screen == Screen::home);
    }
    SUBCASE("a draft made from a draft returns where the first one would") {
        app.go(Screen::reminders);
        app.open_message(id);
        app.open_message(app.create_message(Message{}));
        app.close_message();
        CHECK(app.nav().screen == Screen::reminders);
    }
    SUBCASE("a draft made on the new-message form: the journal, not the used form") {
        app.go(Screen::new_message);
        app.open_message(id);
        app.close_message();
        CHECK(app.nav().screen == Screen::home);
    }
}
