// Encoders and decoders for journal and record documents, format version 1 (see docs/schema.md).
#include "serialization/journal_json.h"

#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/dates.h"
#include "core/i18n.h"
#include "core/names.h"
#include "core/record_fields.h"
#include "core/stepping.h"
#include "serialization/journal_decoder.h"
#include "serialization/journal_encoder.h"
#include "serialization/json_reader.h"
#include "serialization/json_writer.h"
#include "serialization/migrations.h"
#include "serialization/schema_fields.h"

namespace debrief {

namespace {

// Where a list item's unknown keys are kept in its record's extras: "wins/<id>" for the first item
// with that id, then "wins#2/<id>", "wins#3/<id>"... for later items with the same id, so that items
// whose ids collide are matched by position among themselves and each keeps its own. A list's key
// never holds '#' or '/', so no location stands for two items.
std::string item_location(std::string_view list, std::string_view id, std::size_t occurrence) {
    std::string location(list);
    if (occurrence > 0) {
        location += '#';
        location += std::to_string(occurrence + 1);
    }
    location += '/';
    location += id;
    return location;
}

// How many items before a given one in a list have its key. Counted only once asked, and then
// incrementally: most lists have no unknown keys and never ask.
template <class Item>
class ItemOccurrences {
public:
    explicit ItemOccurrences(const std::vector<Item>& items) : m_items(items) {}
    std::size_t before(std::size_t index) {
        for (; m_counted < index; ++m_counted) ++m_counts[item_key(m_items[m_counted])];
        const auto it = m_counts.find(item_key(m_items[index]));
        return it == m_counts.end() ? 0 : it->second;
    }

private:
    const std::vector<Item>& m_items;
    std::unordered_map<std::string, std::size_t> m_counts;
    std::size_t m_counted = 0;
};

// [SECTION] Encoding
// Records are streamed into a JsonWriter rather than built as a JSON tree and dumped: the tree cost
// an allocation per key and per value, which made exporting 10,000 reflections take over a second in
// the browser. The writer produces the very bytes dump() did (json_writer_test.cpp compares them).

JsonLayout json_layout(TextLayout layout) {
    return layout == TextLayout::pretty ? JsonLayout::pretty : JsonLayout::compact;
}

void put_text(JsonWriter& w, std::string_view key, std::string_view text) {
    w.key(key);
    w.string(text);
}

void put_number(JsonWriter& w, std::string_view key, std::int64_t value) {
    w.key(key);
    w.number(value);
}

void put_flag(JsonWriter& w, std::string_view key, bool value) {
    w.key(key);
    w.boolean(value);
}

// An empty link is "no link", written as null.
void put_link(JsonWriter& w, std::string_view key, const std::string& id) {
    w.key(key);
    if (id.empty()) {
        w.null();
    } else {
        w.string(id);
    }
}

void put_timestamp(JsonWriter& w, std::string_view key, const Timestamp& t) { put_text(w, key, format_timestamp(t)); }

void put_date(JsonWriter& w, std::string_view key, const std::optional<Date>& d) {
    // An impossible date cannot be read back, so it is written as "unknown" rather than poisoning the file.
    w.key(key);
    if (d && is_valid(*d)) {
        w.string(format_date(*d));
    } else {
        w.null();
    }
}

void put_mood(JsonWriter& w, std::string_view key, const std::optional<int>& mood) {
    w.key(key);
    if (mood) {
        w.number(*mood);
    } else {
        w.null();
    }
}

template <class E>
void put_key(JsonWriter& w, std::string_view key, E value) {
    put_text(w, key, to_key(value));
}

void put_text_list(JsonWriter& w, std::string_view key, const std::vector<std::string>& texts) {
    w.key(key);
    w.begin_array();
    for (const std::string& text : texts) w.string(text);
    w.end_array();
}

// Whether `key` is one the encoder writes for this kind of object (the schema table lists exactly those:
// schema_fields_test.cpp checks it), so kept extras never repeat it.
bool is_known_key(const std::vector<FieldSpec>& known, std::string_view key) {
    for (const FieldSpec& spec : known)
        if (spec.key == key) return true;
    return false;
}

// The end of the JSON value that starts at `at` in `text` (valid JSON, as kept extras are): one scan
// that only follows strings and brackets.
std::size_t json_value_end(std::string_view text, std::size_t at) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = at; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                in_string = false;
                if (depth == 0) return i + 1;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 0) return i;  // the end of the object holding the value
            if (--depth == 0) return i + 1;
        } else if (depth == 0 && (c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
            return i;
        }
    }
    return text.size();
}

std::size_t skip_json_space(std::string_view text, std::size_t i) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) ++i;
    return i;
}

