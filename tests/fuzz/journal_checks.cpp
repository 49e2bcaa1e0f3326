// The import fuzzer's invariants (see journal_checks.h).
#include "journal_checks.h"

#include <cstddef>
#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/import_flow.h"
#include "core/format.h"
#include "core/ics.h"
#include "core/journal.h"
#include "core/text.h"
#include "serialization/journal_import.h"
#include "serialization/journal_json.h"
#include "serialization/json_text.h"
#include "serialization/markdown.h"

namespace debrief::fuzz {

namespace {

// 2026-11-22T10:00:00+01:00, the instant every export in a check is stamped with.
constexpr Timestamp fixed_now{1795338000000, 60};

class QuietEnvironment final : public Environment {
public:
    Timestamp now() override { return {fixed_now.unix_ms + (m_tick++) * 1000, fixed_now.utc_offset_minutes}; }
    Date today() override { return {2026, 11, 22}; }
    std::string new_id() override { return "f0000000-0000-4000-8000-" + std::to_string(100000000000 + ++m_next); }

private:
    long long m_tick = 0;
    long long m_next = 0;
};

std::string preview_text(std::string_view bytes) {
    std::string out;
    for (const char c : bytes.substr(0, 60)) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20u && u < 0x7Fu) {
            out += c;
        } else {
            static const char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[u >> 4];
            out += hex[u & 15u];
        }
    }
    return out;
}

// ---- parser agreement: nlohmann::json::parse is the oracle -------------------------------------

// What RFC 8259 plus Debrief's two rules accept, decided by nlohmann's own parser: the callback
// rejects a repeated key within one object and nesting deeper than DecodeLimits::max_depth.
bool oracle_accepts(std::string_view bytes) {
    const int max_depth = DecodeLimits{}.max_depth;
    std::vector<std::set<std::string>> keys;  // one set per open container (arrays hold none)
    bool refused = false;
    const nlohmann::json::parser_callback_t callback = [&](int depth, nlohmann::json::parse_event_t event,
                                                           nlohmann::json& parsed) {
        using Event = nlohmann::json::parse_event_t;
        switch (event) {
            case Event::object_start:
            case Event::array_start:
                if (depth + 1 > max_depth) refused = true;  // depth counts the containers around this one
                keys.emplace_back();
                break;
            case Event::object_end:
            case Event::array_end:
                if (!keys.empty()) keys.pop_back();
                break;
            case Event::key:
                if (!keys.empty() && !keys.back().insert(parsed.get<std::string>()).second) refused = true;
                break;
            case Event::value: break;
        }
        return !refused;  // once refused, keep nothing: the rest is parsed for syntax only
    };
    const nlohmann::json document =
        nlohmann::json::parse(bytes.begin(), bytes.end(), callback, /*allow_exceptions=*/false);
    // nlohmann's one departure from RFC 8259: its lexer takes a zero byte for the end of the input,
    // so "0\0garbage" parses. A zero byte is never valid JSON text (inside a string it must be escaped).
    if (bytes.find('\0') != std::string_view::npos) return false;
    return !refused && !document.is_discarded();
}

// ---- .ics well-formedness ----------------------------------------------------------------------

