// Import: decode (never throws), preview, then one atomic swap of the whole journal.
#include "app/import_flow.h"

#include "core/i18n.h"

namespace debrief {

void ImportFlow::receive(const App& app, const std::string& file_name, std::string_view bytes) {
    m_pending.reset();
    m_error.clear();
    Result<DecodedJournal> decoded = decode_journal(bytes);
    if (!decoded) {
        m_error = tr_format("data.import.error", {{"reason", decoded.error().message}});
        return;
    }
    PendingImport pending{file_name, std::move(decoded).value(), {}};
    pending.preview = preview_import(app.journal(), pending.decoded.journal);
    m_pending = std::move(pending);
}

void ImportFlow::reject(std::string message) {
    m_pending.reset();
    m_error = std::move(message);
}

void ImportFlow::apply(App& app, Mode mode) {
    if (!m_pending || app.read_only()) return;
    if (mode == Mode::replace) {
        m_backup = app.journal();
        m_backup_to_write = m_backup;
        // Records that exist only in the old journal must be removed from storage too.
        app.replace_journal(m_pending->decoded.journal, App::MarkDirty::yes);
        app.set_extras(m_pending->decoded.extras);
        app.mark_removed_since(*m_backup);
        app.notify(std::string(tr("data.import.replaced")));
    } else {
        const PendingImport& p = *m_pending;
        JournalExtras extras = merge_extras(app.journal(), app.extras(), p.decoded.journal, p.decoded.extras);
        app.replace_journal(merge_journals(app.journal(), p.decoded.journal), App::MarkDirty::yes);
        app.set_extras(std::move(extras));
        app.notify(tr_format("data.import.merged", {{"n", std::to_string(app.journal().reflections.size())}}));
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
    app.replace_journal(std::move(*m_backup), App::MarkDirty::yes);
    app.mark_removed_since(replaced);
    m_backup.reset();
    app.notify(std::string(tr("data.import.undone")));
}

}  // namespace debrief