// Calls `member(raw_key, raw_value)` for each member of the kept object `object`, in order; stops at
// anything that is not an object's syntax.
template <class Member>
void for_each_kept_member(std::string_view object, const Member& member) {
    std::size_t i = skip_json_space(object, 0);
    if (i >= object.size() || object[i] != '{') return;
    while (true) {
        i = skip_json_space(object, i + 1);
        if (i >= object.size() || object[i] != '"') return;
        const std::size_t key_end = json_value_end(object, i);
        const std::string_view key = object.substr(i, key_end - i);
        i = skip_json_space(object, key_end);
        if (i >= object.size() || object[i] != ':') return;
        const std::size_t value_start = skip_json_space(object, i + 1);
        const std::size_t value_end = json_value_end(object, value_start);
        if (value_end == value_start) return;
        member(key, object.substr(value_start, value_end - value_start));
        i = skip_json_space(object, value_end);
        if (i >= object.size() || object[i] != ',') return;
    }
}

// A kept key's name, unescaped.
std::string kept_key_name(std::string_view raw_key) {
    const auto parsed = read_json_tree(raw_key);
    return parsed && parsed.value().root().is_string() ? std::string(parsed.value().root().text()) : std::string();
}

// Appends the unknown keys remembered for `location` after the known ones of a `kind` object (never
// repeating a known key), before the caller closes the object. Keys and values go out as the file
// that brought them wrote them; only the whitespace between tokens follows the layout.
void append_extras(JsonWriter& w, const RecordExtras* extras, const std::string& location, SchemaObject kind) {
    if (extras == nullptr || extras->empty()) return;
    const auto it = extras->find(location);
    if (it == extras->end()) return;
    const std::vector<FieldSpec>& known = schema_fields(kind);
    const auto is_known = [&](std::string_view raw_key) {
        if (raw_key.size() >= 2 && raw_key.find('\\') == std::string_view::npos)
            return is_known_key(known, raw_key.substr(1, raw_key.size() - 2));
        return is_known_key(known, kept_key_name(raw_key));
    };
    bool repeats_known = false;
    for_each_kept_member(
        it->second, [&](std::string_view key, std::string_view) { repeats_known = repeats_known || is_known(key); });
    // Compact, the members go out in one piece: saving a record with a million unknown keys costs a copy.
    if (!w.pretty() && !repeats_known) {
        const std::string_view object = it->second;
        const std::size_t open = object.find('{'), close = object.rfind('}');
        if (open == std::string_view::npos || close == std::string_view::npos || close <= open) return;
        std::string members;
        append_compact_json(members, object.substr(open + 1, close - open - 1));
        if (!members.empty()) w.raw_members(members);
        return;
    }
    for_each_kept_member(it->second, [&](std::string_view key, std::string_view value) {
        if (repeats_known && is_known(key)) return;
        w.raw_key(key);
        w.raw_json(value);
    });
}

// Writes the fields a table of core/record_fields.h visits, each as its kind is stored.
class FieldEncoder {
public:
    FieldEncoder(JsonWriter& w, const RecordExtras* extras) : m_w(w), m_extras(extras) {}

    void text(const FieldInfo& f, const std::string& text) {
        if (f.write == Write::always || !text.empty()) put_text(m_w, f.key, text);
    }
    void record_id(const FieldInfo& f, const std::string& id) { put_text(m_w, f.key, id); }
    void link(const FieldInfo& f, const std::string& id) { put_link(m_w, f.key, id); }
    void flag(const FieldInfo& f, bool value) {
        if (f.write == Write::always || value) put_flag(m_w, f.key, value);
    }
    void number(const FieldInfo& f, int value, int /*min*/, int /*max*/) { put_number(m_w, f.key, value); }
    void number(const FieldInfo& f, const std::optional<int>& value, int /*min*/, int /*max*/) {
        put_mood(m_w, f.key, value);
    }
    // A required day has no "unknown" to fall back on, so it is written as it is.
    void date(const FieldInfo& f, const Date& day) { put_text(m_w, f.key, format_date(day)); }
    void date(const FieldInfo& f, const std::optional<Date>& day) { put_date(m_w, f.key, day); }
    void timestamp(const FieldInfo& f, const Timestamp& t) { put_timestamp(m_w, f.key, t); }
    void timestamp(const FieldInfo& f, const std::optional<Timestamp>& t) {
        if (t) {
            put_timestamp(m_w, f.key, *t);
        } else {
            m_w.key(f.key);
            m_w.null();
        }
    }
    template <class E>
    void enumeration(const FieldInfo& f, E value) {
        // A field added after v1 holding its default (the first value) is left out, as older files were.
        if (f.write == Write::unless_empty && value == E{}) return;
        put_key(m_w, f.key, value);
    }
    void step_index(const FieldInfo& f, int index) {
        const int current = index >= 0 && index < step_count ? index : 0;
        put_key(m_w, f.key, static_cast<StepId>(current));
    }
    void text_list(const FieldInfo& f, const std::vector<std::string>& texts) { put_text_list(m_w, f.key, texts); }

    // A nested object's extras live under its key.
    template <class Object>
    void object(const FieldInfo& f, const Object& object) {
        m_w.key(f.key);
        m_w.begin_object();
        visit_fields(object, *this);
        append_extras(m_w, m_extras, std::string(f.key), schema_object_of<Object>());
        m_w.end_object();
    }

