// Tests of JournalStore: byte-exact round trips, quarantine of damaged files, leftover temp files, change tracking.
#include <doctest/doctest.h>

#include <algorithm>

#include "sample_journal.h"
#include "scratch_folder.h"
#include "storage/journal_store.h"

using namespace debrief;
using namespace debrief::samples;

namespace {

const std::string reflection_id = "3f2b8c1e-6d4a-4f7b-9a21-5c8e0d7b1a42";

std::string journal_text(const Journal& j) { return encode_journal(j, Timestamp{}); }

Journal sorted_like_the_store(Journal j) {
    const auto by_created = [](const auto& a, const auto& b) {
        return a.meta.created.unix_ms != b.meta.created.unix_ms ? a.meta.created.unix_ms < b.meta.created.unix_ms
                                                                : a.meta.id < b.meta.id;
    };
    std::sort(j.reflections.begin(), j.reflections.end(), by_created);
    std::sort(j.contacts.begin(), j.contacts.end(), by_created);
    std::sort(j.messages.begin(), j.messages.end(), by_created);
    std::sort(j.reminders.begin(), j.reminders.end(), by_created);
    return j;
}

LoadResult load(const ScratchFolder& folder) {
    JournalStore store(folder.path());
    return store.load_journal();
}

}  // namespace

TEST_CASE("every record type round-trips through its own file, byte for byte") {
    ScratchFolder folder;
    const Journal journal = sample_journal();
    JournalStore store(folder.path());
    auto saved = store.save_all(journal);
    REQUIRE(saved.ok());
    CHECK(saved.value().written == 10);  // 3 reflections, 2 contacts, 2 messages, 2 reminders, settings

    CHECK(folder.get("reflections/" + reflection_id + ".json") == encode_record(journal.reflections[0]));
    CHECK(folder.get("contacts/e2b9f3a1-4c5d-4e6f-8a7b-9c0d1e2f3a4b.json") == encode_record(journal.contacts[1]));
    CHECK(folder.get("messages/2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e.json") == encode_record(journal.messages[1]));
    CHECK(folder.get("reminders/4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a.json") == encode_record(journal.reminders[1]));
    CHECK(folder.get("settings.json") == encode_record(journal.settings));
    // Multi-script text is stored as raw UTF-8, controls escaped.
    const std::string arabic = folder.get("reflections/5c0e9b8a-7f6d-4a3b-9c2e-1d0f8a7b6c54.json");
    CHECK(arabic.find("\"company\": \"شركة النور للتقنية\"") != std::string::npos);
    CHECK(folder.get("reflections/a7e4d2c9-1b3f-4e8a-b5d6-0c9f8e7a6b15.json").find("nient'altro.\\u0001\"") !=
          std::string::npos);

    const LoadResult loaded = load(folder);
    CHECK(loaded.quarantined.empty());
    CHECK(loaded.errors.empty());
    CHECK(loaded.warnings.empty());
    CHECK(journal_text(loaded.journal) == journal_text(sorted_like_the_store(journal)));
    const auto it = std::find_if(loaded.journal.reflections.begin(), loaded.journal.reflections.end(),
                                 [](const Reflection& r) { return r.meta.id == reflection_id; });
    REQUIRE(it != loaded.journal.reflections.end());
    CHECK(it->vent.letter == journal.reflections[0].vent.letter);
    CHECK(it->vent.letter.find("\xE2\x80\xA8") != std::string::npos);  // U+2028 intact
}

TEST_CASE("an empty folder is an empty journal") {
    ScratchFolder folder;
    const LoadResult loaded = load(folder);
    CHECK(loaded.journal.reflections.empty());
    CHECK(loaded.journal.settings.modified == Timestamp{});
    CHECK(loaded.errors.empty());
}

