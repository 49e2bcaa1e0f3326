// The first stage of every decode: checks raw bytes (size, BOM, UTF-8, nesting) and parses them into a JSON tree.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/format.h"
#include "core/result.h"
#include "serialization/json_tree.h"

namespace debrief {

// Parses `text` (UTF-8, an optional BOM is skipped) into the flat tree the decoders read, in one pass
// of nlohmann's SAX parser. Refuses, with a message naming the place: empty, size, UTF-8 validity,
// nesting depth, then JSON syntax, duplicate keys and number overflow (checked in that order when
// more than one applies). Positions are reported as line, column (in characters) and byte offset
// from the start of the file, counting a BOM if present.
// With `copy` the tree owns a copy of its text. With `borrow` it views `text` itself, which must then
// outlive the tree: for a 34 MB import that is 34 MB less at the moment memory peaks.
enum class JsonSource { copy, borrow };
Result<JsonTree> read_json_tree(std::string_view text, const DecodeLimits& limits = {},
                                JsonSource source = JsonSource::copy);

// "line 3, column 14, byte offset 52" for the byte at `offset` in `text`.
std::string describe_text_position(std::string_view text, std::size_t offset);

}  // namespace debrief
