// The stepped import: the same preview as a one-shot import, progress that only moves forward, and a
// cancel at any point that leaves the journal exactly as it was.
#include "app/import_flow.h"

#include "sample_journal.h"
#include "serialization/journal_json.h"
#include "ui_test_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace debrief;

namespace {

std::string many_reflections(int n) {
    Journal j = samples::sample_journal();
    const Reflection original = j.reflections.front();
    j.reflections.clear();
    for (int i = 0; i < n; ++i) {
        Reflection r = original;
        r.meta.id = "00000000-0000-4000-8000-" + std::to_string(100000000000LL + i);
        j.reflections.push_back(r);
    }
    return encode_journal(j, samples::sample_export_time());
}

// Reads `text` in `chunks` reports, then steps `units` units at a time; returns the fractions seen.
std::vector<double> import_stepped(App& app, const std::string& text, int chunks, int units) {
    ImportFlow& flow = app.import_flow();
    std::vector<double> fractions;
    const int serial = flow.begin_reading("big.json", static_cast<long long>(text.size()));
    for (int i = 1; i <= chunks; ++i) {
        REQUIRE(flow.still_reading(serial));
        flow.reading_progress(static_cast<long long>(text.size()) * i / chunks);
        REQUIRE(flow.progress());
        CHECK(flow.progress()->phase == ImportProgress::Phase::reading);
        fractions.push_back(flow.progress()->fraction);
    }
    flow.start("big.json", text);
    while (flow.busy()) {
        fractions.push_back(flow.progress()->fraction);
        int left = units;
        flow.step(app, [&] { return --left > 0; });
    }
    return fractions;
}

std::string counts_of(const ImportPreview& p) {
    const auto c = [](const ImportCounts& k) {
        return std::to_string(k.added) + "/" + std::to_string(k.updated) + "/" + std::to_string(k.unchanged) + "/" +
               std::to_string(k.older_ignored) + "/" + std::to_string(k.conflicts);
    };
    return c(p.reflections) + " " + c(p.contacts) + " " + c(p.messages) + " " + c(p.reminders) + " " +
           std::to_string(p.changes_anything) + " people " + std::to_string(p.people.size());
}

}  // namespace

TEST_CASE("a stepped import previews what a one-shot import previews") {
    test::FixedEnvironment env;
    App app(env);
    app.create_reflection();
    const std::string text = many_reflections(120);
    app.import_flow().receive(app, "big.json", text);
    REQUIRE(app.import_flow().pending());
    const std::string expected = counts_of(app.import_flow().pending()->preview);
    const Journal expected_journal = app.import_flow().pending()->journal;
    app.import_flow().cancel();
    for (const int units : {1, 5, 1000}) {
        CAPTURE(units);
        import_stepped(app, text, 7, units);
        REQUIRE(app.import_flow().pending());
        CHECK(counts_of(app.import_flow().pending()->preview) == expected);
        CHECK(encode_journal(app.import_flow().pending()->journal, samples::sample_export_time()) ==
              encode_journal(expected_journal, samples::sample_export_time()));
        CHECK(app.import_flow().pending()->file_name == "big.json");
        app.import_flow().cancel();
    }
}

TEST_CASE("import progress only moves forward and ends full") {
    test::FixedEnvironment env;
    App app(env);
    const std::vector<double> fractions = import_stepped(app, many_reflections(80), 5, 3);
    REQUIRE(fractions.size() > 20);
    for (std::size_t i = 1; i < fractions.size(); ++i) {
        CAPTURE(i);
        CHECK(fractions[i] >= fractions[i - 1]);
    }
    CHECK(fractions.front() > 0.0);
    CHECK(fractions.back() <= 1.0);
    CHECK_FALSE(app.import_flow().progress());
    CHECK(app.import_flow().pending());
}

TEST_CASE("cancelling an import at any point leaves the journal untouched and nothing pending") {
    test::FixedEnvironment env;
    App app(env);
    app.create_reflection();
    const std::string before = encode_journal(app.journal(), app.extras(), samples::sample_export_time());
    const std::string text = many_reflections(40);
    ImportFlow& flow = app.import_flow();
    for (int cancel_after = 0; cancel_after < 60; cancel_after += 3) {
        CAPTURE(cancel_after);
        const int serial = flow.begin_reading("big.json", static_cast<long long>(text.size()));
        flow.reading_progress(10);
        if (cancel_after > 0) {
            flow.start("big.json", text);
            for (int i = 0; i < cancel_after && flow.busy(); ++i) flow.step(app, [] { return false; });
        }
        flow.cancel();
        CHECK_FALSE(flow.still_reading(serial));  // the platform stops reading and drops the bytes
        CHECK_FALSE(flow.busy());
        CHECK_FALSE(flow.pending());
        CHECK(flow.error().empty());
        CHECK(encode_journal(app.journal(), app.extras(), samples::sample_export_time()) == before);
        flow.apply(app, ImportFlow::Mode::replace);  // nothing to apply
        CHECK(encode_journal(app.journal(), app.extras(), samples::sample_export_time()) == before);
    }
}

