// The journal file format's identity and the limits every reader applies: constants that the
// serialization, storage and app layers all name.
#pragma once

#include <cstddef>
#include <string_view>

namespace debrief {

constexpr int current_format_version = 1;
constexpr std::string_view journal_format_name = "debrief-journal";
constexpr std::string_view record_format_name = "debrief-record";

// Limits applied before any parsing, so hostile or damaged files fail fast with a clear message.
struct DecodeLimits {
    std::size_t max_bytes = 50u * 1024u * 1024u;  // a real journal is a few hundred KB
    int max_depth = 64;  // a journal nests 5 levels; this guards the recursive code after the parser
    // JSON values (every string, number, list, object...): a journal averages one per 20 bytes, so a
    // 50 MB one holds about 2.6 million. A file of tiny values ("[0,0,0,...") would hold 25 million,
    // a gigabyte of tree; refusing past this keeps any file within the limit to a few seconds.
    std::size_t max_values = 4'000'000;
};

}  // namespace debrief
