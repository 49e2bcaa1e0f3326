// The save state machine, driven with a fake clock and a recording sync: debounce, batching,
// failure -> retry -> saved, flush, read-only readers, a reader taking over, backups of a replace.
#include "app/save_controller.h"

#include "app/import_flow.h"
#include "core/i18n.h"
#include "fixed_environment.h"
#include "scratch_folder.h"
#include "serialization/journal_json.h"
#include "storage/journal_store.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace debrief;
using debrief::samples::ScratchFolder;

namespace {

// Counts persist() calls and remembers every state the indicator went through.
class RecordingSync final : public StorageSync {
public:
    void persist() override { ++persists; }
    void status_changed(const SaveStatus& status) override { states.push_back(status.state); }
    int persists = 0;
    std::vector<SaveState> states;
};

// One App with its save controller on a scratch folder.
struct Fixture {
    ScratchFolder folder;
    test::FixedEnvironment env;
    App app{env};
    RecordingSync sync;
    SaveController saver{app, folder.path(), sync};

    SaveState state() const { return app.save_status().state; }
    // Started as the writer, with one reflection saved: its id.
    std::string start_with_reflection(const std::string& company) {
        saver.start(StorageRole::writer);
        const std::string id = app.create_reflection();
        app.update_reflection(id, [&](Reflection& r) { r.company = company; });
        saver.flush(0);
        return id;
    }
    // What a fresh start would load from the folder.
    Journal stored() const {
        JournalStore store(folder.path());
        return store.load_journal().journal;
    }
    // The batch of `reflection_id`'s shard cannot be written: a folder sits where its temporary file goes.
    std::filesystem::path block_shard_of(const std::string& reflection_id) const {
        const std::string path = JournalStore::record_path(RecordType::reflection, reflection_id);
        const auto slash = path.find('/');
        const auto blocker =
            folder.path() / (path.substr(0, slash + 1) + FileStore::temp_name_for(path.substr(slash + 1)));
        std::filesystem::create_directories(blocker);
        return blocker;
    }
};

// Another tab (or a later start) on the same folder: its own App and controller.
struct SecondTab {
    explicit SecondTab(const ScratchFolder& folder) : saver(app, folder.path(), sync) {}
    test::FixedEnvironment env;
    App app{env};
    RecordingSync sync;
    SaveController saver;
};

}  // namespace

TEST_CASE("an edit is written once the debounce has passed, in one batch, then persisted") {
    Fixture f;
    f.saver.start(StorageRole::writer);
    CHECK(f.state() == SaveState::saved);
    CHECK_FALSE(f.saver.next_update_in(0).has_value());

    const std::string id = f.app.create_reflection();
    f.saver.update(1000);
    CHECK(f.state() == SaveState::pending);
    CHECK(f.saver.next_update_in(1000) == doctest::Approx(SaveController::debounce_ms));

    // More typing inside the window joins the same batch and does not push the deadline back.
    f.app.update_reflection(id, [](Reflection& r) { r.company = "Studio Nord"; });
    f.saver.update(1200);
    CHECK(f.saver.next_update_in(1200) == doctest::Approx(SaveController::debounce_ms - 200));
    CHECK(f.stored().reflections.empty());
    CHECK(f.sync.persists == 0);

    f.saver.update(1000 + SaveController::debounce_ms);
    CHECK(f.state() == SaveState::saving);
    CHECK(f.sync.persists == 1);
    CHECK_FALSE(f.app.has_dirty());
    REQUIRE(f.stored().reflections.size() == 1);
    CHECK(f.stored().reflections[0].company == "Studio Nord");

    f.saver.sync_finished(true, "", 1500);
    CHECK(f.state() == SaveState::saved);
    CHECK(f.sync.states == std::vector<SaveState>{SaveState::pending, SaveState::saving, SaveState::saved});
}

