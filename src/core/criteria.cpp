// Profile aggregation keyed by folded text, so "Dog-friendly " and "dog-friendly" are one criterion.
#include "core/criteria.h"

#include "core/dates.h"
#include "core/i18n.h"
#include "core/keywords.h"
#include "core/text.h"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

namespace debrief {
namespace {

// What one reflection says about one key.
struct Mention {
    std::string text;
    int weight = 0;
    bool from_criterion = false;
    std::array<int, 3> kind_counts{};
};

struct Tally {
    ProfileEntry entry;
    std::array<int, 3> kind_counts{};
};

Date reflection_date(const Reflection& r) {
    if (r.rejected_on) return *r.rejected_on;
    if (r.last_interview_on) return *r.last_interview_on;
    if (r.applied_on) return *r.applied_on;
    return local_date(r.meta.created);
}

// Follows the user's merges from `key` to the entry it now counts as. A hand-edited file could hold
// a cycle, so the walk stops after as many steps as there are merges.
std::string merged_key(const Settings& settings, std::string key) {
    for (std::size_t step = 0; step < settings.profile_merges.size(); ++step) {
        const auto it = std::find_if(settings.profile_merges.begin(), settings.profile_merges.end(),
                                     [&](const ProfileMerge& m) { return normalize_key(m.key) == key; });
        if (it == settings.profile_merges.end()) break;
        std::string into = normalize_key(it->into);
        if (into.empty() || into == key) break;
        key = std::move(into);
    }
    return key;
}

std::map<std::string, Mention> mentions_in(const Reflection& r, const Settings& settings) {
    std::map<std::string, Mention> mentions;
    for (const LovedItem& item : r.loved) {
        std::string key = merged_key(settings, normalize_key(item.text));
        if (key.empty()) continue;
        Mention& m = mentions[key];
        if (m.text.empty()) m.text = collapse_whitespace(item.text);
        m.weight = std::max(m.weight, std::clamp(item.weight, 1, 5));
    }
    for (const Criterion& c : r.criteria) {
        std::string key = merged_key(settings, normalize_key(c.text));
        if (key.empty()) continue;
        Mention& m = mentions[key];
        // The criterion wording is the one the user shaped for searching, so it wins.
        if (!m.from_criterion) m.text = collapse_whitespace(c.text);
        m.from_criterion = true;
        m.kind_counts[static_cast<std::size_t>(c.kind)] = 1;
        if (m.weight == 0) m.weight = criterion_default_weight;
    }
    return mentions;
}

void add_mention(Tally& t, const std::string& key, const Mention& m, Date when) {
    ProfileEntry& e = t.entry;
    e.key = key;
    if (e.reflection_count == 0 || !(when < e.most_recent)) {
        e.text = m.text;
        e.most_recent = when;
    }
    ++e.reflection_count;
    e.total_weight += m.weight;
    for (std::size_t k = 0; k < t.kind_counts.size(); ++k) t.kind_counts[k] += m.kind_counts[k];
}

// Ties go to the stronger statement: a deal-breaker said once should not be silently softened.
CriterionKind most_common_kind(const std::array<int, 3>& counts) {
    static constexpr std::array<CriterionKind, 3> by_strength{CriterionKind::deal_breaker, CriterionKind::must_have,
                                                              CriterionKind::nice_to_have};
    CriterionKind best = CriterionKind::nice_to_have;
    int best_count = 0;
    for (const CriterionKind kind : by_strength) {
        const int count = counts[static_cast<std::size_t>(kind)];
        if (count > best_count) {
            best = kind;
            best_count = count;
        }
    }
    return best;
}

const ProfileChoice* find_choice(const Settings& settings, const std::string& key) {
    for (const ProfileChoice& choice : settings.profile_choices) {
        if (normalize_key(choice.key) == key) return &choice;
    }
    return nullptr;
}

void resolve_kind(ProfileEntry& e, const std::array<int, 3>& counts, const Settings& settings) {
    if (const ProfileChoice* choice = find_choice(settings, e.key)) {
        e.kind = choice->kind;
        e.kind_source = KindSource::user_choice;
        return;
    }
    const bool stated = counts[0] + counts[1] + counts[2] > 0;
    e.kind = stated ? most_common_kind(counts) : CriterionKind::nice_to_have;
    e.kind_source = stated ? KindSource::reflections : KindSource::loved_default;
}

void resolve_keyword(ProfileEntry& e, const Settings& settings, Language language) {
    e.suggested_keyword = suggest_keyword(e.text, language);
    for (const ProfileKeyword& k : settings.profile_keywords) {
        const std::string keyword = collapse_whitespace(k.keyword);
        if (normalize_key(k.key) == e.key && !keyword.empty()) {
            e.keyword = keyword;
            e.keyword_is_users = true;
            return;
        }
    }
    // A text with nothing but stopwords still searches for something: its own words.
    e.keyword = e.suggested_keyword.empty() ? e.text : e.suggested_keyword;
}

struct DatedRole {
    Date when;
    std::string text;
};

// Distinct by folded text, the most recent spelling, most recent first.
std::vector<std::string> roles_of(const std::vector<Reflection>& reflections) {
    std::map<std::string, DatedRole> roles;
    for (const Reflection& r : reflections) {
        if (r.meta.deleted) continue;
        const std::string key = normalize_key(r.role);
        if (key.empty()) continue;
        const Date when = reflection_date(r);
        auto [it, added] = roles.try_emplace(key, DatedRole{when, collapse_whitespace(r.role)});
        if (!added && it->second.when < when) it->second = DatedRole{when, collapse_whitespace(r.role)};
    }
    std::vector<std::pair<std::string, DatedRole>> sorted(roles.begin(), roles.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return b.second.when < a.second.when; });
    std::vector<std::string> out;
    for (auto& [key, role] : sorted) out.push_back(std::move(role.text));
    return out;
}

bool ranks_before(const ProfileEntry& a, const ProfileEntry& b) {
    const auto recent_a = days_from_civil(a.most_recent);
    const auto recent_b = days_from_civil(b.most_recent);
    return std::tie(b.reflection_count, b.total_weight, recent_b, a.key) <
           std::tie(a.reflection_count, a.total_weight, recent_a, b.key);
}

// [SECTION] Search query

std::string clean_term(std::string_view text) {
    std::string clean;
    for (const char c : text) {
        if (c != '"' && c != '(' && c != ')') clean += c;
    }
    return collapse_whitespace(clean);
}

// Quoted when it has several words, or is itself an operator word a board would read as one.
std::string query_term(const std::string& term) {
    if (term.find(' ') != std::string::npos || term == "AND" || term == "OR" || term == "NOT") return '"' + term + '"';
    return term;
}

// Keeps each term once across the whole search, by folded text.
class TermSet {
public:
    bool add(const std::string& term, std::vector<std::string>& into) {
        std::string key = normalize_key(term);
        if (key.empty() || std::find(m_keys.begin(), m_keys.end(), key) != m_keys.end()) return false;
        m_keys.push_back(std::move(key));
        into.push_back(term);
        return true;
    }

private:
    std::vector<std::string> m_keys;
};

void add_kind(TermSet& seen, std::vector<std::string>& into, const Profile& p, CriterionKind kind, std::size_t limit) {
    for (const ProfileEntry& e : p.entries) {
        if (into.size() == limit) break;
        if (e.kind == kind) seen.add(clean_term(e.keyword), into);
    }
}

// Sentence case for scripts that have it; Arabic has no capitals and is left as it is.
std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

}  // namespace

