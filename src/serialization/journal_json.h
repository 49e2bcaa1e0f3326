// The JSON door of the model: journal export documents and one-record storage documents, both ways.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/journal.h"
#include "serialization/json_text.h"
#include "serialization/result.h"

namespace debrief {

constexpr int current_format_version = 1;
constexpr std::string_view journal_format_name = "debrief-journal";
constexpr std::string_view record_format_name = "debrief-record";

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

// "reflection", "contact", ... as written in record documents.
std::string_view record_type_key(RecordType type);
std::optional<RecordType> record_type_from_key(std::string_view key);

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

struct DecodedJournal {
    Journal journal;
    JournalExtras extras;
    std::vector<std::string> warnings;            // e.g. unknown fields kept; shown in the import report
    int source_version = current_format_version;  // the file's version before migration
    std::optional<Timestamp> exported_at;
};

// parse -> migrate -> validate -> decode. Never throws; on failure the error names the JSON path.
Result<DecodedJournal> decode_journal(std::string_view text, const DecodeLimits& limits = {});

// The canonical text: fixed key order (docs/schema.md), 2-space indent, UTF-8 (not \u-escaped),
// a final newline. Re-encoding a decoded canonical file gives back the same bytes.
std::string encode_journal(const Journal& journal, Timestamp exported_at);
std::string encode_journal(const Journal& journal, const JournalExtras& extras, Timestamp exported_at);

using AnyRecord = std::variant<Reflection, Contact, Message, Reminder, Settings>;
RecordType record_type_of(const AnyRecord& record);

struct DecodedRecord {
    AnyRecord record;
    RecordExtras extras;
    std::vector<std::string> warnings;
};

// A one-record document: {"format": "debrief-record", "version": 1, "type": ..., "record": {...}}.
Result<DecodedRecord> decode_record(std::string_view text, const DecodeLimits& limits = {});

// pretty: 2-space indent and a final newline (files a person may open); line: compact, on one line
// with no newline (several records share a file, one per line).
enum class TextLayout { pretty, line };

std::string encode_record(const Reflection& reflection, const RecordExtras& extras = {},
                          TextLayout layout = TextLayout::pretty);
std::string encode_record(const Contact& contact, const RecordExtras& extras = {},
                          TextLayout layout = TextLayout::pretty);
std::string encode_record(const Message& message, const RecordExtras& extras = {},
                          TextLayout layout = TextLayout::pretty);
std::string encode_record(const Reminder& reminder, const RecordExtras& extras = {},
                          TextLayout layout = TextLayout::pretty);
std::string encode_record(const Settings& settings, const RecordExtras& extras = {},
                          TextLayout layout = TextLayout::pretty);
std::string encode_record(const AnyRecord& record, const RecordExtras& extras = {},
                          TextLayout layout = TextLayout::pretty);

// The record alone as canonical compact JSON (no envelope, no extras): equal texts mean equal
// records. Used by merges to tell "unchanged" from "conflict" without operator== on the model.
std::string canonical_record_text(const Reflection& reflection);
std::string canonical_record_text(const Contact& contact);
std::string canonical_record_text(const Message& message);
std::string canonical_record_text(const Reminder& reminder);
std::string canonical_record_text(const Settings& settings);

}  // namespace debrief
