// Tests for core/criteria and core/keywords: aggregation by folded key, ranking, kinds, user choices,
// keywords, merges of near-duplicates, and the search as a query and as a sentence.
#include "core/criteria.h"

#include "core/keywords.h"

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

namespace {

// Two roles, three must-haves (one with the user's own keyword), a location, two deal-breakers.
Profile designer_profile(Settings& s) {
    Reflection a = reflection("a", Date{2026, 1, 1});
    a.role = "UX designer";
    want(a, "Remote-friendly, with a hub in Berlin", CriterionKind::must_have);
    want(a, "Climate-focused mission", CriterionKind::must_have);
    want(a, "Unpaid take-home tasks", CriterionKind::deal_breaker);
    want(a, "Good coffee", CriterionKind::nice_to_have);
    Reflection b = reflection("b", Date{2026, 3, 1});
    b.role = "Product  designer";
    want(b, "A small, senior design team that critiques work together every week", CriterionKind::must_have);
    want(b, "Agency work", CriterionKind::deal_breaker);
    Reflection c = reflection("c", Date{2026, 2, 1});
    c.role = "ux DESIGNER";  // the same role as a's, written another way
    s.search_location = "Berlin";
    set_profile_keyword(s, "a small, senior design team that critiques work together every week", " design  critique ");
    return build_profile({a, b, c}, s);
}

}  // namespace

TEST_CASE("criteria: the query ORs the roles, ANDs must-haves and place, NOTs deal-breakers") {
    Settings s;
    const Profile p = designer_profile(s);
    REQUIRE(p.roles.size() == 2);
    CHECK(p.roles[0] == "Product designer");  // the most recent reflection first
    CHECK(p.roles[1] == "ux DESIGNER");       // the latest spelling of the same role
    const SearchParts parts = search_parts(p, s);
    CHECK(search_query(parts) ==
          "(\"Product designer\" OR \"ux DESIGNER\") AND \"design critique\" AND climate AND remote AND Berlin "
          "NOT agency NOT unpaid");
    CHECK(describe_search(parts, Language::en) ==
          "Product designer or ux DESIGNER roles in Berlin that mention design critique, climate and remote. "
          "Leaving out anything that mentions agency or unpaid.");
}

TEST_CASE("criteria: the readable sentence has one whole sentence for each combination of parts") {
    SearchParts parts;
    CHECK(describe_search(parts, Language::en).empty());
    CHECK(search_query(parts).empty());
    parts.exclusions = {"agency"};
    CHECK(search_query(parts).empty());  // "NOT agency" alone searches for nothing
    parts.location = "Milano";
    CHECK(describe_search(parts, Language::en) == "Jobs in Milano. Leaving out anything that mentions agency.");
    parts.exclusions.clear();
    parts.musts = {"part-time"};
    CHECK(describe_search(parts, Language::en) == "Jobs in Milano that mention part-time.");
    parts.location.clear();
    parts.roles = {"editor"};
    CHECK(describe_search(parts, Language::en) == "Editor roles that mention part-time.");
    CHECK(search_query(parts) == "editor AND part-time");
    parts.musts.clear();
    CHECK(describe_search(parts, Language::en) == "Editor roles.");
}

TEST_CASE("criteria: query terms are quoted when they have spaces or read as operators") {
    SearchParts parts;
    parts.musts = {"NOT", "say hi", "München"};
    parts.exclusions = {"عمل عن بعد"};
    CHECK(search_query(parts) == "\"NOT\" AND \"say hi\" AND München NOT \"عمل عن بعد\"");
    Reflection a = reflection("a", Date{2026, 1, 1});
    a.role = "Editor (\"senior\")";
    want(a, "München", CriterionKind::must_have);
    Settings s;
    s.search_location = "  munchen ";  // repeats the must-have: kept once
    CHECK(search_query(search_parts(build_profile({a}, s), s)) == "\"Editor senior\" AND München");
}

