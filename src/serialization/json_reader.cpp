// Paths, value descriptions and typed field reads shared by the decoders and migrations.
#include "serialization/json_reader.h"

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "core/dates.h"
#include "serialization/json_writer.h"

namespace debrief {

// [SECTION] Paths and descriptions

namespace {

bool is_identifier(std::string_view key) {
    if (key.empty()) return false;
    for (std::size_t i = 0; i < key.size(); ++i) {
        const char c = key[i];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        const bool digit = c >= '0' && c <= '9';
        if (!letter && !(digit && i > 0)) return false;
    }
    return true;
}

// JSON string syntax for any text; invalid UTF-8 is replaced rather than thrown about.
std::string json_quote(std::string_view text) {
    std::string quoted;
    JsonWriter(quoted, JsonLayout::compact).string(text);
    return quoted;
}

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0u) == 0x80u; }

// A number as nlohmann prints it: integers as read (the tree already holds them in that form),
// everything else as the double it denotes, shortest round trip (1E3 as 1000.0, 1e20 as 1e+20).
std::string number_text(const JsonNode& number) {
    const std::string_view literal = number.text();
    if (literal.find_first_of(".eE") == std::string_view::npos) {
        if (number.as_int64()) return std::string(literal);
        // Unsigned 64-bit integers are integers to nlohmann too; longer ones are doubles.
        const bool negative = literal[0] == '-';
        if (!negative && (literal.size() < 20 || (literal.size() == 20 && literal <= "18446744073709551615"))) {
            return std::string(literal);
        }
    }
    return nlohmann::json(std::strtod(std::string(literal).c_str(), nullptr)).dump();
}

}  // namespace

std::string path_key(std::string_view base, std::string_view key) {
    std::string path(base);
    if (is_identifier(key)) {
        path += '.';
        path += key;
    } else {
        path += '[';
        path += json_quote(key);
        path += ']';
    }
    return path;
}

std::string path_index(std::string_view base, std::size_t index) {
    std::string path(base);
    path += '[';
    path += std::to_string(index);
    path += ']';
    return path;
}

std::string quote_for_message(std::string_view text) {
    constexpr std::size_t max_characters = 40;
    std::size_t characters = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (is_continuation_byte(text[i])) continue;
        if (characters == max_characters) return json_quote(text.substr(0, i)) + "\xE2\x80\xA6";  // "…" after the quote
        ++characters;
    }
    return json_quote(text);
}

std::string describe_found(const JsonNode& value) {
    switch (value.kind()) {
        case JsonKind::string: return quote_for_message(value.text());
        case JsonKind::array: return value.empty() ? "an empty list" : "a list";
        case JsonKind::object: return value.empty() ? "an empty object" : "an object";
        case JsonKind::null: return "null";
        case JsonKind::boolean: return value.boolean() ? "true" : "false";
        case JsonKind::number: break;
    }
    return number_text(value);
}

void write_json_value(JsonWriter& w, const JsonNode& value) {
    switch (value.kind()) {
        case JsonKind::null: w.null(); break;
        case JsonKind::boolean: w.boolean(value.boolean()); break;
        case JsonKind::number: w.raw_value(number_text(value)); break;
        case JsonKind::string: w.string(value.text()); break;
        case JsonKind::array:
            w.begin_array();
            for (const JsonNode& element : value) write_json_value(w, element);
            w.end_array();
            break;
        case JsonKind::object:
            w.begin_object();
            for (const JsonNode& member : value) {
                w.key(member.key());
                write_json_value(w, member);
            }
            w.end_object();
            break;
    }
}

// [SECTION] Digits

namespace {

// Reads exactly `count` ASCII digits at `pos`; false if any is not a digit.
bool read_digits(std::string_view s, std::size_t pos, std::size_t count, int& out) {
    if (pos + count > s.size()) return false;
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        value = value * 10 + (s[i] - '0');
    }
    out = value;
    return true;
}

}  // namespace

// [SECTION] JsonReader and FieldReader

bool JsonReader::fail(std::string message, std::string json_path) {
    if (!m_error) m_error = Error{std::move(message), std::move(json_path)};
    return false;
}

void JsonReader::warn(std::string message) {
    warn_with([&] { return std::move(message); });
}

std::vector<std::string> JsonReader::take_warnings() {
    std::vector<std::string> warnings = std::move(m_warnings);
    if (m_warning_count > warnings.size()) {
        const std::size_t rest = m_warning_count - warnings.size();
        warnings.push_back(more_warnings_line(rest));
    }
    m_warnings.clear();
    m_warning_count = 0;
    return warnings;
}

std::string more_warnings_line(std::size_t rest) {
    return "\xE2\x80\xA6"
           "and " +
           format_count(rest) + " more " + (rest == 1 ? "warning" : "warnings") + " like these";
}