Importance importance(const ProfileEntry& entry) {
    if (entry.reflection_count <= 0) return Importance::some;
    // Loved items weigh 1..5 and a bare criterion 3: on average 4 or more is "a lot", under 2.5 "a little".
    if (entry.total_weight >= 4 * entry.reflection_count) return Importance::a_lot;
    if (2 * entry.total_weight < 5 * entry.reflection_count) return Importance::a_little;
    return Importance::some;
}

Profile build_profile(const std::vector<Reflection>& reflections, const Settings& settings, Language language) {
    std::map<std::string, Tally> tallies;
    for (const Reflection& r : reflections) {
        if (r.meta.deleted) continue;
        const Date when = reflection_date(r);
        for (const auto& [key, mention] : mentions_in(r, settings)) add_mention(tallies[key], key, mention, when);
    }
    Profile profile;
    profile.roles = roles_of(reflections);
    for (auto& [key, tally] : tallies) {
        resolve_kind(tally.entry, tally.kind_counts, settings);
        resolve_keyword(tally.entry, settings, language);
        profile.entries.push_back(std::move(tally.entry));
    }
    std::sort(profile.entries.begin(), profile.entries.end(), ranks_before);
    return profile;
}

Profile build_profile(const Journal& journal, Language language) {
    return build_profile(journal.reflections, journal.settings, language);
}

void set_profile_choice(Settings& settings, std::string_view key, CriterionKind kind) {
    const std::string normalized = normalize_key(key);
    clear_profile_choice(settings, normalized);
    settings.profile_choices.push_back({normalized, kind});
}

void clear_profile_choice(Settings& settings, std::string_view key) {
    const std::string normalized = normalize_key(key);
    auto& choices = settings.profile_choices;
    choices.erase(std::remove_if(choices.begin(), choices.end(),
                                 [&](const ProfileChoice& c) { return normalize_key(c.key) == normalized; }),
                  choices.end());
}

