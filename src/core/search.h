// Full-text search over the journal's reflections, with a cache of folded text for speed.
#pragma once

#include "core/journal.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace debrief {

struct Filter {
    std::optional<Ending> ending;
    std::optional<Stage> stage;
    bool include_deleted = false;
};

bool matches_filter(const Reflection& r, const Filter& filter);

// Every piece of text the user wrote in a reflection, folded by fold_for_lookup() (core/text.h:
// case, accents, Arabic letter forms, and ae/oe/ue for umlauts), one field per line.
std::string searchable_text(const Reflection& r);

// The terms of a query, folded the same way: words split on whitespace; "quoted phrases" stay
// together.
std::vector<std::string> query_terms(std::string_view query);

// Caches searchable_text() per reflection id and `meta.modified`, so typing in the search box only
// re-folds reflections that changed since the last search. Relies on the app bumping `modified`
// on every edit, which it must do anyway for merges.
class SearchIndex {
public:
    // Indices into `reflections` whose text contains every query term (case- and accent-
    // insensitive) and which pass the filter, in journal order. An empty query matches all and
    // folds nothing. While the journal is unchanged, a query that only adds to the last one (the
    // next keystroke) is searched among the last hits only.
    std::vector<std::size_t> search(const std::vector<Reflection>& reflections, std::string_view query,
                                    const Filter& filter);
    // The same, for a caller that numbers its journal's states: while `revision` stays the same the
    // cache is known to be current and is not checked row by row (10,000 lookups per keystroke).
    std::vector<std::size_t> search(const std::vector<Reflection>& reflections, std::uint64_t revision,
                                    std::string_view query, const Filter& filter);

    // Brings the cache up to date with `reflections` (search() does this itself). False when
    // nothing changed since the last refresh.
    bool refresh(const std::vector<Reflection>& reflections);

    // How many reflections the last refresh had to fold (for tests and benchmarks).
    std::size_t last_refolded() const { return m_last_refolded; }

private:
    struct Entry {
        Timestamp modified;
        std::string folded;
        std::size_t generation = 0;
    };

    std::vector<std::size_t> search(const std::vector<Reflection>& reflections, std::optional<std::uint64_t> revision,
                                    std::string_view query, const Filter& filter);
    const std::string& entry_for(const Reflection& r);
    void forget_unseen();

    std::unordered_map<std::string, Entry> m_entries;
    std::deque<std::string> m_duplicates;  // rows whose id repeats within one journal (damaged data)
    std::vector<const std::string*> m_rows;
    // The last search with terms, for narrowing.
    std::vector<std::string> m_last_terms;
    Filter m_last_filter;
    std::vector<std::size_t> m_last_hits;
    bool m_last_valid = false;
    std::optional<std::uint64_t> m_revision;  // of the journal the cache was last refreshed from
    std::size_t m_generation = 0;
    std::size_t m_last_refolded = 0;
};

// One-off search without a cache (folds everything).
std::vector<std::size_t> search_reflections(const Journal& journal, std::string_view query, const Filter& filter);

}  // namespace debrief
