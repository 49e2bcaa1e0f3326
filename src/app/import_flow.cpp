// Import: decode (never throws), preview, then one atomic swap of the whole journal.
#include "app/import_flow.h"

#include "core/i18n.h"
#include "serialization/journal_import.h"
#include "serialization/journal_json.h"

namespace debrief {

void ImportFlow::receive(const App& app, const std::string& file_name, std::string_view bytes) {
    m_pending.reset();
    m_error.clear();
    Result<DecodedJournal> decoded = decode_journal(bytes);
    if (!decoded) {
        m_error = tr_format("data.import.error", {{"reason", decoded.error().message}});
        return;
    }
    DecodedJournal& d = decoded.value();
    PendingImport pending{file_name, std::move(d.journal), std::move(d.extras), std::move(d.warnings), {}};
    pending.preview = preview_import(app.journal(), pending.journal);
    m_pending = std::move(pending);
}

void ImportFlow::reject(std::string message) {
    m_pending.reset();
    m_error = std::move(message);
}

void ImportFlow::apply(App& app, Mode mode) {
    if (!m_pending || app.read_only()) return;
    if (mode == Mode::replace) {
        m_backup = ImportBackup{app.journal(), app.extras()};
        m_backup_to_write = m_backup;
        // Records that exist only in the old journal must be removed from storage too.
        app.replace_journal(m_pending->journal, App::MarkDirty::yes);
        app.set_extras(m_pending->extras);
        app.mark_removed_since(m_backup->journal);
        app.notify(std::string(tr("data.import.replaced")));
    } else {
        const PendingImport& p = *m_pending;
        JournalExtras extras = merge_extras(app.journal(), app.extras(), p.journal, p.extras);
        app.replace_journal(merge_journals(app.journal(), p.journal), App::MarkDirty::yes);
        app.set_extras(std::move(extras));
        app.notify(tr_plural("data.import.merged", static_cast<long long>(app.journal().reflections.size())));
    }
    m_pending.reset();
}

void ImportFlow::cancel() {
    m_pending.reset();
    m_error.clear();
}

void ImportFlow::undo(App& app) {
    if (!m_backup || app.read_only()) return;
    const Journal replaced = app.journal();
    app.replace_journal(std::move(m_backup->journal), App::MarkDirty::yes);
    app.set_extras(std::move(m_backup->extras));
    app.mark_removed_since(replaced);
    m_backup.reset();
    app.notify(std::string(tr("data.import.undone")));
}

}  // namespace debrief
