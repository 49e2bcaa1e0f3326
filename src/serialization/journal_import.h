// Importing a journal into another: a preview of what would change, and a merge by id where the newer copy wins.
#pragma once

#include "core/import_preview.h"
#include "core/journal.h"
#include "serialization/journal_json.h"

#include <functional>
#include <memory>

namespace debrief {

// Counts what merge_journals(current, incoming) would do, record by record. Pure.
ImportPreview preview_import(const Journal& current, const Journal& incoming);

// preview_import in steps (one record or one person per unit), so a large import is compared with
// the journal while the page keeps drawing. Both journals must outlive it, unchanged.
class ImportPreviewer {
public:
    ImportPreviewer(const Journal& current, const Journal& incoming);
    ~ImportPreviewer();
    ImportPreviewer(const ImportPreviewer&) = delete;
    ImportPreviewer& operator=(const ImportPreviewer&) = delete;
    // At least one unit, then more while `more_time()`; true while work remains.
    bool step(const std::function<bool()>& more_time);
    // Records compared so far, of all the incoming records (the people follow them).
    std::size_t records_done() const;
    std::size_t records_total() const;
    // Once finished: what preview_import gives.
    ImportPreview take_preview();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// merge_journals and merge_extras together, in steps (one record per unit), from one merge run: a
// large import is merged while the page keeps drawing, and only the finished result is swapped in.
// All four must outlive it, unchanged (start again if the journal changed meanwhile).
class ImportMerger {
public:
    ImportMerger(const Journal& current, const JournalExtras& current_extras, const Journal& incoming,
                 const JournalExtras& incoming_extras);
    ~ImportMerger();
    ImportMerger(const ImportMerger&) = delete;
    ImportMerger& operator=(const ImportMerger&) = delete;
    // At least one unit, then more while `more_time()`; true while work remains.
    bool step(const std::function<bool()>& more_time);
    std::size_t records_done() const;
    std::size_t records_total() const;
    // Once finished: what merge_journals and merge_extras give.
    Journal take_journal();
    JournalExtras take_extras();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

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
