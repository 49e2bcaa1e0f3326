// Export helpers: file names, and the one-reflection export (a journal holding a reflection and what links to it).
#pragma once

#include <string>
#include <string_view>

#include "core/journal.h"
#include "serialization/journal_json.h"

namespace debrief {

// "debrief-2026-11-21.json" / "debrief-2026-11-21.md".
std::string export_file_name(Date today);
std::string markdown_file_name(Date today);

// A journal with the reflection `reflection_id` (even if it is in the trash, since it was asked
// for) and the records linked to it that are not in the trash: contacts of the reflection, of its
// "army" and of its messages and reminders; its messages; reminders of the reflection or of those
// messages. Settings stay at their defaults (modified at the epoch), so importing the file never
// changes the importer's settings. Empty when there is no such reflection.
Journal extract_reflection(const Journal& journal, std::string_view reflection_id);

// The unknown keys of the records present in `subset`.
JournalExtras select_extras(const JournalExtras& extras, const Journal& subset);

}  // namespace debrief
