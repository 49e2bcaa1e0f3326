// Tests of JournalStore: shard layout and round trips, line quarantine, leftover temp files, change tracking,
// batched saves, migration from one file per record.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <set>

#include "sample_journal.h"
#include "scratch_folder.h"
#include "serialization/journal_json.h"
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

std::string line_of(const Reflection& r) { return encode_record(r, {}, TextLayout::line); }

// Every record of `journal` and its settings in one batch, as the app's first save after an import
// does (App::replace_journal marks everything dirty).
IoResult<SaveSummary> save_everything(JournalStore& store, const Journal& journal) {
    std::vector<RecordKey> keys{RecordKey{RecordType::settings, ""}};
    for (const Reflection& r : journal.reflections) keys.push_back({RecordType::reflection, r.meta.id});
    for (const Contact& c : journal.contacts) keys.push_back({RecordType::contact, c.meta.id});
    for (const Message& m : journal.messages) keys.push_back({RecordType::message, m.meta.id});
    for (const Reminder& r : journal.reminders) keys.push_back({RecordType::reminder, r.meta.id});
    const BatchSaveResult result = store.save_records(journal, keys);
    if (result.first_error) return *result.first_error;
    return result.summary;
}
IoResult<SaveSummary> save_everything(const std::filesystem::path& folder, const Journal& journal) {
    JournalStore store(folder);
    return save_everything(store, journal);
}

// One record through the batch API, reported as what happened to it.
IoResult<SaveOutcome> save_one(JournalStore& store, const Journal& journal, RecordType type, const std::string& id) {
    const BatchSaveResult result = store.save_records(journal, {RecordKey{type, id}});
    if (result.first_error) return *result.first_error;
    if (result.summary.removed > 0) return SaveOutcome::removed;
    if (result.summary.written > 0) return SaveOutcome::written;
    return SaveOutcome::unchanged;
}

std::string shard_of_reflection(const std::string& id) { return JournalStore::record_path(RecordType::reflection, id); }

// `count` copies of a sample reflection with distinct ids, so they spread over the shards.
Journal with_many_reflections(int count) {
    Journal journal = sample_journal();
    const Reflection model = journal.reflections[0];
    for (int i = 0; i < count; ++i) {
        Reflection r = model;
        r.meta.id = "bulk-" + std::to_string(i);
        r.company = "Company " + std::to_string(i);
        journal.reflections.push_back(r);
    }
    return journal;
}

std::filesystem::file_time_type age_all_files(const ScratchFolder& folder) {
    const auto old_time = std::filesystem::file_time_type::clock::now() - std::chrono::hours(24);
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder.path())) {
        if (entry.is_regular_file()) std::filesystem::last_write_time(entry.path(), old_time);
    }
    return old_time;
}

std::vector<std::string> files_newer_than(const ScratchFolder& folder, std::filesystem::file_time_type time) {
    std::vector<std::string> newer;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder.path())) {
        if (entry.is_regular_file() && std::filesystem::last_write_time(entry.path()) != time)
            newer.push_back(std::filesystem::relative(entry.path(), folder.path()).generic_string());
    }
    std::sort(newer.begin(), newer.end());
    return newer;
}

// The layout before shards: one pretty record document per file.
void put_old_layout(const ScratchFolder& folder, const Journal& journal) {
    for (const Reflection& r : journal.reflections) folder.put("reflections/" + r.meta.id + ".json", encode_record(r));
    for (const Contact& c : journal.contacts) folder.put("contacts/" + c.meta.id + ".json", encode_record(c));
    for (const Message& m : journal.messages) folder.put("messages/" + m.meta.id + ".json", encode_record(m));
    for (const Reminder& r : journal.reminders) folder.put("reminders/" + r.meta.id + ".json", encode_record(r));
    folder.put("settings.json", encode_record(journal.settings));
}

LoadResult load(const ScratchFolder& folder) {
    JournalStore store(folder.path());
    return store.load_journal();
}

}  // namespace

