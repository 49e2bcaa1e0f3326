// The application state and its intents: the only code that mutates the journal. Views read the
// state and call these intents; the platform drains the dirty set into storage.
#pragma once

#include "core/i18n.h"
#include "core/journal.h"
#include "core/records.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace debrief {

class ImportFlow;
class ExportFlow;

// Time and ids come from outside so the logic stays deterministic and testable.
class Environment {
public:
    virtual ~Environment() = default;
    virtual Timestamp now() = 0;
    virtual Date today() = 0;
    virtual std::string new_id() = 0;  // a random UUID (v4)
};

enum class Screen { home, reflection, message, new_message, reminders, profile, data, trash, people };

struct Navigation {
    Screen screen = Screen::home;
    std::string reflection_id;
    std::string message_id;
    Screen message_opened_from = Screen::home;  // where Back (or deleting) on a draft returns to
};

// What the save indicator shows. Set by the platform's storage sync, read by the views.
enum class SaveState { saved, pending, saving, failed, read_only };
struct SaveStatus {
    SaveState state = SaveState::saved;
    std::string reason;  // for failed / read_only: what happened and what to do
};

// What the browser told us about its storage; shown on the data screen.
struct StorageInfo {
    bool available = true;    // false: no IndexedDB (private window) - nothing survives the tab
    bool persistent = false;  // navigator.storage.persist() granted
    double used_bytes = 0.0;
    double quota_bytes = 0.0;
    std::vector<std::string> quarantined;  // damaged stored files set aside at load, with reasons
    bool lost = false;  // the browser's store was empty at start although a journal had been saved there
    // While the stored journal is being read (a large one takes frames): bytes read and in all.
    struct Loading {
        std::uintmax_t done = 0;
        std::uintmax_t total = 0;
    };
    std::optional<Loading> loading;
};

// A file for the person to keep: what the views hand to Services::download.
struct ExportFile {
    std::string name;  // "debrief-2026-11-29.json"
    std::string mime_type;
    std::string bytes;
};

class App {
public:
    explicit App(Environment& env);
    ~App();

    const Journal& journal() const { return m_journal; }
    // Goes up with every change to the journal: views cache derived data (search hits, charts)
    // against it instead of recomputing over thousands of reflections every frame.
    std::uint64_t revision() const { return m_revision; }
    // Replaces the whole journal (boot, import). Marks nothing dirty unless asked.
    enum class MarkDirty { no, yes };
    void replace_journal(Journal journal, MarkDirty mark);
    // Marks dirty every record of `previous` that the current journal no longer has (storage deletes it).
    void mark_removed_since(const Journal& previous);

    Navigation& nav() { return m_nav; }
    const Navigation& nav() const { return m_nav; }
    void go(Screen screen);
    void open_reflection(const std::string& id);
    void open_message(const std::string& id);
    // Leaves a draft for the screen it was opened from (its reflection, People, Reminders, …), or
    // the journal when that reflection is gone.
    void close_message();

    const Reflection* find_reflection(const std::string& id) const;
    const Message* find_message(const std::string& id) const;
    const Contact* find_contact(const std::string& id) const;
    const Reminder* find_reminder(const std::string& id) const;
    // What a reminder says on screen (core/reminders.h reminder_title). Worked out for all of them
    // at once, again only when the journal, the language or its catalogue changes: the reminders
    // screen shows every reminder each frame, each about one of up to 10,000 reflections.
    std::string reminder_title(const Reminder& reminder) const;

    // --- intents ---
    std::string create_reflection();
    // "New reflection": one created to be written in. Left before anything in the journal changed
    // (a tap by mistake, a second thought), it is removed again rather than kept as an empty card.
    std::string start_reflection();
    void update_reflection(const std::string& id, const std::function<void(Reflection&)>& edit);
    void trash_reflection(const std::string& id);
    void restore_reflection(const std::string& id);
    void purge_reflection(const std::string& id);  // from the trash only

    std::string create_message(Message message);
    void update_message(const std::string& id, const std::function<void(Message&)>& edit);
    void trash_message(const std::string& id);

    std::string create_contact(Contact contact);
    void update_contact(const std::string& id, const std::function<void(Contact&)>& edit);
    void trash_contact(const std::string& id);

