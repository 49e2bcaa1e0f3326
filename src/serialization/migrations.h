// Format migrations: one function per version step, each turning a version N journal into version N+1 text.
#pragma once

#include <string>

#include "serialization/json_reader.h"

namespace debrief {

// Version 0 was the prototype (docs/schema.md, "Version 0"): no "format", "schema": 0, "entries"
// and "people", unix-millisecond times, DD.MM.YYYY dates, a single "mood". Writes a complete
// version 1 document to `out` (compact JSON); unknown keys of entries and people are carried over
// (they become extras). Ids of list items the prototype did not have are derived from the record id,
// so migrating the same file twice gives identical results. Errors name the version 0 path
// ($.entries[2].applied).
bool migrate_v0_to_v1(const JsonNode& document, JsonReader& reader, std::string& out);

// Applies every step from `from_version` up to current_format_version, in order, and leaves the
// current version's text in `out` (read it with read_json_tree).
bool migrate_journal(const JsonNode& document, int from_version, JsonReader& reader, std::string& out);

}  // namespace debrief
