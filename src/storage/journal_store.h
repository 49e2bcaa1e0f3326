// The journal on disk: records in a fixed number of shard files per collection, damaged lines
// quarantined, unchanged records never rewritten, the old one-file-per-record layout migrated.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/journal.h"
#include "core/records.h"
#include "storage/file_store.h"

namespace debrief {

class JournalLoad;

// Something that could not be loaded and was moved aside (never deleted, never overwritten).
struct QuarantinedFile {
    std::string original;  // e.g. "reflections/2a.jsonl" (a line of it) or "settings.json"
    std::string moved_to;  // e.g. "quarantine/reflections-2a.jsonl.1"
    std::string reason;    // the decode error, for the person
};

struct LoadResult {
    Journal journal;  // records sorted by creation time, then id
    JournalExtras extras;
    std::vector<QuarantinedFile> quarantined;
    std::vector<std::string> warnings;  // unknown fields kept, unfinished saves recovered...
    std::vector<IoError> errors;        // files that could not be read or moved aside (left where they are)
    bool files_changed = false;         // the load itself wrote, moved or removed files (quarantine,
                                        // recovery, migration): on the web they still need a sync
};

enum class SaveOutcome { written, unchanged, removed };

// Counts of records, except files_written (shard files and settings.json actually rewritten).
struct SaveSummary {
    int written = 0;
    int unchanged = 0;
    int removed = 0;
    int files_written = 0;
};

// A batch save: what was done, and what could not be written (still to be saved) and why.
struct BatchSaveResult {
    SaveSummary summary;
    std::vector<RecordKey> unwritten;
    std::optional<IoError> first_error;
};

// Layout under the root: reflections/NN.jsonl, contacts/NN.jsonl, messages/NN.jsonl,
// reminders/NN.jsonl (NN = shard_of(id) in two hex digits), settings.json, quarantine/. A shard
// holds one record document per line (encode_record's TextLayout::line), sorted by id, each line
// ended by '\n'. The store remembers every line it loaded or wrote, so saving an unchanged record
// touches nothing and one edit rewrites one shard (on the web that keeps IDBFS syncs small).
// It assumes it is the only writer of the folder (the web page holds a single-writer lock) and
// that load_journal ran before saving into a folder that already holds a journal.
class JournalStore {
public:
    // Enough shards that one edit rewrites ~1/64 of a collection (about 530 KB at 10,000
    // reflections), few enough that IDBFS lists and stats at most ~260 files per sync. Changing it
    // needs a migration: a line in the wrong shard is quarantined.
    static constexpr int shard_count = 64;

    explicit JournalStore(std::string root);

    // Reads every record. Damaged shard lines (unreadable JSON, invalid records, a record of the
    // wrong type, in the wrong shard or seen twice) are appended to a new file in quarantine/ and
    // reported; the other lines load and the shard is rewritten without the bad ones. Damaged
    // settings.json or old-layout files are moved to quarantine/. Leftover temporary files from an
    // interrupted save are dropped when the real file exists, otherwise promoted to it when valid,
    // otherwise quarantined. Old-layout files (reflections/<id>.json...) are moved into shards.
    LoadResult load_journal();

    // The same load in steps, a file at a time (JournalLoad below): a large journal's first load
    // leaves the page drawing its progress. The store must not be used otherwise until it is done.
    std::unique_ptr<JournalLoad> begin_load();

    // Saves each listed record as it is in `journal` (with its unknown keys, from load or
    // set_extras), or removes it when the journal no longer has it; `id` is ignored for settings.
    // A record whose line did not change is not written, and each touched shard is written once.
    // Keeps going after an error; the records of shards that could not be written are listed in
    // `unwritten`.
    BatchSaveResult save_records(const Journal& journal, const std::vector<RecordKey>& records);

    // Unknown keys to write back with each record; replaces what load_journal found (after an import).
    void set_extras(JournalExtras extras) { m_extras = std::move(extras); }
    const JournalExtras& extras() const { return m_extras; }

    // FNV-1a (32-bit) of the id, modulo shard_count: stable across versions and platforms.
    static int shard_of(std::string_view id);
    // "reflections/2a.jsonl" for a record of that collection whose id lands in shard 0x2a.
    static std::string shard_path(RecordType type, int shard);
    // The file that holds a record: its shard, or "settings.json".
    static std::string record_path(RecordType type, std::string_view id);

private:
    // One shard as on disk: id -> line (without '\n'), plus lines that could not be moved aside and
    // are therefore written back verbatim rather than lost.
    struct Shard {
        std::map<std::string, std::string> lines;
        std::string held;
    };
    using Collection = std::array<Shard, shard_count>;
    // Pending changes of one shard: id -> new line, or nullopt to remove the record.
    using ShardChanges = std::map<std::string, std::optional<std::string>>;
    using StagedChanges = std::map<std::pair<int, int>, ShardChanges>;  // (collection, shard) ->

    struct Loader;
    friend class JournalLoad;

    Collection& collection(RecordType type);
    const Shard& shard(RecordType type, int index) const;
    IoResult<SaveOutcome> stage(RecordType type, const std::string& id, std::optional<std::string> line,
                                StagedChanges& staged) const;
    void write_staged(const StagedChanges& staged, BatchSaveResult& result);
    IoResult<Done> write_shard(RecordType type, int index, const Shard& contents);
    IoResult<SaveOutcome> write_settings(const Settings& settings);
    const RecordExtras& extras_of(RecordType type, const std::string& id) const;

    FileStore m_files;
    JournalExtras m_extras;
    std::array<Collection, 4> m_collections;        // reflections, contacts, messages, reminders
    std::optional<std::string> m_settings_on_disk;  // bytes of settings.json last read or written
};

// One load of the stored journal (JournalStore::begin_load), for core/stepping.h's run_units:
// settings.json first (so the language is known before the first frame), then each shard and
// old-layout file, then the migration of old-layout files and the sort. Run to the end it gives
// exactly what load_journal gives.
class JournalLoad {
public:
    explicit JournalLoad(JournalStore& store);
    ~JournalLoad();
    JournalLoad(const JournalLoad&) = delete;
    JournalLoad& operator=(const JournalLoad&) = delete;

    bool done = false;
    void unit();

    // Files read so far and in all, and their bytes (known after the first unit, which lists them).
    std::size_t files_done() const { return m_next; }
    std::size_t files_total() const { return m_files.size(); }
    std::uintmax_t bytes_done() const { return m_bytes_done; }
    std::uintmax_t bytes_total() const { return m_bytes_total; }
    // The stored settings, once the first unit has read them.
    const Settings& settings() const { return m_result.journal.settings; }
    // Once done.
    LoadResult take_result() { return std::move(m_result); }

private:
    struct File {
        RecordType type;
        int shard;             // a shard's index, or -1 for an old-layout file
        std::string old_path;  // the old-layout file's path
        std::uintmax_t bytes = 0;
    };
    void start();
    void finish();

    JournalStore& m_store;
    LoadResult m_result;
    std::unique_ptr<JournalStore::Loader> m_loader;  // refers to m_result
    std::vector<File> m_files;
    bool m_started = false;  // the settings are read and the files to read are known (start)
    std::size_t m_next = 0;
    std::uintmax_t m_bytes_done = 0;
    std::uintmax_t m_bytes_total = 0;
};

}  // namespace debrief