std::optional<std::string> check_ics(const std::string& ics, std::size_t expected_events) {
    if (!is_valid_utf8(ics)) return "ics: not valid UTF-8";
    if (ics.size() < 2 || ics.compare(ics.size() - 2, 2, "\r\n") != 0) return "ics: does not end with CRLF";
    std::vector<std::string> open;
    std::size_t events = 0;
    std::size_t line_start = 0;
    std::string logical;  // the unfolded content line being read
    const auto finish_logical = [&]() -> std::optional<std::string> {
        if (logical.empty()) return std::nullopt;
        if (logical.rfind("BEGIN:", 0) == 0) {
            open.push_back(logical.substr(6));
            if (logical == "BEGIN:VEVENT") ++events;
        } else if (logical.rfind("END:", 0) == 0) {
            if (open.empty() || open.back() != logical.substr(4)) return "ics: unbalanced " + logical;
            open.pop_back();
        } else if (logical.find(':') == std::string::npos) {
            return "ics: a content line without a name: " + preview_text(logical);
        }
        logical.clear();
        return std::nullopt;
    };
    while (line_start < ics.size()) {
        const std::size_t end = ics.find("\r\n", line_start);
        if (end == std::string::npos) return "ics: a line without CRLF";
        const std::string_view line(ics.data() + line_start, end - line_start);
        if (line.size() > 75) return "ics: a line of " + std::to_string(line.size()) + " octets";
        if (line.find('\r') != std::string_view::npos || line.find('\n') != std::string_view::npos) {
            return "ics: a bare CR or LF";
        }
        if (!is_valid_utf8(line)) return "ics: a fold splits a UTF-8 sequence";
        for (const char c : line) {
            const auto u = static_cast<unsigned char>(c);
            if ((u < 0x20u && c != '\t') || u == 0x7Fu) return "ics: a control character";
        }
        if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
            if (logical.empty()) return "ics: a continuation line with nothing to continue";
            logical.append(line.substr(1));
        } else {
            if (auto error = finish_logical()) return error;
            logical.assign(line);
        }
        line_start = end + 2;
    }
    if (auto error = finish_logical()) return error;
    if (!open.empty()) return "ics: BEGIN:" + open.back() + " never ends";
    if (ics.rfind("BEGIN:VCALENDAR\r\n", 0) != 0) return "ics: does not start with BEGIN:VCALENDAR";
    if (events != expected_events) {
        return "ics: " + std::to_string(events) + " events for " + std::to_string(expected_events) + " open reminders";
    }
    return std::nullopt;
}

std::size_t open_reminders(const Journal& journal) {
    std::size_t n = 0;
    for (const Reminder& r : journal.reminders) n += (!r.done && !r.meta.deleted) ? 1 : 0;
    return n;
}

// ---- Markdown well-formedness ------------------------------------------------------------------

// Lines that open a block no matter what precedes them: ATX headings, thematic breaks / setext
// underlines, code fences (CommonMark allows up to three spaces of indentation).
std::size_t structure_lines(const std::string& markdown) {
    std::size_t count = 0;
    std::size_t pos = 0;
    while (pos <= markdown.size()) {
        std::size_t end = markdown.find('\n', pos);
        if (end == std::string::npos) end = markdown.size();
        std::string_view line(markdown.data() + pos, end - pos);
        std::size_t indent = 0;
        while (indent < line.size() && indent < 4 && line[indent] == ' ') ++indent;
        if (indent < 4 && indent < line.size()) {
            line.remove_prefix(indent);
            const char c = line[0];
            if (c == '#') {
                std::size_t hashes = line.find_first_not_of('#');
                if (hashes == std::string_view::npos) hashes = line.size();
                if (hashes <= 6 && (hashes == line.size() || line[hashes] == ' ' || line[hashes] == '\t')) ++count;
            } else if (c == '=' || c == '-' || c == '*' || c == '_') {
                // a run of one marker (spaces allowed): a setext underline or a thematic break
                if (line.find_first_not_of(std::string(1, c) + " \t") == std::string_view::npos &&
                    (c == '=' || c == '-' || line.find_first_not_of(" \t") != std::string_view::npos)) {
                    ++count;
                }
            } else if (line.rfind("```", 0) == 0 || line.rfind("~~~", 0) == 0) {
                ++count;
            }
        }
        pos = end + 1;
    }
    return count;
}

std::optional<std::string> check_markdown_utf8(const std::string& markdown, const char* what) {
    if (!is_valid_utf8(markdown)) return std::string(what) + ": Markdown is not valid UTF-8";
    return std::nullopt;
}

// Valid UTF-8 with the same characters where `bytes` was valid: the model only ever holds valid
// UTF-8 (the decoder and the browser's input events both guarantee it).
std::string as_utf8(std::string_view bytes) {
    std::string out;
    for (std::size_t pos = 0; pos < bytes.size();) append_utf8(out, decode_utf8(bytes, pos));
    return out;
}

