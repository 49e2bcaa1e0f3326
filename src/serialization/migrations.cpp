// Format migrations (see migrations.h and docs/schema.md "Versioning"): JSON tree in, JSON tree of the next version
// out.
#include "serialization/migrations.h"

#include <initializer_list>
#include <utility>

#include "core/dates.h"
#include "core/format.h"

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
    V0Fields(JsonReader& reader, const Json& object, std::string path, std::initializer_list<std::string_view> known)
        : m_reader(reader), m_object(object), m_path(std::move(path)), m_known(known) {}

    // A string (absent or null: ""), copied into `out`.
    bool text(std::string_view key, Json& out) {
        const Json* value = find(key);
        if (value == nullptr || value->is_null()) {
            out = "";
            return true;
        }
        if (!value->is_string()) return expected(key, "text", *value);
        out = *value;
        return true;
    }

    bool id(std::string_view key, std::string& out) {
        const Json* value = find(key);
        if (value == nullptr) return missing(key);
        if (!value->is_string() || !is_valid_record_id(value->get_ref<const std::string&>())) {
            return expected(key, "an id (1 to 64 letters, digits, '-' or '_', such as a UUID)", *value);
        }
        out = value->get_ref<const std::string&>();
        return true;
    }

    // Unix milliseconds (UTC) -> an ISO timestamp with offset Z.
    bool millis(std::string_view key, std::string& out) {
        const Json* value = find(key);
        if (value == nullptr) return missing(key);
        if (value->is_number_integer()) {  // true for signed and unsigned alike
            const bool fits =
                value->is_number_unsigned()
                    ? value->get<std::uint64_t>() <= static_cast<std::uint64_t>(max_unix_ms)
                    : value->get<std::int64_t>() >= min_unix_ms && value->get<std::int64_t>() <= max_unix_ms;
            if (fits) {
                out = format_timestamp(Timestamp{value->get<std::int64_t>(), 0});
                return true;
            }
        }
        return expected(key, "a time in milliseconds since 1970 (years 1 to 9999)", *value);
    }

    bool flag(std::string_view key, bool& out) {
        const Json* value = find(key);
        if (value == nullptr || value->is_null()) return true;
        if (!value->is_boolean()) return expected(key, "true or false", *value);
        out = value->get<bool>();
        return true;
    }

    // "DD.MM.YYYY" -> "YYYY-MM-DD"; absent, null or "" -> null.
    bool date(std::string_view key, Json& out) {
        out = nullptr;
        const Json* value = find(key);
        if (value == nullptr || value->is_null() ||
            (value->is_string() && value->get_ref<const std::string&>().empty()))
            return true;
        if (value->is_string()) {
            const std::string& text = value->get_ref<const std::string&>();
            if (text.size() == 10 && text[2] == '.' && text[5] == '.') {
                const std::string iso = text.substr(6, 4) + "-" + text.substr(3, 2) + "-" + text.substr(0, 2);
                if (parse_date(iso)) {
                    out = iso;
                    return true;
                }
            }
        }
        return expected(key, "a date as DD.MM.YYYY (a day in the calendar)", *value);
    }

    // A whole number 0..10 or null.
    bool mood(std::string_view key, Json& out) {
        out = nullptr;
        const Json* value = find(key);
        if (value == nullptr || value->is_null()) return true;
        if (value->is_number_integer()) {
            const bool in_range = value->is_number_unsigned()
                                      ? value->get<std::uint64_t>() <= 10u
                                      : value->get<std::int64_t>() >= 0 && value->get<std::int64_t>() <= 10;
            if (in_range) {
                out = value->get<std::int64_t>();
                return true;
            }
        }
        return expected(key, "a number from 0 to 10", *value);
    }

    bool texts(std::string_view key, std::vector<std::string>& out) {
        const Json* value = find(key);
        if (value == nullptr || value->is_null()) return true;
        if (!value->is_array()) return expected(key, "a list of texts", *value);
        for (std::size_t i = 0; i < value->size(); ++i) {
            const Json& item = (*value)[i];
            if (!item.is_string()) {
                const std::string path = path_index(path_key(m_path, key), i);
                return m_reader.fail("Expected text at " + path + ", found " + describe_found(item), path);
            }
            out.push_back(item.get_ref<const std::string&>());
        }
        return true;
    }

    bool step_numbers(std::string_view key, std::vector<int>& out) {
        const Json* value = find(key);
        if (value == nullptr || value->is_null()) return true;
        if (!value->is_array()) return expected(key, "a list of step numbers from 1 to 8", *value);
        for (std::size_t i = 0; i < value->size(); ++i) {
            const Json& item = (*value)[i];
            if (!item.is_number_integer() || item.get<std::int64_t>() < 1 || item.get<std::int64_t>() > step_count) {
                const std::string path = path_index(path_key(m_path, key), i);
                return m_reader.fail(
                    "Expected a step number from 1 to 8 at " + path + ", found " + describe_found(item), path);
            }
            out.push_back(static_cast<int>(item.get<std::int64_t>()));
        }
        return true;
    }

    // A prototype enum spelling mapped to its version 1 key; absent or null keeps `fallback`.
    bool mapped(std::string_view key, std::initializer_list<EnumMapping> mappings, std::string_view fallback,
                Json& out) {
        out = std::string(fallback);
        const Json* value = find(key);
        if (value == nullptr || value->is_null()) return true;
        std::string accepted;
        for (const EnumMapping& m : mappings) {
            if (value->is_string() && value->get_ref<const std::string&>() == m.v0) {
                out = std::string(m.v1);
                return true;
            }
            accepted += accepted.empty() ? "" : ", ";
            accepted += m.v0;
        }
        return expected(key, "one of " + accepted, *value);
    }

    // Keys the prototype had but this migration does not know: carried into the new record, where
    // the decoder keeps them as extras and lists them as warnings.
    void copy_unknown(Json& out) const {
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            bool known = false;
            for (std::string_view k : m_known) known = known || k == it.key();
            if (!known && !out.contains(it.key())) out[it.key()] = it.value();
        }
    }