TEST_CASE("every record type round-trips through its shard, byte for byte") {
    ScratchFolder folder;
    const Journal journal = sample_journal();
    JournalStore store(folder.path());
    auto saved = save_everything(store, journal);
    REQUIRE(saved.ok());
    CHECK(saved.value().written == 10);  // 3 reflections, 2 contacts, 2 messages, 2 reminders, settings

    const auto has_line = [&](const std::string& path, const std::string& line) {
        return folder.get(path).find(line + "\n") != std::string::npos;
    };
    CHECK(has_line(shard_of_reflection(reflection_id), line_of(journal.reflections[0])));
    const Contact& contact = journal.contacts[1];
    CHECK(has_line(JournalStore::record_path(RecordType::contact, contact.meta.id),
                   encode_record(contact, {}, TextLayout::line)));
    const Message& message = journal.messages[1];
    CHECK(has_line(JournalStore::record_path(RecordType::message, message.meta.id),
                   encode_record(message, {}, TextLayout::line)));
    const Reminder& reminder = journal.reminders[1];
    CHECK(has_line(JournalStore::record_path(RecordType::reminder, reminder.meta.id),
                   encode_record(reminder, {}, TextLayout::line)));
    CHECK(folder.get("settings.json") == encode_record(journal.settings));
    // Multi-script text is stored as raw UTF-8, controls escaped.
    CHECK(folder.get(shard_of_reflection("5c0e9b8a-7f6d-4a3b-9c2e-1d0f8a7b6c54")).find("شركة النور للتقنية") !=
          std::string::npos);
    CHECK(folder.get(shard_of_reflection("a7e4d2c9-1b3f-4e8a-b5d6-0c9f8e7a6b15")).find("nient'altro.\\u0001\"") !=
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

TEST_CASE("shard names: two hex digits of a stable hash of the id") {
    CHECK(JournalStore::shard_count == 64);
    // FNV-1a 32-bit of "a" is 0xe40c292c; 0x2c = 44 = 0x2c % 64.
    CHECK(JournalStore::shard_of("a") == 0x2c);
    CHECK(JournalStore::shard_path(RecordType::contact, 10) == "contacts/0a.jsonl");
    CHECK(JournalStore::record_path(RecordType::reflection, "a") == "reflections/2c.jsonl");
    CHECK(JournalStore::record_path(RecordType::settings, "") == "settings.json");
}

TEST_CASE("shard bytes are deterministic: lines sorted by id, each ended by a newline") {
    ScratchFolder first;
    ScratchFolder second;
    Journal journal = with_many_reflections(300);
    REQUIRE(save_everything(first.path(), journal).ok());
    std::reverse(journal.reflections.begin(), journal.reflections.end());
    REQUIRE(save_everything(second.path(), journal).ok());
    for (int shard = 0; shard < JournalStore::shard_count; ++shard) {
        const std::string path = JournalStore::shard_path(RecordType::reflection, shard);
        CHECK(first.get(path) == second.get(path));
        const std::string bytes = first.get(path);
        if (bytes.empty()) continue;
        CHECK(bytes.back() == '\n');
        std::vector<std::string> ids;
        std::size_t begin = 0;
        while (begin < bytes.size()) {
            const std::size_t end = bytes.find('\n', begin);
            auto decoded = decode_record(std::string_view(bytes).substr(begin, end - begin));
            REQUIRE(decoded.ok());
            ids.push_back(std::get<Reflection>(decoded.value().record).meta.id);
            begin = end + 1;
        }
        CHECK(std::is_sorted(ids.begin(), ids.end()));
    }
}

TEST_CASE("an empty folder is an empty journal") {
    ScratchFolder folder;
    const LoadResult loaded = load(folder);
    CHECK(loaded.journal.reflections.empty());
    CHECK(loaded.journal.settings.modified == Timestamp{});
    CHECK(loaded.errors.empty());
}

TEST_CASE("a damaged line is quarantined and reported; the other lines of its shard load") {
    ScratchFolder folder;
    const Journal journal = with_many_reflections(300);
    {
        JournalStore store(folder.path());
        REQUIRE(save_everything(store, journal).ok());
    }
    const std::string path = shard_of_reflection(reflection_id);
    const std::string good = folder.get(path);
    const std::string line = line_of(journal.reflections[0]);
    const std::size_t at = good.find(line);
    REQUIRE(at != std::string::npos);
    const std::string damaged = line.substr(0, line.size() / 2);
    const int line_number = 1 + static_cast<int>(std::count(good.begin(), good.begin() + static_cast<long>(at), '\n'));
    const int lines_in_shard = static_cast<int>(std::count(good.begin(), good.end(), '\n'));
    REQUIRE(lines_in_shard > 1);
    folder.put(path, std::string(good).replace(at, line.size(), damaged));

    const std::string quarantined_as =
        "quarantine/reflections-" + path.substr(std::string("reflections/").size()) + ".1";
    const LoadResult loaded = load(folder);
    REQUIRE(loaded.quarantined.size() == 1);
    CHECK(loaded.quarantined[0].original == path);
    CHECK(loaded.quarantined[0].moved_to == quarantined_as);
    CHECK(loaded.quarantined[0].reason.rfind("Line " + std::to_string(line_number) + ": The file ends too early", 0) ==
          0);
    CHECK(folder.get(quarantined_as) == damaged + "\n");  // kept as it was
    CHECK(loaded.journal.reflections.size() == journal.reflections.size() - 1);
    CHECK(loaded.journal.contacts.size() == 2);
    // The shard was rewritten without the bad line, only after it was safe in quarantine.
    CHECK(folder.get(path) == std::string(good).erase(at, line.size() + 1));

    // A second damaged line of the same shard never replaces the first one in quarantine.
    folder.put(path, folder.get(path) + "{\n");
    const LoadResult again = load(folder);
    REQUIRE(again.quarantined.size() == 1);
    CHECK(again.quarantined[0].moved_to ==
          "quarantine/reflections-" + path.substr(std::string("reflections/").size()) + ".2");
    CHECK(folder.get(quarantined_as) == damaged + "\n");
    CHECK(again.journal.reflections.size() == journal.reflections.size() - 1);
}

TEST_CASE("lines that do not belong are quarantined: wrong shard, wrong type, duplicate, invalid record") {
    ScratchFolder folder;
    const Journal journal = sample_journal();
    const Reflection& r = journal.reflections[0];
    const int home = JournalStore::shard_of(r.meta.id);
    const int elsewhere = (home + 1) % JournalStore::shard_count;
    folder.put(JournalStore::shard_path(RecordType::reflection, elsewhere), line_of(r) + "\n");
    folder.put(JournalStore::shard_path(RecordType::reflection, home), line_of(r) + "\n" + line_of(r) + "\n");
    folder.put(JournalStore::shard_path(RecordType::contact, home), line_of(r) + "\n");
    const std::string invalid = R"({"format":"debrief-record","version":1,"type":"message","record":{"id":"m1"}})";
    folder.put(JournalStore::record_path(RecordType::message, "m1"), invalid + "\n");
    folder.put("settings.json", "not json at all");
    folder.put("reminders/notes.txt", "ignored: not a record file");

    const LoadResult loaded = load(folder);
    REQUIRE(loaded.quarantined.size() == 5);
    std::vector<std::string> reasons;
    for (const QuarantinedFile& q : loaded.quarantined) reasons.push_back(q.original + " | " + q.reason);
    const auto has = [&](const std::string& text) {
        return std::find(reasons.begin(), reasons.end(), text) != reasons.end();
    };
    CHECK(has(JournalStore::shard_path(RecordType::reflection, home) + " | Line 2: The record \"" + r.meta.id +
              "\" appears twice; the first copy was kept"));
    CHECK(has(JournalStore::shard_path(RecordType::reflection, elsewhere) + " | Line 1: The record \"" + r.meta.id +
              "\" belongs in " + JournalStore::shard_path(RecordType::reflection, home).substr(12) +
              ", not in this file"));
    CHECK(has(JournalStore::shard_path(RecordType::contact, home) +
              " | Line 1: The line holds a reflection record where a contact record belongs"));
    CHECK(has(JournalStore::record_path(RecordType::message, "m1") +
              " | Line 1: The required field \"created\" is missing at $.record"));
    CHECK(loaded.quarantined.front().moved_to == "quarantine/settings.json.1");  // settings are read first
    CHECK(loaded.journal.reflections.size() == 1);
    CHECK(loaded.journal.contacts.empty());
    CHECK(loaded.journal.messages.empty());
    CHECK(folder.has("reminders/notes.txt"));
    // Shards left with no good line are removed; the one good copy stays.
    CHECK_FALSE(folder.has(JournalStore::shard_path(RecordType::reflection, elsewhere)));
    CHECK_FALSE(folder.has(JournalStore::shard_path(RecordType::contact, home)));
    CHECK(folder.get(JournalStore::shard_path(RecordType::reflection, home)) == line_of(r) + "\n");
}

TEST_CASE("leftover temporary files: dropped next to a real file, never shadowing it") {
    ScratchFolder folder;
    const Journal journal = sample_journal();
    {
        JournalStore store(folder.path());
        REQUIRE(save_everything(store, journal).ok());
    }
    const std::string path = shard_of_reflection(reflection_id);
    const std::string temp = "reflections/." + path.substr(12) + ".tmp";
    const std::string real = folder.get(path);
    Reflection newer = journal.reflections[0];
    newer.company = "half-written";
    folder.put(temp, line_of(newer).substr(0, 300));

    const LoadResult loaded = load(folder);
    CHECK(loaded.quarantined.empty());
    CHECK(loaded.errors.empty());
    CHECK_FALSE(folder.has(temp));
    CHECK(folder.get(path) == real);
    CHECK(loaded.journal.reflections.size() == 3);
    for (const Reflection& r : loaded.journal.reflections) CHECK(r.company != "half-written");
}

TEST_CASE("leftover temporary files: a complete one without a real file is recovered, a broken one quarantined") {
    ScratchFolder folder;
    const Journal journal = sample_journal();
    const std::string contact_shard = JournalStore::record_path(RecordType::contact, journal.contacts[0].meta.id);
    const std::string message_shard = JournalStore::record_path(RecordType::message, journal.messages[0].meta.id);
    const auto temp_of = [](const std::string& path) {
        const auto slash = path.find('/');
        return path.substr(0, slash + 1) + "." + path.substr(slash + 1) + ".tmp";
    };
    folder.put(temp_of(contact_shard), encode_record(journal.contacts[0], {}, TextLayout::line) + "\n");
    folder.put(temp_of(message_shard), encode_record(journal.messages[0], {}, TextLayout::line).substr(0, 100));
    folder.put(".settings.json.tmp", encode_record(journal.settings));

    const LoadResult loaded = load(folder);
    REQUIRE(loaded.journal.contacts.size() == 1);
    CHECK(loaded.journal.contacts[0].name == "Jörg Weiß");
    CHECK(folder.has(contact_shard));
    CHECK(loaded.journal.settings.search_location == "München");
    CHECK(loaded.warnings ==
          std::vector<std::string>{"Recovered settings.json from a save that was interrupted.",
                                   "Recovered " + contact_shard + " from a save that was interrupted."});
    REQUIRE(loaded.quarantined.size() == 1);
    CHECK(loaded.quarantined[0].original == temp_of(message_shard));
    CHECK(loaded.quarantined[0].reason ==
          "An unfinished save of " + message_shard + " is incomplete: it does not end with a line break");
    CHECK(loaded.journal.messages.empty());
}

TEST_CASE("saving an unchanged record writes nothing") {
    ScratchFolder folder;
    const Journal journal = sample_journal();
    JournalStore store(folder.path());
    REQUIRE(save_everything(store, journal).ok());
    const auto old_time = age_all_files(folder);

    auto again = save_one(store, journal, RecordType::contact, journal.contacts[0].meta.id);
    REQUIRE(again.ok());
    CHECK(again.value() == SaveOutcome::unchanged);

    auto summary = save_everything(store, journal);
    REQUIRE(summary.ok());
    CHECK(summary.value().written == 0);
    CHECK(summary.value().files_written == 0);
    CHECK(summary.value().unchanged == 10);
    CHECK(files_newer_than(folder, old_time).empty());

    Journal edited = journal;
    Contact& changed = edited.contacts[0];
    changed.notes = "Trinkt lieber Tee 🍵";
    auto written = save_one(store, edited, RecordType::contact, changed.meta.id);
    REQUIRE(written.ok());
    CHECK(written.value() == SaveOutcome::written);
    CHECK(files_newer_than(folder, old_time) ==
          std::vector<std::string>{JournalStore::record_path(RecordType::contact, changed.meta.id)});
    CHECK(load(folder).journal.contacts[0].notes == "Trinkt lieber Tee 🍵");
}

TEST_CASE("one edit rewrites one shard") {
    ScratchFolder folder;
    Journal journal = with_many_reflections(500);
    JournalStore store(folder.path());
    REQUIRE(save_everything(store, journal).ok());
    const auto old_time = age_all_files(folder);

    Reflection& edited = journal.reflections[250];
    edited.company = "Edited";
    const BatchSaveResult saved = store.save_records(journal, {RecordKey{RecordType::reflection, edited.meta.id}});
    CHECK_FALSE(saved.first_error);
    CHECK(saved.summary.written == 1);
    CHECK(saved.summary.files_written == 1);
    CHECK(files_newer_than(folder, old_time) == std::vector<std::string>{shard_of_reflection(edited.meta.id)});
}

TEST_CASE("an import saved as one batch writes each shard once") {
    ScratchFolder folder;
    const Journal journal = with_many_reflections(2000);
    std::vector<RecordKey> dirty;
    std::set<std::string> shards;
    for (const Reflection& r : journal.reflections) {
        dirty.push_back(RecordKey{RecordType::reflection, r.meta.id});
        shards.insert(shard_of_reflection(r.meta.id));
    }
    JournalStore store(folder.path());
    const BatchSaveResult saved = store.save_records(journal, dirty);
    CHECK_FALSE(saved.first_error);
    CHECK(saved.summary.written == 2003);
    CHECK(saved.summary.files_written == static_cast<int>(shards.size()));
    CHECK(shards.size() == JournalStore::shard_count);
    CHECK(load(folder).journal.reflections.size() == 2003);
}

TEST_CASE("a batch that cannot write one shard keeps that shard's records unwritten and writes the others") {
    ScratchFolder folder;
    Journal journal = sample_journal();
    JournalStore store(folder.path());
    REQUIRE(save_everything(store, journal).ok());
    const std::string blocked = shard_of_reflection(reflection_id);
    std::filesystem::create_directories(folder.path() / ("reflections/." + blocked.substr(12) + ".tmp"));
    journal.reflections[0].company = "Neu";
    journal.contacts[0].notes = "Neu";
    const BatchSaveResult saved =
        store.save_records(journal, {RecordKey{RecordType::reflection, reflection_id},
                                     RecordKey{RecordType::contact, journal.contacts[0].meta.id}});
    REQUIRE(saved.first_error);
    CHECK(saved.first_error->message.rfind("Could not save " + blocked + ": ", 0) == 0);
    REQUIRE(saved.unwritten.size() == 1);
    CHECK(saved.unwritten[0].id == reflection_id);
    CHECK(load(folder).journal.contacts[0].notes == "Neu");
}

TEST_CASE("a loaded store knows what is on disk, so nothing is rewritten after a load") {
    ScratchFolder folder;
    {
        JournalStore store(folder.path());
        REQUIRE(save_everything(store, sample_journal()).ok());
    }
    JournalStore store(folder.path());
    const LoadResult loaded = store.load_journal();
    auto summary = save_everything(store, loaded.journal);
    REQUIRE(summary.ok());
    CHECK(summary.value().written == 0);
}

TEST_CASE("dirty tracking: save by id writes the record, or removes it when it is gone") {
    ScratchFolder folder;
    Journal journal = sample_journal();
    JournalStore store(folder.path());
    REQUIRE(save_everything(store, journal).ok());

    journal.reminders[0].done = true;
    auto saved = save_one(store, journal, RecordType::reminder, journal.reminders[0].meta.id);
    REQUIRE(saved.ok());
    CHECK(saved.value() == SaveOutcome::written);

    const std::string gone = journal.messages[1].meta.id;
    journal.messages.pop_back();
    auto removed = save_one(store, journal, RecordType::message, gone);
    REQUIRE(removed.ok());
    CHECK(removed.value() == SaveOutcome::removed);
    CHECK(folder.get(JournalStore::record_path(RecordType::message, gone)).find(gone) == std::string::npos);

    journal.settings.search_location = "Torino";
    REQUIRE(save_one(store, journal, RecordType::settings, "").ok());

    const LoadResult loaded = load(folder);
    CHECK(loaded.journal.messages.size() == 1);
    CHECK(loaded.journal.settings.search_location == "Torino");
    bool found = false;
    for (const Reminder& r : loaded.journal.reminders)
        found = found || (r.meta.id == journal.reminders[0].meta.id && r.done);
    CHECK(found);
}

TEST_CASE("a record that left the journal is removed from its shard, and nothing else is touched") {
    ScratchFolder folder;
    Journal journal = sample_journal();
    JournalStore store(folder.path());
    REQUIRE(save_everything(store, journal).ok());
    folder.put("contacts/notes.txt", "a file this store never loaded");
    journal.reflections.erase(journal.reflections.begin());
    const BatchSaveResult result = store.save_records(journal, {RecordKey{RecordType::reflection, reflection_id}});
    REQUIRE_FALSE(result.first_error);
    CHECK(result.summary.removed == 1);
    CHECK(folder.get(shard_of_reflection(reflection_id)).find(reflection_id) == std::string::npos);
    CHECK(folder.has("contacts/notes.txt"));
    CHECK(load(folder).journal.reflections.size() == 2);
}

TEST_CASE("a record that left the journal is removed once; unsafe ids are refused") {
    ScratchFolder folder;
    Journal journal = sample_journal();
    JournalStore store(folder.path());
    REQUIRE(save_everything(store, journal).ok());
    Journal without = journal;
    without.reflections.erase(without.reflections.begin());
    CHECK(save_one(store, without, RecordType::reflection, reflection_id).value() == SaveOutcome::removed);
    CHECK(load(folder).journal.reflections.size() == 2);
    CHECK(save_one(store, without, RecordType::reflection, reflection_id).value() == SaveOutcome::unchanged);

    journal.reflections[0].meta.id = "../settings";
    auto result = save_one(store, journal, RecordType::reflection, "../settings");
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message ==
          "Could not save a reflection record with the id \"../settings\": ids may only hold letters, digits, '-' and "
          "'_'.");
    CHECK_FALSE(save_one(store, without, RecordType::contact, "../settings").ok());
    CHECK(folder.has("settings.json"));
}

TEST_CASE("a failed save reports why and keeps the previous file") {
    ScratchFolder folder;
    Journal journal = sample_journal();
    JournalStore store(folder.path());
    REQUIRE(save_everything(store, journal).ok());
    const std::string path = shard_of_reflection(reflection_id);
    const std::string temp = "reflections/." + path.substr(12) + ".tmp";
    const std::string before = folder.get(path);
    std::filesystem::create_directories(folder.path() / temp);

    journal.reflections[0].company = "Neu";
    auto result = save_one(store, journal, RecordType::reflection, reflection_id);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message.rfind("Could not save " + path + ": ", 0) == 0);
    CHECK(folder.get(path) == before);
    // The failed write is not remembered as done: once the obstacle is gone, the same save writes.
    std::filesystem::remove(folder.path() / temp);
    auto retry = save_one(store, journal, RecordType::reflection, reflection_id);
    REQUIRE(retry.ok());
    CHECK(retry.value() == SaveOutcome::written);
}

