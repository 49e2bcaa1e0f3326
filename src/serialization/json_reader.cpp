// Paths, value descriptions and typed field reads shared by the decoders and migrations.
#include "serialization/json_reader.h"

#include "core/dates.h"
#include "core/i18n.h"
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

// A number for messages: as it is written in the file (1e-400, not the 0.0 it denotes), shortened
// like quoted text.
std::string number_for_message(std::string_view literal) {
    constexpr std::size_t max_characters = 40;  // a number's characters are all ASCII
    if (literal.size() <= max_characters) return std::string(literal);
    return std::string(literal.substr(0, max_characters)) + "\xE2\x80\xA6";
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
        case JsonKind::array: return std::string(tr(value.empty() ? "error.found.empty_list" : "error.found.list"));
        case JsonKind::object:
            return std::string(tr(value.empty() ? "error.found.empty_object" : "error.found.object"));
        case JsonKind::null: return std::string(tr("error.found.null"));
        case JsonKind::boolean: return value.boolean() ? "true" : "false";
        case JsonKind::number: break;
    }
    return number_for_message(value.text());
}

void write_json_value(JsonWriter& w, const JsonNode& value) { w.raw_json(value.raw()); }

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
    // "{n}" is filled with the grouped count (format_count) rather than tr_plural's plain digits.
    return tr_plural("error.more_warnings", static_cast<long long>(rest), {{"n", format_count(rest)}});
}

std::string format_count(std::size_t n) {
    const std::string digits = std::to_string(n);
    const std::string_view separator = tr("number.group_separator");
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += format_number(digits[i] - '0');  // the interface language's digits
    }
    return out;
}

std::string expected_found_message(std::string_view expected, const std::string& path, const JsonNode& found) {
    return tr_format("error.expected_found",
                     {{"expected", expected}, {"path", path}, {"found", describe_found(found)}});
}

std::string required_missing_message(std::string_view field, const std::string& path) {
    return tr_format("error.required_missing", {{"field", field}, {"path", path}});
}

namespace {

// "Expected an object at $.x, found 7"; `expected_key` names the catalogue's noun phrase.
bool expect(JsonReader& reader, bool ok, std::string_view expected_key, const JsonNode& value,
            const std::string& path) {
    if (ok) return true;
    return reader.fail(expected_found_message(tr(expected_key), path, value), path);
}

}  // namespace

bool expect_object(JsonReader& reader, const JsonNode& value, const std::string& path) {
    return expect(reader, value.is_object(), "error.expected.object", value, path);
}
bool expect_list(JsonReader& reader, const JsonNode& value, const std::string& path) {
    return expect(reader, value.is_array(), "error.expected.list", value, path);
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
                m_reader.fail(required_missing_message(key, m_path), child_path(key));
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
            m_reader.fail(required_missing_message(key, m_path), child_path(key));
            break;
        }
    }
    return nullptr;
}

const JsonNode* FieldReader::find_non_null(std::string_view key) {
    const JsonNode* value = find_present(key);
    return value != nullptr && !value->is_null() ? value : nullptr;
}

bool FieldReader::fail_expected(std::string_view key, std::string_view expected, const JsonNode& found) {
    const std::string path = child_path(key);
    return m_reader.fail(expected_found_message(expected, path, found), path);
}

bool FieldReader::text(std::string_view key, std::string& out) {
    const JsonNode* value = find_present(key);
    if (value == nullptr) return !failed();
    if (!value->is_string()) return fail_expected(key, tr("error.expected.text"), *value);
    out.assign(value->text());
    return true;
}

bool FieldReader::link_id(std::string_view key, std::string& out) {
    const JsonNode* value = find_present(key);
    if (value == nullptr || value->is_null()) return !failed();
    if (!value->is_string()) return fail_expected(key, tr("error.expected.id_or_null"), *value);
    out.assign(value->text());
    return true;
}

bool FieldReader::record_id(std::string_view key, std::string& out) {
    const JsonNode* value = find_present(key);
    if (value == nullptr) return !failed();
    if (!value->is_string() || !is_valid_record_id(value->text())) {
        return fail_expected(key, tr("error.expected.id"), *value);
    }
    out.assign(value->text());
    return true;
}

bool FieldReader::flag(std::string_view key, bool& out) {
    const JsonNode* value = find_present(key);
    if (value == nullptr) return !failed();
    if (!value->is_boolean()) return fail_expected(key, tr("error.expected.true_or_false"), *value);
    out = value->boolean();
    return true;
}

bool FieldReader::number(std::string_view key, int& out, int min, int max) {
    const JsonNode* value = find_present(key);
    if (value == nullptr) return !failed();
    const std::string expected =
        tr_format("error.expected.number_range", {{"min", std::to_string(min)}, {"max", std::to_string(max)}});
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
            return m_reader.fail(
                tr_format("error.date_not_in_calendar", {{"path", path}, {"found", describe_found(*value)}}), path);
        }
    }
    return fail_expected(key, tr("error.expected.date"), *value);
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
    return fail_expected(key, tr("error.expected.timestamp"), *value);
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
    if (!value->is_array()) return fail_expected(key, tr("error.expected.text_list"), *value);
    std::vector<std::string> items;
    items.reserve(value->size());
    for (std::size_t i = 0; i < value->size(); ++i) {
        const JsonNode& item = (*value)[i];
        if (!item.is_string()) {
            const std::string path = path_index(child_path(key), i);
            return m_reader.fail(expected_found_message(tr("error.expected.text"), path, item), path);
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
        fail_expected(key, tr("error.expected.object"), *value);
        return nullptr;
    }
    return value;
}

const JsonNode* FieldReader::list(std::string_view key) {
    const JsonNode* value = find_non_null(key);
    if (value == nullptr) return nullptr;
    if (!value->is_array()) {
        fail_expected(key, tr("error.expected.list"), *value);
        return nullptr;
    }
    return value;
}

std::string FieldReader::unknown_keys() {
    const auto& fields = schema_fields(m_kind);
    if (m_found >= m_object.size()) return std::string();
    std::string unknown;  // stays empty unless there is an unknown key: most objects have none
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
            return tr_format("error.unknown_field_kept",
                             {{"field", quote_for_message(member.key())}, {"path", child_path(member.key())}});
        });
        // As written in the file, key and value (whitespace between tokens dropped): a newer
        // version's numbers and escapes come back to it unchanged.
        unknown += opened ? ',' : '{';
        opened = true;
        unknown += member.raw_key();
        unknown += ':';
        append_compact_json(unknown, member.raw());
    }
    if (opened) unknown += '}';
    return unknown;
}

}  // namespace debrief