private:
    const Json* find(std::string_view key) const {
        const auto it = m_object.find(key);
        return it == m_object.end() ? nullptr : &*it;
    }
    bool missing(std::string_view key) {
        return m_reader.fail("The required field \"" + std::string(key) + "\" is missing at " + m_path,
                             path_key(m_path, key));
    }
    bool expected(std::string_view key, const std::string& what, const Json& found) {
        const std::string path = path_key(m_path, key);
        return m_reader.fail("Expected " + what + " at " + path + ", found " + describe_found(found), path);
    }

    JsonReader& m_reader;
    const Json& m_object;
    std::string m_path;
    std::vector<std::string_view> m_known;
};

// [SECTION] Version 0 -> 1

Json empty_object_with(std::initializer_list<std::string_view> text_keys) {
    Json out = Json::object();
    for (std::string_view key : text_keys) out[std::string(key)] = "";
    return out;
}

bool migrate_entry(JsonReader& reader, const Json& entry, const std::string& path, Json& out) {
    if (!expect_object(reader, entry, path)) return false;
    V0Fields f(reader, entry, path,
               {"uuid",   "created", "updated", "trashed",     "company",    "position",       "city",
                "stage",  "outcome", "applied", "interviewed", "rejected",   "rejection_text", "mood",
                "letter", "wins",    "loved",   "lesson",      "mood_after", "done_steps"});
    std::string id, created, updated;
    bool trashed = false;
    Json company, role, location, stage, ending, applied, interviewed, rejected, rejection, mood, letter, lesson,
        mood_after;
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

    out = Json::object();
    out["id"] = id;
    out["created"] = created;
    out["modified"] = updated;
    out["deleted"] = trashed ? Json(updated) : Json(nullptr);  // the prototype only knew "trashed at the last update"
    out["company"] = std::move(company);
    out["role"] = std::move(role);
    out["location"] = std::move(location);
    out["found_via"] = "";
    out["stage"] = std::move(stage);
    out["ending"] = std::move(ending);
    out["applied_on"] = std::move(applied);
    out["last_interview_on"] = std::move(interviewed);
    out["rejected_on"] = std::move(rejected);
    out["rejection_message"] = std::move(rejection);
    out["current_step"] = std::string(step_keys[current]);
    Json steps = Json::object();
    for (int i = 0; i < step_count; ++i) steps[std::string(step_keys[i])] = done[i] ? "done" : "untouched";
    out["steps"] = std::move(steps);
    Json vent = Json::object();
    vent["letter"] = std::move(letter);
    vent["mood_before"] = std::move(mood);
    vent["emotions"] = Json::array();
    out["vent"] = std::move(vent);
    Json win_items = Json::array();
    for (std::size_t i = 0; i < wins.size(); ++i) {
        win_items.push_back(
            Json{{"id", id + "-win-" + std::to_string(i + 1)}, {"text", wins[i]}, {"really_helped", false}});
    }
    out["wins"] = std::move(win_items);
    out["reflect"] = empty_object_with({"fit", "missing_skills", "went_well", "do_better", "tripped_questions",
                                        "should_have_highlighted", "likely_reasons"});
    Json feedback = empty_object_with({"recruiter_name", "recruiter_email"});
    feedback["ask_about_similar_role"] = false;
    feedback["similar_role"] = "";
    feedback["sent"] = false;
    out["feedback"] = std::move(feedback);
    Json loved_items = Json::array();
    for (std::size_t i = 0; i < loved.size(); ++i) {
        loved_items.push_back(
            Json{{"id", id + "-loved-" + std::to_string(i + 1)}, {"text", loved[i]}, {"tag", "other"}, {"weight", 3}});
    }
    out["loved"] = std::move(loved_items);
    out["criteria"] = Json::array();
    out["army"] = Json::array();
    out["army_note"] = "";
    Json resilience = Json::object();
    resilience["lesson"] = std::move(lesson);
    resilience["next_action"] = "";
    resilience["mood_after"] = std::move(mood_after);
    out["resilience"] = std::move(resilience);
    f.copy_unknown(out);
    return true;
}

