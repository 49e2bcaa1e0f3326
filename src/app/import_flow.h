// Import in two steps: decode and preview first, then merge or replace only when the user says so.
// A replace keeps the previous journal (and its unknown keys) in memory for one-click undo, and the
// save controller writes it to a backup file first. Nothing changes while the preview is shown.
// A large file is read, checked and compared in small steps (step()), so the page keeps drawing a
// progress bar meanwhile, and cancelling at any point before the apply leaves the journal untouched.
#pragma once

#include "app/app.h"
#include "core/import_preview.h"
#include "core/journal.h"
#include "core/records.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace debrief {

class JournalDecoder;
class ImportMerger;

// What a long import is doing, for the progress bar. `fraction` covers the whole import and never
// goes back; `done` of `total` counts the current phase (bytes while reading, records while checking).
struct ImportProgress {
    // merging: the person chose "Merge"; the journal changes only when it is done, in one swap.
    enum class Phase { reading, parsing, checking, comparing, merging };
    Phase phase = Phase::reading;
    long long done = 0;
    long long total = 0;
    double fraction = 0.0;
    long long file_bytes = 0;  // the file's size: a small one is done before a bar could be read
};

// A decoded file waiting for the user's choice.
struct PendingImport {
    std::string file_name;
    Journal journal;
    JournalExtras extras;
    std::vector<std::string> warnings;  // e.g. unknown fields kept
    ImportPreview preview;
    long long file_bytes = 0;  // a large file is merged in steps (begin_apply)
};

// A whole journal with the keys this version does not know, so that undoing a replace (and the
// backup file) gives back exactly what was there.
struct ImportBackup {
    Journal journal;
    JournalExtras extras;
};

class ImportFlow {
public:
    ImportFlow();
    ~ImportFlow();
    ImportFlow(const ImportFlow&) = delete;
    ImportFlow& operator=(const ImportFlow&) = delete;

    // Decodes the file at once. On failure, `error()` explains it (with the JSON path) and nothing is kept.
    void receive(App& app, const std::string& file_name, std::string_view bytes);

    // The stepped import. The platform starts reading (`total_bytes` of the file) and reports the
    // bytes read; the returned serial tells this read from a later one. `still_reading(serial)` is
    // false once the read was cancelled or replaced: the platform stops and drops what it read.
    int begin_reading(std::string file_name, long long total_bytes);
    bool still_reading(int serial) const;
    void reading_progress(long long done_bytes);
    // Below this size a file is read, checked and compared within a frame or two: no progress bar is
    // shown for it (it would only flash, and its phases would be spoken for nothing).
    static constexpr long long small_file_bytes = 256 * 1024;
    // The whole text has arrived: it is checked and compared in step(), not here.
    void start(std::string file_name, std::string text);
    // Works until `more_time()` says the time slice is over (at least one unit of work); returns true
    // while work remains. Ends with the preview (pending()) or an error.
    bool step(App& app, const std::function<bool()>& more_time);
    // Reading, checking or comparing: the progress bar is shown and the file picker is not.
    bool busy() const;
    std::optional<ImportProgress> progress() const;
    void reject(std::string message);  // the platform refused the file (too large, unreadable)

    const std::optional<PendingImport>& pending() const { return m_pending; }
    const std::string& error() const { return m_error; }
    bool can_undo() const { return m_backup.has_value(); }
    // The journal as it was before a replace, once, for the save controller to write as a backup file.
    std::optional<ImportBackup> take_backup_to_write() { return std::exchange(m_backup_to_write, std::nullopt); }

    enum class Mode { merge, replace };
    // At once, in one swap of the whole journal.
    void apply(App& app, Mode mode);
    // What the preview's buttons do: a large file's merge runs in step() (the journal is swapped in
    // one piece at the end, merged again at once if it changed meanwhile); else apply().
    void begin_apply(App& app, Mode mode);
    // Drops the preview, or the import still in progress (nothing has changed in the journal). A
    // merge in progress is stopped and its preview shown again.
    void cancel();
    void undo(App& app);

private:
    struct Job;
    struct MergeJob;
    void finish_job();
    void finish_merge(App& app);
    void notify_merged(App& app);
    std::unique_ptr<Job> m_job;
    std::unique_ptr<MergeJob> m_merge;
    int m_read_serial = 0;
    std::optional<PendingImport> m_pending;
    std::optional<ImportBackup> m_backup;
    std::optional<ImportBackup> m_backup_to_write;
    std::string m_error;
};

}  // namespace debrief
