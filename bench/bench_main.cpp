// Native micro-benchmarks of the hot logic over a large journal: search, serialization, criteria aggregation.
// Usage: debrief_bench <journal.json> [--json <out.json>] [--quick]
// The journal comes from bench/generate_journal.mjs (scripts/bench writes build/bench/journal-10000.json).
#include "harness.h"

#include "core/criteria.h"
#include "core/journal.h"
#include "core/people.h"
#include "core/search.h"
#include "serialization/journal_json.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace debrief;
using debrief::bench::Harness;

std::string read_file(const char* path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string count_note(std::size_t n, const char* what) { return std::to_string(n) + " " + what; }

void bench_serialization(Harness& h, const std::string& text, const Journal& journal) {
    h.run("serialization", "decode_journal (whole export)", [&] {
        Result<DecodedJournal> decoded = decode_journal(text);
        bench::sink = decoded ? decoded.value().journal.reflections.size() : 0;
        return count_note(bench::sink, "reflections");
    });
    const Timestamp at{1795300000000, 60};
    h.run("serialization", "encode_journal (whole export)", [&] {
        const std::string out = encode_journal(journal, at);
        bench::sink = out.size();
        return count_note(out.size(), "bytes");
    });
    // The storage path: one record document per reflection (what a full save or a load does).
    std::vector<std::string> documents;
    documents.reserve(journal.reflections.size());
    h.run("serialization", "encode_record x every reflection (full save)", [&] {
        documents.clear();
        std::size_t bytes = 0;
        for (const Reflection& r : journal.reflections) {
            documents.push_back(encode_record(r));
            bytes += documents.back().size();
        }
        bench::sink = bytes;
        return count_note(bytes, "bytes");
    });
    h.run("serialization", "decode_record x every reflection (full load)", [&] {
        std::size_t ok = 0;
        for (const std::string& d : documents) ok += decode_record(d) ? 1 : 0;
        bench::sink = ok;
        return count_note(ok, "records");
    });
    // What merges compare records by (compact, no envelope).
    h.run("serialization", "canonical_record_text x every reflection (merge)", [&] {
        std::size_t bytes = 0;
        for (const Reflection& r : journal.reflections) bytes += canonical_record_text(r).size();
        bench::sink = bytes;
        return count_note(bytes, "bytes");
    });
    h.run("serialization", "encode_record (one reflection, one edit saved)", [&] {
        const std::string out = encode_record(journal.reflections[journal.reflections.size() / 2]);
        bench::sink = out.size();
        return count_note(out.size(), "bytes");
    });
}

// [SECTION] Unknown fields at scale (issue #15 item 2): every path a file's shape decides the cost of.

// A journal of one reflection whose record holds `keys` unknown keys: half of them directly in the
// record, half inside one unknown object (as a newer version's nested data would be).
struct UnknownKeysCase {
    std::string journal_text;  // the export, as an import reads it
    std::string record_line;   // the stored shard line, as a load reads it
    Journal journal;
    RecordExtras extras;  // what decoding kept
};

UnknownKeysCase make_unknown_keys_case(std::size_t keys) {
    UnknownKeysCase c;
    Reflection r;
    r.meta.id = "r1";
    r.meta.created = Timestamp{1795300000000, 60};
    r.meta.modified = r.meta.created;
    r.company = "Acme";
    std::string extras = "{";
    for (std::size_t i = 0; i < keys / 2; ++i) {
        extras += "\"x_" + std::to_string(i) + "\":" + std::to_string(i) + ",";
    }
    extras += "\"x_nested\":{";
    for (std::size_t i = 0; i < keys - keys / 2; ++i) {
        if (i > 0) extras += ',';
        extras += "\"n_" + std::to_string(i) + "\":\"v\"";
    }
    extras += "}}";
    Journal j;
    j.reflections.push_back(r);
    JournalExtras kept;
    kept.reflections["r1"][""] = extras;
    c.journal_text = encode_journal(j, kept, Timestamp{1795300000000, 60});
    c.record_line = encode_record(r, kept.reflections["r1"], TextLayout::line);
    c.journal = j;
    c.extras = kept.reflections["r1"];
    return c;
}

void bench_unknown_keys(Harness& h) {
    for (const std::size_t keys : {std::size_t{10000}, std::size_t{100000}, std::size_t{1000000}}) {
        const UnknownKeysCase c = make_unknown_keys_case(keys);
        const std::string n = std::to_string(keys / 1000) + "k unknown keys";
        h.run("unknown keys", "decode_journal, " + n, [&] {
            Result<DecodedJournal> decoded = decode_journal(c.journal_text);
            bench::sink = decoded ? decoded.value().warnings.size() : 0;
            return count_note(bench::sink, "warnings");
        });
        h.run("unknown keys", "decode_record (one shard line), " + n, [&] {
            Result<DecodedRecord> decoded = decode_record(c.record_line);
            bench::sink = decoded ? decoded.value().extras.size() : 0;
            return count_note(c.record_line.size(), "bytes");
        });
        h.run("unknown keys", "encode_record with extras, " + n, [&] {
            const std::string out = encode_record(c.journal.reflections[0], c.extras, TextLayout::line);
            bench::sink = out.size();
            return count_note(out.size(), "bytes");
        });
    }
}

// The worst files up to the 50 MB limit: as many tiny unknown keys as fit in one object, as many tiny
// values as fit in one unknown list, and the first with a syntax error at its very end. Each must
// preview or be refused within 3 s.
void bench_worst_case(Harness& h) {
    const std::size_t limit = DecodeLimits{}.max_bytes;
    const UnknownKeysCase base = make_unknown_keys_case(2);
    const std::size_t at = base.journal_text.rfind('}');  // the document's closing brace
    std::string keys = base.journal_text.substr(0, at) + ",\"x_big\":{";
    for (std::size_t i = 0; keys.size() + 32 < limit; ++i) {
        if (i > 0) keys += ',';
        keys += '"';
        keys += std::to_string(i);
        keys += "\":0";
    }
    keys += "}}";
    std::string values = base.journal_text.substr(0, at) + ",\"x_big\":[0";
    while (values.size() + 8 < limit) values += ",0";
    values += "]}";
    std::string broken = keys;
    broken.back() = ',';
    const struct {
        const char* name;
        const std::string& text;
    } cases[] = {{"decode_journal, 50 MB of unknown keys in one object", keys},
                 {"decode_journal, 50 MB of values in one unknown list", values},
                 {"decode_journal, 50 MB of keys, syntax error at the end", broken}};
    for (const auto& c : cases) {
        h.run("worst case", c.name, [&] {
            Result<DecodedJournal> decoded = decode_journal(c.text);
            bench::sink = decoded ? 1 : 0;
            return decoded ? count_note(c.text.size(), "bytes, decoded")
                           : count_note(c.text.size(), "bytes, refused: ") + decoded.error().message.substr(0, 60);
        });
    }
}

void bench_search(Harness& h, const Journal& journal) {
    const std::vector<Reflection>& rows = journal.reflections;
    const Filter all;

    SearchIndex cold;
    h.run(
        "search", "SearchIndex first search (folds every reflection)",
        [&] {
            const std::vector<std::size_t> hits = cold.search(rows, "portfolio", all);
            bench::sink = hits.size();
            return count_note(hits.size(), "hits");
        },
        [&] { cold = SearchIndex(); });

    SearchIndex index;
    index.refresh(rows);
    const struct {
        const char* label;
        const char* query;
    } queries[] = {
        {"SearchIndex warm, empty query (every home frame)", ""},
        {"SearchIndex warm, \"portfolio\"", "portfolio"},
        {"SearchIndex warm, \"Müller\" (accent-folded)", "Müller"},
        {"SearchIndex warm, Arabic \"شركة\"", "شركة"},
        {"SearchIndex warm, two terms \"team remote\"", "team remote"},
        {"SearchIndex warm, phrase \"\\\"final round\\\"\"", "\"final round\""},
        {"SearchIndex warm, no hits \"zqxj\"", "zqxj"},
    };
    // Repeating a query would only search the last hits (narrowing), so each repetition first
    // searches something unrelated: these are full scans.
    const auto forget_last_hits = [&] { bench::sink = index.search(rows, "\x01", all).size(); };
    for (const auto& q : queries) {
        h.run(
            "search", q.label,
            [&] {
                const std::vector<std::size_t> hits = index.search(rows, q.query, all);
                bench::sink = hits.size();
                return count_note(hits.size(), "hits");
            },
            forget_last_hits);
    }
    h.run(
        "search", "SearchIndex typing \"portfolio\" key by key (9 searches, total)",
        [&] {
            std::string typed;
            std::size_t hits = 0;
            for (const char c : std::string("portfolio")) {
                typed += c;
                hits = index.search(rows, typed, all).size();
            }
            bench::sink = hits;
            return count_note(hits, "hits");
        },
        forget_last_hits);

    // Typing in a reflection bumps its `modified`: the next search refolds just that one.
    std::vector<Reflection> edited = rows;
    SearchIndex live;
    live.refresh(edited);
    std::size_t next = 0;
    h.run(
        "search", "SearchIndex after one edit, \"portfolio\"",
        [&] {
            const std::vector<std::size_t> hits = live.search(edited, "portfolio", all);
            bench::sink = hits.size();
            return count_note(live.last_refolded(), "refolded");
        },
        [&] {
            edited[next].meta.modified.unix_ms += 1;
            next = (next + 1) % edited.size();
        });

    h.run("search", "search_reflections one-off (no cache)", [&] {
        const std::vector<std::size_t> hits = search_reflections(journal, "portfolio", all);
        bench::sink = hits.size();
        return count_note(hits.size(), "hits");
    });
}

void bench_criteria(Harness& h, const Journal& journal) {
    h.run("criteria", "build_profile (every reflection)", [&] {
        const Profile profile = build_profile(journal.reflections, journal.settings);
        bench::sink = profile.entries.size();
        return count_note(profile.entries.size(), "entries");
    });
    h.run("criteria", "search_query (from the profile)", [&] {
        const std::string phrase = search_query(search_parts(build_profile(journal), journal.settings));
        bench::sink = phrase.size();
        return count_note(phrase.size(), "bytes");
    });
}

void bench_people(Harness& h, const Journal& journal) {
    h.run("people", "people (the People screen's list)", [&] {
        const std::vector<Person> everyone = people(journal);
        bench::sink = everyone.size();
        return count_note(everyone.size(), "people");
    });
}

}  // namespace