TEST_CASE("a damaged file is quarantined, reported, and the rest loads") {
    ScratchFolder folder;
    const Journal journal = sample_journal();
    {
        JournalStore store(folder.path());
        REQUIRE(store.save_all(journal).ok());
    }
    const std::string path = "reflections/" + reflection_id + ".json";
    const std::string good = folder.get(path);
    const std::string damaged = good.substr(0, good.size() / 2);
    folder.put(path, damaged);

    const LoadResult loaded = load(folder);
    REQUIRE(loaded.quarantined.size() == 1);
    CHECK(loaded.quarantined[0].original == path);
    CHECK(loaded.quarantined[0].moved_to == "quarantine/" + reflection_id + ".json.1");
    CHECK(loaded.quarantined[0].reason.rfind("The file ends too early, at line ", 0) == 0);
    CHECK(folder.get("quarantine/" + reflection_id + ".json.1") == damaged);  // kept as it was
    CHECK_FALSE(folder.has(path));
    CHECK(loaded.journal.reflections.size() == 2);
    CHECK(loaded.journal.contacts.size() == 2);
    CHECK(loaded.journal.reminders.size() == 2);

    // A second damaged copy of the same file never replaces the first one in quarantine.
    folder.put(path, "{");
    const LoadResult again = load(folder);
    REQUIRE(again.quarantined.size() == 1);
    CHECK(again.quarantined[0].moved_to == "quarantine/" + reflection_id + ".json.2");
    CHECK(folder.get("quarantine/" + reflection_id + ".json.1") == damaged);
}

TEST_CASE("records in the wrong file are quarantined: id mismatch, wrong type, invalid record") {
    ScratchFolder folder;
    const Journal journal = sample_journal();
    folder.put("reflections/some-other-id.json", encode_record(journal.reflections[0]));
    folder.put("contacts/" + reflection_id + ".json", encode_record(journal.reflections[0]));
    folder.put("messages/m1.json",
               R"({"format": "debrief-record", "version": 1, "type": "message", "record": {"id": "m1"}})");
    folder.put("settings.json", "not json at all");
    folder.put("reminders/notes.txt", "ignored: not a record file");

    const LoadResult loaded = load(folder);
    REQUIRE(loaded.quarantined.size() == 4);
    CHECK(loaded.quarantined[0].original == "reflections/some-other-id.json");
    CHECK(loaded.quarantined[0].reason ==
          "The file name says id \"some-other-id\" but the record inside has id \"" + reflection_id + "\"");
    CHECK(loaded.quarantined[1].original == "contacts/" + reflection_id + ".json");
    CHECK(loaded.quarantined[1].reason == "The file holds a reflection record where a contact record belongs");
    CHECK(loaded.quarantined[2].original == "messages/m1.json");
    CHECK(loaded.quarantined[2].reason == "The required field \"created\" is missing at $.record");
    CHECK(loaded.quarantined[3].original == "settings.json");
    CHECK(loaded.quarantined[3].moved_to == "quarantine/settings.json.1");
    CHECK(loaded.journal.reflections.empty());
    CHECK(loaded.journal.messages.empty());
    CHECK(folder.has("reminders/notes.txt"));
}

TEST_CASE("leftover temporary files: dropped next to a real file, never shadowing it") {
    ScratchFolder folder;
    const Journal journal = sample_journal();
    {
        JournalStore store(folder.path());
        REQUIRE(store.save_all(journal).ok());
    }
    const std::string path = "reflections/" + reflection_id + ".json";
    const std::string real = folder.get(path);
    Reflection newer = journal.reflections[0];
    newer.company = "half-written";
    folder.put("reflections/." + reflection_id + ".json.tmp", encode_record(newer).substr(0, 300));

    const LoadResult loaded = load(folder);
    CHECK(loaded.quarantined.empty());
    CHECK(loaded.errors.empty());
    CHECK_FALSE(folder.has("reflections/." + reflection_id + ".json.tmp"));
    CHECK(folder.get(path) == real);
    CHECK(loaded.journal.reflections.size() == 3);
    for (const Reflection& r : loaded.journal.reflections) CHECK(r.company != "half-written");
}