    template <class Item>
    void items(const FieldInfo& f, const std::vector<Item>& list) {
        if (f.write == Write::unless_empty && list.empty()) return;
        m_w.key(f.key);
        m_w.begin_array();
        const bool has_extras = m_extras != nullptr && !m_extras->empty();
        ItemOccurrences<Item> occurrences(list);
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Item& item = list[i];
            m_w.begin_object();
            visit_fields(item, *this);
            if (has_extras) {
                append_extras(m_w, m_extras, item_location(f.key, item_key(item), occurrences.before(i)),
                              schema_object_of<Item>());
            }
            m_w.end_object();
        }
        m_w.end_array();
    }

private:
    JsonWriter& m_w;
    const RecordExtras* m_extras;
};

// One record as an object: its table's fields, then the unknown keys it was read with.
template <class Record>
void encode_fields(JsonWriter& w, const Record& record, const RecordExtras* extras) {
    w.begin_object();
    FieldEncoder encoder(w, extras);
    visit_fields(record, encoder);
    append_extras(w, extras, "", schema_object_of<Record>());
    w.end_object();
}

void encode_reflection(JsonWriter& w, const Reflection& r, const RecordExtras* extras) { encode_fields(w, r, extras); }
void encode_contact(JsonWriter& w, const Contact& c, const RecordExtras* extras) { encode_fields(w, c, extras); }
void encode_message(JsonWriter& w, const Message& m, const RecordExtras* extras) { encode_fields(w, m, extras); }
void encode_reminder(JsonWriter& w, const Reminder& r, const RecordExtras* extras) { encode_fields(w, r, extras); }
void encode_settings(JsonWriter& w, const Settings& s, const RecordExtras* extras) { encode_fields(w, s, extras); }

void encode_any(JsonWriter& w, const AnyRecord& record, const RecordExtras* extras) {
    switch (record_type_of(record)) {
        case RecordType::reflection: return encode_reflection(w, std::get<Reflection>(record), extras);
        case RecordType::contact: return encode_contact(w, std::get<Contact>(record), extras);
        case RecordType::message: return encode_message(w, std::get<Message>(record), extras);
        case RecordType::reminder: return encode_reminder(w, std::get<Reminder>(record), extras);
        case RecordType::settings: break;
    }
    encode_settings(w, std::get<Settings>(record), extras);
}

// The record alone as compact JSON, with no extras.
template <class Record, class Encode>
std::string compact_record_text(const Record& record, Encode encode) {
    std::string text;
    JsonWriter w(text, JsonLayout::compact);
    encode(w, record, nullptr);
    w.flush();
    return text;
}

const RecordExtras* extras_for(const std::map<std::string, RecordExtras>& all, const std::string& id) {
    const auto it = all.find(id);
    return it == all.end() ? nullptr : &it->second;
}

// [SECTION] Decoding

// Stores the unknown keys `fields` found at `location`, if any.
void keep_unknown(FieldReader& fields, RecordExtras& extras, const std::string& location) {
    std::string unknown = fields.unknown_keys();
    if (!unknown.empty()) extras[location] = std::move(unknown);
}

// Reads a list of objects of kind `kind` under `key`, calling `read_item` for each; item extras are
// kept under "<key>/<item id>" (see item_location for items whose ids collide).
template <class T, class ReadItem>
bool decode_items(JsonReader& reader, FieldReader& parent, std::string_view key, SchemaObject kind, std::vector<T>& out,
                  RecordExtras& extras, ReadItem read_item) {
    const JsonNode* list = parent.list(key);
    if (list == nullptr) return !reader.failed();
    const std::string list_path = parent.child_path(key);
    out.clear();
    out.reserve(list->size());
    ItemOccurrences<T> occurrences(out);
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = path_index(list_path, i);
        const JsonNode& value = (*list)[i];
        if (!expect_object(reader, value, path)) return false;
        FieldReader f(reader, value, path, kind);
        T item;
        if (!read_item(f, item)) return false;
        out.push_back(std::move(item));
        std::string unknown = f.unknown_keys();
        if (!unknown.empty()) {
            extras[item_location(key, item_key(out.back()), occurrences.before(out.size() - 1))] = std::move(unknown);
        }
    }
    return true;
}

// Reads the nested step object `key` (absent or null = defaults).
template <class ReadFields>
bool decode_step_object(JsonReader& reader, FieldReader& parent, std::string_view key, SchemaObject kind,
                        RecordExtras& extras, ReadFields read_fields) {
    const JsonNode* object = parent.object(key);
    if (object == nullptr) return !reader.failed();
    FieldReader f(reader, *object, parent.child_path(key), kind);
    if (!read_fields(f)) return false;
    keep_unknown(f, extras, std::string(key));
    return !reader.failed();
}

// Reads the fields a table of core/record_fields.h visits. After the first failed read the rest are
// skipped, as the && chains this replaces did: the first error is the one reported.
class FieldDecoder {
public:
    FieldDecoder(JsonReader& reader, FieldReader& fields, RecordExtras& extras)
        : m_reader(reader), m_f(fields), m_extras(extras) {}