TEST_CASE("criteria: limits keep the top-ranked terms, and nice-to-haves stay out of the query") {
    Settings s;
    const Profile p = designer_profile(s);
    SearchLimits limits;
    limits.roles = 1;
    limits.must_haves = 1;
    limits.exclusions = 0;
    CHECK(search_query(search_parts(p, s, limits)) == "\"Product designer\" AND \"design critique\" AND Berlin");
    CHECK(search_query(search_parts(p, s)).find("coffee") == std::string::npos);
}

TEST_CASE("keywords: known job-search terms win, in the text's own language") {
    CHECK(suggest_keyword("Remote-friendly, with a hub in Berlin") == "remote");
    CHECK(suggest_keyword("Work from home twice a week") == "remote");
    CHECK(suggest_keyword("PART TIME, ideally") == "part-time");
    CHECK(suggest_keyword("Unpaid take-home tasks") == "unpaid");
    CHECK(suggest_keyword("Teilzeit möglich, mit netten Kollegen") == "Teilzeit");
    CHECK(suggest_keyword("Eine 4-Tage-Woche") == "4-Tage-Woche");
    CHECK(suggest_keyword("Lavoro da remoto due giorni a settimana") == "remoto");
    CHECK(suggest_keyword("Tempo parziale") == "part-time");
    CHECK(suggest_keyword("العمل عن بعد مع فريق صغير") == "عن بعد");
    CHECK(suggest_keyword("دوام جزئي") == "دوام جزئي");
}

TEST_CASE("keywords: otherwise the longest words left once stopwords and generic words go") {
    // Two words only as written together: "senior critiques" read as nonsense.
    CHECK(suggest_keyword("A small, senior design team that critiques work together every week") == "senior design");
    CHECK(suggest_keyword("Portfolios, critiques") == "portfolios");  // a comma parts them
    // German: without its article an adjective reads wrong ("herzliche Designteam"); the noun stays.
    CHECK(suggest_keyword("Das herzliche Designteam") == "Designteam");
    CHECK(suggest_keyword("Ein freundliches Ärzteteam") == "Ärzteteam");
    CHECK(suggest_keyword("Critiques every week") == "critiques");  // not the sentence's capital
    // A number word is not what a job board matches: "one hour" once won over "commute".
    CHECK(suggest_keyword("Commute over one hour") == "commute");
    CHECK(suggest_keyword("Pendeln über zwei Stunden") == "Pendeln");
    CHECK(suggest_keyword("Tre giorni in ufficio") == "ufficio");
    CHECK(suggest_keyword("Ein Team, das sich gegenseitig unterstützt") == "gegenseitig unterstützt");
    CHECK(suggest_keyword("Nachhaltigkeit") == "Nachhaltigkeit");
    CHECK(suggest_keyword("Un team che lavora sull'accessibilità") == "accessibilità");
    CHECK(suggest_keyword("فرص للتطور المهني") == "للتطور المهني");
    CHECK(suggest_keyword("the and of").empty());
    CHECK(suggest_keyword("").empty());
}

TEST_CASE("keywords: the text's language is guessed from its stopwords, ties go to the hint") {
    CHECK(guess_text_language("Ein Team, das sich gegenseitig unterstützt") == Language::de);
    CHECK(guess_text_language("Un team che lavora con la comunità") == Language::it);
    CHECK(guess_text_language("A team that ships") == Language::en);
    CHECK(guess_text_language("فريق صغير") == Language::ar);
    CHECK(guess_text_language("Gleitzeit", Language::de) == Language::de);
    CHECK(guess_text_language("Gleitzeit", Language::it) == Language::it);
}

