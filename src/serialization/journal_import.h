// Importing a journal into another: a preview of what would change, and a merge by id where the newer copy wins.
#pragma once

#include "core/journal.h"
#include "serialization/journal_json.h"

namespace debrief {

// What happens to one incoming record (or the incoming settings).
enum class MergeOutcome {
    added,          // no record with this id yet
    updated,        // the incoming copy is newer and replaces the current one
    unchanged,      // same `modified` instant and same content
    older_ignored,  // the current copy is newer and stays
    conflict,       // same `modified` instant, different content: the copy whose canonical JSON sorts later wins
};

struct ImportCounts {
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    int older_ignored = 0;
    int conflicts = 0;

    int total() const { return added + updated + unchanged + older_ignored + conflicts; }
    friend bool operator==(const ImportCounts& a, const ImportCounts& b) {
        return a.added == b.added && a.updated == b.updated && a.unchanged == b.unchanged &&
               a.older_ignored == b.older_ignored && a.conflicts == b.conflicts;
    }
};

struct ImportPreview {
    ImportCounts reflections;
    ImportCounts contacts;
    ImportCounts messages;
    ImportCounts reminders;
    MergeOutcome settings = MergeOutcome::unchanged;
    // False when merging would leave the journal exactly as it is (e.g. the same file again, or a
    // conflict that the current copy wins).
    bool changes_anything = false;
};

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
