// Import preview and merge (see journal_import.h and docs/schema.md "Merging").
#include "serialization/journal_import.h"
#include "core/stepping.h"

#include <optional>
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

// Where a collection's ids sit in `result` (a copy of the current collection): the first copy counts.
template <class T>
void index_ids(const std::vector<T>& result, const std::vector<T>& incoming,
               std::unordered_map<std::string, std::size_t>& index) {
    index.clear();
    index.reserve(result.size() + incoming.size());
    for (std::size_t i = 0; i < result.size(); ++i) index.emplace(result[i].meta.id, i);
}

// Merges one incoming record into `result`. `on_outcome(id, incoming_won)` is told the decision.
template <class T, class OnOutcome>
void merge_record(std::vector<T>& result, const T& record, std::unordered_map<std::string, std::size_t>& index,
                  ImportCounts& counts, OnOutcome on_outcome) {
    const auto found = index.find(record.meta.id);
    if (found == index.end()) {
        index.emplace(record.meta.id, result.size());
        result.push_back(record);
        count(counts, MergeOutcome::added);
        on_outcome(record.meta.id, true);
        return;
    }
    T& existing = result[found->second];
    const MergeOutcome outcome = compare_copies(existing, record, existing.meta.modified, record.meta.modified);
    count(counts, outcome);
    const bool wins = incoming_wins(outcome, existing, record);
    if (wins) existing = record;
    on_outcome(record.meta.id, wins);
}

// The whole merge; preview, merge and extras all read from it so they can never disagree.
struct MergeRun {
    Journal journal;
    ImportPreview preview;
    bool settings_from_incoming = false;
    std::unordered_map<std::string, bool> reflection_winner, contact_winner, message_winner,
        reminder_winner;  // id -> incoming won
};

// Runs the merge one unit at a time: the copy of the current journal, then per collection its
// index and one incoming record per unit, then the settings.
class Merger {
public:
    Merger(const Journal& current, const Journal& incoming) : m_current(current), m_incoming(incoming) {}

    bool done() const { return m_done; }
    MergeRun& run() { return m_run; }
    std::size_t records_done() const { return m_records_done; }

    void unit() {
        if (!m_copied) {
            m_run.journal = m_current;
            m_copied = true;
            return;
        }
        switch (m_collection) {
            case 0:
                return collection(m_run.journal.reflections, m_incoming.reflections, m_run.preview.reflections,
                                  m_run.reflection_winner);
            case 1:
                return collection(m_run.journal.contacts, m_incoming.contacts, m_run.preview.contacts,
                                  m_run.contact_winner);
            case 2:
                return collection(m_run.journal.messages, m_incoming.messages, m_run.preview.messages,
                                  m_run.message_winner);
            case 3:
                return collection(m_run.journal.reminders, m_incoming.reminders, m_run.preview.reminders,
                                  m_run.reminder_winner);
            default: return settings();
        }
    }

private:
    template <class T>
    void collection(std::vector<T>& result, const std::vector<T>& incoming, ImportCounts& counts,
                    std::unordered_map<std::string, bool>& winners) {
        if (!m_indexed) {
            index_ids(result, incoming, m_index);
            m_indexed = true;
            m_next = 0;
            return;
        }
        if (m_next == incoming.size()) {
            ++m_collection;
            m_indexed = false;
            return;
        }
        merge_record(result, incoming[m_next++], m_index, counts, [&](const std::string& id, bool incoming_won) {
            winners[id] = incoming_won;
            m_run.preview.changes_anything = m_run.preview.changes_anything || incoming_won;
        });
        ++m_records_done;
    }

    void settings() {
        m_run.preview.settings = compare_copies(m_current.settings, m_incoming.settings, m_current.settings.modified,
                                                m_incoming.settings.modified);
        m_run.settings_from_incoming = incoming_wins(m_run.preview.settings, m_current.settings, m_incoming.settings);
        if (m_run.settings_from_incoming) {
            m_run.journal.settings = m_incoming.settings;
            m_run.preview.changes_anything = true;
        }
        m_done = true;
    }

    const Journal& m_current;
    const Journal& m_incoming;
    MergeRun m_run;
    bool m_copied = false;
    bool m_done = false;
    int m_collection = 0;
    bool m_indexed = false;
    std::size_t m_next = 0;
    std::size_t m_records_done = 0;
    std::unordered_map<std::string, std::size_t> m_index;
};

