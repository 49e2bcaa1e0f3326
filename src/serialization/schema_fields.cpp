// Field tables of format version 1 (see schema_fields.h); docs/journal.schema.json must agree (schema_fields_test.cpp).
#include "serialization/schema_fields.h"

namespace debrief {

namespace {

constexpr Presence req = Presence::required;
constexpr Presence opt = Presence::optional;

}  // namespace

const std::vector<FieldSpec>& schema_fields(SchemaObject object) {
    // Only what is needed to identify a record (and a reminder's due date, which has no sensible
    // default) is required; everything else falls back to the model's default when absent, so a
    // hand-trimmed file still loads.
    static const std::vector<FieldSpec> journal = {
        {"format", req},      {"version", req},  {"exported_at", opt}, {"settings", opt},
        {"reflections", opt}, {"contacts", opt}, {"messages", opt},    {"reminders", opt},
    };
    static const std::vector<FieldSpec> record_document = {
        {"format", req},
        {"version", req},
        {"type", req},
        {"record", req},
    };
    static const std::vector<FieldSpec> reflection = {
        {"id", req},           {"created", req},
        {"modified", req},     {"deleted", opt},
        {"company", opt},      {"role", opt},
        {"location", opt},     {"found_via", opt},
        {"stage", opt},        {"ending", opt},
        {"applied_on", opt},   {"last_interview_on", opt},
        {"rejected_on", opt},  {"rejection_message", opt},
        {"current_step", opt}, {"steps", opt},
        {"vent", opt},         {"wins", opt},
        {"reflect", opt},      {"feedback", opt},
        {"loved", opt},        {"criteria", opt},
        {"army", opt},         {"army_note", opt},
        {"resilience", opt},
    };
    static const std::vector<FieldSpec> steps = {
        {"vent", opt},  {"wins", opt},     {"reflect", opt}, {"feedback", opt},
        {"loved", opt}, {"criteria", opt}, {"army", opt},    {"resilience", opt},
    };
    static const std::vector<FieldSpec> vent = {{"letter", opt}, {"mood_before", opt}, {"emotions", opt}};
    static const std::vector<FieldSpec> win = {{"id", req}, {"text", opt}, {"really_helped", opt}};
    static const std::vector<FieldSpec> reflect = {
        {"fit", opt},
        {"missing_skills", opt},
        {"went_well", opt},
        {"do_better", opt},
        {"tripped_questions", opt},
        {"should_have_highlighted", opt},
        {"likely_reasons", opt},
    };
    static const std::vector<FieldSpec> feedback = {
        {"recruiter_name", opt}, {"recruiter_email", opt}, {"ask_about_similar_role", opt}, {"similar_role", opt},
        {"sent", opt},
    };
    static const std::vector<FieldSpec> loved_item = {{"id", req}, {"text", opt}, {"tag", opt}, {"weight", opt}};
    static const std::vector<FieldSpec> criterion = {{"id", req}, {"text", opt}, {"kind", opt}};
    static const std::vector<FieldSpec> army_member = {{"id", req}, {"name", opt}, {"contact_id", opt}, {"told", opt}};
    static const std::vector<FieldSpec> resilience = {{"lesson", opt}, {"next_action", opt}, {"mood_after", opt}};
    static const std::vector<FieldSpec> contact = {
        {"id", req},           {"created", req},       {"modified", req}, {"deleted", opt}, {"name", opt},
        {"role", opt},         {"company", opt},       {"channel", opt},  {"email", opt},   {"relationship", opt},
        {"last_contact", opt}, {"reflection_id", opt}, {"notes", opt},
    };
    static const std::vector<FieldSpec> message = {
        {"id", req},         {"created", req},       {"modified", req},   {"deleted", opt},
        {"kind", opt},       {"reflection_id", opt}, {"contact_id", opt}, {"to", opt},
        {"subject", opt},    {"body", opt},          {"status", opt},     {"sent_on", opt},
        {"replied_on", opt}, {"reply_notes", opt},
    };
    static const std::vector<FieldSpec> reminder = {
        {"id", req},    {"created", req}, {"modified", req},      {"deleted", opt},    {"kind", opt},
        {"title", opt}, {"due", req},     {"reflection_id", opt}, {"contact_id", opt}, {"message_id", opt},
        {"done", opt},  {"done_on", opt}, {"snoozed_until", opt},
    };
    static const std::vector<FieldSpec> settings = {
        {"modified", req}, {"profile_choices", opt}, {"search_location", opt}};
    static const std::vector<FieldSpec> profile_choice = {{"key", req}, {"kind", req}};

    switch (object) {
        case SchemaObject::journal:
            return journal;
        case SchemaObject::record_document:
            return record_document;
        case SchemaObject::reflection:
            return reflection;
        case SchemaObject::steps:
            return steps;
        case SchemaObject::vent:
            return vent;
        case SchemaObject::win:
            return win;
        case SchemaObject::reflect:
            return reflect;
        case SchemaObject::feedback:
            return feedback;
        case SchemaObject::loved_item:
            return loved_item;
        case SchemaObject::criterion:
            return criterion;
        case SchemaObject::army_member:
            return army_member;
        case SchemaObject::resilience:
            return resilience;
        case SchemaObject::contact:
            return contact;
        case SchemaObject::message:
            return message;
        case SchemaObject::reminder:
            return reminder;
        case SchemaObject::settings:
            return settings;
        case SchemaObject::profile_choice:
            return profile_choice;
    }
    return journal;  // unreachable: the switch covers every enumerator (-Wswitch checks it)
}

const std::vector<SchemaObject>& all_schema_objects() {
    static const std::vector<SchemaObject> all = {
        SchemaObject::journal,        SchemaObject::record_document,
        SchemaObject::reflection,     SchemaObject::steps,
        SchemaObject::vent,           SchemaObject::win,
        SchemaObject::reflect,        SchemaObject::feedback,
        SchemaObject::loved_item,     SchemaObject::criterion,
        SchemaObject::army_member,    SchemaObject::resilience,
        SchemaObject::contact,        SchemaObject::message,
        SchemaObject::reminder,       SchemaObject::settings,
        SchemaObject::profile_choice,
    };
    return all;
}

std::string_view schema_definition_name(SchemaObject object) {
    switch (object) {
        case SchemaObject::journal:
            return "journal";
        case SchemaObject::record_document:
            return "record_document";
        case SchemaObject::reflection:
            return "reflection";
        case SchemaObject::steps:
            return "steps";
        case SchemaObject::vent:
            return "vent";
        case SchemaObject::win:
            return "win";
        case SchemaObject::reflect:
            return "reflect";
        case SchemaObject::feedback:
            return "feedback";
        case SchemaObject::loved_item:
            return "loved_item";
        case SchemaObject::criterion:
            return "criterion";
        case SchemaObject::army_member:
            return "army_member";
        case SchemaObject::resilience:
            return "resilience";
        case SchemaObject::contact:
            return "contact";
        case SchemaObject::message:
            return "message";
        case SchemaObject::reminder:
            return "reminder";
        case SchemaObject::settings:
            return "settings";
        case SchemaObject::profile_choice:
            return "profile_choice";
    }
    return "";
}

bool is_valid_record_id(std::string_view id) {
    // Letters, digits, '-' and '_' only, starting with a letter or digit: safe as a file name on
    // every platform (no '/', no "..", no leading dot that would hide the file).
    if (id.empty() || id.size() > 64) return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!alnum && (i == 0 || (c != '-' && c != '_'))) return false;
    }
    return true;
}

}  // namespace debrief
