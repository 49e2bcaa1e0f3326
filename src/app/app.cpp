// Intents: every change stamps `modified` and marks the record dirty, and read-only tabs change nothing.
#include "app/app.h"

#include "app/import_flow.h"

#include <algorithm>

namespace debrief {
namespace {
template <typename Record>
const Record* find_in(const std::vector<Record>& records, const std::string& id) {
    for (const Record& r : records)
        if (r.meta.id == id) return &r;
    return nullptr;
}
}  // namespace

App::App(Environment& env) : m_env(env), m_import(std::make_unique<ImportFlow>()) {}
App::~App() = default;

template <typename Record>
Record* App::find_mut(std::vector<Record>& records, const std::string& id) {
    for (Record& r : records)
        if (r.meta.id == id) return &r;
    return nullptr;
}

void App::replace_journal(Journal journal, MarkDirty mark) {
    m_journal = std::move(journal);
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

void App::go(Screen screen) { m_nav.screen = screen; }

void App::open_reflection(const std::string& id) {
    m_nav.screen = Screen::reflection;
    m_nav.reflection_id = id;
}

void App::open_message(const std::string& id) {
    m_nav.screen = Screen::message;
    m_nav.message_id = id;
}

const Reflection* App::find_reflection(const std::string& id) const { return find_in(m_journal.reflections, id); }
const Message* App::find_message(const std::string& id) const { return find_in(m_journal.messages, id); }
const Contact* App::find_contact(const std::string& id) const { return find_in(m_journal.contacts, id); }
const Reminder* App::find_reminder(const std::string& id) const { return find_in(m_journal.reminders, id); }

void App::touch(RecordMeta& meta, RecordType type) {
    meta.modified = m_env.now();
    m_dirty.insert({type, meta.id});
}

std::string App::create_reflection() {
    if (read_only()) return {};
    Reflection r;
    r.meta.id = m_env.new_id();
    r.meta.created = m_env.now();
    r.rejected_on = m_env.today();
    touch(r.meta, RecordType::reflection);
    m_journal.reflections.push_back(std::move(r));
    return m_journal.reflections.back().meta.id;
}

void App::update_reflection(const std::string& id, const std::function<void(Reflection&)>& edit) {
    if (read_only()) return;
    if (Reflection* r = find_mut(m_journal.reflections, id)) {
        edit(*r);
        touch(r->meta, RecordType::reflection);
    }
}

void App::trash_reflection(const std::string& id) {
    update_reflection(id, [&](Reflection& r) { r.meta.deleted = m_env.now(); });
}

void App::restore_reflection(const std::string& id) {
    update_reflection(id, [](Reflection& r) { r.meta.deleted.reset(); });
}

void App::purge_reflection(const std::string& id) {
    if (read_only()) return;
    auto& list = m_journal.reflections;
    const auto it = std::find_if(list.begin(), list.end(), [&](const Reflection& r) { return r.meta.id == id; });
    if (it == list.end() || !it->meta.deleted) return;  // only what is already in the trash
    list.erase(it);
    m_dirty.insert({RecordType::reflection, id});  // storage removes a dirty key it cannot find
}

std::string App::create_message(Message message) {
    if (read_only()) return {};
    message.meta.id = m_env.new_id();
    message.meta.created = m_env.now();
    touch(message.meta, RecordType::message);
    m_journal.messages.push_back(std::move(message));
    return m_journal.messages.back().meta.id;
}

void App::update_message(const std::string& id, const std::function<void(Message&)>& edit) {
    if (read_only()) return;
    if (Message* m = find_mut(m_journal.messages, id)) {
        edit(*m);
        touch(m->meta, RecordType::message);
    }
}

void App::trash_message(const std::string& id) {
    update_message(id, [&](Message& m) { m.meta.deleted = m_env.now(); });
}

std::string App::create_contact(Contact contact) {
    if (read_only()) return {};
    contact.meta.id = m_env.new_id();
    contact.meta.created = m_env.now();
    touch(contact.meta, RecordType::contact);
    m_journal.contacts.push_back(std::move(contact));
    return m_journal.contacts.back().meta.id;
}

void App::update_contact(const std::string& id, const std::function<void(Contact&)>& edit) {
    if (read_only()) return;
    if (Contact* c = find_mut(m_journal.contacts, id)) {
        edit(*c);
        touch(c->meta, RecordType::contact);
    }
}

void App::trash_contact(const std::string& id) {
    update_contact(id, [&](Contact& c) { c.meta.deleted = m_env.now(); });
}

std::string App::create_reminder(Reminder reminder) {
    if (read_only()) return {};
    if (reminder.meta.id.empty()) reminder.meta.id = m_env.new_id();
    reminder.meta.created = m_env.now();
    touch(reminder.meta, RecordType::reminder);
    m_journal.reminders.push_back(std::move(reminder));
    return m_journal.reminders.back().meta.id;
}

void App::update_reminder(const std::string& id, const std::function<void(Reminder&)>& edit) {
    if (read_only()) return;
    if (Reminder* r = find_mut(m_journal.reminders, id)) {
        edit(*r);
        touch(r->meta, RecordType::reminder);
    }
}

void App::trash_reminder(const std::string& id) {
    update_reminder(id, [&](Reminder& r) { r.meta.deleted = m_env.now(); });
}

void App::update_settings(const std::function<void(Settings&)>& edit) {
    if (read_only()) return;
    edit(m_journal.settings);
    m_journal.settings.modified = m_env.now();
    m_dirty.insert({RecordType::settings, "settings"});
}

std::vector<RecordKey> App::take_dirty() {
    std::vector<RecordKey> out(m_dirty.begin(), m_dirty.end());
    m_dirty.clear();
    return out;
}

}  // namespace debrief
