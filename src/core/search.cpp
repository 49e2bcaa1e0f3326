// Search folds each reflection once into a single string and then needs only substring finds.
#include "core/search.h"

#include "core/record_fields.h"
#include "core/steps.h"
#include "core/text.h"

#include <algorithm>
#include <cstring>

namespace debrief {
namespace {

class TextCollector {
public:
    void add(std::string_view text) {
        if (is_blank(text)) return;
        // A line break between fields keeps a query from matching across two of them.
        if (!m_raw.empty()) m_raw += '\n';
        m_raw += text;
    }
    std::string folded() const { return fold_for_lookup(m_raw); }

private:
    std::string m_raw;
};

// Adds what the field tables (core/record_fields.h) mark as searchable, in table order.
class SearchableFields : public FieldWalker<SearchableFields> {
public:
    explicit SearchableFields(TextCollector& c) : m_c(c) {}

    void text(const FieldInfo& f, const std::string& text) {
        if (f.search == Search::text) m_c.add(text);
    }
    void text_list(const FieldInfo& f, const std::vector<std::string>& texts) {
        if (f.search == Search::none) return;
        for (const std::string& text : texts) {
            m_c.add(text);
            if (f.search == Search::emotions) m_c.add(emotion_name(text));
        }
    }
    // Ids, links, flags, numbers, dates and keys are not something a person types to find a
    // reflection: FieldWalker skips them.

private:
    TextCollector& m_c;
};

// Rough frequency of a byte in folded journal text (higher = more common). Only the order matters.
int commonness(unsigned char c) {
    constexpr std::string_view letters_by_frequency = "etaoinsrhldcumgfpwybvkzjxq";
    if (c == ' ' || c == '\n') return 100;
    const std::size_t letter = letters_by_frequency.find(static_cast<char>(c));
    if (letter != std::string_view::npos) return 90 - static_cast<int>(letter) * 3;
    if (c >= 0xC2 && c <= 0xDF) return 85;  // lead bytes of Arabic, Greek, Cyrillic: every letter has one
    if (c >= 0x80) return 30;
    return 10;  // digits and punctuation
}

// Finds a term by scanning (memchr) for its rarest byte and verifying around each hit, which
// skips most of the text at memory speed instead of stopping at every common first letter.
class TermSearcher {
public:
    explicit TermSearcher(std::string term) : m_term(std::move(term)) {
        for (std::size_t i = 1; i < m_term.size(); ++i) {
            const auto candidate = static_cast<unsigned char>(m_term[i]);
            if (commonness(candidate) < commonness(static_cast<unsigned char>(m_term[m_anchor]))) m_anchor = i;
        }
    }

