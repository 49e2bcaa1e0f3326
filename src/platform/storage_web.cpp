// The browser side of saving: the journal folder is an IDBFS mount that web/storage.js owns (syncs,
// Web Locks, cross-tab messages); app/save_controller.h decides when to write and what to show.
// See storage_web.h.
#include "platform/storage_web.h"

#include "app/save_controller.h"
#include "platform/backend_web.h"

#include <emscripten.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace debrief::platform {
namespace {

constexpr const char* journal_root = "/journal";
// Reading before the first frame: about a thousand reflections' worth (a 10,000-reflection journal
// takes ~450 ms to read in all on the benchmark machine).
constexpr double first_load_slice_ms = 50.0;

// clang-format off
EM_JS(int, js_storage_role, (), {
    const role = window.DebriefStorage ? DebriefStorage.role : "memory";
    return role === "writer" ? 1 : (role === "reader" ? 2 : 0);
});
EM_JS(int, js_storage_lost, (), { return window.DebriefStorage && DebriefStorage.lost ? 1 : 0; });
EM_JS(int, js_journal_locked, (), { return window.DebriefLock && DebriefLock.state.locked ? 1 : 0; });
EM_JS(void, js_storage_sync, (), { if (window.DebriefStorage) DebriefStorage.sync(); });
EM_JS(void, js_storage_report_info, (), { if (window.DebriefStorage) DebriefStorage.reportInfo(); });
// Test hooks: what the load set aside, and the indicator's state.
EM_JS(void, js_publish_quarantined, (const char* text), { window.debrief.quarantined = UTF8ToString(text); });
EM_JS(void, js_publish_save_state, (const char* state), { window.debrief.save = UTF8ToString(state); });
// Test and benchmark hook: how many records the App holds (trashed ones included), so checks read the
// app's state instead of counting what the screen happens to show.
EM_JS(void, js_publish_counts, (double reflections, double contacts, double messages, double reminders), {
    window.debrief.counts = {reflections: reflections, contacts: contacts, messages: messages, reminders: reminders};
});
// clang-format on

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

class IdbfsSync final : public StorageSync {
public:
    void persist() override { js_storage_sync(); }
    void status_changed(const SaveStatus& status) override {
        js_publish_save_state(save_state_name(status.state));
        request_frame();
    }
};

struct Storage {
    App* app = nullptr;
    IdbfsSync sync;
    std::unique_ptr<SaveController> saver;
    std::optional<double> timer_due;                  // when the armed timer fires, if one is armed
    std::optional<std::uint64_t> published_revision;  // the App revision window.debrief.counts shows
};

Storage g;

void publish_quarantined() {
    std::string report;
    for (const std::string& line : g.app->storage_info().quarantined) report += line + "\n";
    js_publish_quarantined(report.c_str());
}

// Cheap enough for every frame: it only crosses into JavaScript when the journal changed.
void publish_counts() {
    if (g.published_revision == g.app->revision()) return;
    g.published_revision = g.app->revision();
    const Journal& journal = g.app->journal();
    js_publish_counts(static_cast<double>(journal.reflections.size()), static_cast<double>(journal.contacts.size()),
                      static_cast<double>(journal.messages.size()), static_cast<double>(journal.reminders.size()));
}

void on_timer(void*);

// One timer at a time, armed for the controller's next deadline (the debounce or a retry).
void arm_timer() {
    const double now = emscripten_get_now();
    const std::optional<double> in = g.saver->next_update_in(now);
    if (!in || (g.timer_due && *g.timer_due <= now + *in)) return;
    g.timer_due = now + *in;
    set_timer(on_timer, *in);  // counted: the page is not settled while a save waits
}

void on_timer(void*) {
    g.timer_due.reset();
    g.saver->update(emscripten_get_now());
    arm_timer();
}

}  // namespace

void storage_init(App& app) {
    g.app = &app;
    js_publish_save_state("saved");
    // A locked journal was not loaded (web/lock.js): nothing is read or written until the
    // passphrase opens it, since a save from the empty folder would remove every stored file.
    if (js_journal_locked()) return;
    storage_unlocked();
}

void storage_unlocked() {
    if (g.saver) return;
    g.saver = std::make_unique<SaveController>(*g.app, journal_root, g.sync);
    const int role = js_storage_role();
    g.saver->begin(role == 1 ? StorageRole::writer : role == 2 ? StorageRole::reader : StorageRole::memory_only);
    if (js_storage_lost()) g.app->storage_info().lost = true;
    // A journal of everyday size is read before the first frame, so it never shows a loading
    // screen; a large one shows its progress and is read between frames (long_work_web.cpp).
    storage_step_load(
        [deadline = emscripten_get_now() + first_load_slice_ms] { return emscripten_get_now() < deadline; });
    js_storage_report_info();
    request_frame();
}

bool storage_loading() { return g.saver && g.saver->loading(); }

void storage_step_load(const std::function<bool()>& more_time) {
    if (!g.saver || g.saver->step_load(more_time)) return;
    // Loaded: tests and the benchmark may count the records now.
    publish_quarantined();
    publish_counts();
}

void storage_after_frame() {
    if (!g.saver || g.saver->loading()) return;
    publish_counts();
    g.saver->update(emscripten_get_now());
    arm_timer();
}

}  // namespace debrief::platform

extern "C" {
// web/storage.js finished a sync: ok, or why not ("full" when the quota is the likely cause).
// `message` is UTF-8 with its byte length (web/shell.js withString), never NUL-terminated.
EMSCRIPTEN_KEEPALIVE void debrief_storage_synced(int ok, const char* message, int length) {
    using namespace debrief::platform;
    if (!g.saver) return;
    g.saver->sync_finished(ok != 0, std::string_view(message, static_cast<std::size_t>(length)), emscripten_get_now());
    arm_timer();
    js_storage_report_info();
}

// The page is being hidden or reloaded: write now instead of after the debounce.
EMSCRIPTEN_KEEPALIVE void debrief_storage_flush() {
    using namespace debrief::platform;
    if (!g.saver) return;
    // Text typed just before the tab was hidden reaches the model in the next frame, and a hidden
    // tab gets no animation frames: draw one now so those keystrokes are written too.
    draw_frame_now();
    g.saver->flush(emscripten_get_now());
}

// A reader tab: the writer saved; the files under /journal were refreshed from IndexedDB.
EMSCRIPTEN_KEEPALIVE void debrief_storage_reload() {
    using namespace debrief::platform;
    if (!g.saver) return;
    g.saver->reload();
    publish_quarantined();
    request_frame();
}

// This tab became the writer (the other tab closed). web/storage.js refreshed the files and
// debrief_storage_reload loaded them just before.
EMSCRIPTEN_KEEPALIVE void debrief_storage_role(int writer) {
    using namespace debrief::platform;
    if (!g.saver || writer == 0) return;  // before main(): storage_init() reads the new role itself
    g.saver->become_writer();
    publish_quarantined();
    request_frame();
}

EMSCRIPTEN_KEEPALIVE void debrief_storage_info(int available, int persistent, double used, double quota) {
    using namespace debrief::platform;
    if (!g.app) return;
    debrief::StorageInfo& info = g.app->storage_info();
    info.available = available != 0;
    info.persistent = persistent != 0;
    info.used_bytes = used;
    info.quota_bytes = quota;
    request_frame();
}
}
