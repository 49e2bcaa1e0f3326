// The criteria profile: what the user loved and asked for, accumulated and ranked across reflections.
#pragma once

#include "core/journal.h"

#include <string>
#include <string_view>
#include <vector>

namespace debrief {

// Where an entry's kind came from, so the UI can say "you chose this" vs "suggested".
enum class KindSource { loved_default, reflections, user_choice };

struct ProfileEntry {
    std::string key;   // normalize_key() of the text: the identity across reflections and in Settings
    std::string text;  // as last written, whitespace collapsed
    CriterionKind kind = CriterionKind::nice_to_have;
    KindSource kind_source = KindSource::loved_default;
    int reflection_count = 0;  // in how many reflections it appears
    int total_weight = 0;      // sum over reflections of how much it mattered there
    Date most_recent;          // the latest reflection it appears in
    std::string keyword;       // the term the search query uses: the user's own, else the suggestion
    std::string suggested_keyword;
    bool keyword_is_users = false;
};

// How much an entry mattered on average where it came up, in words a person uses.
enum class Importance { a_little, some, a_lot };
Importance importance(const ProfileEntry& entry);

// Entries ranked best first: recurring ones, then heavier ones, then recent ones.
struct Profile {
    std::vector<ProfileEntry> entries;
    std::vector<std::string> roles;  // distinct role titles, most recent reflection first
};

// The weight a bare criterion (no loved item behind it) adds for its reflection.
constexpr int criterion_default_weight = 3;

// Deleted reflections (in the trash) are ignored. Mentions of a merged entry count as its target's.
// `language` breaks ties when guessing a criterion's language for its suggested keyword.
Profile build_profile(const std::vector<Reflection>& reflections, const Settings& settings,
                      Language language = Language::en);
Profile build_profile(const Journal& journal, Language language = Language::en);

// Records the user's own classification of an entry (replacing an earlier one).
void set_profile_choice(Settings& settings, std::string_view key, CriterionKind kind);
void clear_profile_choice(Settings& settings, std::string_view key);

// The user's own keyword for an entry; an empty one goes back to the suggestion.
void set_profile_keyword(Settings& settings, std::string_view key, std::string_view keyword);

// An entry written the same words another way as a higher-ranked one ("remote-friendly!" under
// "Remote friendly"), which the profile offers to merge into it.
struct NearDuplicate {
    std::string key;
    std::string into;
    std::string into_text;
};
std::vector<NearDuplicate> near_duplicates(const Profile& profile);

// Remembers that `key` counts as `into` from now on (both folded; chains resolve to the last).
void merge_profile_entries(Settings& settings, std::string_view key, std::string_view into);

struct SearchLimits {
    std::size_t roles = 3;
    std::size_t must_haves = 4;
    std::size_t exclusions = 3;
};

// What the targeted search asks for, as display terms: roles (any of them), must-have keywords and
// the location (all of them), deal-breaker keywords (none of them). Nice-to-haves stay out: a job
// board would demand them too. Terms repeated across parts are kept once, where first met.
struct SearchParts {
    std::vector<std::string> roles;
    std::vector<std::string> musts;
    std::string location;
    std::vector<std::string> exclusions;
};
SearchParts search_parts(const Profile& profile, const Settings& settings, const SearchLimits& limits = {});

// The boolean query job boards accept, e.g.
// `("product designer" OR "UX designer") AND remote AND "design critique" AND Berlin NOT unpaid`.
// Multi-word terms are quoted; quotes and parentheses inside terms are dropped so the query stays
// well-formed. Exclusions alone make no search, so they need at least one other term.
std::string search_query(const SearchParts& parts);

// The same search as a sentence in `language`, e.g. "Product designer or UX designer roles in
// Berlin that mention remote and design critique. Leaving out anything that mentions unpaid."
std::string describe_search(const SearchParts& parts, Language language);

}  // namespace debrief
