// The stepped decoder gives what the one-shot decode gives, whatever the size of its steps, and its
// progress only moves forward.
#include "serialization/journal_decoder.h"

#include "fixture_files.h"
#include "sample_journal.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace debrief;

namespace {

// A journal of `n` copies of the sample's reflections with fresh ids, as exported.
std::string many_reflections(int n) {
    Journal j = samples::sample_journal();
    const std::vector<Reflection> originals = j.reflections;
    j.reflections.clear();
    for (int i = 0; i < n; ++i) {
        Reflection r = originals[static_cast<std::size_t>(i) % originals.size()];
        r.meta.id = "00000000-0000-4000-8000-" + std::to_string(100000000000LL + i);
        j.reflections.push_back(r);
    }
    return encode_journal(j, samples::sample_export_time());
}

// What a decode says, reduced to text: equal texts mean equal results (errors with their paths).
std::string outcome(const Result<DecodedJournal>& result) {
    if (!result) return "error at " + result.error().json_path + ": " + result.error().message;
    const DecodedJournal& d = result.value();
    std::string text = encode_journal(d.journal, d.extras, samples::sample_export_time());
    text += "\nversion " + std::to_string(d.source_version);
    for (const std::string& w : d.warnings) text += "\nwarning " + w;
    return text;
}

// Steps of `units` units each; checks the progress after every step.
Result<DecodedJournal> stepped(const std::string& text, int units) {
    JournalDecoder decoder(text);
    std::size_t last_done = 0;
    int stage = 0;
    int steps = 0;
    for (;;) {
        int left = units;
        const bool more = decoder.step([&] { return --left > 0; });
        ++steps;
        CHECK(decoder.records_done() >= last_done);
        CHECK(decoder.records_done() <= decoder.records_total());
        CHECK(static_cast<int>(decoder.stage()) >= stage);
        last_done = decoder.records_done();
        stage = static_cast<int>(decoder.stage());
        if (!more) break;
        REQUIRE(steps < 1000000);
    }
    CHECK(decoder.finished());
    return decoder.take_result();
}

std::vector<std::pair<std::string, std::string>> journals() {
    std::vector<std::pair<std::string, std::string>> all;
    all.emplace_back("sample", encode_journal(samples::sample_journal(), samples::sample_export_time()));
    all.emplace_back("empty journal", encode_journal(Journal{}, samples::sample_export_time()));
    all.emplace_back("300 reflections", many_reflections(300));
    for (const char* fixture :
         {"journal-v0.json", "journal-v1.json", "journal-v1-bom.json", "journal-v1-unknown-fields.json"})
        all.emplace_back(fixture, samples::read_fixture(fixture));
    for (const auto& entry : std::filesystem::directory_iterator(std::string(DEBRIEF_FIXTURES_DIR) + "/invalid")) {
        const std::string name = entry.path().filename().string();
        all.emplace_back(name, samples::read_fixture("invalid/" + name));
    }
    // Errors found only near the end of a long file: the last reflection's id used twice, a bad
    // date in the last record of the last list.
    std::string late_duplicate = many_reflections(300);
    const std::string first_id = "00000000-0000-4000-8000-100000000000";
    const std::string last_id = "00000000-0000-4000-8000-100000000299";
    late_duplicate.replace(late_duplicate.rfind(last_id), last_id.size(), first_id);
    all.emplace_back("duplicate id in the last reflection", late_duplicate);
    std::string late_date = many_reflections(300);
    const std::string due_key = "\"due\": \"";
    const auto due = late_date.rfind(due_key);
    REQUIRE(due != std::string::npos);
    late_date.replace(due + due_key.size(), 10, "2026-02-30");
    all.emplace_back("bad date in the last reminder", late_date);
    return all;
}

}  // namespace

TEST_CASE("a stepped decode gives exactly what decode_journal gives, for any step size") {
    for (const auto& [name, text] : journals()) {
        CAPTURE(name);
        const std::string expected = outcome(decode_journal(text));
        for (const int units : {1, 2, 7, 1000}) {
            CAPTURE(units);
            CHECK(outcome(stepped(text, units)) == expected);
        }
    }
}

TEST_CASE("errors found late in the file stay errors, named at their place") {
    for (const auto& [name, text] : journals()) {
        if (name.rfind("duplicate id in the last", 0) != 0 && name.rfind("bad date in the last", 0) != 0) continue;
        CAPTURE(name);
        const Result<DecodedJournal> result = stepped(text, 3);
        REQUIRE_FALSE(result);
        CHECK(result.error().json_path.find("[") != std::string::npos);
    }
}

TEST_CASE("the decoder counts every record once the file is parsed and reports each one done") {
    const std::string text = many_reflections(250);
    JournalDecoder decoder(text);
    CHECK(decoder.records_total() == 0);
    CHECK(decoder.stage() == JournalDecoder::Stage::parse);
    decoder.step([] { return false; });  // one unit: the parse
    CHECK(decoder.stage() == JournalDecoder::Stage::header);
    const std::size_t others = samples::sample_journal().contacts.size() + samples::sample_journal().messages.size() +
                               samples::sample_journal().reminders.size();
    CHECK(decoder.records_total() == 250 + others);
    decoder.step([] { return false; });  // the header
    CHECK(decoder.stage() == JournalDecoder::Stage::records);
    std::size_t steps = 0;
    while (decoder.step([] { return false; })) ++steps;
    CHECK(decoder.records_done() == decoder.records_total());
    CHECK(steps >= decoder.records_total());  // one record per unit: no step does them all
}
