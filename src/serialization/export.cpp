// Export file names and the one-reflection export (see export.h).
#include "serialization/export.h"

#include <set>

#include "core/dates.h"

namespace debrief {

namespace {

template <class T>
void select(std::map<std::string, RecordExtras>& out, const std::map<std::string, RecordExtras>& all,
            const std::vector<T>& records) {
    for (const T& record : records) {
        const auto it = all.find(record.meta.id);
        if (it != all.end()) out.insert(*it);
    }
}

}  // namespace

std::string export_file_name(Date today) { return "debrief-" + format_date(today) + ".json"; }

std::string markdown_file_name(Date today) { return "debrief-" + format_date(today) + ".md"; }

Journal extract_reflection(const Journal& journal, std::string_view reflection_id) {
    Journal out;
    const Reflection* reflection = nullptr;
    for (const Reflection& r : journal.reflections) {
        if (r.meta.id == reflection_id) {
            reflection = &r;
            break;
        }
    }
    if (reflection == nullptr || reflection_id.empty()) return out;
    out.reflections.push_back(*reflection);

    std::set<std::string, std::less<>> message_ids;
    for (const Message& m : journal.messages) {
        if (!m.meta.deleted && m.reflection_id == reflection_id) {
            out.messages.push_back(m);
            message_ids.insert(m.meta.id);
        }
    }
    for (const Reminder& r : journal.reminders) {
        if (!r.meta.deleted && (r.reflection_id == reflection_id || message_ids.count(r.message_id) > 0))
            out.reminders.push_back(r);
    }
    std::set<std::string, std::less<>> contact_ids;
    for (const ArmyMember& a : reflection->army) contact_ids.insert(a.contact_id);
    for (const Message& m : out.messages) contact_ids.insert(m.contact_id);
    for (const Reminder& r : out.reminders) contact_ids.insert(r.contact_id);
    contact_ids.erase("");
    for (const Contact& c : journal.contacts) {
        if (!c.meta.deleted && (c.reflection_id == reflection_id || contact_ids.count(c.meta.id) > 0))
            out.contacts.push_back(c);
    }
    return out;
}

JournalExtras select_extras(const JournalExtras& extras, const Journal& subset) {
    JournalExtras out;
    select(out.reflections, extras.reflections, subset.reflections);
    select(out.contacts, extras.contacts, subset.contacts);
    select(out.messages, extras.messages, subset.messages);
    select(out.reminders, extras.reminders, subset.reminders);
    return out;
}

}  // namespace debrief