    bool ok() const { return m_ok; }

    void text(const FieldInfo& f, std::string& out) { m_ok = m_ok && m_f.text(f.key, out); }
    void record_id(const FieldInfo& f, std::string& out) { m_ok = m_ok && m_f.record_id(f.key, out); }
    void link(const FieldInfo& f, std::string& out) { m_ok = m_ok && m_f.link_id(f.key, out); }
    void flag(const FieldInfo& f, bool& out) { m_ok = m_ok && m_f.flag(f.key, out); }
    void number(const FieldInfo& f, int& out, int min, int max) { m_ok = m_ok && m_f.number(f.key, out, min, max); }
    void number(const FieldInfo& f, std::optional<int>& out, int min, int max) {
        m_ok = m_ok && m_f.optional_number(f.key, out, min, max);
    }
    void date(const FieldInfo& f, Date& out) { m_ok = m_ok && m_f.date(f.key, out); }
    void date(const FieldInfo& f, std::optional<Date>& out) { m_ok = m_ok && m_f.optional_date(f.key, out); }
    void timestamp(const FieldInfo& f, Timestamp& out) { m_ok = m_ok && m_f.timestamp(f.key, out); }
    void timestamp(const FieldInfo& f, std::optional<Timestamp>& out) {
        m_ok = m_ok && m_f.optional_timestamp(f.key, out);
    }
    template <class E>
    void enumeration(const FieldInfo& f, E& out) {
        m_ok = m_ok && m_f.enumeration(f.key, out);
    }
    // Absent means the first step.
    void step_index(const FieldInfo& f, int& out) {
        StepId current = StepId::vent;
        m_ok = m_ok && m_f.enumeration(f.key, current);
        if (m_ok) out = static_cast<int>(current);
    }
    void text_list(const FieldInfo& f, std::vector<std::string>& out) { m_ok = m_ok && m_f.text_list(f.key, out); }

    template <class Object>
    void object(const FieldInfo& f, Object& object) {
        m_ok = m_ok &&
               decode_step_object(m_reader, m_f, f.key, schema_object_of<Object>(), m_extras, [&](FieldReader& fields) {
                   FieldDecoder nested(m_reader, fields, m_extras);
                   visit_fields(object, nested);
                   return nested.ok();
               });
    }

    template <class Item>
    void items(const FieldInfo& f, std::vector<Item>& list) {
        m_ok = m_ok && decode_items(m_reader, m_f, f.key, schema_object_of<Item>(), list, m_extras,
                                    [&](FieldReader& fields, Item& item) {
                                        FieldDecoder nested(m_reader, fields, m_extras);
                                        visit_fields(item, nested);
                                        return nested.ok();
                                    });
    }

private:
    JsonReader& m_reader;
    FieldReader& m_f;
    RecordExtras& m_extras;
    bool m_ok = true;
};

// One record object: its table's fields, then whatever keys are left, kept as extras.
template <class Record>
bool decode_fields(JsonReader& reader, const JsonNode& value, const std::string& path, Record& record,
                   RecordExtras& extras) {
    if (!expect_object(reader, value, path)) return false;
    FieldReader f(reader, value, path, schema_object_of<Record>());
    FieldDecoder decoder(reader, f, extras);
    visit_fields(record, decoder);
    if (!decoder.ok()) return false;
    keep_unknown(f, extras, "");
    return !reader.failed();
}

// Reads item `i` of one collection of a journal document (`list` under `key`), rejecting an id used
// twice (storage keeps one file per id, so a second copy would silently replace the first). `seen`
// holds the ids read so far from this list. One record per call: the unit of a stepped decode.
template <class T, class Decode>
bool decode_collection_item(JsonReader& reader, const JsonNode& list, const std::string& list_path, std::size_t i,
                            std::string_view key, std::vector<T>& out, std::map<std::string, RecordExtras>& extras,
                            std::unordered_map<std::string, std::size_t>& seen, Decode decode) {
    const std::string path = path_index(list_path, i);
    T record;
    RecordExtras record_extras;
    if (!decode(reader, list[i], path, record, record_extras)) return false;
    const auto [it, inserted] = seen.emplace(record.meta.id, i);
    if (!inserted) {
        const std::string id_path = path_key(path, "id");
        return reader.fail(
            tr_format("error.duplicate_id", {{"id", quote_for_message(record.meta.id)},
                                             {"list", key},
                                             {"first", path_key(path_index(list_path, it->second), "id")},
                                             {"second", id_path}}),
            id_path);
    }
    if (!record_extras.empty()) extras[record.meta.id] = std::move(record_extras);
    out.push_back(std::move(record));
    return true;
}

// The four collections of a journal document, in the order they are read.
constexpr std::string_view journal_collections[] = {"reflections", "contacts", "messages", "reminders"};

