// Importing a journal into another: a preview of what would change, and a merge by id where the newer copy wins.
#pragma once

#include "core/import_preview.h"
#include "core/journal.h"
#include "serialization/journal_json.h"

namespace debrief {

// Counts what merge_journals(current, incoming) would do, record by record. Pure.
ImportPreview preview_import(const Journal& current, const Journal& incoming);

// Merges by id within each collection: the copy with the later `modified` instant wins whole (trash
// state included, as `deleted` is part of the record); ties go to the copy whose canonical JSON sorts
// later, so merge(a, b) and merge(b, a) hold the same records. Current records keep their order;
// new ones follow in incoming order. Merging the same incoming journal twice changes nothing.
Journal merge_journals(const Journal& current, const Journal& incoming);

// The unknown keys that go with merge_journals' result: each record keeps the extras of its winning copy.
JournalExtras merge_extras(const Journal& current, const JournalExtras& current_extras, const Journal& incoming,
                           const JournalExtras& incoming_extras);

enum class ImportMode { merge, replace };

// `merge`: merge_journals. `replace`: the incoming journal as it is (the caller keeps a backup first).
Journal apply_import(const Journal& current, const Journal& incoming, ImportMode mode);

}  // namespace debrief
