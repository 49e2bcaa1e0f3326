// Keeps the journal saved: loads it into the App, writes the App's dirty records to the store in
// batches after a short debounce, asks the platform to make the written files durable, retries
// after a failure, and keeps the save indicator truthful. Times are passed in (milliseconds on any
// monotonic clock), so every state is reachable from a native test.
//
//   saved --edit--> pending --debounce--> saving --sync ok--> saved
//                                            \--write or sync failed--> failed --retry--> saving
//   a second tab: read_only (loads, never writes), until it becomes the writer.
#pragma once

#include "app/app.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace debrief {

class JournalLoad;
class JournalStore;
struct LoadResult;

// What the platform does for saving. On the web the journal folder is an IDBFS mount and
// `persist` starts a sync to IndexedDB; natively (tests) the files are already durable.
class StorageSync {
public:
    virtual ~StorageSync() = default;
    // Make the files written under the journal folder durable; answer with
    // SaveController::sync_finished, once per call or once for several coalesced calls.
    virtual void persist() = 0;
    // The indicator's state changed (the web page mirrors it for tests and redraws).
    virtual void status_changed(const SaveStatus& status) = 0;
};

enum class StorageRole {
    writer,       // this tab owns the journal folder
    reader,       // another tab writes: show its saves, change nothing
    memory_only,  // no durable storage (e.g. a private window): nothing survives the tab
};

class SaveController {
public:
    // At most this much typing is ever at risk: the first change arms the debounce, and everything
    // typed until it fires goes into one batch and one sync.
    static constexpr double debounce_ms = 400.0;
    // A failed write or sync is tried again after this long, doubling up to max_retry_ms.
    static constexpr double first_retry_ms = 2000.0;
    static constexpr double max_retry_ms = 60000.0;

    SaveController(App& app, std::string journal_root, StorageSync& sync);
    ~SaveController();
    SaveController(const SaveController&) = delete;
    SaveController& operator=(const SaveController&) = delete;

    // Loads the journal into the App. Files the load itself changed (quarantine, recovery, the
    // migration to shards) are made durable at once by a writer.
    void start(StorageRole role);
    // The same in steps: begin() starts the load (nothing is saved meanwhile, StorageInfo::loading
    // says how far it is), step_load() reads a file at a time while `more_time` says yes and returns
    // true while files remain. The stored settings reach the App with the first step, so the
    // language is right from the first frame.
    void begin(StorageRole role);
    bool step_load(const std::function<bool()>& more_time);
    bool loading() const { return m_loading != nullptr; }

    // After every frame and when the timer the platform armed from next_update_in() fires: hands
    // new unknown keys and the backup of a replace import to the store, arms the debounce, writes
    // when it is due and retries when a retry is due.
    void update(double now_ms);
    // Milliseconds until update() must run again, or nullopt when nothing is waiting for time.
    std::optional<double> next_update_in(double now_ms) const;

    // The page is being hidden or closed: write now rather than after the debounce.
    void flush(double now_ms);
    // The platform finished persisting. `reason` says why not when !ok ("full" = quota).
    void sync_finished(bool ok, std::string_view reason, double now_ms);

    // A reader tab: the writer saved and the folder now holds its files.
    void reload();
    // The writer tab closed and this one took over, right after a reload() of the writer's last
    // save. Loading again would find the lines that reload set aside already gone and clear their
    // report; what a reader's loads changed in its folder (quarantine, recovery, migration) was
    // never persisted, so it is persisted now.
    void become_writer();

    StorageRole role() const { return m_role; }
    bool sync_in_flight() const { return m_sync_in_flight; }

private:
    bool load();
    bool apply(LoadResult&& loaded);
    void finish_load();
    void write_dirty(double now_ms);
    void write_backup();
    void persist();
    void fail(std::string reason, double now_ms);
    void set_status(SaveState state, std::string reason = {});

    App& m_app;
    std::string m_root;
    std::unique_ptr<JournalStore> m_store;
    std::unique_ptr<JournalLoad> m_loading;  // while begin()'s load runs
    bool m_settings_applied = false;         // the App has the stored settings (first step)
    bool m_reload_after_load = false;        // a reader's refresh arrived meanwhile
    bool m_took_over = false;                // become_writer() arrived meanwhile
    StorageSync& m_sync;
    StorageRole m_role = StorageRole::writer;
    int m_seen_extras = -1;
    std::optional<double> m_write_due;  // the debounce or a retry
    double m_retry_ms = first_retry_ms;
    bool m_write_failed = false;  // records are waiting for a retry; a sync result cannot clear it
    bool m_sync_in_flight = false;
};

}  // namespace debrief
