// Journal persistence in the browser: JournalStore on the IDBFS mount, driven by a debounce timer
// and web/storage.js (which owns syncs, locks and cross-tab messages). See storage_web.h.
#include "platform/storage_web.h"

#include "core/i18n.h"
#include "platform/backend_web.h"
#include "storage/journal_store.h"

#include <emscripten.h>
#include <emscripten/eventloop.h>

#include <memory>

namespace debrief::platform {
namespace {

constexpr const char* journal_root = "/journal";
// The first change arms this timer and everything typed until it fires goes into one write and
// one sync: at most this much typing is ever at risk, and a burst of keystrokes costs one sync.
constexpr double debounce_ms = 400.0;

EM_JS(int, js_storage_role, (), {
    const role = window.DebriefStorage ? DebriefStorage.role : "memory";
    return role === "writer" ? 1 : (role === "reader" ? 2 : 0);
});
EM_JS(void, js_storage_sync, (), { if (window.DebriefStorage) DebriefStorage.sync(); });
EM_JS(void, js_storage_report_info, (), { if (window.DebriefStorage) DebriefStorage.reportInfo(); });
EM_JS(void, js_publish_quarantined, (const char* text), { window.debrief.quarantined = UTF8ToString(text); });
EM_JS(void, js_announce, (const char* text), { Debrief.announce(UTF8ToString(text)); });

struct Storage {
    App* app = nullptr;
    std::unique_ptr<JournalStore> store;
    bool writer = false;
    bool memory_only = false;
    bool timer_armed = false;
    bool write_failed = false;
    int seen_notice = 0;
    int seen_extras = 0;
};

Storage g;

// The indicator's state is mirrored to `window.debrief.save` for tests and the benchmark.
EM_JS(void, js_publish_save_state, (const char* state), { window.debrief.save = UTF8ToString(state); });

const char* save_state_name(SaveState state) {
    switch (state) {
        case SaveState::saved: return "saved";
        case SaveState::pending: return "pending";
        case SaveState::saving: return "saving";
        case SaveState::failed: return "failed";
        case SaveState::read_only: return "read_only";
    }
    return "";
}

void set_status(SaveState state, std::string reason = {}) {
    SaveStatus& status = g.app->save_status();
    if (status.state == state && status.reason == reason) return;
    status.state = state;
    status.reason = std::move(reason);
    js_publish_save_state(save_state_name(state));
    request_frame();
}

// Returns whether loading itself changed files (quarantine, recovery, migration to shards).
bool load_into_app() {
    LoadResult loaded = g.store->load_journal();
    StorageInfo& info = g.app->storage_info();
    info.quarantined.clear();
    std::string report;
    for (const QuarantinedFile& q : loaded.quarantined) {
        info.quarantined.push_back(tr_format("storage.quarantined", {{"file", q.original}, {"reason", q.reason}, {"moved", q.moved_to}}));
        report += info.quarantined.back() + "\n";
    }
    js_publish_quarantined(report.c_str());
    if (!loaded.quarantined.empty()) g.app->notify(std::string(tr("storage.quarantined_notice")));
    g.app->replace_journal(std::move(loaded.journal), App::MarkDirty::no);
    g.app->set_extras(std::move(loaded.extras));
    g.seen_extras = g.app->extras_serial();
    return loaded.files_changed;
}

// Files the load rewrote (shards migrated from one file per record, damaged lines set aside) reach
// IndexedDB now rather than with the next edit; until then the old copies there are still complete.
void sync_load_changes(bool files_changed) {
    if (!files_changed || !g.writer || g.memory_only) return;
    set_status(SaveState::saving);
    js_storage_sync();
}

// Writes every dirty record's file now; the sync to IndexedDB follows in web/storage.js.
void write_dirty() {
    g.timer_armed = false;
    if (!g.writer) return;
    const std::vector<RecordKey> dirty = g.app->take_dirty();
    // One batch: each touched shard is written once, however many of its records changed.
    const BatchSaveResult saved = g.store->save_records(g.app->journal(), dirty);
    if (saved.first_error) {
        g.write_failed = true;
        // Keep the unwritten records dirty so the next change retries them; nothing in memory is lost.
        g.app->mark_dirty(saved.unwritten);
        set_status(SaveState::failed, tr_format("storage.write_failed", {{"reason", saved.first_error->message}}));
        return;
    }
    g.write_failed = false;
    if (g.memory_only) {
        set_status(SaveState::failed, std::string(tr("data.storage.unavailable")));
        return;
    }
    set_status(SaveState::saving);
    js_storage_sync();
}

void on_debounce(void*) { write_dirty(); }

}  // namespace

void storage_init(App& app) {
    g.app = &app;
    g.store = std::make_unique<JournalStore>(journal_root);
    const int role = js_storage_role();
    g.writer = role != 2;
    g.memory_only = role == 0;
    app.storage_info().available = !g.memory_only;
    const bool files_changed = load_into_app();
    js_publish_save_state("saved");
    if (role == 2) set_status(SaveState::read_only, std::string(tr("storage.conflict")));
    sync_load_changes(files_changed);
    js_storage_report_info();
}

void storage_after_frame(App& app) {
    // An import brought unknown keys: the store writes them back with their records.
    if (app.extras_serial() != g.seen_extras) {
        g.seen_extras = app.extras_serial();
        g.store->set_extras(app.extras());
    }
    if (g.writer && app.has_dirty()) {
        if (app.save_status().state == SaveState::saved) set_status(SaveState::pending);
        if (!g.timer_armed) {
            g.timer_armed = true;
            set_timer(on_debounce, debounce_ms);  // counted: the page is not settled while armed
        }
    }
    if (const int wake = app.take_wake_ms(); wake > 0) set_timer([](void*) { request_frame(); }, wake);
    // Notices are also spoken: the canvas is invisible to screen readers.
    if (app.notice_serial() != g.seen_notice) {
        g.seen_notice = app.notice_serial();
        js_announce(app.notice().c_str());
    }
}

}  // namespace debrief::platform

