// Encoders and decoders for journal and record documents, format version 1 (see docs/schema.md).
#include "serialization/journal_json.h"

#include <unordered_map>
#include <utility>

#include "core/dates.h"
#include "core/names.h"
#include "serialization/json_reader.h"
#include "serialization/migrations.h"
#include "serialization/schema_fields.h"

namespace debrief {

// [SECTION] Record types and extras

std::string_view record_type_key(RecordType type) {
    switch (type) {
        case RecordType::reflection:
            return "reflection";
        case RecordType::contact:
            return "contact";
        case RecordType::message:
            return "message";
        case RecordType::reminder:
            return "reminder";
        case RecordType::settings:
            return "settings";
    }
    return "";
}

std::optional<RecordType> record_type_from_key(std::string_view key) {
    for (RecordType type : {RecordType::reflection, RecordType::contact, RecordType::message, RecordType::reminder,
                            RecordType::settings}) {
        if (record_type_key(type) == key) return type;
    }
    return std::nullopt;
}

RecordType record_type_of(const AnyRecord& record) {
    switch (record.index()) {
        case 0:
            return RecordType::reflection;
        case 1:
            return RecordType::contact;
        case 2:
            return RecordType::message;
        case 3:
            return RecordType::reminder;
        default:
            return RecordType::settings;
    }
}

bool JournalExtras::empty() const {
    return reflections.empty() && contacts.empty() && messages.empty() && reminders.empty() && settings.empty() &&
           document.empty();
}

bool operator==(const JournalExtras& a, const JournalExtras& b) {
    return a.reflections == b.reflections && a.contacts == b.contacts && a.messages == b.messages &&
           a.reminders == b.reminders && a.settings == b.settings && a.document == b.document;
}

namespace {

// Locations of list items inside a record's extras ("wins/<id>").
std::string item_location(std::string_view list, std::string_view id) {
    std::string location(list);
    location += '/';
    location += id;
    return location;
}

// [SECTION] Encoding

Json link_json(const std::string& id) { return id.empty() ? Json(nullptr) : Json(id); }

Json timestamp_json(const Timestamp& t) { return Json(format_timestamp(t)); }

Json date_json(const std::optional<Date>& d) {
    // An impossible date cannot be read back, so it is written as "unknown" rather than poisoning the file.
    return d && is_valid(*d) ? Json(format_date(*d)) : Json(nullptr);
}

Json mood_json(const std::optional<int>& mood) { return mood ? Json(*mood) : Json(nullptr); }

template <class E>
Json key_json(E value) {
    return Json(std::string(to_key(value)));
}

// Appends the unknown keys remembered for `location` after the known ones (never replacing one).
void append_extras(Json& object, const RecordExtras* extras, const std::string& location) {
    if (extras == nullptr) return;
    const auto it = extras->find(location);
    if (it == extras->end()) return;
    const Json unknown = Json::parse(it->second, nullptr, /*allow_exceptions=*/false);
    if (!unknown.is_object()) return;
    for (auto field = unknown.begin(); field != unknown.end(); ++field) {
        if (!object.contains(field.key())) object[field.key()] = field.value();
    }
}

void put_meta(Json& out, const RecordMeta& meta) {
    out["id"] = meta.id;
    out["created"] = timestamp_json(meta.created);
    out["modified"] = timestamp_json(meta.modified);
    out["deleted"] = meta.deleted ? timestamp_json(*meta.deleted) : Json(nullptr);
}

Json encode_reflection(const Reflection& r, const RecordExtras* extras) {
    Json out = Json::object();
    put_meta(out, r.meta);
    out["company"] = r.company;
    out["role"] = r.role;
    out["location"] = r.location;
    out["found_via"] = r.found_via;
    out["stage"] = key_json(r.stage);
    out["ending"] = key_json(r.ending);
    out["applied_on"] = date_json(r.applied_on);
    out["last_interview_on"] = date_json(r.last_interview_on);
    out["rejected_on"] = date_json(r.rejected_on);
    out["rejection_message"] = r.rejection_message;
    const int current = r.current_step >= 0 && r.current_step < step_count ? r.current_step : 0;
    out["current_step"] = key_json(static_cast<StepId>(current));

    Json steps = Json::object();
    for (int i = 0; i < step_count; ++i) {
        steps[std::string(to_key(static_cast<StepId>(i)))] = key_json(r.steps[static_cast<std::size_t>(i)]);
    }
    append_extras(steps, extras, "steps");
    out["steps"] = std::move(steps);

    Json vent = Json::object();
    vent["letter"] = r.vent.letter;
    vent["mood_before"] = mood_json(r.vent.mood_before);
    vent["emotions"] = r.vent.emotions;
    append_extras(vent, extras, "vent");
    out["vent"] = std::move(vent);

    Json wins = Json::array();
    for (const Win& w : r.wins) {
        Json item = Json::object();
        item["id"] = w.id;
        item["text"] = w.text;
        item["really_helped"] = w.really_helped;
        append_extras(item, extras, item_location("wins", w.id));
        wins.push_back(std::move(item));
    }
    out["wins"] = std::move(wins);

    Json reflect = Json::object();
    reflect["fit"] = r.reflect.fit;
    reflect["missing_skills"] = r.reflect.missing_skills;
    reflect["went_well"] = r.reflect.went_well;
    reflect["do_better"] = r.reflect.do_better;
    reflect["tripped_questions"] = r.reflect.tripped_questions;
    reflect["should_have_highlighted"] = r.reflect.should_have_highlighted;
    reflect["likely_reasons"] = r.reflect.likely_reasons;
    append_extras(reflect, extras, "reflect");
    out["reflect"] = std::move(reflect);

    Json feedback = Json::object();
    feedback["recruiter_name"] = r.feedback.recruiter_name;
    feedback["recruiter_email"] = r.feedback.recruiter_email;
    feedback["ask_about_similar_role"] = r.feedback.ask_about_similar_role;
    feedback["similar_role"] = r.feedback.similar_role;
    feedback["sent"] = r.feedback.sent;
    append_extras(feedback, extras, "feedback");
    out["feedback"] = std::move(feedback);

    Json loved = Json::array();
    for (const LovedItem& l : r.loved) {
        Json item = Json::object();
        item["id"] = l.id;
        item["text"] = l.text;
        item["tag"] = key_json(l.tag);
        item["weight"] = l.weight;
        append_extras(item, extras, item_location("loved", l.id));
        loved.push_back(std::move(item));
    }
    out["loved"] = std::move(loved);

    Json criteria = Json::array();
    for (const Criterion& c : r.criteria) {
        Json item = Json::object();
        item["id"] = c.id;
        item["text"] = c.text;
        item["kind"] = key_json(c.kind);
        append_extras(item, extras, item_location("criteria", c.id));
        criteria.push_back(std::move(item));
    }
    out["criteria"] = std::move(criteria);

    Json army = Json::array();
    for (const ArmyMember& a : r.army) {
        Json item = Json::object();
        item["id"] = a.id;
        item["name"] = a.name;
        item["contact_id"] = link_json(a.contact_id);
        item["told"] = a.told;
        append_extras(item, extras, item_location("army", a.id));
        army.push_back(std::move(item));
    }
    out["army"] = std::move(army);
    out["army_note"] = r.army_note;

    Json resilience = Json::object();
    resilience["lesson"] = r.resilience.lesson;
    resilience["next_action"] = r.resilience.next_action;
    resilience["mood_after"] = mood_json(r.resilience.mood_after);
    append_extras(resilience, extras, "resilience");
    out["resilience"] = std::move(resilience);

    append_extras(out, extras, "");
    return out;
}

Json encode_contact(const Contact& c, const RecordExtras* extras) {
    Json out = Json::object();
    put_meta(out, c.meta);
    out["name"] = c.name;
    out["role"] = c.role;
    out["company"] = c.company;
    out["channel"] = key_json(c.channel);
    out["email"] = c.email;
    out["relationship"] = c.relationship;
    out["last_contact"] = date_json(c.last_contact);
    out["reflection_id"] = link_json(c.reflection_id);
    out["notes"] = c.notes;
    append_extras(out, extras, "");
    return out;
}

Json encode_message(const Message& m, const RecordExtras* extras) {
    Json out = Json::object();
    put_meta(out, m.meta);
    out["kind"] = key_json(m.kind);
    out["reflection_id"] = link_json(m.reflection_id);
    out["contact_id"] = link_json(m.contact_id);
    out["to"] = m.to;
    out["subject"] = m.subject;
    out["body"] = m.body;
    out["status"] = key_json(m.status);
    out["sent_on"] = date_json(m.sent_on);
    out["replied_on"] = date_json(m.replied_on);
    out["reply_notes"] = m.reply_notes;
    append_extras(out, extras, "");
    return out;
}

Json encode_reminder(const Reminder& r, const RecordExtras* extras) {
    Json out = Json::object();
    put_meta(out, r.meta);
    out["kind"] = key_json(r.kind);
    out["title"] = r.title;
    out["due"] = format_date(r.due);
    out["reflection_id"] = link_json(r.reflection_id);
    out["contact_id"] = link_json(r.contact_id);
    out["message_id"] = link_json(r.message_id);
    out["done"] = r.done;
    out["done_on"] = date_json(r.done_on);
    out["snoozed_until"] = date_json(r.snoozed_until);
    append_extras(out, extras, "");
    return out;
}

Json encode_settings(const Settings& s, const RecordExtras* extras) {
    Json out = Json::object();
    out["modified"] = timestamp_json(s.modified);
    Json choices = Json::array();
    for (const ProfileChoice& p : s.profile_choices) {
        Json item = Json::object();
        item["key"] = p.key;
        item["kind"] = key_json(p.kind);
        append_extras(item, extras, item_location("profile_choices", p.key));
        choices.push_back(std::move(item));
    }
    out["profile_choices"] = std::move(choices);
    out["search_location"] = s.search_location;
    append_extras(out, extras, "");
    return out;
}

Json encode_any(const AnyRecord& record, const RecordExtras* extras) {
    switch (record_type_of(record)) {
        case RecordType::reflection:
            return encode_reflection(std::get<Reflection>(record), extras);
        case RecordType::contact:
            return encode_contact(std::get<Contact>(record), extras);
        case RecordType::message:
            return encode_message(std::get<Message>(record), extras);
        case RecordType::reminder:
            return encode_reminder(std::get<Reminder>(record), extras);
        case RecordType::settings:
            break;
    }
    return encode_settings(std::get<Settings>(record), extras);
}

// Pretty, 2-space, raw UTF-8 (only control characters, '"' and '\' are escaped) and a final
// newline. Invalid UTF-8 in the model (it should never get there) becomes U+FFFD instead of throwing.
std::string to_text(const Json& document) {
    std::string text = document.dump(2, ' ', false, Json::error_handler_t::replace);
    text += '\n';
    return text;
}

std::string to_compact_text(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

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

bool decode_meta(FieldReader& f, RecordMeta& meta) {
    return f.record_id("id", meta.id) && f.timestamp("created", meta.created) &&
           f.timestamp("modified", meta.modified) && f.optional_timestamp("deleted", meta.deleted);
}

// Reads a list of objects of kind `kind` under `key`, calling `read_item` for each; item extras are
// kept under "<key>/<item id>".
template <class T, class ReadItem>
bool decode_items(JsonReader& reader, FieldReader& parent, std::string_view key, SchemaObject kind, std::vector<T>& out,
                  RecordExtras& extras, ReadItem read_item) {
    const JsonNode* list = parent.list(key);
    if (list == nullptr) return !reader.failed();
    const std::string list_path = parent.child_path(key);
    out.clear();
    out.reserve(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = path_index(list_path, i);
        const JsonNode& value = (*list)[i];
        if (!expect_object(reader, value, path)) return false;
        FieldReader f(reader, value, path, kind);
        T item;
        std::string item_key;
        if (!read_item(f, item, item_key)) return false;
        std::string unknown = f.unknown_keys();
        if (!unknown.empty() && !item_key.empty()) extras[item_location(key, item_key)] = std::move(unknown);
        out.push_back(std::move(item));
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

bool decode_reflection(JsonReader& reader, const JsonNode& value, const std::string& path, Reflection& r,
                       RecordExtras& extras) {
    if (!expect_object(reader, value, path)) return false;
    FieldReader f(reader, value, path, SchemaObject::reflection);
    StepId current = StepId::vent;
    const bool header =
        decode_meta(f, r.meta) && f.text("company", r.company) && f.text("role", r.role) &&
        f.text("location", r.location) && f.text("found_via", r.found_via) && f.enumeration("stage", r.stage) &&
        f.enumeration("ending", r.ending) && f.optional_date("applied_on", r.applied_on) &&
        f.optional_date("last_interview_on", r.last_interview_on) && f.optional_date("rejected_on", r.rejected_on) &&
        f.text("rejection_message", r.rejection_message) && f.enumeration("current_step", current);
    if (!header) return false;
    r.current_step = static_cast<int>(current);

    const bool steps_ok = decode_step_object(reader, f, "steps", SchemaObject::steps, extras, [&](FieldReader& s) {
        for (std::size_t i = 0; i < r.steps.size(); ++i) {
            if (!s.enumeration(to_key(static_cast<StepId>(i)), r.steps[i])) return false;
        }
        return true;
    });
    const bool body =
        steps_ok &&
        decode_step_object(reader, f, "vent", SchemaObject::vent, extras,
                           [&](FieldReader& v) {
                               return v.text("letter", r.vent.letter) &&
                                      v.optional_number("mood_before", r.vent.mood_before, 0, 10) &&
                                      v.text_list("emotions", r.vent.emotions);
                           }) &&
        decode_items(reader, f, "wins", SchemaObject::win, r.wins, extras,
                     [](FieldReader& w, Win& win, std::string& key) {
                         const bool ok = w.text("id", win.id) && w.text("text", win.text) &&
                                         w.flag("really_helped", win.really_helped);
                         key = win.id;
                         return ok;
                     }) &&
        decode_step_object(reader, f, "reflect", SchemaObject::reflect, extras,
                           [&](FieldReader& x) {
                               return x.text("fit", r.reflect.fit) &&
                                      x.text("missing_skills", r.reflect.missing_skills) &&
                                      x.text("went_well", r.reflect.went_well) &&
                                      x.text("do_better", r.reflect.do_better) &&
                                      x.text("tripped_questions", r.reflect.tripped_questions) &&
                                      x.text("should_have_highlighted", r.reflect.should_have_highlighted) &&
                                      x.text("likely_reasons", r.reflect.likely_reasons);
                           }) &&
        decode_step_object(reader, f, "feedback", SchemaObject::feedback, extras,
                           [&](FieldReader& x) {
                               return x.text("recruiter_name", r.feedback.recruiter_name) &&
                                      x.text("recruiter_email", r.feedback.recruiter_email) &&
                                      x.flag("ask_about_similar_role", r.feedback.ask_about_similar_role) &&
                                      x.text("similar_role", r.feedback.similar_role) &&
                                      x.flag("sent", r.feedback.sent);
                           }) &&
        decode_items(reader, f, "loved", SchemaObject::loved_item, r.loved, extras,
                     [](FieldReader& x, LovedItem& item, std::string& key) {
                         const bool ok = x.text("id", item.id) && x.text("text", item.text) &&
                                         x.enumeration("tag", item.tag) && x.number("weight", item.weight, 1, 5);
                         key = item.id;
                         return ok;
                     }) &&
        decode_items(reader, f, "criteria", SchemaObject::criterion, r.criteria, extras,
                     [](FieldReader& x, Criterion& item, std::string& key) {
                         const bool ok =
                             x.text("id", item.id) && x.text("text", item.text) && x.enumeration("kind", item.kind);
                         key = item.id;
                         return ok;
                     }) &&
        decode_items(reader, f, "army", SchemaObject::army_member, r.army, extras,
                     [](FieldReader& x, ArmyMember& item, std::string& key) {
                         const bool ok = x.text("id", item.id) && x.text("name", item.name) &&
                                         x.link_id("contact_id", item.contact_id) && x.flag("told", item.told);
                         key = item.id;
                         return ok;
                     }) &&
        f.text("army_note", r.army_note) &&
        decode_step_object(reader, f, "resilience", SchemaObject::resilience, extras, [&](FieldReader& x) {
            return x.text("lesson", r.resilience.lesson) && x.text("next_action", r.resilience.next_action) &&
                   x.optional_number("mood_after", r.resilience.mood_after, 0, 10);
        });
    if (!body) return false;
    keep_unknown(f, extras, "");
    return !reader.failed();
}

bool decode_contact(JsonReader& reader, const JsonNode& value, const std::string& path, Contact& c, RecordExtras& extras) {
    if (!expect_object(reader, value, path)) return false;
    FieldReader f(reader, value, path, SchemaObject::contact);
    const bool ok = decode_meta(f, c.meta) && f.text("name", c.name) && f.text("role", c.role) &&
                    f.text("company", c.company) && f.enumeration("channel", c.channel) && f.text("email", c.email) &&
                    f.text("relationship", c.relationship) && f.optional_date("last_contact", c.last_contact) &&
                    f.link_id("reflection_id", c.reflection_id) && f.text("notes", c.notes);
    if (!ok) return false;
    keep_unknown(f, extras, "");
    return true;
}

bool decode_message(JsonReader& reader, const JsonNode& value, const std::string& path, Message& m, RecordExtras& extras) {
    if (!expect_object(reader, value, path)) return false;
    FieldReader f(reader, value, path, SchemaObject::message);
    const bool ok = decode_meta(f, m.meta) && f.enumeration("kind", m.kind) &&
                    f.link_id("reflection_id", m.reflection_id) && f.link_id("contact_id", m.contact_id) &&
                    f.text("to", m.to) && f.text("subject", m.subject) && f.text("body", m.body) &&
                    f.enumeration("status", m.status) && f.optional_date("sent_on", m.sent_on) &&
                    f.optional_date("replied_on", m.replied_on) && f.text("reply_notes", m.reply_notes);
    if (!ok) return false;
    keep_unknown(f, extras, "");
    return true;
}

bool decode_reminder(JsonReader& reader, const JsonNode& value, const std::string& path, Reminder& r,
                     RecordExtras& extras) {
    if (!expect_object(reader, value, path)) return false;
    FieldReader f(reader, value, path, SchemaObject::reminder);
    const bool ok = decode_meta(f, r.meta) && f.enumeration("kind", r.kind) && f.text("title", r.title) &&
                    f.date("due", r.due) && f.link_id("reflection_id", r.reflection_id) &&
                    f.link_id("contact_id", r.contact_id) && f.link_id("message_id", r.message_id) &&
                    f.flag("done", r.done) && f.optional_date("done_on", r.done_on) &&
                    f.optional_date("snoozed_until", r.snoozed_until);
    if (!ok) return false;
    keep_unknown(f, extras, "");
    return true;
}

bool decode_settings(JsonReader& reader, const JsonNode& value, const std::string& path, Settings& s,
                     RecordExtras& extras) {
    if (!expect_object(reader, value, path)) return false;
    FieldReader f(reader, value, path, SchemaObject::settings);
    const bool ok = f.timestamp("modified", s.modified) &&
                    decode_items(reader, f, "profile_choices", SchemaObject::profile_choice, s.profile_choices, extras,
                                 [](FieldReader& x, ProfileChoice& choice, std::string& key) {
                                     const bool read = x.text("key", choice.key) && x.enumeration("kind", choice.kind);
                                     key = choice.key;
                                     return read;
                                 }) &&
                    f.text("search_location", s.search_location);
    if (!ok) return false;
    keep_unknown(f, extras, "");
    return true;
}

// Reads one collection of a journal document, rejecting an id used twice (storage keeps one file per
// id, so a second copy would silently replace the first).
template <class T, class Decode>
bool decode_collection(JsonReader& reader, FieldReader& doc, std::string_view key, std::vector<T>& out,
                       std::map<std::string, RecordExtras>& extras, Decode decode) {
    const JsonNode* list = doc.list(key);
    if (list == nullptr) return !reader.failed();
    const std::string list_path = doc.child_path(key);
    std::unordered_map<std::string, std::size_t> seen;
    out.reserve(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = path_index(list_path, i);
        T record;
        RecordExtras record_extras;
        if (!decode(reader, (*list)[i], path, record, record_extras)) return false;
        const auto [it, inserted] = seen.emplace(record.meta.id, i);
        if (!inserted) {
            const std::string id_path = path_key(path, "id");
            return reader.fail("The id " + quote_for_message(record.meta.id) + " is used twice in " + std::string(key) +
                                   ": at " + path_key(path_index(list_path, it->second), "id") + " and at " + id_path,
                               id_path);
        }
        if (!record_extras.empty()) extras[record.meta.id] = std::move(record_extras);
        out.push_back(std::move(record));
    }
    return true;
}

// Reads "version" and checks it is between `oldest` and the current version; a newer version gets
// its own message, because the fix (update Debrief) differs from that of a damaged file.
std::optional<int> document_version(JsonReader& reader, const JsonNode& root, int oldest) {
    const JsonNode* version = root.find("version");
    if (version == nullptr) {
        reader.fail("The required field \"version\" is missing at $", "$.version");
        return std::nullopt;
    }
    const std::optional<std::int64_t> number = version->as_int64();
    const bool beyond_int64 = version->is_number() && !number && version->text().find_first_of(".eE-") == std::string_view::npos;
    if ((number && *number > current_format_version) || beyond_int64) {
        reader.fail("This file was made by a newer version of Debrief (format version " + describe_found(*version) +
                        "); this version reads up to " + std::to_string(current_format_version) + ".",
                    "$.version");
        return std::nullopt;
    }
    if (number && *number >= oldest) return static_cast<int>(*number);
    reader.fail("Expected a format version (a whole number from " + std::to_string(oldest) + " to " +
                    std::to_string(current_format_version) + ") at $.version, found " + describe_found(*version),
                "$.version");
    return std::nullopt;
}

// Reads "format" and "version" of a journal document and returns its version (or records an error).
std::optional<int> journal_version(JsonReader& reader, const JsonNode& root) {
    const JsonNode* format = root.find("format");
    if (format == nullptr) {
        // Version 0 (the prototype) had no "format", only "schema": 0 (docs/schema.md).
        const JsonNode* schema = root.find("schema");
        if (schema != nullptr && schema->as_int64() == std::optional<std::int64_t>(0)) return 0;
        reader.fail("This is not a Debrief journal: the \"format\" field is missing at $", "$.format");
        return std::nullopt;
    }
    if (format->is_string() && format->text() == record_format_name) {
        reader.fail(
            "This is a single Debrief record, not a journal export (\"format\" is \"debrief-record\" at $.format)",
            "$.format");
        return std::nullopt;
    }
    if (!format->is_string() || format->text() != journal_format_name) {
        reader.fail(
            "This is not a Debrief journal: expected \"debrief-journal\" at $.format, found " + describe_found(*format),
            "$.format");
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
            reader.warn("Unknown field " + quote_for_message(member.key()) + " at " + path_key("$", member.key()) +
                        " was ignored (it may come from a newer version of Debrief)");
        }
    }
}

// A record document around an encoded record.
std::string record_document_text(RecordType type, Json record, TextLayout layout) {
    Json root = Json::object();
    root["format"] = record_format_name;
    root["version"] = current_format_version;
    root["type"] = record_type_key(type);
    root["record"] = std::move(record);
    return layout == TextLayout::pretty ? to_text(root) : to_compact_text(root);
}

}  // namespace

// [SECTION] Journal documents

Result<DecodedJournal> decode_journal(std::string_view text, const DecodeLimits& limits) {
    // 1. parse
    auto parsed = read_json_tree(text, limits);
    if (!parsed) return parsed.error();
    const JsonNode* root = &parsed.value().root();
    JsonReader reader;
    if (!root->is_object()) {
        return Error{"Expected a Debrief journal (a JSON object) at $, found " + describe_found(*root), "$"};
    }

    // 2. migrate: older files go through the mutable tree of migrations.h, then are read like new ones.
    const auto version = journal_version(reader, *root);
    if (!version) return reader.error();
    std::string migrated_text;
    if (*version < current_format_version) {
        auto old = parse_json_text(text, limits);
        if (!old) return old.error();
        if (!migrate_journal(old.value(), *version, reader)) return reader.error();
        migrated_text = old.value().dump(-1, ' ', false, Json::error_handler_t::replace);
        parsed = read_json_tree(migrated_text, limits);
        if (!parsed) return parsed.error();
        root = &parsed.value().root();
    }

    // 3. validate and 4. decode, in one walk: every check knows its path.
    DecodedJournal decoded;
    decoded.source_version = *version;
    FieldReader doc(reader, *root, "$", SchemaObject::journal);
    Journal& journal = decoded.journal;
    if (!doc.optional_timestamp("exported_at", decoded.exported_at)) return reader.error();
    if (const JsonNode* settings = doc.object("settings")) {
        if (!decode_settings(reader, *settings, "$.settings", journal.settings, decoded.extras.settings))
            return reader.error();
    }
    const bool ok =
        !reader.failed() &&
        decode_collection(reader, doc, "reflections", journal.reflections, decoded.extras.reflections,
                          decode_reflection) &&
        decode_collection(reader, doc, "contacts", journal.contacts, decoded.extras.contacts, decode_contact) &&
        decode_collection(reader, doc, "messages", journal.messages, decoded.extras.messages, decode_message) &&
        decode_collection(reader, doc, "reminders", journal.reminders, decoded.extras.reminders, decode_reminder);
    if (!ok) return reader.error();
    decoded.extras.document = doc.unknown_keys();
    decoded.warnings = std::move(reader.warnings());
    return decoded;
}

std::string encode_journal(const Journal& journal, Timestamp exported_at) {
    return encode_journal(journal, JournalExtras{}, exported_at);
}

std::string encode_journal(const Journal& journal, const JournalExtras& extras, Timestamp exported_at) {
    Json root = Json::object();
    root["format"] = journal_format_name;
    root["version"] = current_format_version;
    root["exported_at"] = timestamp_json(exported_at);
    root["settings"] = encode_settings(journal.settings, &extras.settings);
    Json reflections = Json::array();
    for (const Reflection& r : journal.reflections)
        reflections.push_back(encode_reflection(r, extras_for(extras.reflections, r.meta.id)));
    root["reflections"] = std::move(reflections);
    Json contacts = Json::array();
    for (const Contact& c : journal.contacts)
        contacts.push_back(encode_contact(c, extras_for(extras.contacts, c.meta.id)));
    root["contacts"] = std::move(contacts);
    Json messages = Json::array();
    for (const Message& m : journal.messages)
        messages.push_back(encode_message(m, extras_for(extras.messages, m.meta.id)));
    root["messages"] = std::move(messages);
    Json reminders = Json::array();
    for (const Reminder& r : journal.reminders)
        reminders.push_back(encode_reminder(r, extras_for(extras.reminders, r.meta.id)));
    root["reminders"] = std::move(reminders);
    const RecordExtras document_extras = extras.document.empty() ? RecordExtras{} : RecordExtras{{"", extras.document}};
    append_extras(root, &document_extras, "");
    return to_text(root);
}

// [SECTION] Record documents

Result<DecodedRecord> decode_record(std::string_view text, const DecodeLimits& limits) {
    auto parsed = read_json_tree(text, limits);
    if (!parsed) return parsed.error();
    const JsonNode& root = parsed.value().root();
    if (!root.is_object()) {
        return Error{"Expected a Debrief record (a JSON object) at $, found " + describe_found(root), "$"};
    }
    JsonReader reader;
    FieldReader doc(reader, root, "$", SchemaObject::record_document);
    std::string format;
    if (!doc.text("format", format)) return reader.error();
    if (format != record_format_name) {
        if (format == journal_format_name) {
            return Error{
                "This is a whole journal export, not a single Debrief record (\"format\" is \"debrief-journal\" at "
                "$.format)",
                "$.format"};
        }
        return Error{
            "This is not a Debrief record: expected \"debrief-record\" at $.format, found " + quote_for_message(format),
            "$.format"};
    }
    // Record files first appeared in version 1, so there is nothing to migrate yet.
    if (!document_version(reader, root, 1)) return reader.error();

    std::string type_key;
    if (!doc.text("type", type_key)) return reader.error();
    const auto type = record_type_from_key(type_key);
    if (!type) {
        return Error{"Expected one of reflection, contact, message, reminder, settings at $.type, found " +
                         quote_for_message(type_key),
                     "$.type"};
    }
    const JsonNode* record = doc.object("record");
    if (record == nullptr) return reader.error();

    DecodedRecord decoded{Settings{}, {}, {}};
    bool ok = false;
    switch (*type) {
        case RecordType::reflection:
            ok = decode_reflection(reader, *record, "$.record", decoded.record.emplace<Reflection>(), decoded.extras);
            break;
        case RecordType::contact:
            ok = decode_contact(reader, *record, "$.record", decoded.record.emplace<Contact>(), decoded.extras);
            break;
        case RecordType::message:
            ok = decode_message(reader, *record, "$.record", decoded.record.emplace<Message>(), decoded.extras);
            break;
        case RecordType::reminder:
            ok = decode_reminder(reader, *record, "$.record", decoded.record.emplace<Reminder>(), decoded.extras);
            break;
        case RecordType::settings:
            ok = decode_settings(reader, *record, "$.record", decoded.record.emplace<Settings>(), decoded.extras);
            break;
    }
    if (!ok) return reader.error();
    warn_unknown_envelope_keys(reader, root);
    decoded.warnings = std::move(reader.warnings());
    return decoded;
}

std::string encode_record(const Reflection& reflection, const RecordExtras& extras, TextLayout layout) {
    return record_document_text(RecordType::reflection, encode_reflection(reflection, &extras), layout);
}
std::string encode_record(const Contact& contact, const RecordExtras& extras, TextLayout layout) {
    return record_document_text(RecordType::contact, encode_contact(contact, &extras), layout);
}
std::string encode_record(const Message& message, const RecordExtras& extras, TextLayout layout) {
    return record_document_text(RecordType::message, encode_message(message, &extras), layout);
}
std::string encode_record(const Reminder& reminder, const RecordExtras& extras, TextLayout layout) {
    return record_document_text(RecordType::reminder, encode_reminder(reminder, &extras), layout);
}
std::string encode_record(const Settings& settings, const RecordExtras& extras, TextLayout layout) {
    return record_document_text(RecordType::settings, encode_settings(settings, &extras), layout);
}
std::string encode_record(const AnyRecord& record, const RecordExtras& extras, TextLayout layout) {
    return record_document_text(record_type_of(record), encode_any(record, &extras), layout);
}

std::string canonical_record_text(const Reflection& reflection) {
    return to_compact_text(encode_reflection(reflection, nullptr));
}
std::string canonical_record_text(const Contact& contact) { return to_compact_text(encode_contact(contact, nullptr)); }
std::string canonical_record_text(const Message& message) { return to_compact_text(encode_message(message, nullptr)); }
std::string canonical_record_text(const Reminder& reminder) {
    return to_compact_text(encode_reminder(reminder, nullptr));
}
std::string canonical_record_text(const Settings& settings) {
    return to_compact_text(encode_settings(settings, nullptr));
}

}  // namespace debrief
