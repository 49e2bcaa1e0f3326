// Keeps docs/journal.schema.json, the field tables and the encoder in step: validates real output against the schema
// file.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/dates.h"
#include "core/names.h"
#include "fixture_files.h"
#include "sample_journal.h"
#include "serialization/journal_json.h"
#include "serialization/json_reader.h"
#include "serialization/schema_fields.h"

using namespace debrief;
using Json = nlohmann::ordered_json;
using namespace debrief::samples;

namespace {

Json load_schema() {
    std::ifstream in(std::string(DEBRIEF_FIXTURES_DIR) + "/../../docs/journal.schema.json", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    Json schema = Json::parse(text.str(), nullptr, false);
    REQUIRE_FALSE(schema.is_discarded());
    return schema;
}

std::vector<std::string> keys_of(const Json& object) {
    std::vector<std::string> keys;
    for (auto it = object.begin(); it != object.end(); ++it) keys.push_back(it.key());
    return keys;
}

// A validator for exactly the JSON Schema keywords docs/journal.schema.json uses. Any other keyword
// is an error, so the schema cannot grow a rule this test silently ignores. With `strict_order`,
// an object must also carry every declared property, in declared order, before any extra key:
// that is what the encoder promises.
class MiniValidator {
public:
    MiniValidator(const Json& root, bool strict_order) : m_root(root), m_strict(strict_order) {}

    std::vector<std::string> errors;

    void validate(const Json& value, const Json& schema, const std::string& path) {
        static const std::set<std::string> known = {
            "$schema", "$id",    "title",      "description", "$ref",
            "$defs",   "type",   "properties", "required",    "additionalProperties",
            "items",   "enum",   "const",      "minimum",     "maximum",
            "pattern", "format", "anyOf"};
        for (auto it = schema.begin(); it != schema.end(); ++it) {
            if (known.count(it.key()) == 0) errors.push_back("unsupported keyword " + it.key());
        }
        if (schema.contains("$ref")) {
            const std::string ref = schema["$ref"];
            REQUIRE(ref.rfind("#/$defs/", 0) == 0);
            validate(value, m_root["$defs"][ref.substr(8)], path);
        }
        if (schema.contains("anyOf")) {
            bool any = false;
            for (const Json& option : schema["anyOf"]) {
                MiniValidator inner(m_root, m_strict);
                inner.validate(value, option, path);
                any = any || inner.errors.empty();
            }
            if (!any) errors.push_back(path + ": matches no anyOf option");
        }
        if (schema.contains("type") && !type_matches(value, schema["type"]))
            errors.push_back(path + ": wrong type " + value.dump());
        if (schema.contains("const") && value != schema["const"]) errors.push_back(path + ": not the constant");
        if (schema.contains("enum") &&
            std::find(schema["enum"].begin(), schema["enum"].end(), value) == schema["enum"].end()) {
            errors.push_back(path + ": not in enum: " + value.dump());
        }
        if (value.is_number()) {
            if (schema.contains("minimum") && value.get<double>() < schema["minimum"].get<double>())
                errors.push_back(path + ": below minimum");
            if (schema.contains("maximum") && value.get<double>() > schema["maximum"].get<double>())
                errors.push_back(path + ": above maximum");
        }
        if (value.is_string()) {
            const std::string& text = value.get_ref<const std::string&>();
            if (schema.contains("pattern") &&
                !std::regex_search(text, std::regex(schema["pattern"].get<std::string>()))) {
                errors.push_back(path + ": does not match pattern: " + text);
            }
            if (schema.value("format", "") == "date" && !parse_date(text)) errors.push_back(path + ": not a date");
            if (schema.value("format", "") == "date-time" && !parse_timestamp(text))
                errors.push_back(path + ": not a date-time");
        }
        if (value.is_array() && schema.contains("items")) {
            for (std::size_t i = 0; i < value.size(); ++i) validate(value[i], schema["items"], path_index(path, i));
        }
        if (value.is_object()) validate_object(value, schema, path);
    }

private:
    static bool type_matches(const Json& value, const Json& type) {
        if (type.is_array()) {
            for (const Json& t : type) {
                if (type_matches(value, t)) return true;
            }
            return false;
        }
        const std::string t = type;
        if (t == "object") return value.is_object();
        if (t == "array") return value.is_array();
        if (t == "string") return value.is_string();
        if (t == "integer") return value.is_number_integer();
        if (t == "boolean") return value.is_boolean();
        if (t == "null") return value.is_null();
        return false;
    }

    void validate_object(const Json& value, const Json& schema, const std::string& path) {
        if (schema.contains("additionalProperties") && schema["additionalProperties"] != true)
            errors.push_back("additionalProperties must stay true");
        if (schema.contains("required")) {
            for (const Json& key : schema["required"]) {
                if (!value.contains(key.get<std::string>()))
                    errors.push_back(path + ": missing " + key.get<std::string>());
            }
        }
        if (!schema.contains("properties")) return;
        const Json& properties = schema["properties"];
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (properties.contains(it.key())) validate(it.value(), properties[it.key()], path_key(path, it.key()));
        }
        if (m_strict) {
            // Every declared property in order, except those the encoder leaves out while empty.
            const std::vector<std::string> declared = keys_of(properties);
            const std::vector<std::string> written = keys_of(value);
            const std::set<std::string> omittable = omittable_keys(schema);
            std::size_t next = 0;
            bool in_order = true;
            for (const std::string& key : declared) {
                if (next < written.size() && written[next] == key)
                    ++next;
                else if (omittable.count(key) == 0)
                    in_order = false;
            }
            if (!in_order) errors.push_back(path + ": keys are not the declared properties in order");
        }
    }

    // The keys of the field table `schema` is the definition of that are written only when set.
    std::set<std::string> omittable_keys(const Json& schema) const {
        std::set<std::string> keys;
        for (SchemaObject object : all_schema_objects()) {
            if (&m_root["$defs"][std::string(schema_definition_name(object))] != &schema) continue;
            for (const FieldSpec& field : schema_fields(object))
                if (field.write == Write::unless_empty) keys.emplace(field.key);
        }
        return keys;
    }

    const Json& m_root;
    bool m_strict;
};

std::vector<std::string> validate_against(const Json& schema, const std::string& definition, const Json& value,
                                          bool strict) {
    MiniValidator validator(schema, strict);
    validator.validate(value, schema["$defs"][definition], "$");
    return validator.errors;
}

template <class E>
void check_enum(const Json& schema, const char* definition) {
    CAPTURE(definition);
    std::vector<std::string> expected;
    for (std::string_view key : EnumInfo<E>::keys) expected.emplace_back(key);
    CHECK(schema["$defs"][definition]["enum"].get<std::vector<std::string>>() == expected);
}

}  // namespace

