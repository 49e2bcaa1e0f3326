// Record type names and the equality of kept extras.
#include "core/records.h"

namespace debrief {

std::string_view record_type_key(RecordType type) {
    switch (type) {
        case RecordType::reflection: return "reflection";
        case RecordType::contact: return "contact";
        case RecordType::message: return "message";
        case RecordType::reminder: return "reminder";
        case RecordType::settings: return "settings";
    }
    return "";
}

std::optional<RecordType> record_type_from_key(std::string_view key) {
    for (RecordType type : {RecordType::reflection, RecordType::contact, RecordType::message, RecordType::reminder,
                            RecordType::settings}) {
        if (record_type_key(type) == key) return type;
    }
    return std::nullopt;
}

RecordType record_type_of(const AnyRecord& record) {
    // The variant's alternatives are listed in RecordType's order.
    return static_cast<RecordType>(record.index());
}

bool JournalExtras::empty() const {
    return reflections.empty() && contacts.empty() && messages.empty() && reminders.empty() && settings.empty() &&
           document.empty();
}

bool operator==(const JournalExtras& a, const JournalExtras& b) {
    return a.reflections == b.reflections && a.contacts == b.contacts && a.messages == b.messages &&
           a.reminders == b.reminders && a.settings == b.settings && a.document == b.document;
}

}  // namespace debrief