// Reads "version" and checks it is between `oldest` and the current version; a newer version gets
// its own message, because the fix (update Debrief) differs from that of a damaged file.
std::optional<int> document_version(JsonReader& reader, const JsonNode& root, int oldest) {
    const JsonNode* version = root.find("version");
    if (version == nullptr) {
        reader.fail(required_missing_message("version", "$"), "$.version");
        return std::nullopt;
    }
    const std::optional<std::int64_t> number = version->as_int64();
    const bool beyond_int64 =
        version->is_number() && !number && version->text().find_first_of(".eE-") == std::string_view::npos;
    if ((number && *number > current_format_version) || beyond_int64) {
        reader.fail(tr_format("error.newer_version", {{"found", describe_found(*version)},
                                                      {"current", std::to_string(current_format_version)}}),
                    "$.version");
        return std::nullopt;
    }
    if (number && *number >= oldest) return static_cast<int>(*number);
    const std::string expected =
        tr_format("error.expected.format_version",
                  {{"min", std::to_string(oldest)}, {"max", std::to_string(current_format_version)}});
    reader.fail(expected_found_message(expected, "$.version", *version), "$.version");
    return std::nullopt;
}

// The name of the journaling app whose export `root` looks like, or null: Day One's Journal.json
// ({"metadata": {"version": ...}, "entries": [{"uuid", "text", "creationDate", ...}]}) and jrnl's
// JSON export ({"tags": {...}, "entries": [{"date", "time", "title", "body", ...}]}).
const char* foreign_journal_app(const JsonNode& root) {
    const JsonNode* entries = root.find("entries");
    if (entries == nullptr || !entries->is_array()) return nullptr;
    const JsonNode* metadata = root.find("metadata");
    if (metadata != nullptr && metadata->is_object() && metadata->find("version") != nullptr) return "Day One";
    const JsonNode* tags = root.find("tags");
    if (tags != nullptr && tags->is_object()) return "jrnl";
    return nullptr;
}

// Reads "format" and "version" of a journal document and returns its version (or records an error).
std::optional<int> journal_version(JsonReader& reader, const JsonNode& root) {
    const JsonNode* format = root.find("format");
    if (format == nullptr) {
        // Version 0 (the prototype) had no "format", only "schema": 0 (docs/schema.md).
        const JsonNode* schema = root.find("schema");
        if (schema != nullptr && schema->as_int64() == std::optional<std::int64_t>(0)) return 0;
        // Other journaling apps' exports are told apart, so the person knows the file is fine, just not ours.
        if (const char* app = foreign_journal_app(root)) {
            reader.fail(tr_format("error.foreign_journal",
                                  {{"app", app}, {"export", tr("data.export")}, {"screen", tr("data.title")}}),
                        "$");
            return std::nullopt;
        }
        reader.fail(std::string(tr("error.not_journal.no_format")), "$.format");
        return std::nullopt;
    }
    if (format->is_string() && format->text() == record_format_name) {
        reader.fail(std::string(tr("error.record_not_journal")), "$.format");
        return std::nullopt;
    }
    if (!format->is_string() || format->text() != journal_format_name) {
        reader.fail(tr_format("error.not_journal.format", {{"found", describe_found(*format)}}), "$.format");
        return std::nullopt;
    }
    return document_version(reader, root, 1);
}

// The envelope's own unknown keys are reported but not kept: storage rebuilds the envelope on every save.
void warn_unknown_envelope_keys(JsonReader& reader, const JsonNode& root) {
    const auto& fields = schema_fields(SchemaObject::record_document);
    for (const JsonNode& member : root) {
        bool known = false;
        for (const FieldSpec& field : fields) known = known || field.key == member.key();
        if (!known) {
            reader.warn_with([&] {
                return tr_format("error.unknown_field_ignored",
                                 {{"field", quote_for_message(member.key())}, {"path", path_key("$", member.key())}});
            });
        }
    }
}

// A record document around the record that `encode_record(writer)` writes; `journal_extras` (kept
// with the settings only) is the journal's own unknown top-level keys.
template <class EncodeRecord>
std::string record_document_text(RecordType type, TextLayout layout, EncodeRecord encode_record,
                                 std::string_view journal_extras = {}) {
    std::string text;
    JsonWriter w(text, json_layout(layout));
    w.begin_object();
    put_text(w, "format", record_format_name);
    put_number(w, "version", current_format_version);
    put_text(w, "type", record_type_key(type));
    w.key("record");
    encode_record(w);
    if (!journal_extras.empty()) {
        w.key("journal");
        w.raw_json(journal_extras);
    }
    w.end_object();
    w.flush();
    if (layout == TextLayout::pretty) text += '\n';
    return text;
}

}  // namespace

// [SECTION] Journal documents

struct JournalDecoder::State {
    std::string_view text;
    DecodeLimits limits;
    Stage stage = Stage::parse;
    std::optional<JsonTree> tree;
    const JsonNode* root = nullptr;
    JsonReader reader;
    std::optional<FieldReader> doc;
    DecodedJournal decoded;
    std::optional<Error> error;
    // Where the record walk is: which collection, its list (null: absent) and the next item.
    std::size_t collection = 0;
    bool list_opened = false;
    const JsonNode* list = nullptr;
    std::string list_path;
    std::size_t index = 0;
    std::unordered_map<std::string, std::size_t> seen;
    std::size_t records_done = 0;
    std::size_t records_total = 0;

