// What an import would do to the journal, counted record by record: computed by serialization
// (which compares records by their canonical JSON), shown by the data view before anything changes.
#pragma once

#include "core/people.h"

#include <vector>

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
    // The people merging would bring or change (recruiters, interviewers, people told, contacts).
    std::vector<PersonChange> people;
    // False when merging would leave the journal exactly as it is (e.g. the same file again, or a
    // conflict that the current copy wins).
    bool changes_anything = false;
};

}  // namespace debrief
