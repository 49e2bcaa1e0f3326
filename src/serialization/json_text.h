// The first stage of every decode: checks raw bytes (size, BOM, UTF-8, nesting) and parses them into a JSON tree.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/format.h"
#include "serialization/json_tree.h"
#include "core/result.h"

namespace debrief {

// Parses `text` (UTF-8, an optional BOM is skipped) into an order-preserving JSON tree.
// Checks, in order: empty, size, UTF-8 validity, nesting depth (by a flat scan, before any recursion),
// then JSON syntax, duplicate keys and number overflow. Positions are reported as line, column
// (in characters) and byte offset from the start of the file, counting a BOM if present.
Result<nlohmann::ordered_json> parse_json_text(std::string_view text, const DecodeLimits& limits = {});

// The same checks and the same messages, into the fast read-only tree the decoders use. Valid text
// takes one strict pass; only a file that fails it is parsed again by parse_json_text to say why.
// The tree views `text`, which must outlive it.
Result<JsonTree> read_json_tree(std::string_view text, const DecodeLimits& limits = {});

// "line 3, column 14, byte offset 52" for the byte at `offset` in `text`.
std::string describe_text_position(std::string_view text, std::size_t offset);

}  // namespace debrief