void set_profile_keyword(Settings& settings, std::string_view key, std::string_view keyword) {
    const std::string normalized = normalize_key(key);
    auto& keywords = settings.profile_keywords;
    keywords.erase(std::remove_if(keywords.begin(), keywords.end(),
                                  [&](const ProfileKeyword& k) { return normalize_key(k.key) == normalized; }),
                   keywords.end());
    std::string clean = collapse_whitespace(keyword);
    if (!clean.empty()) keywords.push_back({normalized, std::move(clean)});
}

std::vector<NearDuplicate> near_duplicates(const Profile& profile) {
    std::map<std::string, const ProfileEntry*> first_by_words;  // entries are ranked: the first one stays
    std::vector<NearDuplicate> out;
    for (const ProfileEntry& e : profile.entries) {
        const std::string words = word_key(e.text);
        if (words.empty()) continue;
        const auto [it, added] = first_by_words.try_emplace(words, &e);
        if (!added) out.push_back({e.key, it->second->key, it->second->text});
    }
    return out;
}

void merge_profile_entries(Settings& settings, std::string_view key, std::string_view into) {
    const std::string from = normalize_key(key);
    const std::string target = normalize_key(into);
    if (from.empty() || target.empty() || from == target) return;
    auto& merges = settings.profile_merges;
    merges.erase(std::remove_if(merges.begin(), merges.end(),
                                [&](const ProfileMerge& m) { return normalize_key(m.key) == from; }),
                 merges.end());
    // An entry merged into `from` earlier now goes straight to the target, so no chain or cycle forms.
    for (ProfileMerge& m : merges) {
        if (normalize_key(m.into) == from) m.into = target;
    }
    merges.push_back({from, target});
}

SearchParts search_parts(const Profile& profile, const Settings& settings, const SearchLimits& limits) {
    SearchParts parts;
    TermSet seen;
    for (const std::string& role : profile.roles) {
        if (parts.roles.size() == limits.roles) break;
        seen.add(clean_term(role), parts.roles);
    }
    add_kind(seen, parts.musts, profile, CriterionKind::must_have, limits.must_haves);
    std::vector<std::string> location;
    if (seen.add(clean_term(settings.search_location), location)) parts.location = location.front();
    add_kind(seen, parts.exclusions, profile, CriterionKind::deal_breaker, limits.exclusions);
    return parts;
}

std::string search_query(const SearchParts& parts) {
    std::vector<std::string> all_of;
    if (parts.roles.size() == 1) all_of.push_back(query_term(parts.roles.front()));
    if (parts.roles.size() > 1) {
        std::string any = "(";
        for (std::size_t i = 0; i < parts.roles.size(); ++i) any += (i ? " OR " : "") + query_term(parts.roles[i]);
        all_of.push_back(any + ")");
    }
    for (const std::string& term : parts.musts) all_of.push_back(query_term(term));
    if (!parts.location.empty()) all_of.push_back(query_term(parts.location));
    if (all_of.empty()) return {};
    std::string query;
    for (const std::string& term : all_of) query += (query.empty() ? "" : " AND ") + term;
    for (const std::string& term : parts.exclusions) query += " NOT " + query_term(term);
    return query;
}

std::string describe_search(const SearchParts& parts, Language language) {
    const bool roles = !parts.roles.empty();
    const bool terms = !parts.musts.empty();
    const bool place = !parts.location.empty();
    if (!roles && !terms && !place) return {};
    // One whole sentence per combination, so translators can order the parts as their language needs.
    static constexpr std::string_view keys[8] = {"",                            // nothing: handled above
                                                 "profile.search.place",        // place
                                                 "profile.search.terms",        // terms
                                                 "profile.search.terms_place",  // terms, place
                                                 "profile.search.roles",        // roles
                                                 "profile.search.roles_place",  // roles, place
                                                 "profile.search.roles_terms",  // roles, terms
                                                 "profile.search.roles_terms_place"};
    const std::string role_list = join_list(language, parts.roles, "profile.list.or_end");
    const std::string term_list = join_list(language, parts.musts);
    std::string sentence =
        capitalised(format_text(tr_in(language, keys[(roles ? 4 : 0) + (terms ? 2 : 0) + (place ? 1 : 0)]),
                                {{"roles", role_list}, {"terms", term_list}, {"place", parts.location}}));
    if (!parts.exclusions.empty()) {
        const std::string excluded = join_list(language, parts.exclusions, "profile.list.or_end");
        sentence += ' ';
        sentence += format_text(tr_in(language, "profile.search.leaving_out"), {{"terms", excluded}});
    }
    return sentence;
}

}  // namespace debrief
