// The phrases the draft checklists look for, per language. They are data about how people write,
// not text the app shows, so they live in code rather than in the translators' catalogues.
#pragma once

#include "core/i18n.h"

#include <string>
#include <string_view>
#include <vector>

namespace debrief {

// The raw, |-separated phrases of one cue list ("thanks", "similar_roles"...) in one language, as
// written (not folded). A trailing '*' allows any word ending. Empty for an unknown name.
std::string_view cue_phrases(std::string_view name, Language language);

// The folded cues a draft in `language` is checked against: its own language's plus English,
// because people mix ("Danke for the chat"). Duplicates removed, order kept.
std::vector<std::string> cues_for(std::string_view name, Language language);

// Every cue list's name, for tests.
std::vector<std::string_view> cue_names();

}  // namespace debrief