bool migrate_person(JsonReader& reader, const Json& person, const std::string& path, Json& out) {
    if (!expect_object(reader, person, path)) return false;
    V0Fields f(reader, person, path, {"uuid", "created", "updated", "name", "email", "company", "note", "entry"});
    std::string id, created, updated;
    Json name, email, company, note, entry;
    const bool ok = f.id("uuid", id) && f.millis("created", created) && f.millis("updated", updated) &&
                    f.text("name", name) && f.text("email", email) && f.text("company", company) &&
                    f.text("note", note) && f.text("entry", entry);
    if (!ok) return false;
    out = Json::object();
    out["id"] = id;
    out["created"] = created;
    out["modified"] = updated;
    out["deleted"] = nullptr;
    out["name"] = std::move(name);
    out["role"] = "";
    out["company"] = std::move(company);
    out["channel"] = "email";
    out["email"] = std::move(email);
    out["relationship"] = "";
    out["last_contact"] = nullptr;
    out["reflection_id"] = entry.get_ref<const std::string&>().empty() ? Json(nullptr) : std::move(entry);
    out["notes"] = std::move(note);
    f.copy_unknown(out);
    return true;
}

bool migrate_list(JsonReader& reader, const Json& document, std::string_view key, Json& out,
                  bool (*migrate_item)(JsonReader&, const Json&, const std::string&, Json&)) {
    out = Json::array();
    const auto it = document.find(key);
    if (it == document.end() || it->is_null()) return true;
    const std::string path = path_key("$", key);
    if (!expect_list(reader, *it, path)) return false;
    for (std::size_t i = 0; i < it->size(); ++i) {
        Json item;
        if (!migrate_item(reader, (*it)[i], path_index(path, i), item)) return false;
        out.push_back(std::move(item));
    }
    return true;
}

}  // namespace

bool migrate_v0_to_v1(Json& document, JsonReader& reader) {
    V0Fields top(reader, document, "$", {"schema", "saved", "entries", "people"});
    Json reflections, contacts;
    std::string saved;
    const bool has_saved = document.contains("saved") && !document["saved"].is_null();
    if (has_saved && !top.millis("saved", saved)) return false;
    if (!migrate_list(reader, document, "entries", reflections, migrate_entry) ||
        !migrate_list(reader, document, "people", contacts, migrate_person)) {
        return false;
    }
    Json v1 = Json::object();
    v1["format"] = journal_format_name;
    v1["version"] = 1;
    v1["exported_at"] = has_saved ? Json(saved) : Json(nullptr);
    // The prototype had no settings; the epoch makes any existing settings win a merge.
    v1["settings"] =
        Json{{"modified", format_timestamp(Timestamp{})}, {"profile_choices", Json::array()}, {"search_location", ""}};
    v1["reflections"] = std::move(reflections);
    v1["contacts"] = std::move(contacts);
    v1["messages"] = Json::array();
    v1["reminders"] = Json::array();
    top.copy_unknown(v1);
    document = std::move(v1);
    return true;
}

bool migrate_journal(Json& document, int from_version, JsonReader& reader) {
    // One entry per version step; a new format version adds its step here and nowhere else.
    using Step = bool (*)(Json&, JsonReader&);
    static constexpr Step steps[] = {migrate_v0_to_v1};
    static_assert(sizeof steps / sizeof steps[0] == current_format_version, "one migration per version step");
    for (int version = from_version; version < current_format_version; ++version) {
        if (!steps[version](document, reader)) return false;
    }
    return true;
}

}  // namespace debrief
