// Import in two steps: decode and preview first, then merge or replace only when the user says so.
// A replace keeps the previous journal (and its unknown keys) in memory for one-click undo, and the
// save controller writes it to a backup file first. Nothing changes while the preview is shown.
#pragma once

#include "app/app.h"
#include "core/import_preview.h"
#include "core/journal.h"
#include "core/records.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace debrief {

// A decoded file waiting for the user's choice.
struct PendingImport {
    std::string file_name;
    Journal journal;
    JournalExtras extras;
    std::vector<std::string> warnings;  // e.g. unknown fields kept
    ImportPreview preview;
};

// A whole journal with the keys this version does not know, so that undoing a replace (and the
// backup file) gives back exactly what was there.
struct ImportBackup {
    Journal journal;
    JournalExtras extras;
};

class ImportFlow {
public:
    // Decodes the file. On failure, `error()` explains it (with the JSON path) and nothing is kept.
    void receive(const App& app, const std::string& file_name, std::string_view bytes);
    void reject(std::string message);  // the platform refused the file (too large, unreadable)

    const std::optional<PendingImport>& pending() const { return m_pending; }
    const std::string& error() const { return m_error; }
    bool can_undo() const { return m_backup.has_value(); }
    // The journal as it was before a replace, once, for the save controller to write as a backup file.
    std::optional<ImportBackup> take_backup_to_write() { return std::exchange(m_backup_to_write, std::nullopt); }

    enum class Mode { merge, replace };
    void apply(App& app, Mode mode);
    void cancel();
    void undo(App& app);

private:
    std::optional<PendingImport> m_pending;
    std::optional<ImportBackup> m_backup;
    std::optional<ImportBackup> m_backup_to_write;
    std::string m_error;
};

}  // namespace debrief