TEST_CASE("an edit made while a sync is in flight is pending when that sync ends, and saved by the next") {
    Fixture f;
    f.saver.start(StorageRole::writer);
    const std::string id = f.app.create_reflection();
    f.saver.update(0);
    f.saver.update(SaveController::debounce_ms);
    REQUIRE(f.saver.sync_in_flight());
    f.app.update_reflection(id, [](Reflection& r) { r.role = "Designer"; });
    f.saver.update(500);
    f.saver.sync_finished(true, "", 600);
    CHECK(f.state() == SaveState::pending);
    f.saver.update(500 + SaveController::debounce_ms);
    CHECK(f.sync.persists == 2);
    f.saver.sync_finished(true, "", 1000);
    CHECK(f.state() == SaveState::saved);
    CHECK(f.stored().reflections[0].role == "Designer");
}

TEST_CASE("a failed write says why, keeps the records, retries with back-off and ends saved") {
    Fixture f;
    f.saver.start(StorageRole::writer);
    const std::string id = f.app.create_reflection();
    f.app.update_reflection(id, [](Reflection& r) { r.company = "Lumen"; });
    const std::filesystem::path blocker = f.block_shard_of(id);

    f.saver.update(0);
    f.saver.update(SaveController::debounce_ms);
    CHECK(f.state() == SaveState::failed);
    CHECK(f.app.save_status().reason.find("reflections/") != std::string::npos);
    CHECK(f.app.has_dirty());  // nothing in memory is lost
    CHECK(f.sync.persists == 0);
    REQUIRE(f.saver.next_update_in(SaveController::debounce_ms) == doctest::Approx(SaveController::first_retry_ms));

    // Still blocked: the second attempt fails too and the wait doubles.
    double now = SaveController::debounce_ms + SaveController::first_retry_ms;
    f.saver.update(now - 1);
    CHECK(f.state() == SaveState::failed);
    f.saver.update(now);
    CHECK(f.state() == SaveState::failed);
    CHECK(f.saver.next_update_in(now) == doctest::Approx(2 * SaveController::first_retry_ms));

    // The obstacle goes away: the next retry writes, persists, and the indicator says saved.
    std::filesystem::remove(blocker);
    now += 2 * SaveController::first_retry_ms;
    f.saver.update(now);
    CHECK(f.state() == SaveState::saving);
    CHECK_FALSE(f.app.has_dirty());
    f.saver.sync_finished(true, "", now + 10);
    CHECK(f.state() == SaveState::saved);
    CHECK_FALSE(f.saver.next_update_in(now + 10).has_value());
    REQUIRE(f.stored().reflections.size() == 1);
    CHECK(f.stored().reflections[0].company == "Lumen");
}

TEST_CASE("a failed sync is reported (quota in words) and persisted again on retry") {
    Fixture f;
    f.saver.start(StorageRole::writer);
    f.app.create_reflection();
    f.saver.update(0);
    f.saver.update(SaveController::debounce_ms);
    REQUIRE(f.sync.persists == 1);

    f.saver.sync_finished(false, "full", 500);
    CHECK(f.state() == SaveState::failed);
    CHECK(f.app.save_status().reason == tr("storage.full"));
    f.saver.update(500 + SaveController::first_retry_ms);
    CHECK(f.sync.persists == 2);
    CHECK(f.state() == SaveState::saving);
    f.saver.sync_finished(true, "", 3000);
    CHECK(f.state() == SaveState::saved);

    // A later failure starts again from the first wait: the back-off was reset by the success.
    f.app.create_reflection();
    f.saver.update(4000);
    f.saver.update(4000 + SaveController::debounce_ms);
    f.saver.sync_finished(false, "timeout", 5000);
    CHECK(f.app.save_status().reason.find("timeout") != std::string::npos);
    CHECK(f.saver.next_update_in(5000) == doctest::Approx(SaveController::first_retry_ms));
}