    void fail(Error e) {
        error = std::move(e);
        stage = Stage::done;
    }
    void fail_from_reader() { fail(reader.error()); }

    // The records the walk will read, for the progress shown meanwhile.
    void count_records() {
        records_total = 0;
        if (!root->is_object()) return;
        for (const std::string_view key : journal_collections) {
            const JsonNode* found = root->find(key);
            if (found != nullptr && found->is_array()) records_total += found->size();
        }
    }

    // 1. parse (the tree views `text`, which outlives the decoder: nothing decoded keeps a view of it)
    void parse() {
        auto parsed = read_json_tree(text, limits, JsonSource::borrow);
        if (!parsed) return fail(parsed.error());
        tree.emplace(std::move(parsed).value());
        root = &tree->root();
        count_records();
        if (!root->is_object())
            return fail(Error{expected_found_message(tr("error.expected.journal"), "$", *root), "$"});
        stage = Stage::header;
    }

    // 2. migrate: older files are rewritten as current text by migrations.h, then read like new ones;
    // then the envelope and the settings.
    void header() {
        const auto version = journal_version(reader, *root);
        if (!version) return fail_from_reader();
        if (*version < current_format_version) {
            std::string migrated_text;
            if (!migrate_journal(*root, *version, reader, migrated_text)) return fail_from_reader();
            auto parsed = read_json_tree(migrated_text, limits);
            if (!parsed) return fail(parsed.error());
            tree.emplace(std::move(parsed).value());
            root = &tree->root();
        }
        // 3. validate and 4. decode, in one walk: every check knows its path.
        decoded.source_version = *version;
        doc.emplace(reader, *root, "$", SchemaObject::journal);
        if (!doc->optional_timestamp("exported_at", decoded.exported_at)) return fail_from_reader();
        if (const JsonNode* settings = doc->object("settings")) {
            if (!decode_fields(reader, *settings, "$.settings", decoded.journal.settings, decoded.extras.settings))
                return fail_from_reader();
        }
        if (reader.failed()) return fail_from_reader();
        count_records();  // again: a migration may have changed them
        stage = Stage::records;
    }

    // One record, or opening or closing one collection's list.
    void record() {
        if (collection == std::size(journal_collections)) return finish();
        const std::string_view key = journal_collections[collection];
        if (!list_opened) {
            list = doc->list(key);
            if (reader.failed()) return fail_from_reader();
            list_path = doc->child_path(key);
            list_opened = true;
            index = 0;
            seen.clear();
            if (list != nullptr) reserve(list->size());
        }
        if (list == nullptr || index == list->size()) {
            ++collection;
            list_opened = false;
            return;
        }
        if (!read_item()) return fail_from_reader();
        ++index;
        ++records_done;
    }

    void reserve(std::size_t n) {
        Journal& j = decoded.journal;
        switch (collection) {
            case 0: j.reflections.reserve(n); break;
            case 1: j.contacts.reserve(n); break;
            case 2: j.messages.reserve(n); break;
            default: j.reminders.reserve(n); break;
        }
    }

    bool read_item() {
        Journal& j = decoded.journal;
        JournalExtras& x = decoded.extras;
        const std::string_view key = journal_collections[collection];
        switch (collection) {
            case 0:
                return decode_collection_item(reader, *list, list_path, index, key, j.reflections, x.reflections, seen,
                                              decode_fields<Reflection>);
            case 1:
                return decode_collection_item(reader, *list, list_path, index, key, j.contacts, x.contacts, seen,
                                              decode_fields<Contact>);
            case 2:
                return decode_collection_item(reader, *list, list_path, index, key, j.messages, x.messages, seen,
                                              decode_fields<Message>);
            default:
                return decode_collection_item(reader, *list, list_path, index, key, j.reminders, x.reminders, seen,
                                              decode_fields<Reminder>);
        }
    }

    void finish() {
        decoded.extras.document = doc->unknown_keys();
        decoded.warnings = reader.take_warnings();
        stage = Stage::done;
    }
};

JournalDecoder::JournalDecoder(std::string_view text, const DecodeLimits& limits) : m_state(std::make_unique<State>()) {
    m_state->text = text;
    m_state->limits = limits;
}

JournalDecoder::~JournalDecoder() = default;

bool JournalDecoder::step(const std::function<bool()>& more_time) {
    State& s = *m_state;
    do {
        switch (s.stage) {
            case Stage::parse: s.parse(); break;
            case Stage::header: s.header(); break;
            case Stage::records: s.record(); break;
            case Stage::done: return false;
        }
    } while (s.stage != Stage::done && more_time());
    return s.stage != Stage::done;
}