extern "C" {
// web/storage.js finished a sync: ok, or why not ("full" when the quota is the likely cause).
EMSCRIPTEN_KEEPALIVE void debrief_storage_synced(int ok, const char* message) {
    using namespace debrief;
    if (!platform::g.app || platform::g.write_failed) return;
    if (ok) {
        platform::set_status(platform::g.app->has_dirty() ? SaveState::pending : SaveState::saved);
    } else {
        const std::string why = message && std::string(message) == "full" ? std::string(tr("storage.full"))
                                                                          : tr_format("storage.sync_failed", {{"reason", message ? message : ""}});
        platform::set_status(SaveState::failed, why);
    }
    platform::js_storage_report_info();
}

// The page is being hidden or reloaded: write now instead of after the debounce.
EMSCRIPTEN_KEEPALIVE void debrief_storage_flush() {
    if (!debrief::platform::g.app) return;
    // Text typed just before the tab was hidden reaches the model in the next frame, and a hidden
    // tab gets no animation frames: draw one now so those keystrokes are written too.
    debrief::platform::draw_frame_now();
    if (debrief::platform::g.app->has_dirty()) debrief::platform::write_dirty();
}

// A reader tab: the writer saved; the files under /journal were refreshed from IndexedDB.
EMSCRIPTEN_KEEPALIVE void debrief_storage_reload() {
    if (!debrief::platform::g.app || debrief::platform::g.writer) return;
    debrief::platform::load_into_app();
    debrief::platform::request_frame();
}

// This tab became the writer (the other tab closed). web/storage.js refreshed the files and
// debrief_storage_reload loaded them just before: loading again would find the damaged lines that
// load set aside already gone and clear their report. What the reader's loads changed on disk
// (quarantine, recovery, migration) was never synced: sync it now.
EMSCRIPTEN_KEEPALIVE void debrief_storage_role(int writer) {
    using namespace debrief;
    if (!platform::g.app) return;  // before main(): storage_init() reads the new role itself
    platform::g.writer = writer != 0;
    platform::set_status(SaveState::saved);
    platform::sync_load_changes(true);
    platform::g.app->notify(std::string(tr("storage.now_writer")));
}

EMSCRIPTEN_KEEPALIVE void debrief_storage_info(int available, int persistent, double used, double quota) {
    if (!debrief::platform::g.app) return;
    debrief::StorageInfo& info = debrief::platform::g.app->storage_info();
    info.available = available != 0;
    info.persistent = persistent != 0;
    info.used_bytes = used;
    info.quota_bytes = quota;
    debrief::platform::request_frame();
}
}