TEST_CASE("flush writes at once, without waiting for the debounce") {
    Fixture f;
    f.saver.start(StorageRole::writer);
    const std::string id = f.app.create_reflection();
    f.app.update_reflection(id, [](Reflection& r) { r.company = "Hidden tab"; });
    f.saver.update(0);
    f.saver.flush(1);
    CHECK(f.sync.persists == 1);
    CHECK_FALSE(f.saver.next_update_in(1).has_value());
    CHECK(f.stored().reflections.at(0).company == "Hidden tab");
    // Nothing left to write: a second flush does not sync again.
    f.saver.sync_finished(true, "", 2);
    f.saver.flush(3);
    CHECK(f.sync.persists == 1);
}

TEST_CASE("a reader loads the writer's journal, changes nothing, follows its saves and can take over") {
    Fixture writer;
    const std::string id = writer.start_with_reflection("First");

    SecondTab tab(writer.folder);
    App& app = tab.app;
    RecordingSync& sync = tab.sync;
    SaveController& reader = tab.saver;
    reader.start(StorageRole::reader);
    CHECK(app.save_status().state == SaveState::read_only);
    CHECK_FALSE(app.save_status().reason.empty());
    REQUIRE(app.journal().reflections.size() == 1);
    CHECK(app.journal().reflections[0].company == "First");

    // The App refuses edits in a read-only tab, and the controller never writes.
    app.update_reflection(id, [](Reflection& r) { r.company = "Mine"; });
    CHECK(app.journal().reflections[0].company == "First");
    reader.update(0);
    reader.flush(1);
    CHECK(sync.persists == 0);

    writer.app.update_reflection(id, [](Reflection& r) { r.company = "Second"; });
    writer.saver.flush(2);
    reader.reload();
    CHECK(app.journal().reflections[0].company == "Second");

    reader.become_writer();
    CHECK(reader.role() == StorageRole::writer);
    CHECK(app.journal().reflections[0].company == "Second");
    CHECK(sync.persists == 1);  // what its own loads changed in the folder reaches durable storage
    reader.sync_finished(true, "", 5);
    CHECK(app.save_status().state == SaveState::saved);
    app.update_reflection(id, [](Reflection& r) { r.company = "Third"; });
    reader.update(10);
    reader.update(10 + SaveController::debounce_ms);
    CHECK(sync.persists == 2);
    CHECK(writer.stored().reflections[0].company == "Third");
}

TEST_CASE("without durable storage the journal works in memory and the indicator says so") {
    Fixture f;
    f.saver.start(StorageRole::memory_only);
    CHECK_FALSE(f.app.storage_info().available);
    f.app.create_reflection();
    f.saver.update(0);
    f.saver.update(SaveController::debounce_ms);
    CHECK(f.state() == SaveState::failed);
    CHECK(f.app.save_status().reason == tr("data.storage.unavailable"));
    CHECK(f.sync.persists == 0);
}

TEST_CASE("a damaged stored line is set aside, named on the data screen, and the load is persisted") {
    Fixture f;
    f.folder.put(JournalStore::shard_path(RecordType::reflection, 0), "{not json\n");
    f.saver.start(StorageRole::writer);
    REQUIRE(f.app.storage_info().quarantined.size() == 1);
    CHECK(f.app.storage_info().quarantined[0].find("reflections/00.jsonl") != std::string::npos);
    CHECK(f.app.notice() == tr("storage.quarantined_notice"));
    CHECK(f.sync.persists == 1);  // the quarantine itself must reach durable storage
}

