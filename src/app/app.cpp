// Intents: every change stamps `modified` and marks the record dirty, and read-only tabs change nothing.
#include "app/app.h"

#include "core/people.h"
#include "core/reminders.h"

#include "app/export_flow.h"
#include "app/import_flow.h"
#include "core/dates.h"
#include "serialization/journal_json.h"
#include "serialization/markdown.h"

#include <algorithm>
#include <utility>

namespace debrief {
namespace {
template <typename Record>
const Record* find_in(const std::vector<Record>& records, const std::string& id) {
    for (const Record& r : records)
        if (r.meta.id == id) return &r;
    return nullptr;
}
}  // namespace

App::App(Environment& env)
    : m_env(env), m_import(std::make_unique<ImportFlow>()), m_export(std::make_unique<ExportFlow>()) {}
App::~App() = default;

template <typename Record>
Record* App::find_mut(std::vector<Record>& records, const std::string& id) {
    for (Record& r : records)
        if (r.meta.id == id) return &r;
    return nullptr;
}

void App::replace_journal(Journal journal, MarkDirty mark) {
    m_journal = std::move(journal);
    ++m_revision;
    if (mark == MarkDirty::no) return;
    for (const auto& r : m_journal.reflections) m_dirty.insert({RecordType::reflection, r.meta.id});
    for (const auto& r : m_journal.contacts) m_dirty.insert({RecordType::contact, r.meta.id});
    for (const auto& r : m_journal.messages) m_dirty.insert({RecordType::message, r.meta.id});
    for (const auto& r : m_journal.reminders) m_dirty.insert({RecordType::reminder, r.meta.id});
    m_dirty.insert({RecordType::settings, "settings"});
}

void App::mark_removed_since(const Journal& previous) {
    const auto mark = [&](const auto& old_records, const auto& new_records, RecordType type) {
        for (const auto& old_record : old_records) {
            const bool kept = std::any_of(new_records.begin(), new_records.end(),
                                          [&](const auto& r) { return r.meta.id == old_record.meta.id; });
            if (!kept) m_dirty.insert({type, old_record.meta.id});
        }
    };
    mark(previous.reflections, m_journal.reflections, RecordType::reflection);
    mark(previous.contacts, m_journal.contacts, RecordType::contact);
    mark(previous.messages, m_journal.messages, RecordType::message);
    mark(previous.reminders, m_journal.reminders, RecordType::reminder);
}

void App::go(Screen screen) {
    drop_untouched_start({});
    m_nav.screen = screen;
}

void App::open_reflection(const std::string& id) {
    drop_untouched_start(id);
    m_nav.screen = Screen::reflection;
    m_nav.reflection_id = id;
}

void App::open_message(const std::string& id) {
    // A draft opened from another draft's screen (a new one made there) returns where that one would.
    if (m_nav.screen != Screen::message) m_nav.message_opened_from = m_nav.screen;
    m_nav.screen = Screen::message;
    m_nav.message_id = id;
}

void App::close_message() {
    const Screen from = m_nav.message_opened_from;
    const bool gone = (from == Screen::reflection && !find_reflection(m_nav.reflection_id)) ||
                      from == Screen::new_message || from == Screen::message;
    m_nav.screen = gone ? Screen::home : from;
}

const Reflection* App::find_reflection(const std::string& id) const { return find_in(m_journal.reflections, id); }
const Message* App::find_message(const std::string& id) const { return find_in(m_journal.messages, id); }
const Contact* App::find_contact(const std::string& id) const { return find_in(m_journal.contacts, id); }
const Reminder* App::find_reminder(const std::string& id) const { return find_in(m_journal.reminders, id); }

std::string App::reminder_title(const Reminder& reminder) const {
    ReminderTitles& cache = m_reminder_titles;
    const Language language = interface_language();
    if (cache.revision != m_revision || cache.language != language || cache.catalogue != has_catalogue(language)) {
        cache.by_id.clear();
        for (Reminder& titled : titled_reminders(m_journal)) cache.by_id[titled.meta.id] = std::move(titled.title);
        cache.revision = m_revision;
        cache.language = language;
        cache.catalogue = has_catalogue(language);
    }
    const auto it = cache.by_id.find(reminder.meta.id);
    return it == cache.by_id.end() ? reminder.title : it->second;
}

void App::touch(RecordMeta& meta, RecordType type) {
    ++m_revision;
    meta.modified = m_env.now();
    m_dirty.insert({type, meta.id});
}

template <typename Record>
std::string App::create_record(std::vector<Record>& records, Record record, RecordType type) {
    if (read_only()) return {};
    if (record.meta.id.empty()) record.meta.id = m_env.new_id();
    record.meta.created = m_env.now();
    touch(record.meta, type);
    records.push_back(std::move(record));
    return records.back().meta.id;
}

template <typename Record>
void App::update_record(std::vector<Record>& records, const std::string& id, RecordType type,
                        const std::function<void(Record&)>& edit) {
    if (read_only()) return;
    if (Record* r = find_mut(records, id)) {
        edit(*r);
        touch(r->meta, type);
    }
}

std::string App::create_reflection() {
    Reflection r;
    r.rejected_on = m_env.today();
    return create_record(m_journal.reflections, std::move(r), RecordType::reflection);
}

std::string App::start_reflection() {
    m_started = create_reflection();
    m_started_revision = m_revision;
    return m_started;
}

// Leaving the reflection start_reflection() made: gone again if nothing at all changed since (any
// edit, a draft or reminder made from it, a move to the trash, an import or a reload keeps it).
void App::drop_untouched_start(const std::string& staying) {
    if (m_started.empty() || m_started == staying) return;
    const std::string id = std::exchange(m_started, std::string());
    if (m_revision == m_started_revision) remove_reflection(id, [](const Reflection&) { return true; });
}

// Gone for good, when `may` agrees: the storage layer removes the file of a dirty key it cannot find.
void App::remove_reflection(const std::string& id, const std::function<bool(const Reflection&)>& may) {
    if (read_only()) return;
    auto& list = m_journal.reflections;
    const auto it = std::find_if(list.begin(), list.end(), [&](const Reflection& r) { return r.meta.id == id; });
    if (it == list.end() || !may(*it)) return;
    list.erase(it);
    ++m_revision;
    m_dirty.insert({RecordType::reflection, id});
}

void App::update_reflection(const std::string& id, const std::function<void(Reflection&)>& edit) {
    readdressing_drafts([&] { update_record(m_journal.reflections, id, RecordType::reflection, edit); },
                        [&](const Message& m) { return m.reflection_id == id && !m.recipient.empty(); });
}

// A person's name or address lives in one place; the drafts to them not sent yet follow it.
void App::readdressing_drafts(const std::function<void()>& change,
                              const std::function<bool(const Message&)>& affected) {
    std::vector<std::pair<std::string, Addressee>> before;
    for (const Message& m : m_journal.messages) {
        if (m.meta.deleted || m.status != MessageStatus::draft || !affected(m)) continue;
        if (const std::optional<Addressee> a = message_addressee(m_journal, m)) before.emplace_back(m.meta.id, *a);
    }
    change();
    for (const auto& entry : before) {
        const Addressee& old = entry.second;
        const Message* m = find_message(entry.first);
        const std::optional<Addressee> now = m ? message_addressee(m_journal, *m) : std::nullopt;
        if (!now || *now == old) continue;
        update_message(entry.first, [&](Message& x) { readdress_draft(x, old, *now); });
    }
}

void App::trash_reflection(const std::string& id) {
    update_reflection(id, [&](Reflection& r) { r.meta.deleted = m_env.now(); });
}

void App::restore_reflection(const std::string& id) {
    update_reflection(id, [](Reflection& r) { r.meta.deleted.reset(); });
}

void App::purge_reflection(const std::string& id) {
    remove_reflection(id, [](const Reflection& r) { return r.meta.deleted.has_value(); });  // from the trash only
}

std::string App::create_message(Message message) {
    return create_record(m_journal.messages, std::move(message), RecordType::message);
}

void App::update_message(const std::string& id, const std::function<void(Message&)>& edit) {
    update_record(m_journal.messages, id, RecordType::message, edit);
}

void App::trash_message(const std::string& id) {
    update_message(id, [&](Message& m) { m.meta.deleted = m_env.now(); });
}

std::string App::create_contact(Contact contact) {
    return create_record(m_journal.contacts, std::move(contact), RecordType::contact);
}

void App::update_contact(const std::string& id, const std::function<void(Contact&)>& edit) {
    readdressing_drafts([&] { update_record(m_journal.contacts, id, RecordType::contact, edit); },
                        [&](const Message& m) { return m.contact_id == id && m.recipient.empty(); });
}

void App::trash_contact(const std::string& id) {
    update_contact(id, [&](Contact& c) { c.meta.deleted = m_env.now(); });
}

std::string App::create_reminder(Reminder reminder) {
    return create_record(m_journal.reminders, std::move(reminder), RecordType::reminder);
}

void App::update_reminder(const std::string& id, const std::function<void(Reminder&)>& edit) {
    update_record(m_journal.reminders, id, RecordType::reminder, edit);
}

void App::trash_reminder(const std::string& id) {
    update_reminder(id, [&](Reminder& r) { r.meta.deleted = m_env.now(); });
}

void App::update_settings(const std::function<void(Settings&)>& edit) {
    if (read_only()) return;
    const Settings before = m_journal.settings;
    edit(m_journal.settings);
    resign_drafts(before);
    ++m_revision;
    m_journal.settings.modified = m_env.now();
    m_dirty.insert({RecordType::settings, "settings"});
}

// Drafts not sent yet sign off with the name, signature and link as they are now.
void App::resign_drafts(const Settings& before) {
    const Settings& now = m_journal.settings;
    if (before.your_name == now.your_name && before.signature == now.signature &&
        before.profile_link == now.profile_link)
        return;
    for (const Message& m : m_journal.messages) {
        if (m.meta.deleted || m.status != MessageStatus::draft) continue;
        const std::string old_signoff =
            signoff_text(m.language, before.your_name, before.signature, before.profile_link);
        const std::string new_signoff = signoff_text(m.language, now.your_name, now.signature, now.profile_link);
        Message signed_anew = m;
        resign_draft(signed_anew, old_signoff, new_signoff);
        if (signed_anew.body != m.body) update_message(m.meta.id, [&](Message& x) { x.body = signed_anew.body; });
    }
}

void App::choose_language(Language language) {
    const std::string code(language_code(language));
    if (m_journal.settings.language == code) return;
    update_settings([&](Settings& s) { s.language = code; });
}

std::optional<Language> App::chosen_language() const {
    const std::string& code = m_journal.settings.language;
    // Exactly one of the codes Debrief writes: a tag like "de-AT" in a hand-edited file is not a choice.
    for (const Language language : all_languages) {
        if (language_code(language) == code) return language;
    }
    return std::nullopt;
}

// Named by the day, so several exports sort by date in a downloads folder: debrief-2026-11-29.json.
ExportFile App::export_json() const {
    return {"debrief-" + format_date(m_env.today()) + ".json", "application/json",
            encode_journal(m_journal, m_extras, m_env.now())};
}

ExportFile App::export_markdown() const {
    return {"debrief-" + format_date(m_env.today()) + ".md", "text/markdown", journal_to_markdown(m_journal)};
}

std::vector<RecordKey> App::take_dirty() {
    std::vector<RecordKey> out(m_dirty.begin(), m_dirty.end());
    m_dirty.clear();
    return out;
}

}  // namespace debrief
