// The save state machine (see save_controller.h): debounce, batch, persist, retry, truthful status.
#include "app/save_controller.h"

#include "app/import_flow.h"
#include "core/i18n.h"
#include "core/stepping.h"
#include "serialization/journal_json.h"
#include "storage/file_store.h"
#include "storage/journal_store.h"

#include <algorithm>
#include <utility>

namespace debrief {

SaveController::SaveController(App& app, std::string journal_root, StorageSync& sync)
    : m_app(app), m_root(std::move(journal_root)), m_store(std::make_unique<JournalStore>(m_root)), m_sync(sync) {}

SaveController::~SaveController() = default;

void SaveController::start(StorageRole role) {
    begin(role);
    while (step_load([] { return true; })) {
    }
}

void SaveController::begin(StorageRole role) {
    m_role = role;
    m_app.storage_info().available = role != StorageRole::memory_only;
    m_loading = m_store->begin_load();
    m_settings_applied = false;
    m_app.storage_info().loading = StorageInfo::Loading{};
}

bool SaveController::step_load(const std::function<bool()>& more_time) {
    if (!m_loading) return false;
    if (run_units(*m_loading, more_time)) {
        if (!m_settings_applied) {
            m_settings_applied = true;
            Journal settings_only;
            settings_only.settings = m_loading->settings();
            m_app.replace_journal(std::move(settings_only), App::MarkDirty::no);
        }
        m_app.storage_info().loading = StorageInfo::Loading{m_loading->bytes_done(), m_loading->bytes_total()};
        return true;
    }
    finish_load();
    return false;
}

void SaveController::finish_load() {
    bool files_changed = apply(m_loading->take_result());
    m_loading.reset();
    m_app.storage_info().loading.reset();
    if (m_reload_after_load) {
        m_reload_after_load = false;
        files_changed = load() || files_changed;  // the writer saved while this tab was still reading
    }
    if (m_role == StorageRole::reader) {
        set_status(SaveState::read_only, std::string(tr("storage.conflict")));
        return;
    }
    set_status(SaveState::saved);
    // Until the rewritten files reach durable storage the old copies there are still complete, but
    // they are what the next start would load again.
    if (m_took_over) {
        m_took_over = false;
        become_writer();
    } else if (files_changed && m_role == StorageRole::writer) {
        persist();
    }
}

// Returns whether loading itself changed files (quarantine, recovery, migration to shards).
bool SaveController::load() { return apply(m_store->load_journal()); }

bool SaveController::apply(LoadResult&& loaded) {
    StorageInfo& info = m_app.storage_info();
    info.quarantined.clear();
    for (const QuarantinedFile& q : loaded.quarantined) {
        info.quarantined.push_back(
            tr_format("storage.quarantined", {{"file", q.original}, {"reason", q.reason}, {"moved", q.moved_to}}));
    }
    if (!loaded.quarantined.empty()) m_app.notify(std::string(tr("storage.quarantined_notice")));
    m_app.replace_journal(std::move(loaded.journal), App::MarkDirty::no);
    m_app.set_extras(std::move(loaded.extras));
    m_seen_extras = m_app.extras_serial();
    return loaded.files_changed;
}

void SaveController::update(double now_ms) {
    if (m_role == StorageRole::reader || m_loading) return;
    // An import brought unknown keys: the store writes them back with their records.
    if (m_app.extras_serial() != m_seen_extras) {
        m_seen_extras = m_app.extras_serial();
        m_store->set_extras(m_app.extras());
    }
    write_backup();
    if (m_app.has_dirty() && !m_write_due) {
        m_write_due = now_ms + debounce_ms;
        if (m_app.save_status().state == SaveState::saved) set_status(SaveState::pending);
    }
    if (m_write_due && now_ms >= *m_write_due) write_dirty(now_ms);
}

std::optional<double> SaveController::next_update_in(double now_ms) const {
    if (!m_write_due) return std::nullopt;
    return std::max(0.0, *m_write_due - now_ms);
}

void SaveController::flush(double now_ms) {
    if (m_role == StorageRole::reader || m_loading) return;
    write_backup();
    if (m_app.has_dirty() || m_write_due) write_dirty(now_ms);
}

// A replace import promised a backup of the journal it replaced, written before any of the new
// journal's records: even a reload in between cannot lose the old one.
void SaveController::write_backup() {
    std::optional<ImportBackup> backup = m_app.import_flow().take_backup_to_write();
    if (!backup) return;
    const Timestamp now = m_app.env().now();
    const std::string name = "backups/before-import-" + std::to_string(now.unix_ms) + ".json";
    FileStore files(m_root);
    if (!files.write_atomic(name, encode_journal(backup->journal, backup->extras, now)))
        m_app.notify(std::string(tr("data.import.backup_failed")));
}

void SaveController::write_dirty(double now_ms) {
    m_write_due.reset();
    const std::vector<RecordKey> dirty = m_app.take_dirty();
    if (!dirty.empty()) {
        // One batch: each touched shard is written once, however many of its records changed.
        const BatchSaveResult saved = m_store->save_records(m_app.journal(), dirty);
        if (saved.first_error) {
            // The unwritten records stay dirty for the retry; nothing in memory is lost.
            m_app.mark_dirty(saved.unwritten);
            m_write_failed = true;
            fail(tr_format("storage.write_failed", {{"reason", saved.first_error->message}}), now_ms);
            return;
        }
    }
    m_write_failed = false;
    if (m_role == StorageRole::memory_only) {
        set_status(SaveState::failed, std::string(tr("data.storage.unavailable")));
        return;
    }
    persist();
}

void SaveController::persist() {
    m_sync_in_flight = true;
    set_status(SaveState::saving);
    m_sync.persist();
}

void SaveController::sync_finished(bool ok, std::string_view reason, double now_ms) {
    m_sync_in_flight = false;
    // A write that failed after this sync started still has to be retried: its status stands.
    if (m_write_failed || m_role == StorageRole::reader) return;
    if (!ok) {
        fail(reason == "full" ? std::string(tr("storage.full"))
                              : tr_format("storage.sync_failed", {{"reason", std::string(reason)}}),
             now_ms);
        return;
    }
    m_retry_ms = first_retry_ms;
    set_status(m_app.has_dirty() || m_write_due ? SaveState::pending : SaveState::saved);
}

void SaveController::fail(std::string reason, double now_ms) {
    set_status(SaveState::failed, std::move(reason));
    m_write_due = now_ms + m_retry_ms;
    m_retry_ms = std::min(m_retry_ms * 2.0, max_retry_ms);
}

void SaveController::reload() {
    if (m_role != StorageRole::reader) return;
    if (m_loading) {
        m_reload_after_load = true;
        return;
    }
    load();
}

void SaveController::become_writer() {
    m_role = StorageRole::writer;
    if (m_loading) {
        m_took_over = true;  // said and persisted once the load is done (finish_load)
        return;
    }
    set_status(SaveState::saved);
    persist();
    m_app.notify(std::string(tr("storage.now_writer")));
}

void SaveController::set_status(SaveState state, std::string reason) {
    SaveStatus& status = m_app.save_status();
    if (status.state == state && status.reason == reason) return;
    status.state = state;
    status.reason = std::move(reason);
    m_sync.status_changed(status);
}

}  // namespace debrief
