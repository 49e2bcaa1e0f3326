// The invariants the import fuzzer checks on every input, shared with the unit tests that replay
// its findings (tests/unit/fuzz_findings_test.cpp): a finding is reproduced by the same code.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace debrief::fuzz {

// Runs bytes -> parse -> migrate -> validate -> decode -> import preview and merge (through the App's
// ImportFlow) -> encode, then the .ics and Markdown writers over what was decoded and over a journal
// built from the raw bytes as user text. Returns a description of the first broken invariant, or
// nullopt when every one holds. Never throws on any input.
//
//  - decoding a journal or record document and encoding it again is a fixed point:
//    encode(decode(encode(decoded))) == encode(decoded), and the re-decode succeeds;
//  - merging the same import twice changes nothing the second time;
//  - the product's JSON reader accepts exactly what nlohmann::json::parse (with our rules: no
//    duplicate keys, at most DecodeLimits::max_depth levels) accepts;
//  - .ics output is CRLF lines of at most 75 octets, valid UTF-8, BEGIN/END balanced, one VEVENT
//    per open reminder;
//  - Markdown output is valid UTF-8 and user text never adds a heading, rule or fence line.
std::optional<std::string> check_journal_bytes(std::string_view bytes);

// The parser-agreement check alone (also run by check_journal_bytes).
std::optional<std::string> check_parsers_agree(std::string_view bytes);

// The writers alone, over a journal whose every text field is `text` (any bytes).
std::optional<std::string> check_writers_with_text(std::string_view text);

}  // namespace debrief::fuzz
