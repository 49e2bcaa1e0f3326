// The guided reflection's eight steps: progress, navigation, auto-completion and small derived facts.
#pragma once

#include "core/id_source.h"
#include "core/journal.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace debrief {

struct StepProgress {
    int done = 0;
    int skipped = 0;
    int current = 0;  // index of the step to show, always within 0..step_count-1
    int total = step_count;
};

StepId step_at(int index);  // clamps out-of-range indices (stored data may be damaged)
int step_index(StepId step);
StepId current_step(const Reflection& r);

StepProgress progress(const Reflection& r);

// Every step has been either done or deliberately skipped.
bool is_complete(const Reflection& r);

void mark_step(Reflection& r, StepId step, StepState state);

// True when the user has written or chosen anything in that step.
bool step_has_content(const Reflection& r, StepId step);

// Moves on. The step being left becomes done when it has content and skipped when it has none,
// so an empty step the user walked past is not counted as finished.
void go_next(Reflection& r);

// Moves back without changing any state.
void go_back(Reflection& r);

// Marks the current step skipped (its content is kept) and moves on.
void skip_step(Reflection& r);

void go_to_step(Reflection& r, StepId step);

// mood_after - mood_before, when both were recorded.
std::optional<int> mood_change(const Reflection& r);

// The emotion keys offered in the vent step, in display order.
const std::vector<std::string_view>& emotions();
std::string emotion_name(std::string_view key);  // translated; the key itself when unknown

// Suggested criteria from the loved items: weight 4-5 becomes a must-have, the rest nice-to-have.
// Items whose folded text already appears among the criteria (or earlier in the list) are skipped.
std::vector<Criterion> criteria_from_loved(const Reflection& r, const IdSource& next_id);

}  // namespace debrief