    std::string create_reminder(Reminder reminder);
    void update_reminder(const std::string& id, const std::function<void(Reminder&)>& edit);
    void trash_reminder(const std::string& id);

    void update_settings(const std::function<void(Settings&)>& edit);

    // The interface language a person picked, stored in the journal's settings (so it travels with an
    // export). The platform notices the change and switches the interface (platform::apply_language).
    void choose_language(Language language);
    // The stored choice; nothing when there is none (or a code this version does not know): then the
    // browser's languages decide.
    std::optional<Language> chosen_language() const;

    // The whole journal as canonical JSON, with the unknown keys it came with (docs/schema.md).
    ExportFile export_json() const;
    // The whole journal as Markdown, to read or print.
    ExportFile export_markdown() const;

    // Records changed since the last call (what storage must write or remove).
    std::vector<RecordKey> take_dirty();
    bool has_dirty() const { return !m_dirty.empty(); }
    // Puts records back in the dirty set (a failed write will be retried).
    void mark_dirty(const std::vector<RecordKey>& keys) { m_dirty.insert(keys.begin(), keys.end()); }

    SaveStatus& save_status() { return m_save; }
    const SaveStatus& save_status() const { return m_save; }
    bool read_only() const { return m_save.state == SaveState::read_only; }

    // A short message shown once at the bottom of the screen ("Copied", "Imported 3 reflections").
    void notify(std::string text) {
        m_notice = std::move(text);
        ++m_notice_serial;
    }
    const std::string& notice() const { return m_notice; }
    int notice_serial() const { return m_notice_serial; }

    // Views that animate or expire (the notice) ask for a frame later; the platform sets a timer.
    void wake_after_ms(int ms) { m_wake_ms = m_wake_ms > 0 ? std::min(m_wake_ms, ms) : ms; }
    int take_wake_ms() { return std::exchange(m_wake_ms, 0); }

    // Keys this version does not know, per record, kept so they are written back and exported.
    const JournalExtras& extras() const { return m_extras; }
    void set_extras(JournalExtras extras) {
        m_extras = std::move(extras);
        ++m_extras_serial;
    }
    int extras_serial() const { return m_extras_serial; }

    Environment& env() { return m_env; }
    ImportFlow& import_flow() { return *m_import; }
    ExportFlow& export_flow() { return *m_export; }
    StorageInfo& storage_info() { return m_storage_info; }
    const StorageInfo& storage_info() const { return m_storage_info; }

private:
    template <typename Record>
    Record* find_mut(std::vector<Record>& records, const std::string& id);
    template <typename Record>
    std::string create_record(std::vector<Record>& records, Record record, RecordType type);
    template <typename Record>
    void update_record(std::vector<Record>& records, const std::string& id, RecordType type,
                       const std::function<void(Record&)>& edit);
    void touch(RecordMeta& meta, RecordType type);
    void drop_untouched_start(const std::string& staying);
    void remove_reflection(const std::string& id, const std::function<bool(const Reflection&)>& may);
    void resign_drafts(const Settings& before);
    void readdressing_drafts(const std::function<void()>& change, const std::function<bool(const Message&)>& affected);

    Environment& m_env;
    Journal m_journal;
    Navigation m_nav;
    std::set<RecordKey> m_dirty;
    SaveStatus m_save;
    std::string m_notice;
    int m_notice_serial = 0;
    int m_wake_ms = 0;
    std::uint64_t m_revision = 0;
    struct ReminderTitles {
        std::uint64_t revision = ~std::uint64_t{0};
        Language language = Language::en;
        bool catalogue = false;
        std::unordered_map<std::string, std::string> by_id;
    };
    mutable ReminderTitles m_reminder_titles;
    std::string m_started;                 // the reflection start_reflection() made, while it is open
    std::uint64_t m_started_revision = 0;  // m_revision right after it was made
    std::unique_ptr<ImportFlow> m_import;
    std::unique_ptr<ExportFlow> m_export;
    JournalExtras m_extras;
    int m_extras_serial = 0;
    StorageInfo m_storage_info;
};

}  // namespace debrief