bool JournalDecoder::finished() const { return m_state->stage == Stage::done; }
JournalDecoder::Stage JournalDecoder::stage() const { return m_state->stage; }
std::size_t JournalDecoder::records_done() const { return m_state->records_done; }
std::size_t JournalDecoder::records_total() const { return m_state->records_total; }

Result<DecodedJournal> JournalDecoder::take_result() {
    State& s = *m_state;
    if (s.error) return *s.error;
    return std::move(s.decoded);
}

Result<DecodedJournal> decode_journal(std::string_view text, const DecodeLimits& limits) {
    JournalDecoder decoder(text, limits);
    while (decoder.step([] { return true; })) {
    }
    return decoder.take_result();
}

std::string encode_journal(const Journal& journal, Timestamp exported_at) {
    return encode_journal(journal, JournalExtras{}, exported_at);
}

// Writes the envelope and settings, then one record per unit, then the closing members.
struct JournalEncoder::State {
    State(const Journal& j, const JournalExtras& x, Timestamp at)
        : journal(j), extras(x), exported_at(at), writer(text, JsonLayout::pretty) {}

    const Journal& journal;
    const JournalExtras& extras;
    Timestamp exported_at;
    std::string text;
    JsonWriter writer;
    bool begun = false;
    bool done = false;
    bool reserved = false;
    std::size_t collection = 0;  // 0 reflections, 1 contacts, 2 messages, 3 reminders, 4 the end
    bool list_open = false;
    std::size_t index = 0;
    std::size_t records_done = 0;

    std::size_t size_of(std::size_t c) const {
        switch (c) {
            case 0: return journal.reflections.size();
            case 1: return journal.contacts.size();
            case 2: return journal.messages.size();
            default: return journal.reminders.size();
        }
    }

    void begin() {
        JsonWriter& w = writer;
        w.begin_object();
        put_text(w, "format", journal_format_name);
        put_number(w, "version", current_format_version);
        put_timestamp(w, "exported_at", exported_at);
        w.key("settings");
        encode_settings(w, journal.settings, &extras.settings);
        begun = true;
    }

    void record() {
        JsonWriter& w = writer;
        switch (collection) {
            case 0: {
                const Reflection& r = journal.reflections[index];
                encode_reflection(w, r, extras_for(extras.reflections, r.meta.id));
                break;
            }
            case 1: {
                const Contact& c = journal.contacts[index];
                encode_contact(w, c, extras_for(extras.contacts, c.meta.id));
                break;
            }
            case 2: {
                const Message& m = journal.messages[index];
                encode_message(w, m, extras_for(extras.messages, m.meta.id));
                break;
            }
            default: {
                const Reminder& r = journal.reminders[index];
                encode_reminder(w, r, extras_for(extras.reminders, r.meta.id));
                break;
            }
        }
        ++index;
        ++records_done;
        if (!reserved && collection == 0 && index * 20 >= journal.reflections.size()) reserve_from_sample();
    }

    // Once a twentieth of the reflections is written, room for the whole text is taken in one block:
    // left to grow, a 34 MB export doubled its string to 64 MB while the 32 MB one was still held,
    // three times the file at the peak (issue #15 asks for the wasm heap within 4x the JSON). The
    // guess is generous (10 % more, 2 KB per other record): a short guess would double again.
    void reserve_from_sample() {
        reserved = true;
        writer.flush();
        const std::size_t per_reflection = text.size() / index + 1;
        const std::size_t others = journal.contacts.size() + journal.messages.size() + journal.reminders.size();
        text.reserve(per_reflection * journal.reflections.size() / 10 * 11 + others * 2048 + 4096);
    }

    void end() {
        JsonWriter& w = writer;
        if (!extras.document.empty()) {
            const RecordExtras document_extras{{"", extras.document}};
            append_extras(w, &document_extras, "", SchemaObject::journal);
        }
        w.end_object();
        w.flush();
        text += '\n';
        done = true;
    }

    void unit() {
        if (!begun) return begin();
        if (collection == std::size(journal_collections)) return end();
        if (!list_open) {
            writer.key(journal_collections[collection]);
            writer.begin_array();
            list_open = true;
            index = 0;
        }
        if (index < size_of(collection)) return record();
        writer.end_array();
        list_open = false;
        ++collection;
    }
};

JournalEncoder::JournalEncoder(const Journal& journal, const JournalExtras& extras, Timestamp exported_at)
    : m_state(std::make_unique<State>(journal, extras, exported_at)) {}

JournalEncoder::~JournalEncoder() = default;

bool JournalEncoder::step(const std::function<bool()>& more_time) { return run_units(*m_state, more_time); }

bool JournalEncoder::finished() const { return m_state->done; }
std::size_t JournalEncoder::records_done() const { return m_state->records_done; }
std::size_t JournalEncoder::records_total() const {
    const Journal& j = m_state->journal;
    return j.reflections.size() + j.contacts.size() + j.messages.size() + j.reminders.size();
}
std::string JournalEncoder::take_text() { return std::move(m_state->text); }

