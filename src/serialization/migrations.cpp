// Format migrations (see migrations.h and docs/schema.md "Versioning"): the flat JSON tree in, the next
// version's JSON text out (written by JsonWriter, read again by read_json_tree).
#include "serialization/migrations.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <utility>
#include <vector>

#include "core/dates.h"
#include "core/format.h"
#include "core/i18n.h"
#include "serialization/json_text.h"
#include "serialization/json_writer.h"
#include "serialization/schema_fields.h"

namespace debrief {

namespace {

// [SECTION] Version 0 field reading

// The range the four-digit ISO form can carry: 0001-01-01 to 9999-12-31, in unix milliseconds.
constexpr std::int64_t min_unix_ms = -62'135'596'800'000;
constexpr std::int64_t max_unix_ms = 253'402'300'799'999;

struct EnumMapping {
    std::string_view v0;
    std::string_view v1;
};

// Reads one version 0 object; every read records a human error naming the version 0 path.
class V0Fields {
public:
    V0Fields(JsonReader& reader, const JsonNode& object, std::string path,
             std::initializer_list<std::string_view> known)
        : m_reader(reader), m_object(object), m_path(std::move(path)), m_known(known) {}

    // A string (absent or null: ""), copied into `out`.
    bool text(std::string_view key, std::string& out) {
        out.clear();
        const JsonNode* value = find(key);
        if (value == nullptr || value->is_null()) return true;
        if (!value->is_string()) return expected(key, tr("error.expected.text"), *value);
        out.assign(value->text());
        return true;
    }

    bool id(std::string_view key, std::string& out) {
        const JsonNode* value = find(key);
        if (value == nullptr) return missing(key);
        if (!value->is_string() || !is_valid_record_id(value->text())) {
            return expected(key, tr("error.expected.id"), *value);
        }
        out.assign(value->text());
        return true;
    }

    // Unix milliseconds (UTC) -> an ISO timestamp with offset Z.
    bool millis(std::string_view key, std::string& out) {
        const JsonNode* value = find(key);
        if (value == nullptr) return missing(key);
        if (const auto ms = value->as_int64(); ms && *ms >= min_unix_ms && *ms <= max_unix_ms) {
            out = format_timestamp(Timestamp{*ms, 0});
            return true;
        }
        return expected(key, tr("error.expected.unix_millis"), *value);
    }

    bool flag(std::string_view key, bool& out) {
        const JsonNode* value = find(key);
        if (value == nullptr || value->is_null()) return true;
        if (!value->is_boolean()) return expected(key, tr("error.expected.true_or_false"), *value);
        out = value->boolean();
        return true;
    }

    // "DD.MM.YYYY" -> "YYYY-MM-DD"; absent, null or "" -> null (nullopt).
    bool date(std::string_view key, std::optional<std::string>& out) {
        out.reset();
        const JsonNode* value = find(key);
        if (value == nullptr || value->is_null() || (value->is_string() && value->text().empty())) return true;
        if (value->is_string()) {
            const std::string_view text = value->text();
            if (text.size() == 10 && text[2] == '.' && text[5] == '.') {
                std::string iso(text.substr(6, 4));
                iso += '-';
                iso += text.substr(3, 2);
                iso += '-';
                iso += text.substr(0, 2);
                if (parse_date(iso)) {
                    out = std::move(iso);
                    return true;
                }
            }
        }
        return expected(key, tr("error.expected.date_v0"), *value);
    }

    // A whole number 0..10 or null (nullopt).
    bool mood(std::string_view key, std::optional<std::int64_t>& out) {
        out.reset();
        const JsonNode* value = find(key);
        if (value == nullptr || value->is_null()) return true;
        if (const auto n = value->as_int64(); n && *n >= 0 && *n <= 10) {
            out = *n;
            return true;
        }
        return expected(key, tr_format("error.expected.number_range", {{"min", "0"}, {"max", "10"}}), *value);
    }

    bool texts(std::string_view key, std::vector<std::string>& out) {
        const JsonNode* value = find(key);
        if (value == nullptr || value->is_null()) return true;
        if (!value->is_array()) return expected(key, tr("error.expected.text_list"), *value);
        for (std::size_t i = 0; i < value->size(); ++i) {
            const JsonNode& item = (*value)[i];
            if (!item.is_string()) {
                const std::string path = path_index(path_key(m_path, key), i);
                return m_reader.fail(expected_found_message(tr("error.expected.text"), path, item), path);
            }
            out.emplace_back(item.text());
        }
        return true;
    }