TEST_CASE("leftover temporary files: a complete one without a real file is recovered, a broken one quarantined") {
    ScratchFolder folder;
    const Journal journal = sample_journal();
    folder.put("contacts/.9d1c7e52-0b8f-4c3a-8e6d-2f4a1b7c9e03.json.tmp", encode_record(journal.contacts[0]));
    folder.put("messages/.1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d.json.tmp",
               encode_record(journal.messages[0]).substr(0, 100));
    folder.put(".settings.json.tmp", encode_record(journal.settings));

    const LoadResult loaded = load(folder);
    REQUIRE(loaded.journal.contacts.size() == 1);
    CHECK(loaded.journal.contacts[0].name == "Jörg Weiß");
    CHECK(folder.has("contacts/9d1c7e52-0b8f-4c3a-8e6d-2f4a1b7c9e03.json"));
    CHECK(loaded.journal.settings.search_location == "München");
    CHECK(loaded.warnings ==
          std::vector<std::string>{
              "Recovered contacts/9d1c7e52-0b8f-4c3a-8e6d-2f4a1b7c9e03.json from a save that was interrupted.",
              "Recovered settings.json from a save that was interrupted."});
    REQUIRE(loaded.quarantined.size() == 1);
    CHECK(loaded.quarantined[0].original == "messages/.1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d.json.tmp");
    CHECK(loaded.quarantined[0].reason.rfind("An unfinished save of messages/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d.json "
                                             "is incomplete: The file ends too early",
                                             0) == 0);
    CHECK(loaded.journal.messages.empty());
}

TEST_CASE("saving an unchanged record writes nothing") {
    ScratchFolder folder;
    const Journal journal = sample_journal();
    JournalStore store(folder.path());
    REQUIRE(store.save_all(journal).ok());
    const auto path = folder.path() / "contacts/9d1c7e52-0b8f-4c3a-8e6d-2f4a1b7c9e03.json";
    const auto old_time = std::filesystem::last_write_time(path) - std::chrono::hours(24);
    std::filesystem::last_write_time(path, old_time);

    auto again = store.save_record(journal.contacts[0]);
    REQUIRE(again.ok());
    CHECK(again.value() == SaveOutcome::unchanged);
    CHECK(std::filesystem::last_write_time(path) == old_time);

    auto summary = store.save_all(journal);
    REQUIRE(summary.ok());
    CHECK(summary.value().written == 0);
    CHECK(summary.value().unchanged == 10);

    Contact changed = journal.contacts[0];
    changed.notes = "Trinkt lieber Tee 🍵";
    auto written = store.save_record(changed);
    REQUIRE(written.ok());
    CHECK(written.value() == SaveOutcome::written);
    CHECK(std::filesystem::last_write_time(path) != old_time);
    CHECK(load(folder).journal.contacts[0].notes == "Trinkt lieber Tee 🍵");
}

TEST_CASE("a loaded store knows what is on disk, so nothing is rewritten after a load") {
    ScratchFolder folder;
    {
        JournalStore store(folder.path());
        REQUIRE(store.save_all(sample_journal()).ok());
    }
    JournalStore store(folder.path());
    const LoadResult loaded = store.load_journal();
    auto summary = store.save_all(loaded.journal);
    REQUIRE(summary.ok());
    CHECK(summary.value().written == 0);
}

TEST_CASE("dirty tracking: save by id writes the record, or removes its file when it is gone") {
    ScratchFolder folder;
    Journal journal = sample_journal();
    JournalStore store(folder.path());
    REQUIRE(store.save_all(journal).ok());

    journal.reminders[0].done = true;
    auto saved = store.save_record(journal, RecordType::reminder, journal.reminders[0].meta.id);
    REQUIRE(saved.ok());
    CHECK(saved.value() == SaveOutcome::written);

    const std::string gone = journal.messages[1].meta.id;
    journal.messages.pop_back();
    auto removed = store.save_record(journal, RecordType::message, gone);
    REQUIRE(removed.ok());
    CHECK(removed.value() == SaveOutcome::removed);
    CHECK_FALSE(folder.has("messages/" + gone + ".json"));

    journal.settings.search_location = "Torino";
    REQUIRE(store.save_record(journal, RecordType::settings, "").ok());

    const LoadResult loaded = load(folder);
    CHECK(loaded.journal.messages.size() == 1);
    CHECK(loaded.journal.settings.search_location == "Torino");
    bool found = false;
    for (const Reminder& r : loaded.journal.reminders)
        found = found || (r.meta.id == journal.reminders[0].meta.id && r.done);
    CHECK(found);
}

