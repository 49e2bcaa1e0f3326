// Import preview and merge (see journal_import.h and docs/schema.md "Merging").
#include "serialization/journal_import.h"

#include <unordered_map>

namespace debrief {

namespace {

// Decides between two copies of one record. `current_text`/`incoming_text` are produced lazily
// because most comparisons are settled by the timestamps alone.
template <class T>
MergeOutcome compare_copies(const T& current, const T& incoming, const Timestamp& current_modified,
                            const Timestamp& incoming_modified) {
    if (incoming_modified.unix_ms > current_modified.unix_ms) return MergeOutcome::updated;
    if (incoming_modified.unix_ms < current_modified.unix_ms) return MergeOutcome::older_ignored;
    const std::string current_text = canonical_record_text(current);
    const std::string incoming_text = canonical_record_text(incoming);
    if (current_text == incoming_text) return MergeOutcome::unchanged;
    return MergeOutcome::conflict;
}

// Whether the incoming copy takes the place of the current one.
template <class T>
bool incoming_wins(MergeOutcome outcome, const T& current, const T& incoming) {
    if (outcome == MergeOutcome::updated || outcome == MergeOutcome::added) return true;
    if (outcome != MergeOutcome::conflict) return false;
    // A tie on time with different content (two devices, or a hand-edited file): pick by content,
    // so every device that merges the same two copies keeps the same one.
    return canonical_record_text(incoming) > canonical_record_text(current);
}

void count(ImportCounts& counts, MergeOutcome outcome) {
    switch (outcome) {
        case MergeOutcome::added: ++counts.added; break;
        case MergeOutcome::updated: ++counts.updated; break;
        case MergeOutcome::unchanged: ++counts.unchanged; break;
        case MergeOutcome::older_ignored: ++counts.older_ignored; break;
        case MergeOutcome::conflict: ++counts.conflicts; break;
    }
}

// Merges `incoming` into `result` (a copy of the current collection). `on_outcome(id, incoming_won)`
// is told the decision for every incoming record.
template <class T, class OnOutcome>
void merge_collection(std::vector<T>& result, const std::vector<T>& incoming, ImportCounts& counts,
                      OnOutcome on_outcome) {
    std::unordered_map<std::string, std::size_t> index;
    index.reserve(result.size() + incoming.size());
    for (std::size_t i = 0; i < result.size(); ++i)
        index.emplace(result[i].meta.id, i);  // the first copy of an id counts
    for (const T& record : incoming) {
        const auto found = index.find(record.meta.id);
        if (found == index.end()) {
            index.emplace(record.meta.id, result.size());
            result.push_back(record);
            count(counts, MergeOutcome::added);
            on_outcome(record.meta.id, true);
            continue;
        }
        T& existing = result[found->second];
        const MergeOutcome outcome = compare_copies(existing, record, existing.meta.modified, record.meta.modified);
        count(counts, outcome);
        const bool wins = incoming_wins(outcome, existing, record);
        if (wins) existing = record;
        on_outcome(record.meta.id, wins);
    }
}

// Runs the whole merge once; preview, merge and extras all read from it so they can never disagree.
struct MergeRun {
    Journal journal;
    ImportPreview preview;
    bool settings_from_incoming = false;
    std::unordered_map<std::string, bool> reflection_winner, contact_winner, message_winner,
        reminder_winner;  // id -> incoming won
};

MergeRun run_merge(const Journal& current, const Journal& incoming) {
    MergeRun run;
    run.journal = current;
    const auto remember = [&run](std::unordered_map<std::string, bool>& winners) {
        return [&run, &winners](const std::string& id, bool incoming_won) {
            winners[id] = incoming_won;
            run.preview.changes_anything = run.preview.changes_anything || incoming_won;
        };
    };
    merge_collection(run.journal.reflections, incoming.reflections, run.preview.reflections,
                     remember(run.reflection_winner));
    merge_collection(run.journal.contacts, incoming.contacts, run.preview.contacts, remember(run.contact_winner));
    merge_collection(run.journal.messages, incoming.messages, run.preview.messages, remember(run.message_winner));
    merge_collection(run.journal.reminders, incoming.reminders, run.preview.reminders, remember(run.reminder_winner));
    run.preview.settings =
        compare_copies(current.settings, incoming.settings, current.settings.modified, incoming.settings.modified);
    run.settings_from_incoming = incoming_wins(run.preview.settings, current.settings, incoming.settings);
    if (run.settings_from_incoming) {
        run.journal.settings = incoming.settings;
        run.preview.changes_anything = true;
    }
    return run;
}

void merge_extras_of(std::map<std::string, RecordExtras>& result, const std::map<std::string, RecordExtras>& incoming,
                     const std::unordered_map<std::string, bool>& winners) {
    for (const auto& [id, incoming_won] : winners) {
        if (!incoming_won) continue;
        const auto it = incoming.find(id);
        if (it == incoming.end()) {
            result.erase(id);  // the winning copy had no unknown keys
        } else {
            result[id] = it->second;
        }
    }
}

}  // namespace

ImportPreview preview_import(const Journal& current, const Journal& incoming) {
    MergeRun run = run_merge(current, incoming);
    run.preview.people = people_changes(current, run.journal);
    return std::move(run.preview);
}

Journal merge_journals(const Journal& current, const Journal& incoming) { return run_merge(current, incoming).journal; }

JournalExtras merge_extras(const Journal& current, const JournalExtras& current_extras, const Journal& incoming,
                           const JournalExtras& incoming_extras) {
    const MergeRun run = run_merge(current, incoming);
    JournalExtras result = current_extras;
    merge_extras_of(result.reflections, incoming_extras.reflections, run.reflection_winner);
    merge_extras_of(result.contacts, incoming_extras.contacts, run.contact_winner);
    merge_extras_of(result.messages, incoming_extras.messages, run.message_winner);
    merge_extras_of(result.reminders, incoming_extras.reminders, run.reminder_winner);
    if (run.settings_from_incoming) result.settings = incoming_extras.settings;
    if (result.document.empty()) result.document = incoming_extras.document;
    return result;
}

Journal apply_import(const Journal& current, const Journal& incoming, ImportMode mode) {
    return mode == ImportMode::replace ? incoming : merge_journals(current, incoming);
}

}  // namespace debrief
