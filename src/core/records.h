// What identifies a stored record and what travels with it: shared by the app (its dirty set),
// serialization (documents) and storage (shards), so none of them has to include another for it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "core/journal.h"

namespace debrief {

enum class RecordType { reflection, contact, message, reminder, settings };

// One record of a journal by type and id (`id` is ignored for settings): what the app marks dirty
// and the store saves.
struct RecordKey {
    RecordType type = RecordType::reflection;
    std::string id;
    friend bool operator<(const RecordKey& a, const RecordKey& b) {
        return std::pair(a.type, a.id) < std::pair(b.type, b.id);
    }
    friend bool operator==(const RecordKey& a, const RecordKey& b) { return a.type == b.type && a.id == b.id; }
};

// "reflection", "contact", ... as written in record documents and used as storage folder names.
std::string_view record_type_key(RecordType type);
std::optional<RecordType> record_type_from_key(std::string_view key);

using AnyRecord = std::variant<Reflection, Contact, Message, Reminder, Settings>;
RecordType record_type_of(const AnyRecord& record);

// Keys this version does not know, kept so that a file from a newer version survives a round trip
// through this one. Maps a location inside the record to a compact JSON object of its unknown keys:
// "" is the record itself, "vent"/"reflect"/"feedback"/"resilience"/"steps" its step objects, and
// "wins/<item id>" (likewise loved/, criteria/, army/, profile_choices/<key>) a list item.
using RecordExtras = std::map<std::string, std::string>;

// Unknown keys of a whole journal document, by record id.
struct JournalExtras {
    std::map<std::string, RecordExtras> reflections;
    std::map<std::string, RecordExtras> contacts;
    std::map<std::string, RecordExtras> messages;
    std::map<std::string, RecordExtras> reminders;
    RecordExtras settings;
    std::string document;  // unknown top-level keys (compact JSON object), "" if none

    bool empty() const;
    friend bool operator==(const JournalExtras& a, const JournalExtras& b);
    friend bool operator!=(const JournalExtras& a, const JournalExtras& b) { return !(a == b); }
};

}  // namespace debrief