    bool step_numbers(std::string_view key, std::vector<int>& out) {
        const JsonNode* value = find(key);
        if (value == nullptr || value->is_null()) return true;
        if (!value->is_array()) return expected(key, tr("error.expected.step_list"), *value);
        for (std::size_t i = 0; i < value->size(); ++i) {
            const JsonNode& item = (*value)[i];
            const auto n = item.as_int64();
            if (!n || *n < 1 || *n > step_count) {
                const std::string path = path_index(path_key(m_path, key), i);
                return m_reader.fail(expected_found_message(tr("error.expected.step"), path, item), path);
            }
            out.push_back(static_cast<int>(*n));
        }
        return true;
    }

    // A prototype enum spelling mapped to its version 1 key; absent or null keeps `fallback`.
    bool mapped(std::string_view key, std::initializer_list<EnumMapping> mappings, std::string_view fallback,
                std::string_view& out) {
        out = fallback;
        const JsonNode* value = find(key);
        if (value == nullptr || value->is_null()) return true;
        std::string accepted;
        for (const EnumMapping& m : mappings) {
            if (value->is_string() && value->text() == m.v0) {
                out = m.v1;
                return true;
            }
            accepted += accepted.empty() ? "" : ", ";
            accepted += m.v0;
        }
        return expected(key, tr_format("error.expected.one_of", {{"choices", accepted}}), *value);
    }

    // Keys the prototype had but this migration does not know: carried into the new `written` object
    // (unless it has that key already), where the decoder keeps them as extras and lists them as warnings.
    void copy_unknown(JsonWriter& w, SchemaObject written) const {
        for (const JsonNode& member : m_object) {
            bool known = false;
            for (std::string_view k : m_known) known = known || k == member.key();
            for (const FieldSpec& field : schema_fields(written)) known = known || field.key == member.key();
            if (known) continue;
            w.raw_key(member.raw_key());  // as the file wrote it, like the value
            write_json_value(w, member);
        }
    }

private:
    const JsonNode* find(std::string_view key) const { return m_object.find(key); }
    bool missing(std::string_view key) {
        return m_reader.fail(required_missing_message(key, m_path), path_key(m_path, key));
    }
    bool expected(std::string_view key, std::string_view what, const JsonNode& found) {
        const std::string path = path_key(m_path, key);
        return m_reader.fail(expected_found_message(what, path, found), path);
    }

