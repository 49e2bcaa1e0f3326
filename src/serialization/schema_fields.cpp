// Key tables of format version 1, read off core/record_fields.h (see schema_fields.h); docs/journal.schema.json
// must agree (schema_fields_test.cpp).
#include "serialization/schema_fields.h"

namespace debrief {

namespace {

constexpr Presence req = Presence::required;
constexpr Presence opt = Presence::optional;

// Lists the keys a field table visits, whatever their kind.
class KeyCollector {
public:
    explicit KeyCollector(std::vector<FieldSpec>& out) : m_out(out) {}
    template <class... Member>
    void text(const FieldInfo& f, Member&&...) {
        add(f);
    }
    template <class... Member>
    void link(const FieldInfo& f, Member&&...) {
        add(f);
    }
    template <class... Member>
    void record_id(const FieldInfo& f, Member&&...) {
        add(f);
    }
    template <class... Member>
    void flag(const FieldInfo& f, Member&&...) {
        add(f);
    }
    template <class... Member>
    void number(const FieldInfo& f, Member&&...) {
        add(f);
    }
    template <class... Member>
    void date(const FieldInfo& f, Member&&...) {
        add(f);
    }
    template <class... Member>
    void timestamp(const FieldInfo& f, Member&&...) {
        add(f);
    }
    template <class... Member>
    void enumeration(const FieldInfo& f, Member&&...) {
        add(f);
    }
    template <class... Member>
    void step_index(const FieldInfo& f, Member&&...) {
        add(f);
    }
    template <class... Member>
    void text_list(const FieldInfo& f, Member&&...) {
        add(f);
    }
    template <class... Member>
    void object(const FieldInfo& f, Member&&...) {
        add(f);
    }
    template <class... Member>
    void items(const FieldInfo& f, Member&&...) {
        add(f);
    }

private:
    void add(const FieldInfo& f) { m_out.push_back({f.key, f.presence, f.write}); }
    std::vector<FieldSpec>& m_out;
};

// The keys of T's table in core/record_fields.h. Keys are string literals (or the static keys of
// core/names.h), so the views outlive the table.
template <class T>
std::vector<FieldSpec> table_keys() {
    std::vector<FieldSpec> keys;
    KeyCollector collector(keys);
    const T sample{};
    visit_fields(sample, collector);
    return keys;
}

}  // namespace

const std::vector<FieldSpec>& schema_fields(SchemaObject object) {
    // The two envelopes are not records, so they have no table in core; every record object does.
    static const std::vector<FieldSpec> journal = {
        {"format", req},      {"version", req},  {"exported_at", opt}, {"settings", opt},
        {"reflections", opt}, {"contacts", opt}, {"messages", opt},    {"reminders", opt},
    };
    static const std::vector<FieldSpec> record_document = {
        {"format", req},
        {"version", req},
        {"type", req},
        {"record", req},
        {"journal", opt, Write::unless_empty},  // settings.json only, and only when there are some
    };
    static const std::vector<FieldSpec> reflection = table_keys<Reflection>();
    static const std::vector<FieldSpec> steps = table_keys<StepStates>();
    static const std::vector<FieldSpec> vent = table_keys<VentStep>();
    static const std::vector<FieldSpec> win = table_keys<Win>();
    static const std::vector<FieldSpec> reflect = table_keys<ReflectStep>();
    static const std::vector<FieldSpec> feedback = table_keys<FeedbackStep>();
    static const std::vector<FieldSpec> loved_item = table_keys<LovedItem>();
    static const std::vector<FieldSpec> criterion = table_keys<Criterion>();
    static const std::vector<FieldSpec> army_member = table_keys<ArmyMember>();
    static const std::vector<FieldSpec> interviewer = table_keys<Interviewer>();
    static const std::vector<FieldSpec> resilience = table_keys<ResilienceStep>();
    static const std::vector<FieldSpec> contact = table_keys<Contact>();
    static const std::vector<FieldSpec> message = table_keys<Message>();
    static const std::vector<FieldSpec> reminder = table_keys<Reminder>();
    static const std::vector<FieldSpec> settings = table_keys<Settings>();
    static const std::vector<FieldSpec> profile_choice = table_keys<ProfileChoice>();
    static const std::vector<FieldSpec> profile_keyword = table_keys<ProfileKeyword>();
    static const std::vector<FieldSpec> profile_merge = table_keys<ProfileMerge>();

    switch (object) {
        case SchemaObject::journal: return journal;
        case SchemaObject::record_document: return record_document;
        case SchemaObject::reflection: return reflection;
        case SchemaObject::steps: return steps;
        case SchemaObject::vent: return vent;
        case SchemaObject::win: return win;
        case SchemaObject::reflect: return reflect;
        case SchemaObject::feedback: return feedback;
        case SchemaObject::loved_item: return loved_item;
        case SchemaObject::criterion: return criterion;
        case SchemaObject::army_member: return army_member;
        case SchemaObject::interviewer: return interviewer;
        case SchemaObject::resilience: return resilience;
        case SchemaObject::contact: return contact;
        case SchemaObject::message: return message;
        case SchemaObject::reminder: return reminder;
        case SchemaObject::settings: return settings;
        case SchemaObject::profile_choice: return profile_choice;
        case SchemaObject::profile_keyword: return profile_keyword;
        case SchemaObject::profile_merge: return profile_merge;
    }
    return journal;  // unreachable: the switch covers every enumerator (-Wswitch checks it)
}

const std::vector<SchemaObject>& all_schema_objects() {
    static const std::vector<SchemaObject> all = {
        SchemaObject::journal,
        SchemaObject::record_document,
        SchemaObject::reflection,
        SchemaObject::steps,
        SchemaObject::vent,
        SchemaObject::win,
        SchemaObject::reflect,
        SchemaObject::feedback,
        SchemaObject::loved_item,
        SchemaObject::criterion,
        SchemaObject::army_member,
        SchemaObject::interviewer,
        SchemaObject::resilience,
        SchemaObject::contact,
        SchemaObject::message,
        SchemaObject::reminder,
        SchemaObject::settings,
        SchemaObject::profile_choice,
        SchemaObject::profile_keyword,
        SchemaObject::profile_merge,
    };
    return all;
}

std::string_view schema_definition_name(SchemaObject object) {
    switch (object) {
        case SchemaObject::journal: return "journal";
        case SchemaObject::record_document: return "record_document";
        case SchemaObject::reflection: return "reflection";
        case SchemaObject::steps: return "steps";
        case SchemaObject::vent: return "vent";
        case SchemaObject::win: return "win";
        case SchemaObject::reflect: return "reflect";
        case SchemaObject::feedback: return "feedback";
        case SchemaObject::loved_item: return "loved_item";
        case SchemaObject::criterion: return "criterion";
        case SchemaObject::army_member: return "army_member";
        case SchemaObject::interviewer: return "interviewer";
        case SchemaObject::resilience: return "resilience";
        case SchemaObject::contact: return "contact";
        case SchemaObject::message: return "message";
        case SchemaObject::reminder: return "reminder";
        case SchemaObject::settings: return "settings";
        case SchemaObject::profile_choice: return "profile_choice";
        case SchemaObject::profile_keyword: return "profile_keyword";
        case SchemaObject::profile_merge: return "profile_merge";
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
