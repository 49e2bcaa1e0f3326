// Tests for core/search: what is searched, AND semantics, folding, filters, the cache and speed.
#include "core/search.h"

#include "core/text.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

using namespace debrief;

namespace {

Reflection make(std::string id, std::string company, std::string role) {
    Reflection r;
    r.meta.id = std::move(id);
    r.meta.modified = Timestamp{1000, 0};
    r.company = std::move(company);
    r.role = std::move(role);
    return r;
}

std::vector<Reflection> sample() {
    std::vector<Reflection> all;
    Reflection a = make("a", "Nordlicht GmbH", "Product Designer");
    a.location = "München";
    a.vent.letter = "Ich bin enttäuscht, aber es geht weiter.";
    a.loved.push_back(LovedItem{"l", "Dog-friendly office", LovedTag::place, 4});
    a.stage = Stage::final_round;
    all.push_back(a);
    Reflection b = make("b", "شركة النور", "مصمم منتجات");
    b.reflect.tripped_questions = "سؤال عن الرَّاتب";
    b.ending = Ending::ghosted;
    all.push_back(b);
    Reflection c = make("c", "Acme", "Data Analyst");
    c.wins.push_back(Win{"w", "My SQL portfolio impressed them", true});
    c.army.push_back(ArmyMember{"m", "Giulia Rossi", "", true});
    c.vent.emotions = {"hopeful"};
    c.criteria.push_back(Criterion{"k", "Remote-friendly", CriterionKind::must_have});
    c.resilience.next_action = "Practise case interviews";
    all.push_back(c);
    Reflection d = make("d", "Acme", "Product Designer");
    d.meta.deleted = Timestamp{2000, 0};
    d.rejection_message = "We went with another candidate.";
    all.push_back(d);
    return all;
}

std::vector<std::size_t> find(const std::vector<Reflection>& all, std::string_view query, const Filter& filter = {}) {
    Journal j;
    j.reflections = all;
    return search_reflections(j, query, filter);
}

using Hits = std::vector<std::size_t>;

}  // namespace

TEST_CASE("search: finds text in every part of a reflection") {
    const auto all = sample();
    CHECK(find(all, "nordlicht") == Hits{0});
    CHECK(find(all, "MÜNCHEN") == Hits{0});
    CHECK(find(all, "enttauscht") == Hits{0});
    CHECK(find(all, "dog-friendly") == Hits{0});
    CHECK(find(all, "portfolio") == Hits{2});
    CHECK(find(all, "giulia") == Hits{2});
    CHECK(find(all, "remote") == Hits{2});
    CHECK(find(all, "case interviews") == Hits{2});
    CHECK(find(all, "Hopeful") == Hits{2});  // emotions by key and by name
    CHECK(find(all, "الراتب") == Hits{1});   // tashkeel in the text does not get in the way
    CHECK(find(all, "النور") == Hits{1});
}

TEST_CASE("search: all words must match, in any order and field") {
    const auto all = sample();
    CHECK(find(all, "designer munchen") == Hits{0});
    CHECK(find(all, "  munchen   DESIGNER ") == Hits{0});
    CHECK(find(all, "designer berlin").empty());
    CHECK(find(all, "acme") == Hits{2});
    CHECK(find(all, "\"product designer\"") == Hits{0});
    CHECK(find(all, "\"designer product\"").empty());
}

TEST_CASE("search: an empty query lists everything the filter lets through") {
    const auto all = sample();
    CHECK(find(all, "") == Hits{0, 1, 2});
    CHECK(find(all, "   ") == Hits{0, 1, 2});
}

TEST_CASE("search: filters by ending, stage and trash") {
    const auto all = sample();
    Filter f;
    f.include_deleted = true;
    CHECK(find(all, "acme", f) == Hits{2, 3});
    CHECK(find(all, "another candidate", f) == Hits{3});
    f = Filter{};
    f.ending = Ending::ghosted;
    CHECK(find(all, "", f) == Hits{1});
    f = Filter{};
    f.stage = Stage::final_round;
    CHECK(find(all, "", f) == Hits{0});
    CHECK(matches_filter(all[2], Filter{}));
    CHECK_FALSE(matches_filter(all[3], Filter{}));
}

TEST_CASE("search: query_terms splits words and keeps quoted phrases") {
    CHECK(query_terms("  Grüße  AUS \"Köln  Süd\" x") == std::vector<std::string>{"grusse", "aus", "koln sud", "x"});
    CHECK(query_terms("\"unclosed phrase") == std::vector<std::string>{"unclosed phrase"});
    CHECK(query_terms("").empty());
}