TEST_CASE("unknown keys in a shard line survive load, edit and save") {
    ScratchFolder folder;
    const Journal journal = sample_journal();
    std::string text = encode_record(journal.contacts[0], {}, TextLayout::line);
    const std::string marker = "\"notes\":\"Trinkt gern Espresso ☕\"";
    REQUIRE(text.find(marker) != std::string::npos);
    text.replace(text.find(marker), marker.size(), marker + ",\"birthday\":\"1990-05-17\"");
    const std::string path = JournalStore::record_path(RecordType::contact, journal.contacts[0].meta.id);
    folder.put(path, text + "\n");

    JournalStore store(folder.path());
    LoadResult loaded = store.load_journal();
    REQUIRE(loaded.journal.contacts.size() == 1);
    REQUIRE(loaded.warnings.size() == 1);
    CHECK(loaded.warnings[0] == path +
                                    ": Unknown field \"birthday\" at $.record.birthday was kept unchanged (it may come "
                                    "from a newer version of Debrief)");
    const std::string id = loaded.journal.contacts[0].meta.id;
    CHECK(save_one(store, loaded.journal, RecordType::contact, id).value() == SaveOutcome::unchanged);

    loaded.journal.contacts[0].notes = "Neu";
    REQUIRE(save_one(store, loaded.journal, RecordType::contact, id).ok());
    CHECK(folder.get(path).find("\"notes\":\"Neu\",\"birthday\":\"1990-05-17\"") != std::string::npos);
}