    bool found_in(const std::string& text) const {
        const std::size_t n = m_term.size();
        if (n > text.size()) return false;
        const char* const data = text.data();
        const char anchor = m_term[m_anchor];
        // Positions where the anchor byte can sit with the whole term inside the text.
        std::size_t pos = m_anchor;
        const std::size_t last = text.size() - n + m_anchor;
        while (pos <= last) {
            const void* hit = std::memchr(data + pos, anchor, last - pos + 1);
            if (!hit) return false;
            const auto at = static_cast<std::size_t>(static_cast<const char*>(hit) - data);
            if (std::memcmp(data + at - m_anchor, m_term.data(), n) == 0) return true;
            pos = at + 1;
        }
        return false;
    }

private:
    std::string m_term;
    std::size_t m_anchor = 0;
};

// Longest terms first: they are usually the rarest, so most reflections are rejected after one scan.
std::vector<TermSearcher> make_searchers(std::vector<std::string> terms) {
    std::stable_sort(terms.begin(), terms.end(),
                     [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    std::vector<TermSearcher> searchers;
    searchers.reserve(terms.size());
    for (const std::string& term : terms) searchers.emplace_back(term);
    return searchers;
}

bool contains_all(const std::string& text, const std::vector<TermSearcher>& searchers) {
    return std::all_of(searchers.begin(), searchers.end(), [&](const TermSearcher& s) { return s.found_in(text); });
}

}  // namespace

bool matches_filter(const Reflection& r, const Filter& filter) {
    if (r.meta.deleted && !filter.include_deleted) return false;
    if (filter.ending && r.ending != *filter.ending) return false;
    return !filter.stage || r.stage == *filter.stage;
}

std::string searchable_text(const Reflection& r) {
    TextCollector c;
    SearchableFields fields(c);
    visit_fields(r, fields);
    return c.folded();
}

std::vector<std::string> query_terms(std::string_view query) {
    const std::string folded = fold_for_lookup(query);
    std::vector<std::string> terms;
    std::size_t pos = 0;
    while (pos < folded.size()) {
        if (is_space(folded[pos])) {
            ++pos;
            continue;
        }
        const bool quoted = folded[pos] == '"';
        const std::size_t start = quoted ? pos + 1 : pos;
        std::size_t end = quoted ? folded.find('"', start) : start;
        if (!quoted) {
            while (end < folded.size() && !is_space(folded[end])) ++end;
        }
        if (end == std::string::npos) end = folded.size();
        std::string term = collapse_whitespace(std::string_view(folded).substr(start, end - start));
        if (!term.empty()) terms.push_back(std::move(term));
        pos = end + 1;
    }
    return terms;
}

const std::string& SearchIndex::entry_for(const Reflection& r) {
    auto [it, inserted] = m_entries.try_emplace(r.meta.id);
    Entry& e = it->second;
    if (!inserted && e.generation == m_generation) {
        // The same id twice in one journal: keep the second copy's text apart from the first.
        ++m_last_refolded;
        return m_duplicates.emplace_back(searchable_text(r));
    }
    if (inserted || e.modified != r.meta.modified) {
        e.folded = searchable_text(r);
        e.modified = r.meta.modified;
        ++m_last_refolded;
    }
    e.generation = m_generation;
    return e.folded;
}

void SearchIndex::forget_unseen() {
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        it = it->second.generation == m_generation ? std::next(it) : m_entries.erase(it);
    }
}

bool SearchIndex::refresh(const std::vector<Reflection>& reflections) {
    ++m_generation;
    m_last_refolded = 0;
    m_duplicates.clear();
    std::vector<const std::string*> rows;
    rows.reserve(reflections.size());
    for (const Reflection& r : reflections) rows.push_back(&entry_for(r));
    if (m_entries.size() > reflections.size()) forget_unseen();
    // Entries live in a node-based map, so equal pointers in equal order with nothing refolded
    // mean the same texts in the same rows.
    const bool changed = m_last_refolded > 0 || rows != m_rows;
    m_rows = std::move(rows);
    return changed;
}

namespace {

bool same_filter(const Filter& a, const Filter& b) {
    return a.ending == b.ending && a.stage == b.stage && a.include_deleted == b.include_deleted;
}

// True when every text matching `now` also matches `before`: each earlier term is part of a
// current one ("port" -> "portfolio", or a term added).
bool narrows(const std::vector<std::string>& before, const std::vector<std::string>& now) {
    return std::all_of(before.begin(), before.end(), [&](const std::string& old_term) {
        return std::any_of(now.begin(), now.end(),
                           [&](const std::string& term) { return term.find(old_term) != std::string::npos; });
    });
}

}  // namespace

std::vector<std::size_t> SearchIndex::search(const std::vector<Reflection>& reflections, std::string_view query,
                                             const Filter& filter) {
    return search(reflections, std::nullopt, query, filter);
}

std::vector<std::size_t> SearchIndex::search(const std::vector<Reflection>& reflections, std::uint64_t revision,
                                             std::string_view query, const Filter& filter) {
    return search(reflections, std::optional<std::uint64_t>(revision), query, filter);
}

std::vector<std::size_t> SearchIndex::search(const std::vector<Reflection>& reflections,
                                             std::optional<std::uint64_t> revision, std::string_view query,
                                             const Filter& filter) {
    std::vector<std::string> terms = query_terms(query);
    std::vector<std::size_t> hits;
    if (terms.empty()) {
        for (std::size_t i = 0; i < reflections.size(); ++i) {
            if (matches_filter(reflections[i], filter)) hits.push_back(i);
        }
        return hits;
    }
    const bool known_current = revision && m_revision == revision && m_rows.size() == reflections.size();
    const bool changed = known_current ? false : refresh(reflections);
    m_revision = revision;
    const bool narrowing =
        !changed && m_last_valid && same_filter(filter, m_last_filter) && narrows(m_last_terms, terms);
    const std::vector<TermSearcher> searchers = make_searchers(terms);
    const auto consider = [&](std::size_t i) {
        if (matches_filter(reflections[i], filter) && contains_all(*m_rows[i], searchers)) hits.push_back(i);
    };
    if (narrowing) {
        for (std::size_t i : m_last_hits) consider(i);
    } else {
        for (std::size_t i = 0; i < reflections.size(); ++i) consider(i);
    }
    m_last_terms = std::move(terms);
    m_last_filter = filter;
    m_last_hits = hits;
    m_last_valid = true;
    return hits;
}

std::vector<std::size_t> search_reflections(const Journal& journal, std::string_view query, const Filter& filter) {
    SearchIndex index;
    return index.search(journal.reflections, query, filter);
}

}  // namespace debrief
