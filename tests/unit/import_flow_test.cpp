// Import never half-applies: a bad file changes nothing; merge and replace happen only on request;
// replace keeps a backup and can be undone.
#include "app/import_flow.h"

#include "serialization/journal_json.h"
#include "ui_test_support.h"

#include <doctest/doctest.h>

using namespace debrief;

namespace {
// An exported journal whose first reflection carries a key from a newer version.
std::string with_unknown_key(std::string file, const std::string& key) {
    const auto at = file.find("\"company\"");
    REQUIRE(at != std::string::npos);
    file.insert(at, "\"" + key + "\": {\"x\": [1, 2]},\n      ");
    return file;
}

std::string exported_with(const std::string& company) {
    test::FixedEnvironment env;
    for (int i = 0; i < 100; ++i) env.new_id();  // ids of "another device": no clash with the test's App
    App other(env);
    const std::string id = other.create_reflection();
    other.update_reflection(id, [&](Reflection& r) { r.company = company; });
    return encode_journal(other.journal(), env.now());
}
}  // namespace

TEST_CASE("a malformed file is rejected with a message and the journal is untouched") {
    test::FixedEnvironment env;
    App app(env);
    app.create_reflection();
    const Journal before = app.journal();
    for (const char* bad :
         {"", "{", "[]", "{\"format\":\"debrief-journal\",\"version\":99}", "\xEF\xBB\xBF{\"format\":1}"}) {
        app.import_flow().receive(app, "bad.json", bad);
        CHECK_FALSE(app.import_flow().error().empty());
        CHECK_FALSE(app.import_flow().pending().has_value());
        app.import_flow().apply(app, ImportFlow::Mode::replace);  // nothing pending: no effect
        CHECK(encode_journal(app.journal(), env.now()).size() == encode_journal(before, env.now()).size());
    }
}

TEST_CASE("merge adds the imported reflections; importing the same file again adds nothing") {
    test::FixedEnvironment env;
    App app(env);
    app.create_reflection();
    const std::string file = exported_with("Città di Torino");
    app.import_flow().receive(app, "a.json", file);
    REQUIRE(app.import_flow().pending());
    CHECK(app.import_flow().pending()->preview.reflections.added == 1);
    CHECK(app.journal().reflections.size() == 1);  // nothing changes while previewing
    app.import_flow().apply(app, ImportFlow::Mode::merge);
    CHECK(app.journal().reflections.size() == 2);
    app.import_flow().receive(app, "a.json", file);
    CHECK_FALSE(app.import_flow().pending()->preview.changes_anything);
    app.import_flow().apply(app, ImportFlow::Mode::merge);
    CHECK(app.journal().reflections.size() == 2);
}

TEST_CASE("replace keeps a backup and can be undone") {
    test::FixedEnvironment env;
    App app(env);
    const std::string mine = app.create_reflection();
    app.import_flow().receive(app, "b.json", exported_with("مرحبا"));
    app.import_flow().apply(app, ImportFlow::Mode::replace);
    REQUIRE(app.journal().reflections.size() == 1);
    CHECK(app.journal().reflections[0].company == "مرحبا");
    CHECK(app.import_flow().take_backup_to_write().has_value());
    CHECK_FALSE(app.import_flow().take_backup_to_write().has_value());  // written once
    REQUIRE(app.import_flow().can_undo());
    app.take_dirty();
    app.import_flow().undo(app);
    REQUIRE(app.journal().reflections.size() == 1);
    CHECK(app.journal().reflections[0].meta.id == mine);
    bool imported_removed = false;
    for (const RecordKey& k : app.take_dirty()) imported_removed = imported_removed || k.id != mine;
    CHECK(imported_removed);
}

TEST_CASE("unknown fields survive an import and the next export") {
    test::FixedEnvironment env;
    App app(env);
    const std::string file = with_unknown_key(exported_with("Future Corp"), "from_the_future");
    app.import_flow().receive(app, "future.json", file);
    REQUIRE(app.import_flow().pending());
    CHECK_FALSE(app.import_flow().pending()->warnings.empty());
    app.import_flow().apply(app, ImportFlow::Mode::merge);
    const std::string exported = encode_journal(app.journal(), app.extras(), env.now());
    CHECK(exported.find("from_the_future") != std::string::npos);
}

// Regression: undoing a replace gave back the old journal without its unknown fields (only the
// Journal was kept), and the backup file dropped them too.
TEST_CASE("undoing a replace import restores the previous journal's unknown fields, and so does its backup") {
    test::FixedEnvironment env;
    App app(env);
    app.import_flow().receive(app, "mine.json", with_unknown_key(exported_with("Mine"), "kept_by_me"));
    app.import_flow().apply(app, ImportFlow::Mode::merge);
    const JournalExtras mine = app.extras();
    REQUIRE_FALSE(mine.reflections.empty());

    app.import_flow().receive(app, "theirs.json", with_unknown_key(exported_with("Theirs"), "kept_by_them"));
    app.import_flow().apply(app, ImportFlow::Mode::replace);
    CHECK(encode_journal(app.journal(), app.extras(), env.now()).find("kept_by_me") == std::string::npos);

    const std::optional<ImportBackup> backup = app.import_flow().take_backup_to_write();
    REQUIRE(backup.has_value());
    CHECK(encode_journal(backup->journal, backup->extras, env.now()).find("kept_by_me") != std::string::npos);

    app.import_flow().undo(app);
    CHECK(app.extras() == mine);
    const std::string exported = encode_journal(app.journal(), app.extras(), env.now());
    CHECK(exported.find("kept_by_me") != std::string::npos);
    CHECK(exported.find("kept_by_them") == std::string::npos);
}