TEST_CASE("search: searchable_text keeps fields apart") {
    Reflection r = make("x", "Acme", "Lead");
    const std::string text = searchable_text(r);
    CHECK(text == "acme\nlead");
    Journal j;
    j.reflections = {r};
    CHECK(search_reflections(j, "acmelead", {}).empty());
}

TEST_CASE("search: every substring is found, at the edges too, and nothing else") {
    Reflection r = make("x", "Zürich Kaffee", "مصمم");
    r.army_note = "end-zq";
    std::vector<Reflection> all{r};
    const std::string text = searchable_text(r);
    SearchIndex index;
    for (std::size_t start = 0; start < text.size(); ++start) {
        for (std::size_t length = 1; length <= 7 && start + length <= text.size(); ++length) {
            const std::string term = text.substr(start, length);
            if (term.find_first_of(" \n\"") != std::string::npos || !is_valid_utf8(term)) continue;
            CAPTURE(term);
            CHECK(index.search(all, term, {}) == Hits{0});
            const std::string missing = term + "#";
            CHECK(index.search(all, missing, {}).empty() == (text.find(missing) == std::string::npos));
        }
    }
    CHECK(index.search(all, "zq", {}) == Hits{0});
    CHECK(index.search(all, "end-zqx", {}).empty());
    CHECK(index.search(all, "xzurich", {}).empty());
}

TEST_CASE("search: the index re-folds only reflections that changed") {
    auto all = sample();
    SearchIndex index;
    CHECK(index.search(all, "acme", {}) == Hits{2});
    CHECK(index.last_refolded() == all.size());
    CHECK(index.search(all, "nordlicht", {}) == Hits{0});
    CHECK(index.last_refolded() == 0);

    all[2].company = "Globex";
    CHECK(index.search(all, "globex", {}).empty());  // unchanged timestamp: the cache is trusted
    all[2].meta.modified = Timestamp{5000, 0};
    CHECK(index.search(all, "globex", {}) == Hits{2});
    CHECK(index.last_refolded() == 1);

    std::swap(all[0], all[1]);  // reordering costs nothing and indices follow the new order
    CHECK(index.search(all, "nordlicht", {}) == Hits{1});
    CHECK(index.last_refolded() == 0);
    all.push_back(make("e", "Initech", "Tester"));
    CHECK(index.search(all, "initech", {}) == Hits{4});
    CHECK(index.last_refolded() == 1);
    all.erase(all.begin());
    CHECK(index.search(all, "initech", {}) == Hits{3});
}

TEST_CASE("search: an empty query folds nothing") {
    const auto all = sample();
    SearchIndex index;
    const auto live = static_cast<std::size_t>(
        std::count_if(all.begin(), all.end(), [](const Reflection& r) { return !r.meta.deleted; }));
    CHECK(index.search(all, "", {}).size() == live);
    CHECK(index.last_refolded() == 0);
    CHECK(index.search(all, "acme", {}) == Hits{2});
    CHECK(index.last_refolded() == all.size());
}

TEST_CASE("search: each keystroke gives what a fresh search gives, also when narrowing is not allowed") {
    auto all = sample();
    SearchIndex index;
    const auto fresh = [&](const std::string& query, const Filter& filter) {
        Journal journal;
        journal.reflections = all;
        return search_reflections(journal, query, filter);
    };
    std::string query;
    for (const char c : std::string("nordlicht gmbh")) {
        query += c;
        CAPTURE(query);
        CHECK(index.search(all, query, {}) == fresh(query, {}));
    }
    // Backspace widens the query again: every row is searched.
    for (int i = 0; i < 6; ++i) {
        query.pop_back();
        CAPTURE(query);
        CHECK(index.search(all, query, {}) == fresh(query, {}));
    }
    // An edit between two keystrokes: a row that did not match before may match now.
    CHECK(index.search(all, "glob", {}).empty());
    all[2].company = "Globex";
    all[2].meta.modified = Timestamp{5000, 0};
    CHECK(index.search(all, "globe", {}) == Hits{2});
    // A different filter is not a narrowing either.
    Filter trashed;
    trashed.include_deleted = true;
    CHECK(index.search(all, "globex", trashed) == fresh("globex", trashed));
}

TEST_CASE("search: with a journal revision, rows are re-checked only when the revision moves") {
    auto all = sample();
    SearchIndex index;
    CHECK(index.search(all, 1, "acme", {}) == Hits{2});
    all[2].company = "Globex";
    all[2].meta.modified = Timestamp{5000, 0};
    CHECK(index.search(all, 1, "globex", {}).empty());  // same revision: the cache is trusted
    CHECK(index.search(all, 2, "globex", {}) == Hits{2});
    CHECK(index.last_refolded() == 1);
    CHECK(index.search(all, "globex", {}) == Hits{2});  // without a revision: checked row by row
}