TEST_CASE("a file picked while another is read replaces that read") {
    test::FixedEnvironment env;
    App app(env);
    ImportFlow& flow = app.import_flow();
    const int first = flow.begin_reading("a.json", 100);
    const int second = flow.begin_reading("b.json", 200);
    CHECK_FALSE(flow.still_reading(first));
    CHECK(flow.still_reading(second));
    flow.reading_progress(50);
    flow.reading_progress(20);  // a late report never moves the bar back
    CHECK(flow.progress()->done == 50);
    CHECK(flow.progress()->total == 200);
}

TEST_CASE("a file that fails late in its records ends the import with the error and no preview") {
    test::FixedEnvironment env;
    App app(env);
    std::string text = many_reflections(50);
    const std::string last_id = "00000000-0000-4000-8000-100000000049";
    text.replace(text.rfind(last_id), last_id.size(), "00000000-0000-4000-8000-100000000000");
    import_stepped(app, text, 2, 4);
    CHECK_FALSE(app.import_flow().pending());
    CHECK_FALSE(app.import_flow().busy());
    CHECK(app.import_flow().error().find("reflections[49]") != std::string::npos);
}

TEST_CASE("a large file's merge runs in steps, swaps the journal in one piece and keeps edits made meanwhile") {
    test::FixedEnvironment env;
    std::string text = many_reflections(120);
    while (static_cast<long long>(text.size()) < ImportFlow::small_file_bytes) text = many_reflections(240);

    // The one-shot merge, for comparison.
    App once(env);
    const std::string mine = once.create_reflection();
    once.import_flow().receive(once, "big.json", text);
    once.import_flow().apply(once, ImportFlow::Mode::merge);
    // Everything but the reflection edited during the merge below.
    const auto others = [&mine](Journal j) {
        j.reflections.erase(std::remove_if(j.reflections.begin(), j.reflections.end(),
                                           [&](const Reflection& r) { return r.meta.id == mine; }),
                            j.reflections.end());
        return encode_journal(j, samples::sample_export_time());
    };
    const std::string expected = others(once.journal());

    test::FixedEnvironment env2;
    App app(env2);
    REQUIRE(app.create_reflection() == mine);
    ImportFlow& flow = app.import_flow();
    flow.receive(app, "big.json", text);
    REQUIRE(flow.pending());
    const std::string before = encode_journal(app.journal(), app.extras(), samples::sample_export_time());
    flow.begin_apply(app, ImportFlow::Mode::merge);
    REQUIRE(flow.busy());
    int steps = 0;
    double last = 0.0;
    while (flow.busy() && steps < 40) {
        CHECK(flow.progress()->phase == ImportProgress::Phase::merging);
        CHECK(flow.progress()->fraction >= last);
        last = flow.progress()->fraction;
        // Nothing of the file reaches the journal before the swap.
        CHECK(encode_journal(app.journal(), app.extras(), samples::sample_export_time()) == before);
        flow.step(app, [] { return false; });
        ++steps;
    }
    REQUIRE(flow.busy());
    // A cancel stops only the merge: the preview is back, the journal as it was.
    flow.cancel();
    CHECK_FALSE(flow.busy());
    REQUIRE(flow.pending());
    CHECK(encode_journal(app.journal(), app.extras(), samples::sample_export_time()) == before);

    // Merging again; an edit half-way is kept (the merge starts again on the edited journal).
    flow.begin_apply(app, ImportFlow::Mode::merge);
    for (int i = 0; i < 30; ++i) flow.step(app, [] { return false; });
    app.update_reflection(mine, [](Reflection& r) { r.company = "Typed during the merge"; });
    while (flow.busy()) flow.step(app, [] { return false; });
    CHECK_FALSE(flow.pending());
    CHECK(app.journal().reflections.size() == once.journal().reflections.size());
    CHECK(app.find_reflection(mine)->company == "Typed during the merge");
    CHECK(others(app.journal()) == expected);
}