TEST_CASE("a replace import's backup is written, with the unknown keys, before the new journal") {
    Fixture f;
    f.saver.start(StorageRole::writer);
    const std::string mine = f.app.create_reflection();
    f.app.update_reflection(mine, [](Reflection& r) { r.company = "Before"; });
    f.saver.flush(0);

    test::FixedEnvironment other_env;
    for (int i = 0; i < 50; ++i) other_env.new_id();
    App other(other_env);
    other.update_reflection(other.create_reflection(), [](Reflection& r) { r.company = "After"; });
    f.app.import_flow().receive(f.app, "other.json", encode_journal(other.journal(), other_env.now()));
    f.app.import_flow().apply(f.app, ImportFlow::Mode::replace);

    f.saver.update(100);
    const auto backups = FileStore(f.folder.path()).list("backups");
    REQUIRE(backups.ok());
    REQUIRE(backups.value().size() == 1);
    // Written before the debounce let the new journal's records reach the folder.
    CHECK(f.stored().reflections.at(0).company == "Before");
    const std::string text = f.folder.get("backups/" + backups.value()[0]);
    CHECK(text.find("\"Before\"") != std::string::npos);

    f.saver.update(100 + SaveController::debounce_ms);
    REQUIRE(f.stored().reflections.size() == 1);
    CHECK(f.stored().reflections[0].company == "After");
}

// A large journal's first load in steps (the web page runs them between frames).
TEST_CASE("a load in steps: settings at once, progress meanwhile, nothing saved until the journal is in") {
    Fixture stored;
    stored.saver.start(StorageRole::writer);
    stored.app.update_settings([](Settings& s) { s.language = "it"; });
    for (int i = 0; i < 40; ++i) {
        const std::string id = stored.app.create_reflection();
        stored.app.update_reflection(id, [i](Reflection& r) { r.company = "Azienda " + std::to_string(i); });
    }
    stored.saver.flush(0);

    SecondTab tab(stored.folder);
    App& app = tab.app;
    RecordingSync& sync = tab.sync;
    SaveController& saver = tab.saver;
    saver.begin(StorageRole::writer);
    CHECK(saver.loading());
    REQUIRE(app.storage_info().loading);

    CHECK(saver.step_load([] { return false; }));  // one file: the settings and the list
    CHECK(app.journal().settings.language == "it");
    CHECK(app.journal().reflections.empty());
    const std::uintmax_t total = app.storage_info().loading->total;  // bytes
    CHECK(total > 40 * 100);
    // Nothing is saved while the journal is not all in: a save now would write an empty journal.
    app.update_settings([](Settings& s) { s.search_location = "Torino"; });
    saver.update(0);
    saver.update(SaveController::debounce_ms * 2);
    saver.flush(SaveController::debounce_ms * 3);
    CHECK(sync.persists == 0);

    std::uintmax_t seen = 0;
    while (saver.step_load([] { return false; })) {
        REQUIRE(app.storage_info().loading);
        CHECK(app.storage_info().loading->done >= seen);
        seen = app.storage_info().loading->done;
    }
    CHECK_FALSE(saver.loading());
    CHECK_FALSE(app.storage_info().loading);
    CHECK(seen == total);
    CHECK(app.journal().reflections.size() == 40);
    CHECK(app.save_status().state == SaveState::saved);
}

TEST_CASE("a reader's refresh and a take-over that arrive during a load in steps are done once it ends") {
    Fixture writer;
    const std::string id = writer.start_with_reflection("Before");

    SecondTab tab(writer.folder);
    App& app = tab.app;
    RecordingSync& sync = tab.sync;
    SaveController& reader = tab.saver;
    reader.begin(StorageRole::reader);
    REQUIRE(reader.step_load([] { return false; }));  // listed: the shard is not read yet

    writer.app.update_reflection(id, [](Reflection& r) { r.company = "During"; });
    writer.saver.flush(1);
    reader.reload();
    reader.become_writer();
    CHECK(sync.persists == 0);  // not before the journal is in
    while (reader.step_load([] { return true; })) {
    }
    REQUIRE(app.journal().reflections.size() == 1);
    CHECK(app.journal().reflections[0].company == "During");
    CHECK(reader.role() == StorageRole::writer);
    CHECK(sync.persists == 1);
    CHECK(app.notice() == tr("storage.now_writer"));
}
