// Shared vocabulary for reading JSON trees: paths, "found ..." descriptions, typed field reads with human errors.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.h"
#include "core/journal.h"
#include "core/names.h"
#include "core/result.h"
#include "serialization/json_tree.h"
#include "serialization/schema_fields.h"

namespace debrief {

class JsonWriter;

// "$.reflections" from "$" and "reflections"; keys that are not plain identifiers use $["odd key"].
std::string path_key(std::string_view base, std::string_view key);
// "$.reflections[3]" from "$.reflections" and 3.
std::string path_index(std::string_view base, std::size_t index);
// A JSON-quoted, shortened (40 characters) form of `text` for messages: "seven".
std::string quote_for_message(std::string_view text);
// What a value is, for "found ..." in messages: "seven" (quoted), 11, 7.5, null, true, a list, an object.
std::string describe_found(const JsonNode& value);
// Writes `value` with `w` as it was written in its source (numbers, escapes and key order as they
// were; only the whitespace between tokens follows `w`'s layout), so values carried along (unknown
// fields, migrated values) keep their bytes.
void write_json_value(JsonWriter& w, const JsonNode& value);

// Collects the first error and every warning while one document is read.
class JsonReader {
public:
    bool failed() const { return m_error.has_value(); }
    const Error& error() const { return *m_error; }
    // Records the error (the first one wins) and returns false, so readers can `return fail(...)`.
    bool fail(std::string message, std::string json_path);
    // At most `max_warnings` are kept; the rest are only counted, so a file with a million unknown
    // keys never builds a million messages (pass a function that makes the message to skip even that).
    static constexpr std::size_t max_warnings = 50;
    void warn(std::string message);
    template <class MakeMessage>
    void warn_with(const MakeMessage& make_message) {
        if (m_warning_count++ < max_warnings) m_warnings.push_back(make_message());
    }
    // The warnings kept, in order.
    const std::vector<std::string>& warnings() const { return m_warnings; }
    // Every warning, kept or not.
    std::size_t warning_count() const { return m_warning_count; }
    // The warnings kept, then "... and 99,950 more warnings" when some were only counted.
    std::vector<std::string> take_warnings();

private:
    std::optional<Error> m_error;
    std::vector<std::string> m_warnings;
    std::size_t m_warning_count = 0;
};

// "1,234,567": a count in the interface language's digits and group separator.
std::string format_count(std::size_t n);
// "Expected {expected} at {path}, found {found}": `expected` is a catalogue noun phrase.
std::string expected_found_message(std::string_view expected, const std::string& path, const JsonNode& found);
// "The required field "{field}" is missing at {path}".
std::string required_missing_message(std::string_view field, const std::string& path);
// The line that closes a capped list of warnings: "…and 99,950 more warnings like these".
std::string more_warnings_line(std::size_t rest);

// Reads the fields of one JSON object against its table in schema_fields.h. Every read returns
// false after recording a human error; missing optional fields leave the output untouched (the
// model's default) and missing required ones are errors.
class FieldReader {
public:
    // `object` must be a JSON object (check with expect_object first); `path` is its JSON path.
    FieldReader(JsonReader& reader, const JsonNode& object, std::string path, SchemaObject kind);

    const std::string& path() const { return m_path; }
    std::string child_path(std::string_view key) const { return path_key(m_path, key); }

    bool text(std::string_view key, std::string& out);
    bool link_id(std::string_view key, std::string& out);  // a string id or null ("" in the model)
    bool record_id(std::string_view key, std::string& out);
    bool flag(std::string_view key, bool& out);
    bool number(std::string_view key, int& out, int min, int max);
    bool optional_number(std::string_view key, std::optional<int>& out, int min, int max);
    bool date(std::string_view key, Date& out);
    bool optional_date(std::string_view key, std::optional<Date>& out);
    bool timestamp(std::string_view key, Timestamp& out);
    bool optional_timestamp(std::string_view key, std::optional<Timestamp>& out);
    bool text_list(std::string_view key, std::vector<std::string>& out);

    // An enum stored as its snake_case key (core/names.h).
    template <class E>
    bool enumeration(std::string_view key, E& out) {
        const JsonNode* value = find_present(key);
        if (value == nullptr) return !m_reader.failed();
        if (value->is_string()) {
            if (const auto parsed = from_key<E>(value->text())) {
                out = *parsed;
                return true;
            }
        }
        std::string choices;  // the stored spellings are data, listed as the file writes them
        for (std::size_t i = 0; i < EnumInfo<E>::keys.size(); ++i) {
            if (i > 0) choices += ", ";
            choices += EnumInfo<E>::keys[i];
        }
        return fail_expected(key, tr_format("error.expected.one_of", {{"choices", choices}}), *value);
    }

    // The nested object or list under `key`, or nullptr when absent (or on error: check failed()).
    const JsonNode* object(std::string_view key);
    const JsonNode* list(std::string_view key);

    // Keys not in the schema table, as a compact JSON object ("" when there are none) holding each
    // key and value as the file wrote them (append_compact_json); each is reported as a warning
    // naming its path.
    std::string unknown_keys();

    bool failed() const { return m_reader.failed(); }

private:
    // The value under `key`, nullptr if it is absent; a missing required key records an error.
    const JsonNode* find_present(std::string_view key);
    const JsonNode* find_non_null(std::string_view key);
    bool fail_expected(std::string_view key, std::string_view expected, const JsonNode& found);

    JsonReader& m_reader;
    const JsonNode& m_object;
    std::string m_path;
    SchemaObject m_kind;
    std::size_t m_next = 0;    // where the next lookup starts: fields are usually read in file order
    std::size_t m_found = 0;   // distinct members read; when it reaches the object's size, none is unknown
    std::uint64_t m_seen = 0;  // which of the first 64 members were read
    // Objects with many members: where each key of the schema table is (-1: absent), found in one
    // pass, so a missing or out-of-order key costs a table lookup rather than a scan of every member.
    std::vector<std::int64_t> m_index;
    bool m_indexed = false;
};

// Checks that `value` is an object / a list, recording "Expected an object at ..., found ..." otherwise.
bool expect_object(JsonReader& reader, const JsonNode& value, const std::string& path);
bool expect_list(JsonReader& reader, const JsonNode& value, const std::string& path);

}  // namespace debrief