TEST_CASE("save_all removes files of records that left the journal, and only those") {
    ScratchFolder folder;
    Journal journal = sample_journal();
    JournalStore store(folder.path());
    REQUIRE(store.save_all(journal).ok());
    folder.put("contacts/not-mine.json", "a file this store never loaded");
    journal.reflections.erase(journal.reflections.begin());
    auto summary = store.save_all(journal);
    REQUIRE(summary.ok());
    CHECK(summary.value().removed == 1);
    CHECK_FALSE(folder.has("reflections/" + reflection_id + ".json"));
    CHECK(folder.has("contacts/not-mine.json"));
}

TEST_CASE("remove_record deletes one file; unsafe ids never reach the file system") {
    ScratchFolder folder;
    const Journal journal = sample_journal();
    JournalStore store(folder.path());
    REQUIRE(store.save_all(journal).ok());
    REQUIRE(store.remove_record(RecordType::reflection, reflection_id).ok());
    CHECK_FALSE(folder.has("reflections/" + reflection_id + ".json"));
    CHECK(store.remove_record(RecordType::reflection, reflection_id).ok());

    Reflection unsafe = journal.reflections[0];
    unsafe.meta.id = "../settings";
    auto result = store.save_record(unsafe);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message ==
          "Could not save a reflection with the id \"../settings\": ids may only hold letters, digits, '-' and '_'.");
    CHECK_FALSE(store.remove_record(RecordType::contact, "../settings").ok());
    CHECK(folder.has("settings.json"));
}

TEST_CASE("a failed save reports why and keeps the previous file") {
    ScratchFolder folder;
    Journal journal = sample_journal();
    JournalStore store(folder.path());
    REQUIRE(store.save_all(journal).ok());
    const std::string path = "reflections/" + reflection_id + ".json";
    const std::string before = folder.get(path);
    std::filesystem::create_directories(folder.path() / ("reflections/." + reflection_id + ".json.tmp"));

    journal.reflections[0].company = "Neu";
    auto result = store.save_record(journal.reflections[0]);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message.rfind("Could not save " + path + ": ", 0) == 0);
    CHECK(folder.get(path) == before);
    // The failed write is not remembered as done: once the obstacle is gone, the same save writes.
    std::filesystem::remove(folder.path() / ("reflections/." + reflection_id + ".json.tmp"));
    auto retry = store.save_record(journal.reflections[0]);
    REQUIRE(retry.ok());
    CHECK(retry.value() == SaveOutcome::written);
}

TEST_CASE("unknown keys in a record file survive load, edit and save") {
    ScratchFolder folder;
    const Journal journal = sample_journal();
    std::string text = encode_record(journal.contacts[0]);
    const std::string marker = "\"notes\": \"Trinkt gern Espresso ☕\"";
    REQUIRE(text.find(marker) != std::string::npos);
    text.replace(text.find(marker), marker.size(), marker + ",\n    \"birthday\": \"1990-05-17\"");
    const std::string path = "contacts/9d1c7e52-0b8f-4c3a-8e6d-2f4a1b7c9e03.json";
    folder.put(path, text);

    JournalStore store(folder.path());
    LoadResult loaded = store.load_journal();
    REQUIRE(loaded.journal.contacts.size() == 1);
    REQUIRE(loaded.warnings.size() == 1);
    CHECK(loaded.warnings[0] == path +
                                    ": Unknown field \"birthday\" at $.record.birthday was kept unchanged (it may come "
                                    "from a newer version of Debrief)");
    CHECK(store.save_record(loaded.journal.contacts[0]).value() == SaveOutcome::unchanged);

    loaded.journal.contacts[0].notes = "Neu";
    REQUIRE(store.save_record(loaded.journal.contacts[0]).ok());
    CHECK(folder.get(path).find("\"notes\": \"Neu\",\n    \"birthday\": \"1990-05-17\"\n") != std::string::npos);
}
