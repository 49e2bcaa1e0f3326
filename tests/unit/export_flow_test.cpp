// The stepped export writes what the one-shot export writes, byte for byte, whatever its step size;
// a cancel drops it and leaves the journal as it was; later edits wait for the next export.
#include "app/export_flow.h"

#include "fixture_files.h"
#include "sample_journal.h"
#include "serialization/journal_encoder.h"
#include "serialization/journal_json.h"
#include "ui_test_support.h"

#include <doctest/doctest.h>

using namespace debrief;

namespace {

std::string stepped(const Journal& journal, const JournalExtras& extras, int units) {
    JournalEncoder encoder(journal, extras, samples::sample_export_time());
    std::size_t last = 0;
    while (true) {
        int left = units;
        const bool more = encoder.step([&] { return --left > 0; });
        CHECK(encoder.records_done() >= last);
        CHECK(encoder.records_done() <= encoder.records_total());
        last = encoder.records_done();
        if (!more) break;
    }
    CHECK(encoder.records_done() == encoder.records_total());
    return encoder.take_text();
}

}  // namespace

TEST_CASE("a stepped encode writes the same bytes as encode_journal") {
    const DecodedJournal unknown = decode_journal(samples::read_fixture("journal-v1-unknown-fields.json")).value();
    const std::pair<Journal, JournalExtras> cases[] = {
        {samples::sample_journal(), {}}, {Journal{}, {}}, {unknown.journal, unknown.extras}};
    for (const auto& [journal, extras] : cases) {
        const std::string expected = encode_journal(journal, extras, samples::sample_export_time());
        for (const int units : {1, 3, 1000}) {
            CAPTURE(units);
            CHECK(stepped(journal, extras, units) == expected);
        }
    }
}

TEST_CASE("the stepped export is the journal as it is when ready, named as export_json names it") {
    test::FixedEnvironment env;
    App app(env);
    const std::string first = app.create_reflection();
    app.update_reflection(first, [](Reflection& r) { r.company = "Before the export"; });
    ExportFlow& flow = app.export_flow();
    flow.start(app);
    REQUIRE(flow.busy());
    flow.step(app, [] { return false; });  // one unit: the envelope
    flow.step(app, [] { return false; });
    // An edit while the file is prepared starts it again: the file is never part old, part new.
    app.update_reflection(first, [](Reflection& r) { r.company = "After"; });
    int steps = 0;
    while (flow.step(app, [] { return false; })) ++steps;
    CHECK(steps >= 1);
    CHECK_FALSE(flow.busy());
    const std::optional<ExportFile> file = flow.take_file();
    REQUIRE(file);
    CHECK(file->name == app.export_json().name);
    CHECK(file->mime_type == "application/json");
    const DecodedJournal decoded = decode_journal(file->bytes).value();
    REQUIRE(decoded.journal.reflections.size() == 1);
    CHECK(decoded.journal.reflections[0].company == "After");
    CHECK_FALSE(flow.take_file());  // once
}

TEST_CASE("cancelling an export drops it and leaves the journal as it was") {
    test::FixedEnvironment env;
    App app(env);
    app.create_reflection();
    const std::string before = encode_journal(app.journal(), app.extras(), samples::sample_export_time());
    ExportFlow& flow = app.export_flow();
    flow.start(app);
    flow.step(app, [] { return false; });
    REQUIRE(flow.progress());
    flow.cancel();
    CHECK_FALSE(flow.busy());
    CHECK_FALSE(flow.progress());
    CHECK_FALSE(flow.step(app, [] { return true; }));
    CHECK_FALSE(flow.take_file());
    CHECK(encode_journal(app.journal(), app.extras(), samples::sample_export_time()) == before);
}