TEST_CASE("search: duplicate ids in damaged data still search each copy") {
    std::vector<Reflection> all{make("same", "Alpha", "x"), make("same", "Beta", "y")};
    all[1].meta.modified = Timestamp{9, 0};
    SearchIndex index;
    CHECK(index.search(all, "alpha", {}) == Hits{0});
    CHECK(index.search(all, "beta", {}) == Hits{1});
    CHECK(index.search(all, "alpha", {}) == Hits{0});
}

// Speed is measured by bench/ (debrief_bench), not here: timed unit tests fail on a busy machine.
TEST_CASE("search: among 10,000 reflections exactly the one holding the needle is found") {
    std::vector<Reflection> all;
    all.reserve(10'000);
    std::uint32_t seed = 12345;
    const std::vector<std::string> words{"team",   "interview", "Gespräch", "product", "design",    "feedback",
                                         "salary", "portfolio", "مقابلة",   "lavoro",  "candidate", "remote",
                                         "Zürich", "mission",   "growth",   "senior",  "question",  "café"};
    const auto sentence = [&](int length) {
        std::string s;
        for (int i = 0; i < length; ++i) {
            seed = seed * 1'103'515'245u + 12'345u;
            s += words[(seed >> 16) % words.size()];
            s += ' ';
        }
        return s;
    };
    for (int i = 0; i < 10'000; ++i) {
        Reflection r = make("id-" + std::to_string(i), "Company " + std::to_string(i), sentence(3));
        r.vent.letter = sentence(80);
        r.reflect.went_well = sentence(30);
        r.reflect.do_better = sentence(30);
        r.wins.push_back(Win{"w", sentence(10), i % 2 == 0});
        r.loved.push_back(LovedItem{"l", sentence(5), LovedTag::team, 3});
        all.push_back(std::move(r));
    }
    all[7777].army_note = "zyxwvut needle";

    SearchIndex index;
    CHECK(index.search(all, "zyxwvut needle", {}) == Hits{7777});
    CHECK(index.search(all, "interview nothinglikethis", {}).empty());
    CHECK(index.search(all, "zyxwvut", {}) == Hits{7777});
}

TEST_CASE("search: German, Italian and Arabic journal words are found as people type them") {
    std::vector<Reflection> all;
    Reflection a = make("a", "Müller & Söhne", "Produktmanagerin");
    a.location = "Düsseldorf";
    a.vent.letter = "Das Vorstellungsgespräch lief gut, aber die Absage kam per Mail. Grüße an mich selbst.";
    a.reflect.tripped_questions = "Die Frage nach der Gehaltsvorstellung; Straße und Hausnummer falsch";
    all.push_back(a);
    Reflection b = make("b", "Società Benefit Srl", "Responsabile qualità");
    b.vent.letter = "Perché non mi hanno scelto? Il colloquio è andato bene, però.";
    all.push_back(b);
    Reflection c = make("c", "شركة النُّور للتقنية", "مديرة مُنتَجات");
    c.vent.letter = "كانت المقابلة الأخيرة صعبةً، وسألوني عن إدارة الفريق";
    c.reflect.tripped_questions = "سؤال عن الراتب المتوقّع";
    all.push_back(c);

    // German: ß and ss, umlauts typed plainly or as ae/oe/ue.
    CHECK(find(all, "strasse") == Hits{0});
    CHECK(find(all, "Muller") == Hits{0});
    CHECK(find(all, "mueller soehne") == Hits{0});
    CHECK(find(all, "Duesseldorf") == Hits{0});
    CHECK(find(all, "vorstellungsgesprach") == Hits{0});
    CHECK(find(all, "Vorstellungsgespraech") == Hits{0});
    CHECK(find(all, "gruesse") == Hits{0});
    // Italian accents.
    CHECK(find(all, "perche") == Hits{1});
    CHECK(find(all, "qualita societa") == Hits{1});
    CHECK(find(all, "colloquio e andato") == Hits{1});
    // Arabic: tashkeel ignored, alef forms, ta marbuta and alef maqsura folded.
    CHECK(find(all, "النور") == Hits{2});
    CHECK(find(all, "منتجات") == Hits{2});
    CHECK(find(all, "مديره") == Hits{2});
    CHECK(find(all, "الاخيرة") == Hits{2});
    CHECK(find(all, "اداره الفريق") == Hits{2});
    CHECK(find(all, "المتوقع") == Hits{2});
    CHECK(find(all, "صعبة") == Hits{2});
    // And nothing else: a word from one reflection does not find another.
    CHECK(find(all, "Absage") == Hits{0});
    CHECK(find(all, "الراتب Mail").empty());
}