int main(int argc, char** argv) {
    const char* journal_path = nullptr;
    const char* json_path = nullptr;
    bool quick = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--json") == 0 && i + 1 < argc) {
            json_path = argv[++i];
        } else if (std::strcmp(argv[i], "--quick") == 0) {
            quick = true;
        } else {
            journal_path = argv[i];
        }
    }
    Harness::Budget budget;
    if (quick) {
        budget.min_reps = 3;
        budget.min_total_ms = 50.0;
    }
    if (!journal_path) {
        // Without a journal: only the cases whose input is built here (unknown keys at scale).
        std::fprintf(stderr,
                     "debrief_bench: no journal given, measuring unknown keys only\n"
                     "(usage: debrief_bench <journal.json> [--json <out.json>] [--quick]; make a journal with:\n"
                     " node bench/generate_journal.mjs build/bench/journal-10000.json)\n");
        Harness h(budget);
        bench_unknown_keys(h);
        bench_worst_case(h);
        h.print_table(stdout);
        return 0;
    }
    const std::string text = read_file(journal_path);
    if (text.empty()) {
        std::fprintf(stderr, "debrief_bench: cannot read %s\n", journal_path);
        return 1;
    }
    Result<DecodedJournal> decoded = decode_journal(text);
    if (!decoded) {
        std::fprintf(stderr, "debrief_bench: %s does not decode: %s\n", journal_path, decoded.error().message.c_str());
        return 1;
    }
    const Journal journal = std::move(decoded).value().journal;
    std::fprintf(stderr, "debrief_bench: %zu reflections, %zu bytes of JSON\n", journal.reflections.size(),
                 text.size());

    Harness h(budget);
    bench_search(h, journal);
    bench_serialization(h, text, journal);
    bench_criteria(h, journal);
    bench_people(h, journal);
    bench_unknown_keys(h);
    bench_worst_case(h);

    h.print_table(stdout);
    if (json_path) {
        std::FILE* out = std::fopen(json_path, "w");
        if (!out) {
            std::fprintf(stderr, "debrief_bench: cannot write %s\n", json_path);
            return 1;
        }
        const std::string extra = "\"reflections\": " + std::to_string(journal.reflections.size()) +
                                  ", \"json_bytes\": " + std::to_string(text.size()) + ", ";
        h.write_json(out, extra);
        std::fclose(out);
    }
    return 0;
}
