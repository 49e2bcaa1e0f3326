// Short search keywords from a criterion's wording ("Remote-friendly, with a hub in Berlin" →
// "remote"), so a job board's search box gets terms it can match instead of whole sentences.
#pragma once

#include "core/journal.h"

#include <string>
#include <string_view>

namespace debrief {

// The language whose stopwords the text uses most (Arabic script: ar); ties go to `hint`.
Language guess_text_language(std::string_view text, Language hint = Language::en);

// A deterministic suggestion: the first common job-search term in the text (remote, hybrid,
// part-time, Teilzeit, remoto, عن بعد...; any language's table, written in the text's language),
// otherwise its one or two longest words once stopwords and generic words (team, work, week...)
// are dropped, in the order written. Empty when nothing is left.
std::string suggest_keyword(std::string_view text, Language hint = Language::en);

// The text's folded words joined by single spaces: "Remote friendly" and "remote-friendly!" share
// it, so the profile can offer to merge them.
std::string word_key(std::string_view text);

}  // namespace debrief
