// Search folds each reflection once into a single string and then needs only substring finds.
#include "core/search.h"

#include "core/i18n.h"
#include "core/steps.h"
#include "core/text.h"

#include <algorithm>

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
    template <class T>
    void add_texts(const std::vector<T>& items) {
        for (const T& item : items) add(item.text);
    }
    std::string folded() const { return fold_for_search(m_raw); }

private:
    std::string m_raw;
};

void collect_steps(TextCollector& c, const Reflection& r) {
    c.add(r.vent.letter);
    for (const std::string& key : r.vent.emotions) {
        c.add(key);
        c.add(emotion_name(key));
    }
    c.add_texts(r.wins);
    const ReflectStep& s = r.reflect;
    for (const std::string* field : {&s.fit, &s.missing_skills, &s.went_well, &s.do_better, &s.tripped_questions,
                                     &s.should_have_highlighted, &s.likely_reasons}) {
        c.add(*field);
    }
    c.add(r.feedback.recruiter_name);
    c.add(r.feedback.recruiter_email);
    c.add(r.feedback.similar_role);
    c.add_texts(r.loved);
    c.add_texts(r.criteria);
    for (const ArmyMember& m : r.army) c.add(m.name);
    c.add(r.army_note);
    c.add(r.resilience.lesson);
    c.add(r.resilience.next_action);
}

bool contains_all(const std::string& text, const std::vector<std::string>& terms) {
    return std::all_of(terms.begin(), terms.end(),
                       [&](const std::string& term) { return text.find(term) != std::string::npos; });
}

}  // namespace

bool matches_filter(const Reflection& r, const Filter& filter) {
    if (r.meta.deleted && !filter.include_deleted) return false;
    if (filter.ending && r.ending != *filter.ending) return false;
    return !filter.stage || r.stage == *filter.stage;
}

std::string searchable_text(const Reflection& r) {
    TextCollector c;
    for (const std::string* field : {&r.company, &r.role, &r.location, &r.found_via, &r.rejection_message}) {
        c.add(*field);
    }
    collect_steps(c, r);
    return c.folded();
}

std::vector<std::string> query_terms(std::string_view query) {
    const std::string folded = fold_for_search(query);
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

void SearchIndex::refresh(const std::vector<Reflection>& reflections) {
    ++m_generation;
    m_last_refolded = 0;
    m_duplicates.clear();
    m_rows.clear();
    m_rows.reserve(reflections.size());
    for (const Reflection& r : reflections) m_rows.push_back(&entry_for(r));
    if (m_entries.size() > reflections.size()) forget_unseen();
}

std::vector<std::size_t> SearchIndex::search(const std::vector<Reflection>& reflections, std::string_view query,
                                             const Filter& filter) {
    refresh(reflections);
    const std::vector<std::string> terms = query_terms(query);
    std::vector<std::size_t> hits;
    for (std::size_t i = 0; i < reflections.size(); ++i) {
        if (matches_filter(reflections[i], filter) && contains_all(*m_rows[i], terms)) hits.push_back(i);
    }
    return hits;
}

std::vector<std::size_t> search_reflections(const Journal& journal, std::string_view query, const Filter& filter) {
    SearchIndex index;
    return index.search(journal.reflections, query, filter);
}

}  // namespace debrief
