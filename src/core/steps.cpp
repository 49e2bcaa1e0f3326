// Step state rules for the guided reflection; pure functions over a Reflection.
#include "core/steps.h"

#include "core/i18n.h"
#include "core/text.h"

#include <algorithm>
#include <initializer_list>

namespace debrief {
namespace {

constexpr int must_have_weight = 4;

bool any_text(std::initializer_list<const std::string*> fields) {
    return std::any_of(fields.begin(), fields.end(), [](const std::string* s) { return !is_blank(*s); });
}

template <class T>
bool any_item_text(const std::vector<T>& items) {
    return std::any_of(items.begin(), items.end(), [](const T& item) { return !is_blank(item.text); });
}

bool vent_has_content(const VentStep& v) {
    return !is_blank(v.letter) || v.mood_before.has_value() || !v.emotions.empty();
}

bool reflect_has_content(const ReflectStep& s) {
    return any_text({&s.fit, &s.missing_skills, &s.went_well, &s.do_better, &s.tripped_questions,
                     &s.should_have_highlighted, &s.likely_reasons});
}

bool feedback_has_content(const FeedbackStep& f) {
    return any_text({&f.recruiter_name, &f.recruiter_email, &f.similar_role}) || f.sent;
}

bool army_has_content(const Reflection& r) {
    const bool named = std::any_of(r.army.begin(), r.army.end(), [](const ArmyMember& m) { return !is_blank(m.name); });
    return named || !is_blank(r.army_note);
}

bool resilience_has_content(const ResilienceStep& s) {
    return any_text({&s.lesson, &s.next_action}) || s.mood_after.has_value();
}

void advance(Reflection& r) { r.current_step = std::min(step_index(current_step(r)) + 1, step_count - 1); }

}  // namespace

StepId step_at(int index) { return static_cast<StepId>(std::clamp(index, 0, step_count - 1)); }

int step_index(StepId step) { return static_cast<int>(step); }

StepId current_step(const Reflection& r) { return step_at(r.current_step); }

StepProgress progress(const Reflection& r) {
    StepProgress p;
    for (const StepState s : r.steps) {
        if (s == StepState::done) ++p.done;
        if (s == StepState::skipped) ++p.skipped;
    }
    p.current = step_index(current_step(r));
    return p;
}

bool is_complete(const Reflection& r) {
    return std::none_of(r.steps.begin(), r.steps.end(), [](StepState s) { return s == StepState::untouched; });
}

void mark_step(Reflection& r, StepId step, StepState state) {
    r.steps[static_cast<std::size_t>(step_index(step))] = state;
}

bool step_has_content(const Reflection& r, StepId step) {
    switch (step) {
        case StepId::vent: return vent_has_content(r.vent);
        case StepId::wins: return any_item_text(r.wins);
        case StepId::reflect: return reflect_has_content(r.reflect);
        case StepId::feedback: return feedback_has_content(r.feedback);
        case StepId::loved: return any_item_text(r.loved);
        case StepId::criteria: return any_item_text(r.criteria);
        case StepId::army: return army_has_content(r);
        case StepId::resilience: return resilience_has_content(r.resilience);
    }
    return false;
}

void go_next(Reflection& r) {
    const StepId leaving = current_step(r);
    mark_step(r, leaving, step_has_content(r, leaving) ? StepState::done : StepState::skipped);
    advance(r);
}

void go_back(Reflection& r) { r.current_step = std::max(step_index(current_step(r)) - 1, 0); }

void skip_step(Reflection& r) {
    mark_step(r, current_step(r), StepState::skipped);
    advance(r);
}

void go_to_step(Reflection& r, StepId step) { r.current_step = step_index(step); }

std::optional<int> mood_change(const Reflection& r) {
    if (!r.vent.mood_before || !r.resilience.mood_after) return std::nullopt;
    return *r.resilience.mood_after - *r.vent.mood_before;
}

const std::vector<std::string_view>& emotions() {
    static const std::vector<std::string_view> keys{"angry",   "sad",      "frustrated", "disappointed", "embarrassed",
                                                    "anxious", "relieved", "numb",       "hopeful",      "tired"};
    return keys;
}

std::string emotion_name(std::string_view key) {
    const std::string catalogue_key = "emotion." + std::string(key);
    return has_text(catalogue_key) ? std::string(tr(catalogue_key)) : std::string(key);
}

std::vector<Criterion> criteria_from_loved(const Reflection& r, const IdSource& next_id) {
    std::vector<std::string> seen;
    for (const Criterion& c : r.criteria) seen.push_back(normalize_key(c.text));
    std::vector<Criterion> suggested;
    for (const LovedItem& item : r.loved) {
        std::string key = normalize_key(item.text);
        if (key.empty() || std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
        seen.push_back(std::move(key));
        Criterion c;
        c.id = next_id();
        c.text = collapse_whitespace(item.text);
        c.kind = item.weight >= must_have_weight ? CriterionKind::must_have : CriterionKind::nice_to_have;
        suggested.push_back(std::move(c));
    }
    return suggested;
}

}  // namespace debrief
