// The field tables of format version 1: which keys each JSON object has, in the order the encoder writes them.
#pragma once

#include <string_view>
#include <vector>

namespace debrief {

// Every kind of JSON object in a version 1 file. Each maps to one "$defs" entry in docs/journal.schema.json.
enum class SchemaObject {
    journal,          // the export document
    record_document,  // the one-record file used by storage
    reflection,
    steps,
    vent,
    win,
    reflect,
    feedback,
    loved_item,
    criterion,
    army_member,
    resilience,
    contact,
    message,
    reminder,
    settings,
    profile_choice,
};

enum class Presence { required, optional };

struct FieldSpec {
    std::string_view key;
    Presence presence;
};

// The keys of `object`, in canonical (written) order. The decoder treats any other key as unknown
// (kept in extras) and a missing `required` key as an error; optional keys default when missing.
const std::vector<FieldSpec>& schema_fields(SchemaObject object);

// Every SchemaObject, for tests and documentation checks.
const std::vector<SchemaObject>& all_schema_objects();

// The object's name under "$defs" in docs/journal.schema.json.
std::string_view schema_definition_name(SchemaObject object);

// The record id syntax: what storage can safely use as a file name. UUIDs fit it.
bool is_valid_record_id(std::string_view id);

}  // namespace debrief