    JsonReader& m_reader;
    const JsonNode& m_object;
    std::string m_path;
    std::vector<std::string_view> m_known;
};

// [SECTION] Writing version 1

void put_text(JsonWriter& w, std::string_view key, std::string_view text) {
    w.key(key);
    w.string(text);
}

void put_optional_text(JsonWriter& w, std::string_view key, const std::optional<std::string>& text) {
    w.key(key);
    if (text) {
        w.string(*text);
    } else {
        w.null();
    }
}

void put_optional_number(JsonWriter& w, std::string_view key, const std::optional<std::int64_t>& n) {
    w.key(key);
    if (n) {
        w.number(*n);
    } else {
        w.null();
    }
}

void put_flag(JsonWriter& w, std::string_view key, bool value) {
    w.key(key);
    w.boolean(value);
}

void put_empty_list(JsonWriter& w, std::string_view key) {
    w.key(key);
    w.begin_array();
    w.end_array();
}

// An object whose members are all empty texts.
void put_empty_texts(JsonWriter& w, std::initializer_list<std::string_view> text_keys) {
    for (std::string_view key : text_keys) put_text(w, key, "");
}

// [SECTION] Version 0 -> 1

bool migrate_entry(JsonReader& reader, const JsonNode& entry, const std::string& path, JsonWriter& w) {
    if (!expect_object(reader, entry, path)) return false;
    V0Fields f(reader, entry, path,
               {"uuid",   "created", "updated", "trashed",     "company",    "position",       "city",
                "stage",  "outcome", "applied", "interviewed", "rejected",   "rejection_text", "mood",
                "letter", "wins",    "loved",   "lesson",      "mood_after", "done_steps"});
    std::string id, created, updated;
    bool trashed = false;
    std::string company, role, location, rejection, letter, lesson;
    std::string_view stage, ending;
    std::optional<std::string> applied, interviewed, rejected;
    std::optional<std::int64_t> mood, mood_after;
    std::vector<std::string> wins, loved;
    std::vector<int> done_steps;
    const bool ok = f.id("uuid", id) && f.millis("created", created) && f.millis("updated", updated) &&
                    f.flag("trashed", trashed) && f.text("company", company) && f.text("position", role) &&
                    f.text("city", location) &&
                    f.mapped("stage",
                             {{"applied", "applied"},
                              {"screening", "screen"},
                              {"interview", "interview"},
                              {"final-round", "final_round"},
                              {"offer", "offer"}},
                             "interview", stage) &&
                    f.mapped("outcome", {{"rejected", "rejected"}, {"ghosted", "ghosted"}, {"withdrew", "withdrew"}},
                             "rejected", ending) &&
                    f.date("applied", applied) && f.date("interviewed", interviewed) && f.date("rejected", rejected) &&
                    f.text("rejection_text", rejection) && f.mood("mood", mood) && f.text("letter", letter) &&
                    f.texts("wins", wins) && f.texts("loved", loved) && f.text("lesson", lesson) &&
                    f.mood("mood_after", mood_after) && f.step_numbers("done_steps", done_steps);
    if (!ok) return false;

    bool done[step_count] = {};
    for (int n : done_steps) done[n - 1] = true;
    int current = step_count - 1;  // the prototype had no "current step": resume at the first step not done
    for (int i = 0; i < step_count; ++i) {
        if (!done[i]) {
            current = i;
            break;
        }
    }
    static constexpr std::string_view step_keys[step_count] = {"vent",  "wins",     "reflect", "feedback",
                                                               "loved", "criteria", "army",    "resilience"};

    w.begin_object();
    put_text(w, "id", id);
    put_text(w, "created", created);
    put_text(w, "modified", updated);
    // The prototype only knew "trashed at the last update".
    put_optional_text(w, "deleted", trashed ? std::optional<std::string>(updated) : std::nullopt);
    put_text(w, "company", company);
    put_text(w, "role", role);
    put_text(w, "location", location);
    put_text(w, "found_via", "");
    put_text(w, "stage", stage);
    put_text(w, "ending", ending);
    put_optional_text(w, "applied_on", applied);
    put_optional_text(w, "last_interview_on", interviewed);
    put_optional_text(w, "rejected_on", rejected);
    put_text(w, "rejection_message", rejection);
    put_text(w, "current_step", step_keys[current]);
    w.key("steps");
    w.begin_object();
    for (int i = 0; i < step_count; ++i) put_text(w, step_keys[i], done[i] ? "done" : "untouched");
    w.end_object();
    w.key("vent");
    w.begin_object();
    put_text(w, "letter", letter);
    put_optional_number(w, "mood_before", mood);
    put_empty_list(w, "emotions");
    w.end_object();
    w.key("wins");
    w.begin_array();
    for (std::size_t i = 0; i < wins.size(); ++i) {
        w.begin_object();
        put_text(w, "id", id + "-win-" + std::to_string(i + 1));
        put_text(w, "text", wins[i]);
        put_flag(w, "really_helped", false);
        w.end_object();
    }
    w.end_array();
    w.key("reflect");
    w.begin_object();
    put_empty_texts(w, {"fit", "missing_skills", "went_well", "do_better", "tripped_questions",
                        "should_have_highlighted", "likely_reasons"});
    w.end_object();
    w.key("feedback");
    w.begin_object();
    put_empty_texts(w, {"recruiter_name", "recruiter_email"});
    put_flag(w, "ask_about_similar_role", false);
    put_text(w, "similar_role", "");
    put_flag(w, "sent", false);
    w.end_object();
    w.key("loved");
    w.begin_array();
    for (std::size_t i = 0; i < loved.size(); ++i) {
        w.begin_object();
        put_text(w, "id", id + "-loved-" + std::to_string(i + 1));
        put_text(w, "text", loved[i]);
        put_text(w, "tag", "other");
        w.key("weight");
        w.number(3);
        w.end_object();
    }
    w.end_array();
    put_empty_list(w, "criteria");
    put_empty_list(w, "army");
    put_text(w, "army_note", "");
    w.key("resilience");
    w.begin_object();
    put_text(w, "lesson", lesson);
    put_text(w, "next_action", "");
    put_optional_number(w, "mood_after", mood_after);
    w.end_object();
    f.copy_unknown(w, SchemaObject::reflection);
    w.end_object();
    return true;
}

bool migrate_person(JsonReader& reader, const JsonNode& person, const std::string& path, JsonWriter& w) {
    if (!expect_object(reader, person, path)) return false;
    V0Fields f(reader, person, path, {"uuid", "created", "updated", "name", "email", "company", "note", "entry"});
    std::string id, created, updated;
    std::string name, email, company, note, entry;
    const bool ok = f.id("uuid", id) && f.millis("created", created) && f.millis("updated", updated) &&
                    f.text("name", name) && f.text("email", email) && f.text("company", company) &&
                    f.text("note", note) && f.text("entry", entry);
    if (!ok) return false;
    w.begin_object();
    put_text(w, "id", id);
    put_text(w, "created", created);
    put_text(w, "modified", updated);
    put_optional_text(w, "deleted", std::nullopt);
    put_text(w, "name", name);
    put_text(w, "role", "");
    put_text(w, "company", company);
    put_text(w, "channel", "email");
    put_text(w, "email", email);
    put_text(w, "relationship", "");
    put_optional_text(w, "last_contact", std::nullopt);
    put_optional_text(w, "reflection_id", entry.empty() ? std::nullopt : std::optional<std::string>(entry));
    put_text(w, "notes", note);
    f.copy_unknown(w, SchemaObject::contact);
    w.end_object();
    return true;
}

bool migrate_list(JsonReader& reader, const JsonNode& document, std::string_view key, JsonWriter& w,
                  bool (*migrate_item)(JsonReader&, const JsonNode&, const std::string&, JsonWriter&)) {
    w.key(key == "entries" ? "reflections" : "contacts");
    w.begin_array();
    const JsonNode* list = document.find(key);
    if (list != nullptr && !list->is_null()) {
        const std::string path = path_key("$", key);
        if (!expect_list(reader, *list, path)) return false;
        for (std::size_t i = 0; i < list->size(); ++i) {
            if (!migrate_item(reader, (*list)[i], path_index(path, i), w)) return false;
        }
    }
    w.end_array();
    return true;
}

}  // namespace

bool migrate_v0_to_v1(const JsonNode& document, JsonReader& reader, std::string& out) {
    if (!expect_object(reader, document, "$")) return false;
    V0Fields top(reader, document, "$", {"schema", "saved", "entries", "people"});
    std::string saved;
    const JsonNode* saved_value = document.find("saved");
    const bool has_saved = saved_value != nullptr && !saved_value->is_null();
    if (has_saved && !top.millis("saved", saved)) return false;
    out.clear();
    JsonWriter w(out, JsonLayout::compact);
    w.begin_object();
    put_text(w, "format", journal_format_name);
    w.key("version");
    w.number(1);
    put_optional_text(w, "exported_at", has_saved ? std::optional<std::string>(saved) : std::nullopt);
    // The prototype had no settings; the epoch makes any existing settings win a merge.
    w.key("settings");
    w.begin_object();
    put_text(w, "modified", format_timestamp(Timestamp{}));
    put_empty_list(w, "profile_choices");
    put_text(w, "search_location", "");
    w.end_object();
    if (!migrate_list(reader, document, "entries", w, migrate_entry) ||
        !migrate_list(reader, document, "people", w, migrate_person)) {
        return false;
    }
    put_empty_list(w, "messages");
    put_empty_list(w, "reminders");
    top.copy_unknown(w, SchemaObject::journal);
    w.end_object();
    w.flush();
    return true;
}

bool migrate_journal(const JsonNode& document, int from_version, JsonReader& reader, std::string& out) {
    // One entry per version step; a new format version adds its step here and nowhere else.
    using Step = bool (*)(const JsonNode&, JsonReader&, std::string&);
    static constexpr Step steps[] = {migrate_v0_to_v1};
    static_assert(sizeof steps / sizeof steps[0] == current_format_version, "one migration per version step");
    const JsonNode* current = &document;
    Result<JsonTree> between = Error{};
    for (int version = from_version; version < current_format_version; ++version) {
        if (!steps[version](*current, reader, out)) return false;
        if (version + 1 < current_format_version) {
            between = read_json_tree(out);
            if (!between) return reader.fail(between.error().message, between.error().json_path);
            current = &between.value().root();
        }
    }
    return true;
}

}  // namespace debrief
