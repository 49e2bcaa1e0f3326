// The JSON door of the model: journal export documents and one-record storage documents, both ways.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/format.h"
#include "core/journal.h"
#include "core/records.h"
#include "core/result.h"
#include "serialization/json_text.h"

namespace debrief {

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

struct DecodedRecord {
    AnyRecord record;
    RecordExtras extras;
    // The first 50 warnings, then "...and N more warnings like these" if there were more.
    std::vector<std::string> warnings;
    std::size_t warning_count = 0;  // all of them, listed or not
    // Settings only: the unknown top-level keys of the journal they belong to (the document's
    // "journal" member), as JournalExtras::document holds them; "" if none.
    std::string journal_extras;
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
// `journal_extras`: the journal's own unknown top-level keys (JournalExtras::document), kept in the
// settings document so that they survive storage ("journal" next to "record").
std::string encode_record(const Settings& settings, const RecordExtras& extras = {},
                          TextLayout layout = TextLayout::pretty, std::string_view journal_extras = {});
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