TEST_CASE("schema file: every object's properties and required list match the decoder's field table") {
    const Json schema = load_schema();
    REQUIRE(schema.contains("$defs"));
    for (SchemaObject object : all_schema_objects()) {
        const std::string name(schema_definition_name(object));
        CAPTURE(name);
        REQUIRE(schema["$defs"].contains(name));
        const Json& definition = schema["$defs"][name];
        std::vector<std::string> keys, required;
        for (const FieldSpec& field : schema_fields(object)) {
            keys.emplace_back(field.key);
            if (field.presence == Presence::required) required.emplace_back(field.key);
        }
        CHECK(keys_of(definition["properties"]) == keys);
        CHECK(definition["required"].get<std::vector<std::string>>() == required);
        CHECK(definition["additionalProperties"] == true);  // unknown keys are kept, never refused
    }
}

TEST_CASE("schema file: enums list exactly the keys of core/names.h") {
    const Json schema = load_schema();
    check_enum<Stage>(schema, "stage");
    check_enum<Ending>(schema, "ending");
    check_enum<StepId>(schema, "step_id");
    check_enum<StepState>(schema, "step_state");
    check_enum<LovedTag>(schema, "loved_tag");
    check_enum<CriterionKind>(schema, "criterion_kind");
    check_enum<Channel>(schema, "channel");
    check_enum<MessageKind>(schema, "message_kind");
    check_enum<MessageStatus>(schema, "message_status");
    check_enum<ReminderKind>(schema, "reminder_kind");
    std::vector<std::string> steps;
    for (std::string_view key : EnumInfo<StepId>::keys) steps.emplace_back(key);
    CHECK(keys_of(schema["$defs"]["steps"]["properties"]) == steps);
}

TEST_CASE("schema file: the golden v1 fixture is valid, keys in declared order") {
    const Json schema = load_schema();
    const Json fixture = Json::parse(read_fixture("journal-v1.json"));
    CHECK(validate_against(schema, "journal", fixture, true).empty());
    const Json with_unknown = Json::parse(read_fixture("journal-v1-unknown-fields.json"));
    CHECK(validate_against(schema, "journal", with_unknown, true).empty());
}

TEST_CASE("schema file: everything the encoder writes is declared, including record documents") {
    const Json schema = load_schema();
    const Journal journal = sample_journal();
    CHECK(
        validate_against(schema, "journal", Json::parse(encode_journal(journal, sample_export_time())), true).empty());
    CHECK(validate_against(schema, "journal", Json::parse(encode_journal(Journal{}, Timestamp{})), true).empty());
    const std::vector<std::pair<AnyRecord, const char*>> records = {
        {journal.reflections[0], "reflection"}, {journal.contacts[0], "contact"}, {journal.messages[0], "message"},
        {journal.reminders[1], "reminder"},     {journal.settings, "settings"},
    };
    for (const auto& entry : records) {
        const AnyRecord& record = entry.first;
        const char* definition = entry.second;
        CAPTURE(definition);
        const Json document = Json::parse(encode_record(record));
        CHECK(validate_against(schema, "record_document", document, true).empty());
        CHECK(document["type"] == definition);
        CHECK(validate_against(schema, definition, document["record"], true).empty());
    }
}

TEST_CASE("schema file: the validator really rejects what the decoder rejects") {
    const Json schema = load_schema();
    for (const char* file : {"invalid/weight-out-of-range.json", "invalid/invalid-enum.json", "invalid/unsafe-id.json",
                             "invalid/wrong-type.json", "invalid/invalid-timestamp.json", "invalid/future-version.json",
                             "invalid/missing-required-field.json", "invalid/mood-not-a-number.json"}) {
        CAPTURE(file);
        const Json document = Json::parse(read_fixture(file));
        CHECK_FALSE(validate_against(schema, "journal", document, false).empty());
    }
}

TEST_CASE("record ids: what storage can use as a file name") {
    CHECK(is_valid_record_id("3f2b8c1e-6d4a-4f7b-9a21-5c8e0d7b1a42"));
    CHECK(is_valid_record_id("a"));
    CHECK(is_valid_record_id("A_b-9"));
    CHECK(is_valid_record_id(std::string(64, 'x')));
    CHECK_FALSE(is_valid_record_id(std::string(65, 'x')));
    CHECK_FALSE(is_valid_record_id(""));
    CHECK_FALSE(is_valid_record_id("-a"));
    CHECK_FALSE(is_valid_record_id("_a"));
    CHECK_FALSE(is_valid_record_id(".hidden"));
    CHECK_FALSE(is_valid_record_id("a/b"));
    CHECK_FALSE(is_valid_record_id("a.json"));
    CHECK_FALSE(is_valid_record_id("ä"));
}
