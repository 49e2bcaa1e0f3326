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
};

// Entries ranked best first: recurring ones, then heavier ones, then recent ones.
struct Profile {
    std::vector<ProfileEntry> entries;
};

// The weight a bare criterion (no loved item behind it) adds for its reflection.
constexpr int criterion_default_weight = 3;

// Deleted reflections (in the trash) are ignored.
Profile build_profile(const std::vector<Reflection>& reflections, const Settings& settings);
Profile build_profile(const Journal& journal);

// Records the user's own classification of an entry (replacing an earlier one).
void set_profile_choice(Settings& settings, std::string_view key, CriterionKind kind);
void clear_profile_choice(Settings& settings, std::string_view key);

struct PhraseLimits {
    std::size_t must_haves = 4;
    std::size_t nice_to_haves = 3;
    std::size_t exclusions = 3;
};

// A targeted search query: must-haves, then nice-to-haves, then the location, then deal-breakers as
// exclusions, e.g. `"product manager" mid-level start-up dog-friendly Seattle -agency`. Multi-word
// terms are quoted; quotes inside terms are dropped so the query stays well-formed.
std::string search_phrase(const Profile& profile, const Settings& settings, const PhraseLimits& limits = {});

}  // namespace debrief