std::string encode_journal(const Journal& journal, const JournalExtras& extras, Timestamp exported_at) {
    JournalEncoder encoder(journal, extras, exported_at);
    while (encoder.step([] { return true; })) {
    }
    return encoder.take_text();
}

// [SECTION] Record documents

Result<DecodedRecord> decode_record(std::string_view text, const DecodeLimits& limits) {
    auto parsed = read_json_tree(text, limits);
    if (!parsed) return parsed.error();
    const JsonNode& root = parsed.value().root();
    if (!root.is_object()) {
        return Error{expected_found_message(tr("error.expected.record"), "$", root), "$"};
    }
    JsonReader reader;
    FieldReader doc(reader, root, "$", SchemaObject::record_document);
    std::string format;
    if (!doc.text("format", format)) return reader.error();
    if (format != record_format_name) {
        if (format == journal_format_name) {
            return Error{std::string(tr("error.journal_not_record")), "$.format"};
        }
        return Error{tr_format("error.not_record.format", {{"found", quote_for_message(format)}}), "$.format"};
    }
    // Record files first appeared in version 1, so there is nothing to migrate yet.
    if (!document_version(reader, root, 1)) return reader.error();

    std::string type_key;
    if (!doc.text("type", type_key)) return reader.error();
    const auto type = record_type_from_key(type_key);
    if (!type) {
        const std::string expected =
            tr_format("error.expected.one_of", {{"choices", "reflection, contact, message, reminder, settings"}});
        return Error{tr_format("error.expected_found",
                               {{"expected", expected}, {"path", "$.type"}, {"found", quote_for_message(type_key)}}),
                     "$.type"};
    }
    const JsonNode* record = doc.object("record");
    if (record == nullptr) return reader.error();

    DecodedRecord decoded{Settings{}, {}, {}, 0, {}};
    bool ok = false;
    switch (*type) {
        case RecordType::reflection:
            ok = decode_fields(reader, *record, "$.record", decoded.record.emplace<Reflection>(), decoded.extras);
            break;
        case RecordType::contact:
            ok = decode_fields(reader, *record, "$.record", decoded.record.emplace<Contact>(), decoded.extras);
            break;
        case RecordType::message:
            ok = decode_fields(reader, *record, "$.record", decoded.record.emplace<Message>(), decoded.extras);
            break;
        case RecordType::reminder:
            ok = decode_fields(reader, *record, "$.record", decoded.record.emplace<Reminder>(), decoded.extras);
            break;
        case RecordType::settings:
            ok = decode_fields(reader, *record, "$.record", decoded.record.emplace<Settings>(), decoded.extras);
            break;
    }
    if (!ok) return reader.error();
    // The journal's unknown top-level keys travel with its settings (docs/schema.md).
    if (*type == RecordType::settings) {
        if (const JsonNode* journal = doc.object("journal"))
            append_compact_json(decoded.journal_extras, journal->raw());
    }
    if (reader.failed()) return reader.error();
    warn_unknown_envelope_keys(reader, root);
    decoded.warning_count = reader.warning_count();
    decoded.warnings = reader.take_warnings();
    return decoded;
}

std::string encode_record(const Reflection& reflection, const RecordExtras& extras, TextLayout layout) {
    return record_document_text(RecordType::reflection, layout,
                                [&](JsonWriter& w) { encode_reflection(w, reflection, &extras); });
}
std::string encode_record(const Contact& contact, const RecordExtras& extras, TextLayout layout) {
    return record_document_text(RecordType::contact, layout,
                                [&](JsonWriter& w) { encode_contact(w, contact, &extras); });
}
std::string encode_record(const Message& message, const RecordExtras& extras, TextLayout layout) {
    return record_document_text(RecordType::message, layout,
                                [&](JsonWriter& w) { encode_message(w, message, &extras); });
}
std::string encode_record(const Reminder& reminder, const RecordExtras& extras, TextLayout layout) {
    return record_document_text(RecordType::reminder, layout,
                                [&](JsonWriter& w) { encode_reminder(w, reminder, &extras); });
}
std::string encode_record(const Settings& settings, const RecordExtras& extras, TextLayout layout,
                          std::string_view journal_extras) {
    return record_document_text(
        RecordType::settings, layout, [&](JsonWriter& w) { encode_settings(w, settings, &extras); }, journal_extras);
}
std::string encode_record(const AnyRecord& record, const RecordExtras& extras, TextLayout layout) {
    return record_document_text(record_type_of(record), layout, [&](JsonWriter& w) { encode_any(w, record, &extras); });
}

std::string canonical_record_text(const Reflection& reflection) {
    return compact_record_text(reflection, encode_reflection);
}
std::string canonical_record_text(const Contact& contact) { return compact_record_text(contact, encode_contact); }
std::string canonical_record_text(const Message& message) { return compact_record_text(message, encode_message); }
std::string canonical_record_text(const Reminder& reminder) { return compact_record_text(reminder, encode_reminder); }
std::string canonical_record_text(const Settings& settings) { return compact_record_text(settings, encode_settings); }

}  // namespace debrief