MergeRun run_merge(const Journal& current, const Journal& incoming) {
    Merger merger(current, incoming);
    while (!merger.done()) merger.unit();
    return std::move(merger.run());
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

// The merge, then the people of the merged journal compared with the current one's.
struct ImportPreviewer::State {
    State(const Journal& current_journal, const Journal& incoming)
        : current(current_journal), merger(current_journal, incoming) {
        records_total = incoming.reflections.size() + incoming.contacts.size() + incoming.messages.size() +
                        incoming.reminders.size();
    }

    const Journal& current;
    Merger merger;
    std::optional<PeopleChangesWalk> people;
    std::size_t records_total = 0;
    bool done = false;

    void unit() {
        if (!merger.done()) return merger.unit();
        if (!people) {
            people.emplace(current, merger.run().journal);
            return;
        }
        if (!people->step([] { return false; })) {
            merger.run().preview.people = people->take();
            done = true;
        }
    }
};

ImportPreviewer::ImportPreviewer(const Journal& current, const Journal& incoming)
    : m_state(std::make_unique<State>(current, incoming)) {}

ImportPreviewer::~ImportPreviewer() = default;

bool ImportPreviewer::step(const std::function<bool()>& more_time) { return run_units(*m_state, more_time); }

std::size_t ImportPreviewer::records_done() const { return m_state->merger.records_done(); }
std::size_t ImportPreviewer::records_total() const { return m_state->records_total; }

ImportPreview ImportPreviewer::take_preview() { return std::move(m_state->merger.run().preview); }

ImportPreview preview_import(const Journal& current, const Journal& incoming) {
    ImportPreviewer previewer(current, incoming);
    while (previewer.step([] { return true; })) {
    }
    return previewer.take_preview();
}

Journal merge_journals(const Journal& current, const Journal& incoming) { return run_merge(current, incoming).journal; }

namespace {

// The unknown keys that go with a finished merge run: each record keeps its winning copy's.
JournalExtras extras_of_run(const MergeRun& run, const JournalExtras& current_extras,
                            const JournalExtras& incoming_extras) {
    JournalExtras result = current_extras;
    merge_extras_of(result.reflections, incoming_extras.reflections, run.reflection_winner);
    merge_extras_of(result.contacts, incoming_extras.contacts, run.contact_winner);
    merge_extras_of(result.messages, incoming_extras.messages, run.message_winner);
    merge_extras_of(result.reminders, incoming_extras.reminders, run.reminder_winner);
    if (run.settings_from_incoming) result.settings = incoming_extras.settings;
    if (result.document.empty()) result.document = incoming_extras.document;
    return result;
}

}  // namespace

struct ImportMerger::State {
    State(const Journal& current, const JournalExtras& current_x, const Journal& incoming,
          const JournalExtras& incoming_x)
        : merger(current, incoming), current_extras(current_x), incoming_extras(incoming_x) {
        records_total = incoming.reflections.size() + incoming.contacts.size() + incoming.messages.size() +
                        incoming.reminders.size();
    }

    Merger merger;
    const JournalExtras& current_extras;
    const JournalExtras& incoming_extras;
    JournalExtras extras;
    std::size_t records_total = 0;
    bool done = false;

    void unit() {
        if (!merger.done()) return merger.unit();
        extras = extras_of_run(merger.run(), current_extras, incoming_extras);
        done = true;
    }
};

ImportMerger::ImportMerger(const Journal& current, const JournalExtras& current_extras, const Journal& incoming,
                           const JournalExtras& incoming_extras)
    : m_state(std::make_unique<State>(current, current_extras, incoming, incoming_extras)) {}

ImportMerger::~ImportMerger() = default;

bool ImportMerger::step(const std::function<bool()>& more_time) { return run_units(*m_state, more_time); }

std::size_t ImportMerger::records_done() const { return m_state->merger.records_done(); }
std::size_t ImportMerger::records_total() const { return m_state->records_total; }
Journal ImportMerger::take_journal() { return std::move(m_state->merger.run().journal); }
JournalExtras ImportMerger::take_extras() { return std::move(m_state->extras); }

JournalExtras merge_extras(const Journal& current, const JournalExtras& current_extras, const Journal& incoming,
                           const JournalExtras& incoming_extras) {
    return extras_of_run(run_merge(current, incoming), current_extras, incoming_extras);
}

Journal apply_import(const Journal& current, const Journal& incoming, ImportMode mode) {
    return mode == ImportMode::replace ? incoming : merge_journals(current, incoming);
}

}  // namespace debrief
