// Tests of import preview and merge: newer wins, trash follows the winner, ties are deterministic, idempotence,
// commutativity.
#include <doctest/doctest.h>

#include <algorithm>

#include "sample_journal.h"
#include "serialization/journal_import.h"

using namespace debrief;
using namespace debrief::samples;

namespace {

Timestamp at(std::int64_t unix_ms) { return Timestamp{unix_ms, 60}; }

Reflection reflection(const std::string& id, std::int64_t modified_ms, const std::string& company) {
    Reflection r;
    r.meta.id = id;
    r.meta.created = at(0);
    r.meta.modified = at(modified_ms);
    r.company = company;
    return r;
}

Contact contact(const std::string& id, std::int64_t modified_ms, const std::string& name) {
    Contact c;
    c.meta.id = id;
    c.meta.modified = at(modified_ms);
    c.name = name;
    return c;
}

// Every record's canonical text, sorted: equal for journals holding the same records in any order.
std::vector<std::string> record_set(const Journal& j) {
    std::vector<std::string> texts;
    for (const auto& r : j.reflections) texts.push_back("r" + canonical_record_text(r));
    for (const auto& c : j.contacts) texts.push_back("c" + canonical_record_text(c));
    for (const auto& m : j.messages) texts.push_back("m" + canonical_record_text(m));
    for (const auto& r : j.reminders) texts.push_back("x" + canonical_record_text(r));
    texts.push_back("s" + canonical_record_text(j.settings));
    std::sort(texts.begin(), texts.end());
    return texts;
}

std::string text_of(const Journal& j) { return encode_journal(j, Timestamp{}); }

}  // namespace

TEST_CASE("importing the same journal changes nothing") {
    const Journal journal = sample_journal();
    const ImportPreview preview = preview_import(journal, journal);
    CHECK(preview.reflections == ImportCounts{0, 0, 3, 0, 0});
    CHECK(preview.contacts == ImportCounts{0, 0, 2, 0, 0});
    CHECK(preview.messages.unchanged == 2);
    CHECK(preview.reminders.unchanged == 2);
    CHECK(preview.settings == MergeOutcome::unchanged);
    CHECK_FALSE(preview.changes_anything);
    CHECK(text_of(merge_journals(journal, journal)) == text_of(journal));
}

TEST_CASE("new records are added after the current ones, in incoming order") {
    Journal current;
    current.reflections = {reflection("a", 10, "Alpha")};
    Journal incoming;
    incoming.reflections = {reflection("c", 5, "Gamma"), reflection("b", 5, "Beta"), reflection("a", 10, "Alpha")};
    incoming.contacts = {contact("k", 1, "Jörg")};
    const ImportPreview preview = preview_import(current, incoming);
    CHECK(preview.reflections == ImportCounts{2, 0, 1, 0, 0});
    CHECK(preview.contacts.added == 1);
    CHECK(preview.changes_anything);
    const Journal merged = merge_journals(current, incoming);
    REQUIRE(merged.reflections.size() == 3);
    CHECK(merged.reflections[0].meta.id == "a");
    CHECK(merged.reflections[1].meta.id == "c");
    CHECK(merged.reflections[2].meta.id == "b");
    CHECK(merged.contacts.at(0).name == "Jörg");
}

TEST_CASE("the newer copy wins, whichever side it is on") {
    Journal current;
    current.reflections = {reflection("a", 100, "current newer"), reflection("b", 100, "current older")};
    Journal incoming;
    incoming.reflections = {reflection("a", 50, "incoming older"), reflection("b", 200, "incoming newer")};
    const ImportPreview preview = preview_import(current, incoming);
    CHECK(preview.reflections == ImportCounts{0, 1, 0, 1, 0});
    const Journal merged = merge_journals(current, incoming);
    CHECK(merged.reflections[0].company == "current newer");
    CHECK(merged.reflections[1].company == "incoming newer");
}

TEST_CASE("the trash state follows the winning copy") {
    Reflection trashed = reflection("a", 200, "Müller");
    trashed.meta.deleted = at(200);
    Reflection restored = reflection("a", 300, "Müller");  // taken out of the trash later

    Journal current;
    current.reflections = {reflection("a", 100, "Müller")};
    Journal incoming;
    incoming.reflections = {trashed};
    CHECK(merge_journals(current, incoming).reflections.at(0).meta.deleted.has_value());

    Journal later;
    later.reflections = {restored};
    CHECK_FALSE(merge_journals(merge_journals(current, incoming), later).reflections.at(0).meta.deleted.has_value());

    Journal older_trash;
    older_trash.reflections = {reflection("a", 50, "Müller")};
    older_trash.reflections[0].meta.deleted = at(50);
    CHECK_FALSE(merge_journals(current, older_trash).reflections.at(0).meta.deleted.has_value());
}

