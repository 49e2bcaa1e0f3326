// The key tables of format version 1: which keys each JSON object has, in the order the encoder writes them.
// Records and their nested objects take theirs from core/record_fields.h; only the two envelopes are listed here.
#pragma once

#include <string_view>
#include <vector>

#include "core/record_fields.h"

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
    interviewer,
    resilience,
    contact,
    message,
    reminder,
    settings,
    profile_choice,
    profile_keyword,
    profile_merge,
};

struct FieldSpec {
    std::string_view key;
    Presence presence;
    Write write = Write::always;  // unless_empty: absent from what the encoder writes while empty
};

// The keys of `object`, in canonical (written) order. The decoder treats any other key as unknown
// (kept in extras) and a missing `required` key as an error; optional keys default when missing.
const std::vector<FieldSpec>& schema_fields(SchemaObject object);

// The object kind each table of core/record_fields.h describes (the records, their nested objects
// and list items).
template <class T>
constexpr SchemaObject schema_object_of();
template <>
constexpr SchemaObject schema_object_of<Reflection>() {
    return SchemaObject::reflection;
}
template <>
constexpr SchemaObject schema_object_of<StepStates>() {
    return SchemaObject::steps;
}
template <>
constexpr SchemaObject schema_object_of<VentStep>() {
    return SchemaObject::vent;
}
template <>
constexpr SchemaObject schema_object_of<Win>() {
    return SchemaObject::win;
}
template <>
constexpr SchemaObject schema_object_of<ReflectStep>() {
    return SchemaObject::reflect;
}
template <>
constexpr SchemaObject schema_object_of<FeedbackStep>() {
    return SchemaObject::feedback;
}
template <>
constexpr SchemaObject schema_object_of<LovedItem>() {
    return SchemaObject::loved_item;
}
template <>
constexpr SchemaObject schema_object_of<Criterion>() {
    return SchemaObject::criterion;
}
template <>
constexpr SchemaObject schema_object_of<ArmyMember>() {
    return SchemaObject::army_member;
}
template <>
constexpr SchemaObject schema_object_of<Interviewer>() {
    return SchemaObject::interviewer;
}
template <>
constexpr SchemaObject schema_object_of<ResilienceStep>() {
    return SchemaObject::resilience;
}
template <>
constexpr SchemaObject schema_object_of<Contact>() {
    return SchemaObject::contact;
}
template <>
constexpr SchemaObject schema_object_of<Message>() {
    return SchemaObject::message;
}
template <>
constexpr SchemaObject schema_object_of<Reminder>() {
    return SchemaObject::reminder;
}
template <>
constexpr SchemaObject schema_object_of<Settings>() {
    return SchemaObject::settings;
}
template <>
constexpr SchemaObject schema_object_of<ProfileChoice>() {
    return SchemaObject::profile_choice;
}
template <>
constexpr SchemaObject schema_object_of<ProfileKeyword>() {
    return SchemaObject::profile_keyword;
}
template <>
constexpr SchemaObject schema_object_of<ProfileMerge>() {
    return SchemaObject::profile_merge;
}

// Every SchemaObject, for tests and documentation checks.
const std::vector<SchemaObject>& all_schema_objects();

// The object's name under "$defs" in docs/journal.schema.json.
std::string_view schema_definition_name(SchemaObject object);

// The record id syntax: what storage can safely use as a file name. UUIDs fit it.
bool is_valid_record_id(std::string_view id);

}  // namespace debrief