// A journal with one record of each kind whose every text field is `text`.
Journal journal_with_text(const std::string& text) {
    Journal journal;
    Reflection r;
    r.meta = {"a0000000-0000-4000-8000-000000000001", fixed_now, fixed_now, std::nullopt};
    for (std::string* field :
         {&r.company, &r.role, &r.location, &r.found_via, &r.rejection_message, &r.vent.letter, &r.reflect.fit,
          &r.reflect.missing_skills, &r.reflect.went_well, &r.reflect.do_better, &r.reflect.tripped_questions,
          &r.reflect.should_have_highlighted, &r.reflect.likely_reasons, &r.feedback.recruiter_name,
          &r.feedback.recruiter_email, &r.feedback.similar_role, &r.army_note, &r.resilience.lesson,
          &r.resilience.next_action}) {
        *field = text;
    }
    r.feedback.ask_about_similar_role = true;
    r.wins.push_back({"w1", text, true});
    r.loved.push_back({"l1", text, LovedTag::team, 4});
    r.criteria.push_back({"c1", text, CriterionKind::must_have});
    r.army.push_back({"p1", text, "", false});
    for (StepState& s : r.steps) s = StepState::done;
    journal.reflections.push_back(r);

    Contact c;
    c.meta = {"a0000000-0000-4000-8000-000000000002", fixed_now, fixed_now, std::nullopt};
    c.name = c.role = c.company = c.email = c.relationship = c.notes = text;
    journal.contacts.push_back(c);

    Message m;
    m.meta = {"a0000000-0000-4000-8000-000000000003", fixed_now, fixed_now, std::nullopt};
    m.to = m.subject = m.body = m.reply_notes = text;
    journal.messages.push_back(m);

    Reminder d;
    d.meta = {"a0000000-0000-4000-8000-000000000004", fixed_now, fixed_now, std::nullopt};
    d.title = text;
    d.due = {2026, 12, 1};
    journal.reminders.push_back(d);
    return journal;
}

// ---- round trips -------------------------------------------------------------------------------

std::optional<std::string> check_journal_round_trip(const DecodedJournal& decoded) {
    const std::string first = encode_journal(decoded.journal, decoded.extras, fixed_now);
    auto again = decode_journal(first);
    if (!again) return "journal: its own encoding does not decode: " + again.error().message;
    const std::string second = encode_journal(again.value().journal, again.value().extras, fixed_now);
    if (second != first) return "journal: decode(encode(decoded)) encodes differently";
    return std::nullopt;
}

std::optional<std::string> check_record_round_trip(std::string_view bytes) {
    auto decoded = decode_record(bytes);
    if (!decoded) return std::nullopt;
    for (const TextLayout layout : {TextLayout::pretty, TextLayout::line}) {
        const std::string first = encode_record(decoded.value().record, decoded.value().extras, layout);
        auto again = decode_record(first);
        if (!again) return "record: its own encoding does not decode: " + again.error().message;
        if (encode_record(again.value().record, again.value().extras, layout) != first) {
            return "record: decode(encode(decoded)) encodes differently";
        }
    }
    return std::nullopt;
}

// The import as the app runs it: preview, merge, and the same file again, which must change nothing.
std::optional<std::string> check_import_flow(std::string_view bytes, const DecodedJournal& decoded) {
    QuietEnvironment env;
    App app(env);
    app.import_flow().receive(app, "fuzz.json", bytes);
    if (!app.import_flow().pending()) return "import: the App refused what decode_journal accepted";
    app.import_flow().apply(app, ImportFlow::Mode::merge);
    const std::string merged = encode_journal(app.journal(), fixed_now);
    if (merged != encode_journal(merge_journals(Journal{}, decoded.journal), fixed_now)) {
        // The App starts empty, so its merge is merge_journals(empty, incoming).
        return "import: the App's merge differs from merge_journals";
    }
    app.import_flow().receive(app, "fuzz.json", bytes);
    if (!app.import_flow().pending()) return "import: the second import was refused";
    if (app.import_flow().pending()->preview.changes_anything)
        return "import: importing the same file twice changes something";
    app.import_flow().apply(app, ImportFlow::Mode::merge);
    if (encode_journal(app.journal(), fixed_now) != merged) return "import: the second merge changed the journal";
    // merge is idempotent on its own too, whatever the App does around it
    const Journal twice = merge_journals(decoded.journal, decoded.journal);
    if (encode_journal(twice, fixed_now) != encode_journal(decoded.journal, fixed_now)) {
        return "merge: merge(j, j) differs from j";
    }
    if (preview_import(decoded.journal, decoded.journal).changes_anything) return "preview: j into j changes something";
    return std::nullopt;
}

}  // namespace

