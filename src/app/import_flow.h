// Import in two steps: decode and preview first, then merge or replace only when the user says so.
// A replace keeps the previous journal in memory for one-click undo (and the platform writes it to
// a backup file first). Nothing changes while the preview is shown.
#pragma once

#include "app/app.h"
#include "serialization/journal_import.h"
#include "serialization/journal_json.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace debrief {

struct PendingImport {
    std::string file_name;
    DecodedJournal decoded;
    ImportPreview preview;
};

class ImportFlow {
public:
    // Decodes the file. On failure, `error()` explains it (with the JSON path) and nothing is kept.
    void receive(const App& app, const std::string& file_name, std::string_view bytes);
    void reject(std::string message);  // the platform refused the file (too large, unreadable)

    const std::optional<PendingImport>& pending() const { return m_pending; }
    const std::string& error() const { return m_error; }
    bool can_undo() const { return m_backup.has_value(); }
    // The journal as it was before a replace, once, for the platform to write as a backup file.
    std::optional<Journal> take_backup_to_write() { return std::exchange(m_backup_to_write, std::nullopt); }

    enum class Mode { merge, replace };
    void apply(App& app, Mode mode);
    void cancel();
    void undo(App& app);

private:
    std::optional<PendingImport> m_pending;
    std::optional<Journal> m_backup;
    std::optional<Journal> m_backup_to_write;
    std::string m_error;
};

}  // namespace debrief
