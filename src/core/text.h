// UTF-8 helpers: validation, decoding, search folding and safe truncation of user text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace debrief {

constexpr char32_t replacement_character = 0xFFFD;

// Decodes the code point at `pos` and moves `pos` past it. Malformed input yields U+FFFD and
// advances one byte, so a loop over a damaged string always terminates.
char32_t decode_utf8(std::string_view text, std::size_t& pos);

void append_utf8(std::string& out, char32_t code_point);

// Strict: rejects overlong forms, surrogates, code points above U+10FFFF and truncated sequences.
bool is_valid_utf8(std::string_view text);
// The length of the valid UTF-8 sequence starting at `pos` (1 to 4), or 0 if it is not valid there.
std::size_t utf8_sequence_length(std::string_view text, std::size_t pos);

// Lower-cased, accent-free form for matching only (never for display): Latin-1 and Latin
// Extended-A letters lose their accents (ä→a, è→e, ß→ss, œ→oe), Greek and Cyrillic are
// lower-cased, combining marks are dropped. Arabic drops tashkeel (U+064B–U+065F, U+0670) and
// tatweel, and folds as common Arabic search does: أ إ آ ٱ → ا, ة → ه, ى → ي.
std::string fold_for_search(std::string_view text);

// fold_for_search() plus the German spelling without umlauts: "ae", "oe", "ue" read as "a", "o",
// "u", so "Mueller" finds "Müller" (both "muller") and "Muller" finds "Mueller". Applied to text
// and query alike it only makes matches looser ("Poet" also finds "pot"), which is harmless in a
// journal search but not in identities, so normalize_key() and the checklist cues do not use it.
// A query's fold is a prefix of the fold of the query typed further, so narrowing stays sound.
std::string fold_for_lookup(std::string_view text);

// True when the folded needle occurs in the folded haystack (an empty needle always matches).
bool contains_folded(std::string_view haystack, std::string_view needle);

bool is_space(char c);
bool is_blank(std::string_view text);
std::string_view trim(std::string_view text);

// Trimmed, with every run of whitespace turned into one space.
std::string collapse_whitespace(std::string_view text);

// The identity of a phrase typed by the user: folded, trimmed, whitespace collapsed.
std::string normalize_key(std::string_view text);

// At most `max_bytes` bytes, ending with "…" when cut. Never splits a code point, and never
// separates a base letter from the combining marks or emoji modifiers that follow it.
std::string truncate_utf8(std::string_view text, std::size_t max_bytes);

}  // namespace debrief
