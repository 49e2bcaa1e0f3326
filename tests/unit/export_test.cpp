// Tests of export file names and the one-reflection export with its linked records.
#include <doctest/doctest.h>

#include <algorithm>

#include "sample_journal.h"
#include "serialization/export.h"
#include "serialization/journal_import.h"

using namespace debrief;
using namespace debrief::samples;

namespace {

template <class T>
std::vector<std::string> ids(const std::vector<T>& records) {
    std::vector<std::string> out;
    for (const T& r : records) out.push_back(r.meta.id);
    return out;
}

}  // namespace

TEST_CASE("export file names carry the day, zero-padded") {
    CHECK(export_file_name(Date{2026, 11, 21}) == "debrief-2026-11-21.json");
    CHECK(export_file_name(Date{987, 1, 2}) == "debrief-0987-01-02.json");
    CHECK(markdown_file_name(Date{2026, 3, 9}) == "debrief-2026-03-09.md");
}

TEST_CASE("a single reflection is exported with its contacts, messages and reminders") {
    const Journal journal = sample_journal();
    const Journal one = extract_reflection(journal, "3f2b8c1e-6d4a-4f7b-9a21-5c8e0d7b1a42");
    CHECK(ids(one.reflections) == std::vector<std::string>{"3f2b8c1e-6d4a-4f7b-9a21-5c8e0d7b1a42"});
    CHECK(ids(one.contacts) == std::vector<std::string>{"9d1c7e52-0b8f-4c3a-8e6d-2f4a1b7c9e03"});
    CHECK(ids(one.messages) == std::vector<std::string>{"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"});
    CHECK(ids(one.reminders) == std::vector<std::string>{"3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"});
    CHECK(one.settings.modified == Timestamp{});

    // The file is a normal journal document: importing it back changes nothing.
    auto decoded = decode_journal(encode_journal(one, sample_export_time()));
    REQUIRE(decoded.ok());
    CHECK_FALSE(preview_import(journal, decoded.value().journal).changes_anything);
}

TEST_CASE("linked records are found through every kind of link, trashed ones are left out") {
    Journal journal;
    Reflection r;
    r.meta.id = "r";
    r.army.push_back(ArmyMember{"a1", "Via army", "k-army", false});
    journal.reflections.push_back(r);
    Reflection other;
    other.meta.id = "other";
    journal.reflections.push_back(other);

    const auto contact = [](const char* id, const char* reflection_id) {
        Contact c;
        c.meta.id = id;
        c.reflection_id = reflection_id;
        return c;
    };
    journal.contacts = {contact("k-own", "r"),     contact("k-army", ""),           contact("k-message", ""),
                        contact("k-reminder", ""), contact("k-unrelated", "other"), contact("k-trashed", "r")};
    journal.contacts.back().meta.deleted = Timestamp{1, 0};

    Message m;
    m.meta.id = "m";
    m.reflection_id = "r";
    m.contact_id = "k-message";
    Message unrelated_message;
    unrelated_message.meta.id = "m-other";
    unrelated_message.reflection_id = "other";
    journal.messages = {m, unrelated_message};

    Reminder by_message;
    by_message.meta.id = "x-message";
    by_message.message_id = "m";
    by_message.contact_id = "k-reminder";
    Reminder by_reflection;
    by_reflection.meta.id = "x-reflection";
    by_reflection.reflection_id = "r";
    Reminder unrelated_reminder;
    unrelated_reminder.meta.id = "x-other";
    unrelated_reminder.message_id = "m-other";
    journal.reminders = {by_message, by_reflection, unrelated_reminder};

    const Journal one = extract_reflection(journal, "r");
    CHECK(ids(one.contacts) == std::vector<std::string>{"k-own", "k-army", "k-message", "k-reminder"});
    CHECK(ids(one.messages) == std::vector<std::string>{"m"});
    CHECK(ids(one.reminders) == std::vector<std::string>{"x-message", "x-reflection"});
}

TEST_CASE("an unknown reflection id gives an empty journal") {
    const Journal none = extract_reflection(sample_journal(), "no-such-id");
    CHECK(none.reflections.empty());
    CHECK(none.contacts.empty());
    CHECK(extract_reflection(sample_journal(), "").reflections.empty());
}

TEST_CASE("a trashed reflection can still be exported on its own") {
    const Journal one = extract_reflection(sample_journal(), "a7e4d2c9-1b3f-4e8a-b5d6-0c9f8e7a6b15");
    REQUIRE(one.reflections.size() == 1);
    CHECK(one.reflections[0].meta.deleted.has_value());
    CHECK(ids(one.reminders) == std::vector<std::string>{"4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a"});
}

TEST_CASE("extras are narrowed to the exported records") {
    JournalExtras extras;
    extras.reflections["3f2b8c1e-6d4a-4f7b-9a21-5c8e0d7b1a42"][""] = R"({"color":"red"})";
    extras.reflections["a7e4d2c9-1b3f-4e8a-b5d6-0c9f8e7a6b15"][""] = R"({"color":"blue"})";
    extras.settings[""] = R"({"theme":"dark"})";
    const JournalExtras selected =
        select_extras(extras, extract_reflection(sample_journal(), "3f2b8c1e-6d4a-4f7b-9a21-5c8e0d7b1a42"));
    CHECK(selected.reflections.size() == 1);
    CHECK(selected.reflections.count("3f2b8c1e-6d4a-4f7b-9a21-5c8e0d7b1a42") == 1);
    CHECK(selected.settings.empty());
}
