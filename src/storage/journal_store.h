// The journal on disk: one JSON file per record, damaged files quarantined, unchanged records never rewritten.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/journal.h"
#include "serialization/journal_json.h"
#include "storage/file_store.h"

namespace debrief {

// A file that could not be loaded and was moved aside (never deleted, never overwritten).
struct QuarantinedFile {
    std::string original;  // e.g. "reflections/<id>.json"
    std::string moved_to;  // e.g. "quarantine/<id>.json.1"
    std::string reason;    // the decode error, for the person
};

struct LoadResult {
    Journal journal;  // records sorted by creation time, then id
    JournalExtras extras;
    std::vector<QuarantinedFile> quarantined;
    std::vector<std::string> warnings;  // unknown fields kept, unfinished saves recovered...
    std::vector<IoError> errors;        // files that could not be read or moved aside (left where they are)
};

enum class SaveOutcome { written, unchanged, removed };

struct SaveSummary {
    int written = 0;
    int unchanged = 0;
    int removed = 0;
};

// Layout under the root: reflections/<id>.json, contacts/<id>.json, messages/<id>.json,
// reminders/<id>.json, settings.json, quarantine/. Each file is a record document
// (serialization/journal_json.h). The store remembers the bytes of every file it loaded or wrote,
// so saving an unchanged record touches nothing (on the web that also keeps IDBFS syncs small).
// It assumes it is the only writer of the folder (the web page holds a single-writer lock).
class JournalStore {
public:
    explicit JournalStore(std::filesystem::path root);

    // Reads every record. Damaged files (unreadable JSON, invalid records, a record whose id or
    // type does not match its file) go to quarantine/ and are reported; the rest loads. Leftover
    // temporary files from an interrupted save are cleaned: dropped when the real file exists,
    // otherwise promoted to it when they hold a valid record, otherwise quarantined.
    LoadResult load_journal();

    // Writes one record's file if its bytes changed. The record's unknown keys (from load or
    // set_extras) are written back with it.
    IoResult<SaveOutcome> save_record(const Reflection& reflection);
    IoResult<SaveOutcome> save_record(const Contact& contact);
    IoResult<SaveOutcome> save_record(const Message& message);
    IoResult<SaveOutcome> save_record(const Reminder& reminder);
    IoResult<SaveOutcome> save_record(const Settings& settings);

    // For dirty tracking: saves the record `id` of `type` as it is in `journal`, or removes its
    // file when the journal no longer has it. `id` is ignored for settings.
    IoResult<SaveOutcome> save_record(const Journal& journal, RecordType type, std::string_view id);

    IoResult<Done> remove_record(RecordType type, std::string_view id);

    // Writes every changed record and removes the files of records this store loaded or wrote that
    // the journal no longer has. Files it never saw are left alone. Keeps going after an error and
    // returns the first one.
    IoResult<SaveSummary> save_all(const Journal& journal);

    // Unknown keys to write back with each record; replaces what load_journal found (after an import).
    void set_extras(JournalExtras extras) { m_extras = std::move(extras); }
    const JournalExtras& extras() const { return m_extras; }

    // "reflections/<id>.json", ..., "settings.json".
    static std::string record_path(RecordType type, std::string_view id);

private:
    template <class T>
    IoResult<SaveOutcome> save(RecordType type, const T& record, const std::string& id, const RecordExtras& extras);
    IoResult<SaveOutcome> write_if_changed(const std::string& path, std::string bytes);
    void load_directory(RecordType type, LoadResult& result);
    bool accept(RecordType type, const std::string& path, const std::string& expected_id, DecodedRecord decoded,
                LoadResult& result);
    void quarantine(const std::string& path, const std::string& reason, LoadResult& result);
    const RecordExtras& extras_of(RecordType type, const std::string& id) const;

    FileStore m_files;
    JournalExtras m_extras;
    std::map<std::string, std::string> m_on_disk;  // path -> bytes last read or written
};

}  // namespace debrief
