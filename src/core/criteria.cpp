// Profile aggregation keyed by folded text, so "Dog-friendly " and "dog-friendly" are one criterion.
#include "core/criteria.h"

#include "core/dates.h"
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

std::map<std::string, Mention> mentions_in(const Reflection& r) {
    std::map<std::string, Mention> mentions;
    for (const LovedItem& item : r.loved) {
        std::string key = normalize_key(item.text);
        if (key.empty()) continue;
        Mention& m = mentions[key];
        if (m.text.empty()) m.text = collapse_whitespace(item.text);
        m.weight = std::max(m.weight, std::clamp(item.weight, 1, 5));
    }
    for (const Criterion& c : r.criteria) {
        std::string key = normalize_key(c.text);
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

bool ranks_before(const ProfileEntry& a, const ProfileEntry& b) {
    const auto recent_a = days_from_civil(a.most_recent);
    const auto recent_b = days_from_civil(b.most_recent);
    return std::tie(b.reflection_count, b.total_weight, recent_b, a.key) <
           std::tie(a.reflection_count, a.total_weight, recent_a, b.key);
}

// [SECTION] Search phrase

std::string phrase_term(std::string_view text) {
    std::string clean;
    for (const char c : text) {
        if (c != '"') clean += c;
    }
    clean = collapse_whitespace(clean);
    if (clean.find(' ') != std::string::npos) return '"' + clean + '"';
    return clean;
}

class PhraseBuilder {
public:
    void add(std::string_view text, std::string_view prefix = {}) {
        const std::string term = phrase_term(text);
        std::string key = normalize_key(term);
        if (term.empty() || std::find(m_keys.begin(), m_keys.end(), key) != m_keys.end()) return;
        m_keys.push_back(std::move(key));
        if (!m_out.empty()) m_out += ' ';
        m_out += prefix;
        m_out += term;
    }
    std::string take() { return std::move(m_out); }

private:
    std::vector<std::string> m_keys;
    std::string m_out;
};

void add_kind(PhraseBuilder& b, const Profile& p, CriterionKind kind, std::size_t limit, std::string_view prefix = {}) {
    std::size_t added = 0;
    for (const ProfileEntry& e : p.entries) {
        if (added == limit) break;
        if (e.kind != kind) continue;
        b.add(e.text, prefix);
        ++added;
    }
}

}  // namespace

Profile build_profile(const std::vector<Reflection>& reflections, const Settings& settings) {
    std::map<std::string, Tally> tallies;
    for (const Reflection& r : reflections) {
        if (r.meta.deleted) continue;
        const Date when = reflection_date(r);
        for (const auto& [key, mention] : mentions_in(r)) add_mention(tallies[key], key, mention, when);
    }
    Profile profile;
    for (auto& [key, tally] : tallies) {
        resolve_kind(tally.entry, tally.kind_counts, settings);
        profile.entries.push_back(std::move(tally.entry));
    }
    std::sort(profile.entries.begin(), profile.entries.end(), ranks_before);
    return profile;
}

Profile build_profile(const Journal& journal) { return build_profile(journal.reflections, journal.settings); }

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

std::string search_phrase(const Profile& profile, const Settings& settings, const PhraseLimits& limits) {
    PhraseBuilder b;
    add_kind(b, profile, CriterionKind::must_have, limits.must_haves);
    add_kind(b, profile, CriterionKind::nice_to_have, limits.nice_to_haves);
    b.add(settings.search_location);
    add_kind(b, profile, CriterionKind::deal_breaker, limits.exclusions, "-");
    return b.take();
}

}  // namespace debrief