TEST_CASE("migration: one file per record becomes shards; old files go only after the shards are written") {
    ScratchFolder folder;
    const Journal journal = sample_journal();
    put_old_layout(folder, journal);

    const LoadResult first = load(folder);
    CHECK(first.files_changed);  // the web page syncs them at once
    CHECK(first.quarantined.empty());
    CHECK(first.errors.empty());
    CHECK(journal_text(first.journal) == journal_text(sorted_like_the_store(journal)));
    CHECK_FALSE(folder.has("reflections/" + reflection_id + ".json"));
    CHECK_FALSE(folder.has("contacts/" + journal.contacts[0].meta.id + ".json"));
    CHECK(folder.get(shard_of_reflection(reflection_id)).find(line_of(journal.reflections[0]) + "\n") !=
          std::string::npos);
    CHECK(folder.has("settings.json"));

    const auto old_time = age_all_files(folder);
    JournalStore store(folder.path());
    const LoadResult second = store.load_journal();
    CHECK(journal_text(second.journal) == journal_text(first.journal));
    CHECK_FALSE(second.files_changed);
    CHECK(files_newer_than(folder, old_time).empty());  // nothing left to migrate
    CHECK(save_everything(store, second.journal).value().files_written == 0);
}

TEST_CASE("migration cut short: a record in both a shard and an old file loads once, the newer copy wins") {
    ScratchFolder folder;
    Journal journal = sample_journal();
    REQUIRE(save_everything(folder.path(), journal).ok());
    // The crash came after the shards were written and before the old files were removed.
    Reflection same = journal.reflections[0];
    folder.put("reflections/" + same.meta.id + ".json", encode_record(same));
    // An older copy of another record, and a newer one of a third (an older version wrote it).
    Reflection older = journal.reflections[1];
    older.company = "Older copy";
    older.meta.modified.unix_ms -= 1000;
    folder.put("reflections/" + older.meta.id + ".json", encode_record(older));
    Reflection newer = journal.reflections[2];
    newer.company = "Newer copy";
    newer.meta.modified.unix_ms += 1000;
    folder.put("reflections/" + newer.meta.id + ".json", encode_record(newer));

    const LoadResult loaded = load(folder);
    CHECK(loaded.errors.empty());
    REQUIRE(loaded.journal.reflections.size() == 3);
    for (const Reflection& r : loaded.journal.reflections) {
        if (r.meta.id == older.meta.id) CHECK(r.company == journal.reflections[1].company);
        if (r.meta.id == newer.meta.id) CHECK(r.company == "Newer copy");
    }
    for (const Reflection& r : {same, older, newer}) CHECK_FALSE(folder.has("reflections/" + r.meta.id + ".json"));
    const LoadResult again = load(folder);
    CHECK(journal_text(again.journal) == journal_text(loaded.journal));
}

