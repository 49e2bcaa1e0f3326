// Readable Markdown exports of a reflection or a whole journal (labels from the English catalogue, user text as
// written).
#pragma once

#include <string>

#include "core/journal.h"

namespace debrief {

// One reflection: a "# Company — Role" heading, the facts as a list, the rejection as a quote, then
// one "## n. Step title" section per step, with lists for wins, loved aspects, criteria and people.
std::string reflection_to_markdown(const Reflection& reflection);

// Every reflection not in the trash (headings one level deeper), then contacts, messages and
// reminders not in the trash. Records in the trash are left out: this is for reading, not backup.
std::string journal_to_markdown(const Journal& journal);

}  // namespace debrief