TEST_CASE("criteria: the user's keyword replaces the suggestion; an empty one brings it back") {
    Reflection a = reflection("a", Date{2026, 1, 1});
    want(a, "Remote-friendly, with a hub in Berlin", CriterionKind::must_have);
    want(a, "the and of", CriterionKind::must_have);
    Settings s;
    Profile p = build_profile({a}, s);
    const ProfileEntry* remote = entry(p, "remote-friendly, with a hub in berlin");
    REQUIRE(remote);
    CHECK(remote->keyword == "remote");
    CHECK_FALSE(remote->keyword_is_users);
    CHECK(entry(p, "the and of")->keyword == "the and of");  // nothing left to suggest: its own words
    set_profile_keyword(s, "Remote-friendly, with a hub in BERLIN", "remote Berlin");
    set_profile_keyword(s, "remote-friendly, with a hub in berlin", "remote hub");  // replaces the first
    REQUIRE(s.profile_keywords.size() == 1);
    p = build_profile({a}, s);
    CHECK(entry(p, "remote-friendly, with a hub in berlin")->keyword == "remote hub");
    CHECK(entry(p, "remote-friendly, with a hub in berlin")->suggested_keyword == "remote");
    set_profile_keyword(s, "remote-friendly, with a hub in berlin", "   ");
    CHECK(s.profile_keywords.empty());
}

TEST_CASE("criteria: near-duplicates are offered for merging, and the merge is remembered") {
    Reflection a = reflection("a", Date{2026, 1, 1});
    want(a, "Remote friendly", CriterionKind::must_have);
    Reflection b = reflection("b", Date{2026, 2, 1});
    want(b, "remote-friendly!", CriterionKind::must_have);
    love(b, "Remote friendly", 5);  // the same reflection names both: after the merge, one mention
    Reflection c = reflection("c", Date{2026, 3, 1});
    love(c, "Remote-Friendly", 4);
    want(c, "Mission", CriterionKind::nice_to_have);
    Settings s;
    Profile p = build_profile({a, b, c}, s);
    CHECK(word_key("remote-friendly!") == word_key("Remote  Friendly"));
    const std::vector<NearDuplicate> duplicates = near_duplicates(p);
    REQUIRE(duplicates.size() == 2);
    CHECK(duplicates[0].into == "remote friendly");  // the top-ranked spelling stays
    CHECK(duplicates[0].into_text == "Remote friendly");
    for (const NearDuplicate& d : duplicates) merge_profile_entries(s, d.key, d.into);
    REQUIRE(s.profile_merges.size() == 2);
    p = build_profile({a, b, c}, s);
    REQUIRE(p.entries.size() == 2);
    const ProfileEntry* remote = entry(p, "remote friendly");
    REQUIRE(remote);
    CHECK(remote->reflection_count == 3);
    CHECK(remote->total_weight == 3 + 5 + 4);
    CHECK(near_duplicates(p).empty());
}

TEST_CASE("criteria: merges resolve chains and never form a cycle") {
    Settings s;
    merge_profile_entries(s, "x", "y");
    merge_profile_entries(s, "Y", "z");  // x now goes straight to z
    merge_profile_entries(s, "z", "z");  // into itself: ignored
    REQUIRE(s.profile_merges.size() == 2);
    CHECK(s.profile_merges[0].into == "z");
    Reflection a = reflection("a", Date{2026, 1, 1});
    want(a, "X", CriterionKind::must_have);
    want(a, "y", CriterionKind::must_have);
    Profile p = build_profile({a}, s);
    REQUIRE(p.entries.size() == 1);
    CHECK(p.entries[0].key == "z");
    s.profile_merges = {{"a", "b"}, {"b", "a"}};  // a hand-edited cycle still terminates
    Reflection b = reflection("b", Date{2026, 1, 1});
    want(b, "A", CriterionKind::must_have);
    want(b, "B", CriterionKind::must_have);
    CHECK(build_profile({b}, s).entries.size() == 2);
}

TEST_CASE("criteria: importance in words, from the average weight where the entry came up") {
    ProfileEntry e;
    e.reflection_count = 3;
    e.total_weight = 12;
    CHECK(importance(e) == Importance::a_lot);
    e.total_weight = 9;
    CHECK(importance(e) == Importance::some);
    e.total_weight = 7;
    CHECK(importance(e) == Importance::a_little);
}