std::string format_count(std::size_t n) {
    const std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

namespace {

// "Expected an object at $.x, found 7".
bool expect(JsonReader& reader, bool ok, const char* what, const JsonNode& value, const std::string& path) {
    if (ok) return true;
    return reader.fail(std::string("Expected ") + what + " at " + path + ", found " + describe_found(value), path);
}

}  // namespace

bool expect_object(JsonReader& reader, const JsonNode& value, const std::string& path) {
    return expect(reader, value.is_object(), "an object", value, path);
}
bool expect_list(JsonReader& reader, const JsonNode& value, const std::string& path) {
    return expect(reader, value.is_array(), "a list", value, path);
}

FieldReader::FieldReader(JsonReader& reader, const JsonNode& object, std::string path, SchemaObject kind)
    : m_reader(reader), m_object(object), m_path(std::move(path)), m_kind(kind) {}

const JsonNode* FieldReader::find_present(std::string_view key) {
    const std::size_t size = m_object.size();
    // Large objects (a file from a newer version, or a hostile one): index the table's keys once, so
    // a hundred missing optional keys do not scan a million unknown members a hundred times.
    constexpr std::size_t index_above = 64;
    if (size > index_above) {
        const auto& fields = schema_fields(m_kind);
        if (!m_indexed) {
            m_indexed = true;
            m_index.assign(fields.size(), -1);
            for (std::size_t i = 0; i < size; ++i) {
                for (std::size_t f = 0; f < fields.size(); ++f) {
                    if (fields[f].key == m_object[i].key()) {
                        m_index[f] = static_cast<std::int64_t>(i);
                        break;
                    }
                }
            }
        }
        for (std::size_t f = 0; f < fields.size(); ++f) {
            if (fields[f].key != key) continue;
            if (m_index[f] >= 0) return &m_object[static_cast<std::size_t>(m_index[f])];
            if (fields[f].presence == Presence::required) {
                m_reader.fail("The required field \"" + std::string(key) + "\" is missing at " + m_path,
                              child_path(key));
            }
            return nullptr;
        }
        // Not in the table (never asked by the decoders): the scan below.
    }
    // Starting after the last member found makes reading an object in file order linear.
    for (std::size_t step = 0; step < size; ++step) {
        const std::size_t i = (m_next + step) % size;
        if (m_object[i].key() != key) continue;
        // Counted once per member (optional reads look a key up twice); objects past 64 members
        // never reach the count, so unknown_keys() checks them in full.
        if (i < 64 && (m_seen & (std::uint64_t{1} << i)) == 0) {
            m_seen |= std::uint64_t{1} << i;
            ++m_found;
        }
        m_next = i + 1;
        return &m_object[i];
    }
    for (const FieldSpec& field : schema_fields(m_kind)) {
        if (field.key == key && field.presence == Presence::required) {
            m_reader.fail("The required field \"" + std::string(key) + "\" is missing at " + m_path, child_path(key));
            break;
        }
    }
    return nullptr;
}

const JsonNode* FieldReader::find_non_null(std::string_view key) {
    const JsonNode* value = find_present(key);
    return value != nullptr && !value->is_null() ? value : nullptr;
}

bool FieldReader::fail_expected(std::string_view key, const std::string& expected, const JsonNode& found) {
    const std::string path = child_path(key);
    return m_reader.fail("Expected " + expected + " at " + path + ", found " + describe_found(found), path);
}

bool FieldReader::text(std::string_view key, std::string& out) {
    const JsonNode* value = find_present(key);
    if (value == nullptr) return !failed();
    if (!value->is_string()) return fail_expected(key, "text", *value);
    out.assign(value->text());
    return true;
}

bool FieldReader::link_id(std::string_view key, std::string& out) {
    const JsonNode* value = find_present(key);
    if (value == nullptr || value->is_null()) return !failed();
    if (!value->is_string()) return fail_expected(key, "an id or null", *value);
    out.assign(value->text());
    return true;
}

bool FieldReader::record_id(std::string_view key, std::string& out) {
    const JsonNode* value = find_present(key);
    if (value == nullptr) return !failed();
    if (!value->is_string() || !is_valid_record_id(value->text())) {
        return fail_expected(key, "an id (1 to 64 letters, digits, '-' or '_', such as a UUID)", *value);
    }
    out.assign(value->text());
    return true;
}

bool FieldReader::flag(std::string_view key, bool& out) {
    const JsonNode* value = find_present(key);
    if (value == nullptr) return !failed();
    if (!value->is_boolean()) return fail_expected(key, "true or false", *value);
    out = value->boolean();
    return true;
}

bool FieldReader::number(std::string_view key, int& out, int min, int max) {
    const JsonNode* value = find_present(key);
    if (value == nullptr) return !failed();
    const std::string expected = "a number from " + std::to_string(min) + " to " + std::to_string(max);
    // Compare in 64 bits before narrowing, so 1e19-sized integers are rejected rather than wrapped.
    if (const auto n = value->as_int64(); n && *n >= min && *n <= max) {
        out = static_cast<int>(*n);
        return true;
    }
    return fail_expected(key, expected, *value);
}

bool FieldReader::optional_number(std::string_view key, std::optional<int>& out, int min, int max) {
    const JsonNode* value = find_present(key);
    if (value == nullptr) return !failed();
    if (value->is_null()) {
        out.reset();
        return true;
    }
    int n = 0;
    if (!number(key, n, min, max)) return false;
    out = n;
    return true;
}

bool FieldReader::date(std::string_view key, Date& out) {
    const JsonNode* value = find_present(key);
    if (value == nullptr) return !failed();
    if (value->is_string()) {
        const std::string_view text = value->text();
        if (const auto parsed = parse_date(text)) {
            out = *parsed;
            return true;
        }
        int y = 0, m = 0, d = 0;
        if (text.size() == 10 && text[4] == '-' && text[7] == '-' && read_digits(text, 0, 4, y) &&
            read_digits(text, 5, 2, m) && read_digits(text, 8, 2, d)) {
            const std::string path = child_path(key);
            return m_reader.fail("Expected a date as YYYY-MM-DD at " + path + ", found " + describe_found(*value) +
                                     ", which is not a day in the calendar",
                                 path);
        }
    }
    return fail_expected(key, "a date as YYYY-MM-DD", *value);
}

bool FieldReader::optional_date(std::string_view key, std::optional<Date>& out) {
    const JsonNode* value = find_present(key);
    if (value == nullptr) return !failed();
    if (value->is_null()) {
        out.reset();
        return true;
    }
    Date d;
    if (!date(key, d)) return false;
    out = d;
    return true;
}

bool FieldReader::timestamp(std::string_view key, Timestamp& out) {
    const JsonNode* value = find_present(key);
    if (value == nullptr) return !failed();
    if (value->is_string()) {
        if (const auto parsed = parse_timestamp(value->text())) {
            out = *parsed;
            return true;
        }
    }
    return fail_expected(key, "a date and time like 2026-11-21T21:41:00.000+01:00", *value);
}

bool FieldReader::optional_timestamp(std::string_view key, std::optional<Timestamp>& out) {
    const JsonNode* value = find_present(key);
    if (value == nullptr) return !failed();
    if (value->is_null()) {
        out.reset();
        return true;
    }
    Timestamp t;
    if (!timestamp(key, t)) return false;
    out = t;
    return true;
}

bool FieldReader::text_list(std::string_view key, std::vector<std::string>& out) {
    const JsonNode* value = find_present(key);
    if (value == nullptr) return !failed();
    if (!value->is_array()) return fail_expected(key, "a list of texts", *value);
    std::vector<std::string> items;
    items.reserve(value->size());
    for (std::size_t i = 0; i < value->size(); ++i) {
        const JsonNode& item = (*value)[i];
        if (!item.is_string()) {
            const std::string path = path_index(child_path(key), i);
            return m_reader.fail("Expected text at " + path + ", found " + describe_found(item), path);
        }
        items.emplace_back(item.text());
    }
    out = std::move(items);
    return true;
}

const JsonNode* FieldReader::object(std::string_view key) {
    const JsonNode* value = find_non_null(key);
    if (value == nullptr) return nullptr;
    if (!value->is_object()) {
        fail_expected(key, "an object", *value);
        return nullptr;
    }
    return value;
}

const JsonNode* FieldReader::list(std::string_view key) {
    const JsonNode* value = find_non_null(key);
    if (value == nullptr) return nullptr;
    if (!value->is_array()) {
        fail_expected(key, "a list", *value);
        return nullptr;
    }
    return value;
}

std::string FieldReader::unknown_keys() {
    const auto& fields = schema_fields(m_kind);
    if (m_found >= m_object.size()) return std::string();
    std::string unknown;  // stays empty unless there is an unknown key: most objects have none
    JsonWriter w(unknown, JsonLayout::compact);
    bool opened = false;
    for (const JsonNode& member : m_object) {
        bool known = false;
        for (const FieldSpec& field : fields) {
            if (field.key == member.key()) {
                known = true;
                break;
            }
        }
        if (known) continue;
        m_reader.warn_with([&] {
            return "Unknown field " + quote_for_message(member.key()) + " at " + child_path(member.key()) +
                   " was kept unchanged (it may come from a newer version of Debrief)";
        });
        // Stored in the same compact form as every other JSON we write (files from newer versions).
        if (!opened) w.begin_object();
        opened = true;
        w.key(member.key());
        write_json_value(w, member);
    }
    if (opened) w.end_object();
    w.flush();
    return unknown;
}

}  // namespace debrief