std::optional<std::string> check_parsers_agree(std::string_view bytes) {
    const auto read = read_json_tree(bytes);
    const bool product = static_cast<bool>(read);
    // read_json_tree's fast parser refused; its explaining parser must then say why, never fall
    // through to the message that means the two disagree.
    if (!read && read.error().message == "The file could not be read as JSON") {
        return "read_json_tree could not explain why it refused \"" + preview_text(bytes) + "\"";
    }
    const bool oracle = oracle_accepts(bytes);
    if (product != oracle) {
        return std::string("parsers disagree: read_json_tree ") + (product ? "accepts" : "refuses") +
               " and nlohmann::json::parse " + (oracle ? "accepts" : "refuses") + " \"" + preview_text(bytes) + "\"";
    }
    return std::nullopt;
}

std::optional<std::string> check_writers_with_text(std::string_view text) {
    // .ics takes the raw bytes: escape_ics_text promises valid output for malformed UTF-8 too.
    const Journal raw = journal_with_text(std::string(text));
    if (auto error = check_ics(reminders_to_ics(raw.reminders, fixed_now), 1)) return error;
    // Markdown: valid UTF-8, and user text adds no structure (compared with the same journal holding "x").
    std::string utf8 = as_utf8(text);
    const Journal journal = journal_with_text(utf8);
    const Journal plain = journal_with_text("x");
    const std::string markdown = journal_to_markdown(journal);
    if (auto error = check_markdown_utf8(markdown, "journal_to_markdown")) return error;
    const std::string reflection = reflection_to_markdown(journal.reflections[0]);
    if (auto error = check_markdown_utf8(reflection, "reflection_to_markdown")) return error;
    if (!is_blank(utf8)) {  // blank text leaves sections out, so only non-blank text is comparable
        if (structure_lines(markdown) != structure_lines(journal_to_markdown(plain))) {
            return "markdown: user text adds or removes a heading, rule or fence line: \"" + preview_text(text) + "\"";
        }
        if (structure_lines(reflection) != structure_lines(reflection_to_markdown(plain.reflections[0]))) {
            return "markdown: user text adds or removes a heading, rule or fence line in a reflection: \"" +
                   preview_text(text) + "\"";
        }
    }
    return std::nullopt;
}

std::optional<std::string> check_journal_bytes(std::string_view bytes) {
    if (auto error = check_parsers_agree(bytes)) return error;
    if (auto error = check_record_round_trip(bytes)) return error;
    // The writers see user text of at most 512 bytes per field (a journal built from it holds ~30 copies):
    // longer text exercises nothing new, and rendering 16 KB thirty times would cut the exec/s threefold.
    if (auto error = check_writers_with_text(bytes.substr(0, 512))) return error;

    auto decoded = decode_journal(bytes);
    if (!decoded) return std::nullopt;  // refused with a message: that is the contract
    if (auto error = check_journal_round_trip(decoded.value())) return error;
    if (auto error = check_import_flow(bytes, decoded.value())) return error;
    if (auto error = check_ics(reminders_to_ics(decoded.value().journal.reminders, fixed_now),
                               open_reminders(decoded.value().journal))) {
        return error;
    }
    if (auto error = check_markdown_utf8(journal_to_markdown(decoded.value().journal), "journal_to_markdown"))
        return error;
    for (const Reflection& r : decoded.value().journal.reflections) {
        if (auto error = check_markdown_utf8(reflection_to_markdown(r), "reflection_to_markdown")) return error;
    }
    return std::nullopt;
}

}  // namespace debrief::fuzz