TEST_CASE("a tie on time with different content is a conflict resolved the same way from both sides") {
    Journal a;
    a.contacts = {contact("k", 100, "Jörg Weiß")};
    Journal b;
    b.contacts = {contact("k", 100, "Joerg Weiss")};
    CHECK(preview_import(a, b).contacts == ImportCounts{0, 0, 0, 0, 1});
    CHECK(preview_import(b, a).contacts == ImportCounts{0, 0, 0, 0, 1});
    const Journal ab = merge_journals(a, b);
    const Journal ba = merge_journals(b, a);
    CHECK(ab.contacts.at(0).name == ba.contacts.at(0).name);
    // Exactly one side changes: the one whose copy lost.
    CHECK(preview_import(a, b).changes_anything != preview_import(b, a).changes_anything);
}

TEST_CASE("merging is idempotent") {
    Journal current = sample_journal();
    Journal incoming = sample_journal();
    incoming.reflections[0].company = "Müller & Söhne AG";
    incoming.reflections[0].meta.modified.unix_ms += 1000;
    incoming.reflections[1].meta.modified.unix_ms -= 1000;
    incoming.reflections[1].company = "older";
    incoming.contacts.push_back(contact("new-contact", 5, "سارة"));
    current.messages[1].meta.modified.unix_ms += 60'000;  // trashing a record is a change like any other
    current.messages[1].meta.deleted = current.messages[1].meta.modified;
    incoming.settings.modified.unix_ms += 1;
    incoming.settings.search_location = "Milano";

    const Journal once = merge_journals(current, incoming);
    const Journal twice = merge_journals(once, incoming);
    CHECK(text_of(twice) == text_of(once));
    CHECK_FALSE(preview_import(once, incoming).changes_anything);
    CHECK(once.settings.search_location == "Milano");
    CHECK(once.reflections[0].company == "Müller & Söhne AG");
    CHECK(once.reflections[1].company == "Bottega Ricci S.r.l.");
    CHECK(once.messages[1].meta.deleted.has_value());
}

TEST_CASE("merging is commutative up to record order") {
    Journal a;
    Journal b;
    a.reflections = {reflection("1", 10, "a1"), reflection("2", 20, "a2"), reflection("3", 30, "same"),
                     reflection("4", 40, "tie-a")};
    b.reflections = {reflection("2", 25, "b2"), reflection("1", 5, "b1"), reflection("3", 30, "same"),
                     reflection("4", 40, "tie-b"), reflection("5", 1, "b5")};
    a.contacts = {contact("k1", 1, "only a")};
    b.contacts = {contact("k2", 1, "only b")};
    a.settings.modified = at(7);
    a.settings.search_location = "Köln";
    b.settings.modified = at(9);
    b.settings.search_location = "Torino";
    CHECK(record_set(merge_journals(a, b)) == record_set(merge_journals(b, a)));
    CHECK(merge_journals(a, b).settings.search_location == "Torino");
    // and associative, so the order in which three devices' exports are imported does not matter
    Journal c;
    c.reflections = {reflection("2", 30, "c2"), reflection("6", 1, "c6")};
    CHECK(record_set(merge_journals(merge_journals(a, b), c)) == record_set(merge_journals(a, merge_journals(b, c))));
}

TEST_CASE("settings: newer wins, older is ignored, equal is unchanged") {
    Journal current;
    current.settings.modified = at(100);
    current.settings.search_location = "Köln";
    Journal incoming = current;
    CHECK(preview_import(current, incoming).settings == MergeOutcome::unchanged);
    incoming.settings.modified = at(50);
    incoming.settings.search_location = "Roma";
    CHECK(preview_import(current, incoming).settings == MergeOutcome::older_ignored);
    CHECK(merge_journals(current, incoming).settings.search_location == "Köln");
    incoming.settings.modified = at(150);
    CHECK(preview_import(current, incoming).settings == MergeOutcome::updated);
    CHECK(merge_journals(current, incoming).settings.search_location == "Roma");
}

TEST_CASE("unknown keys travel with the winning copy") {
    Journal current;
    current.reflections = {reflection("a", 100, "A"), reflection("b", 100, "B")};
    JournalExtras current_extras;
    current_extras.reflections["a"][""] = R"({"color":"red"})";
    current_extras.reflections["b"][""] = R"({"color":"blue"})";
    Journal incoming;
    incoming.reflections = {reflection("a", 200, "A2"), reflection("b", 50, "B-old"), reflection("c", 1, "C")};
    JournalExtras incoming_extras;
    incoming_extras.reflections["b"][""] = R"({"color":"green"})";
    incoming_extras.reflections["c"]["vent"] = R"({"voice":true})";
    const JournalExtras merged = merge_extras(current, current_extras, incoming, incoming_extras);
    CHECK(merged.reflections.count("a") == 0);  // the newer incoming copy had none
    CHECK(merged.reflections.at("b").at("") == R"({"color":"blue"})");
    CHECK(merged.reflections.at("c").at("vent") == R"({"voice":true})");
}

TEST_CASE("replace takes the incoming journal as it is") {
    const Journal current = sample_journal();
    Journal incoming;
    incoming.contacts = {contact("k", 1, "only")};
    CHECK(text_of(apply_import(current, incoming, ImportMode::replace)) == text_of(incoming));
    CHECK(apply_import(current, incoming, ImportMode::merge).contacts.size() == 3);
}