TEST_CASE("migration that cannot write its shards keeps the old files") {
    ScratchFolder folder;
    const Journal journal = sample_journal();
    put_old_layout(folder, journal);
    const std::string blocked = shard_of_reflection(reflection_id);
    std::filesystem::create_directories(folder.path() / ("reflections/." + blocked.substr(12) + ".tmp"));

    const LoadResult loaded = load(folder);
    CHECK_FALSE(loaded.errors.empty());
    CHECK(loaded.journal.reflections.size() == 3);
    CHECK(folder.has("reflections/" + reflection_id + ".json"));
    std::filesystem::remove(folder.path() / ("reflections/." + blocked.substr(12) + ".tmp"));
    const LoadResult retried = load(folder);
    CHECK(retried.errors.empty());
    CHECK(journal_text(retried.journal) == journal_text(loaded.journal));
    CHECK_FALSE(folder.has("reflections/" + reflection_id + ".json"));
}

// The same folder, twice: once loaded in one go, once a file per step with a look after each step.
TEST_CASE("a load in steps gives exactly what one load gives, a file at a time, settings first") {
    ScratchFolder whole, stepped;
    Journal journal = with_many_reflections(150);
    journal.settings.language = "de";
    for (const ScratchFolder* folder : {&whole, &stepped}) {
        REQUIRE(save_everything(folder->path(), journal));
        // A damaged line to quarantine and an old-layout file to migrate, in both.
        folder->put(shard_of_reflection("bulk-7"), folder->get(shard_of_reflection("bulk-7")) + "{not json\n");
        folder->put("contacts/" + journal.contacts[0].meta.id + ".json", encode_record(journal.contacts[0]));
    }
    const LoadResult expected = load(whole);
    REQUIRE(expected.quarantined.size() == 1);

    JournalStore store(stepped.path());
    const std::unique_ptr<JournalLoad> loading = store.begin_load();
    loading->unit();  // the settings, and the list of files to read
    CHECK(loading->settings().language == "de");
    CHECK(loading->files_done() == 0);
    const std::size_t total = loading->files_total();
    CHECK(total > 64);  // the reflections' shards, the other collections' and the old-layout file
    const std::uintmax_t bytes = loading->bytes_total();
    CHECK(bytes > 150 * 500);  // every reflection's line, at least
    std::size_t steps = 0;
    while (!loading->done) {
        const std::size_t before = loading->files_done();
        loading->unit();
        ++steps;
        CHECK(loading->files_done() <= before + 1);
        CHECK(loading->files_total() == total);
        CHECK(loading->bytes_done() <= bytes);
    }
    CHECK(loading->bytes_done() == bytes);
    CHECK(steps == total + 1);  // one per file, then the migration and sort
    const LoadResult result = loading->take_result();
    CHECK(journal_text(result.journal) == journal_text(expected.journal));
    CHECK(result.warnings == expected.warnings);
    CHECK(result.quarantined.size() == 1);
    CHECK(result.files_changed == expected.files_changed);
    CHECK(stepped.get(shard_of_reflection("bulk-7")) == whole.get(shard_of_reflection("bulk-7")));
    CHECK_FALSE(stepped.has("contacts/" + journal.contacts[0].meta.id + ".json"));  // migrated, as in one go
    // The store knows what is on disk after a stepped load too: nothing to rewrite.
    CHECK(save_everything(store, result.journal).value().files_written == 0);
}
