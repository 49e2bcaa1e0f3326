// Tests for core/criteria: aggregation by folded key, ranking, kinds, user choices, search phrase.
#include "core/criteria.h"

#include <doctest/doctest.h>

#include <string>

using namespace debrief;

namespace {

Reflection reflection(std::string id, Date rejected) {
    Reflection r;
    r.meta.id = std::move(id);
    r.rejected_on = rejected;
    return r;
}

void love(Reflection& r, std::string text, int weight, LovedTag tag = LovedTag::other) {
    r.loved.push_back(LovedItem{"l" + std::to_string(r.loved.size()), std::move(text), tag, weight});
}

void want(Reflection& r, std::string text, CriterionKind kind) {
    r.criteria.push_back(Criterion{"c" + std::to_string(r.criteria.size()), std::move(text), kind});
}

const ProfileEntry* entry(const Profile& p, const std::string& key) {
    for (const ProfileEntry& e : p.entries) {
        if (e.key == key) return &e;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("criteria: entries aggregate by folded, trimmed, collapsed text") {
    Reflection a = reflection("a", Date{2026, 3, 1});
    love(a, "Dog-friendly office", 4);
    love(a, "dog-friendly  OFFICE ", 2);  // same reflection: counted once, heaviest weight
    Reflection b = reflection("b", Date{2026, 6, 1});
    love(b, "  Dog-Friendly Office", 5);
    Reflection c = reflection("c", Date{2026, 9, 1});
    want(c, "Café culture", CriterionKind::nice_to_have);
    love(c, "cafe CULTURE", 1);
    const Profile p = build_profile({a, b, c}, Settings{});
    REQUIRE(p.entries.size() == 2);
    const ProfileEntry* dog = entry(p, "dog-friendly office");
    REQUIRE(dog);
    CHECK(dog->reflection_count == 2);
    CHECK(dog->total_weight == 9);
    CHECK(dog->text == "Dog-Friendly Office");  // the most recent spelling
    CHECK(dog->most_recent == Date{2026, 6, 1});
    const ProfileEntry* cafe = entry(p, "cafe culture");
    REQUIRE(cafe);
    CHECK(cafe->reflection_count == 1);
    CHECK(cafe->total_weight == 1);
    CHECK(cafe->text == "Café culture");  // the criterion's wording wins over the loved item's
}

TEST_CASE("criteria: ranking by recurrence, then weight, then recency") {
    Reflection a = reflection("a", Date{2026, 1, 1});
    love(a, "mission", 1);
    love(a, "heavy", 5);
    love(a, "old", 3);
    Reflection b = reflection("b", Date{2026, 5, 1});
    love(b, "mission", 1);
    love(b, "recent", 3);
    const Profile p = build_profile({a, b}, Settings{});
    REQUIRE(p.entries.size() == 4);
    CHECK(p.entries[0].key == "mission");  // two reflections beat any weight
    CHECK(p.entries[1].key == "heavy");
    CHECK(p.entries[2].key == "recent");  // same weight as "old", but more recent
    CHECK(p.entries[3].key == "old");
}

TEST_CASE("criteria: deleted reflections and blank texts are ignored") {
    Reflection a = reflection("a", Date{2026, 1, 1});
    love(a, "   ", 5);
    want(a, "", CriterionKind::must_have);
    Reflection gone = reflection("gone", Date{2026, 2, 1});
    love(gone, "secret", 5);
    gone.meta.deleted = Timestamp{1, 0};
    CHECK(build_profile({a, gone}, Settings{}).entries.empty());
}

TEST_CASE("criteria: default kind is the most common stated kind, else nice-to-have") {
    Reflection a = reflection("a", Date{2026, 1, 1});
    want(a, "Remote", CriterionKind::must_have);
    want(a, "Agency", CriterionKind::deal_breaker);
    love(a, "Big team", 5);
    Reflection b = reflection("b", Date{2026, 2, 1});
    want(b, "remote", CriterionKind::must_have);
    want(b, "agency", CriterionKind::nice_to_have);
    Reflection c = reflection("c", Date{2026, 3, 1});
    want(c, "REMOTE", CriterionKind::nice_to_have);
    const Profile p = build_profile({a, b, c}, Settings{});
    CHECK(entry(p, "remote")->kind == CriterionKind::must_have);
    CHECK(entry(p, "remote")->kind_source == KindSource::reflections);
    CHECK(entry(p, "remote")->total_weight == 3 * criterion_default_weight);
    CHECK(entry(p, "agency")->kind == CriterionKind::deal_breaker);  // a tie goes to the stronger statement
    CHECK(entry(p, "big team")->kind == CriterionKind::nice_to_have);
    CHECK(entry(p, "big team")->kind_source == KindSource::loved_default);
}

TEST_CASE("criteria: the user's choices override, keyed by folded text") {
    Reflection a = reflection("a", Date{2026, 1, 1});
    love(a, "Start-up", 3);
    want(a, "Open plan", CriterionKind::nice_to_have);
    Settings s;
    set_profile_choice(s, "  START-UP ", CriterionKind::must_have);
    set_profile_choice(s, "open plan", CriterionKind::nice_to_have);
    set_profile_choice(s, "Open  Plan", CriterionKind::deal_breaker);  // replaces the earlier choice
    REQUIRE(s.profile_choices.size() == 2);
    CHECK(s.profile_choices[0].key == "start-up");
    Profile p = build_profile({a}, s);
    CHECK(entry(p, "start-up")->kind == CriterionKind::must_have);
    CHECK(entry(p, "start-up")->kind_source == KindSource::user_choice);
    CHECK(entry(p, "open plan")->kind == CriterionKind::deal_breaker);
    clear_profile_choice(s, "Start-Up");
    p = build_profile({a}, s);
    CHECK(entry(p, "start-up")->kind == CriterionKind::nice_to_have);
    s.profile_choices.push_back({"Open Plan", CriterionKind::must_have});  // unnormalised keys from old data
    s.profile_choices.erase(s.profile_choices.begin());
    CHECK(entry(build_profile({a}, s), "open plan")->kind == CriterionKind::must_have);
}

TEST_CASE("criteria: search_phrase puts must-haves, nice-to-haves, location and exclusions in order") {
    Reflection a = reflection("a", Date{2026, 1, 1});
    want(a, "product manager", CriterionKind::must_have);
    want(a, "mid-level", CriterionKind::must_have);
    want(a, "start-up", CriterionKind::nice_to_have);
    want(a, "dog-friendly", CriterionKind::nice_to_have);
    want(a, "agency", CriterionKind::deal_breaker);
    Reflection b = reflection("b", Date{2026, 2, 1});
    want(b, "Product Manager", CriterionKind::must_have);
    Settings s;
    s.search_location = "Seattle";
    const Profile p = build_profile({a, b}, s);
    CHECK(search_phrase(p, s) == "\"Product Manager\" mid-level dog-friendly start-up Seattle -agency");
}

TEST_CASE("criteria: search_phrase limits, quoting, de-duplication and UTF-8") {
    Reflection a = reflection("a", Date{2026, 1, 1});
    want(a, "Teilzeit", CriterionKind::must_have);
    want(a, "say \"hi\" culture", CriterionKind::must_have);
    want(a, "München", CriterionKind::must_have);
    want(a, "عمل عن بعد", CriterionKind::nice_to_have);
    want(a, "Zeitarbeit Firma", CriterionKind::deal_breaker);
    Settings s;
    s.search_location = "  munchen ";
    const Profile p = build_profile({a}, s);
    const std::string phrase = search_phrase(p, s);
    CHECK(phrase.find("\"say hi culture\"") != std::string::npos);
    CHECK(phrase.find("\"عمل عن بعد\"") != std::string::npos);
    CHECK(phrase.find("-\"Zeitarbeit Firma\"") != std::string::npos);
    CHECK(phrase.find("München") != std::string::npos);
    CHECK(phrase.find("munchen") == std::string::npos);  // the location repeats a must-have
    PhraseLimits limits;
    limits.must_haves = 1;
    limits.nice_to_haves = 0;
    limits.exclusions = 0;
    CHECK(search_phrase(p, s, limits) == "München");  // the top must-have; the location repeats it
    CHECK(search_phrase(Profile{}, Settings{}).empty());
}
