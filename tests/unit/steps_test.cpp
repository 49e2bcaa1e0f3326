// Tests for core/steps: progress, navigation, auto-completion, mood change and criteria suggestions.
#include "core/steps.h"

#include <doctest/doctest.h>

#include <string>

using namespace debrief;

namespace {

IdSource counter_ids() {
    return [n = 0]() mutable { return "id-" + std::to_string(++n); };
}

LovedItem loved(std::string text, int weight) {
    LovedItem item;
    item.text = std::move(text);
    item.weight = weight;
    return item;
}

}  // namespace

TEST_CASE("steps: a new reflection has no progress and starts at the first step") {
    const Reflection r;
    const StepProgress p = progress(r);
    CHECK(p.done == 0);
    CHECK(p.skipped == 0);
    CHECK(p.current == 0);
    CHECK(p.total == step_count);
    CHECK_FALSE(is_complete(r));
    CHECK(current_step(r) == StepId::vent);
}

TEST_CASE("steps: step_has_content looks at each step's own fields") {
    Reflection r;
    for (int i = 0; i < step_count; ++i) CHECK_FALSE(step_has_content(r, step_at(i)));
    r.vent.letter = "   \n ";
    CHECK_FALSE(step_has_content(r, StepId::vent));
    r.vent.mood_before = 0;  // zero is a real answer
    CHECK(step_has_content(r, StepId::vent));
    r.wins.push_back(Win{"w1", " ", false});
    CHECK_FALSE(step_has_content(r, StepId::wins));
    r.wins.push_back(Win{"w2", "Reached the final round", true});
    CHECK(step_has_content(r, StepId::wins));
    r.reflect.tripped_questions = "The salary question";
    CHECK(step_has_content(r, StepId::reflect));
    r.feedback.sent = true;
    CHECK(step_has_content(r, StepId::feedback));
    r.loved.push_back(loved("Creative team", 4));
    CHECK(step_has_content(r, StepId::loved));
    CHECK_FALSE(step_has_content(r, StepId::criteria));
    r.criteria.push_back(Criterion{"c1", "Remote-friendly", CriterionKind::must_have});
    CHECK(step_has_content(r, StepId::criteria));
    r.army_note = "Hi all — a quick update";
    CHECK(step_has_content(r, StepId::army));
    r.resilience.mood_after = 6;
    CHECK(step_has_content(r, StepId::resilience));
}

TEST_CASE("steps: go_next marks done with content, skipped without, and stops at the end") {
    Reflection r;
    r.vent.letter = "Ich bin so wütend.";
    go_next(r);
    CHECK(r.steps[0] == StepState::done);
    CHECK(current_step(r) == StepId::wins);
    go_next(r);  // wins left empty
    CHECK(r.steps[1] == StepState::skipped);
    for (int i = 0; i < 10; ++i) go_next(r);
    CHECK(current_step(r) == StepId::resilience);
    CHECK(is_complete(r));
    const StepProgress p = progress(r);
    CHECK(p.done == 1);
    CHECK(p.skipped == 7);
}

TEST_CASE("steps: go_back changes only the position, skip_step keeps content") {
    Reflection r;
    r.current_step = 3;
    r.feedback.recruiter_name = "Dana";
    skip_step(r);
    CHECK(r.steps[3] == StepState::skipped);
    CHECK(r.feedback.recruiter_name == "Dana");
    CHECK(r.current_step == 4);
    go_back(r);
    go_back(r);
    CHECK(r.current_step == 2);
    CHECK(r.steps[3] == StepState::skipped);
    r.current_step = 0;
    go_back(r);
    CHECK(r.current_step == 0);
}

TEST_CASE("steps: a damaged current_step is clamped") {
    Reflection r;
    r.current_step = 42;
    CHECK(current_step(r) == StepId::resilience);
    CHECK(progress(r).current == step_count - 1);
    r.current_step = -3;
    CHECK(current_step(r) == StepId::vent);
    go_next(r);
    CHECK(r.current_step == 1);
}

TEST_CASE("steps: mark_step and go_to_step") {
    Reflection r;
    mark_step(r, StepId::army, StepState::done);
    CHECK(r.steps[6] == StepState::done);
    go_to_step(r, StepId::loved);
    CHECK(r.current_step == 4);
    CHECK(step_index(StepId::criteria) == 5);
}

TEST_CASE("steps: mood_change needs both ratings") {
    Reflection r;
    CHECK_FALSE(mood_change(r).has_value());
    r.vent.mood_before = 3;
    CHECK_FALSE(mood_change(r).has_value());
    r.resilience.mood_after = 6;
    CHECK(mood_change(r) == 3);
    r.resilience.mood_after = 1;
    CHECK(mood_change(r) == -2);
}

TEST_CASE("steps: emotions have keys and translated names") {
    const auto& keys = emotions();
    CHECK(keys.size() == 10);
    CHECK(keys.front() == "angry");
    CHECK(emotion_name("hopeful") == "Hopeful");
    CHECK(emotion_name("mystery") == "mystery");
}

TEST_CASE("steps: criteria_from_loved maps weights and skips what exists") {
    Reflection r;
    r.loved = {loved("Dog-friendly office", 5),   loved("  the CITY  ", 2), loved("Creative team", 4),
               loved("dog-friendly   office", 3), loved("   ", 5),          loved("Café culture", 3)};
    r.criteria.push_back(Criterion{"c0", "Cafe Culture", CriterionKind::nice_to_have});
    const std::vector<Criterion> out = criteria_from_loved(r, counter_ids());
    REQUIRE(out.size() == 3);
    CHECK(out[0].text == "Dog-friendly office");
    CHECK(out[0].kind == CriterionKind::must_have);
    CHECK(out[0].id == "id-1");
    CHECK(out[1].text == "the CITY");
    CHECK(out[1].kind == CriterionKind::nice_to_have);
    CHECK(out[2].text == "Creative team");
    CHECK(out[2].kind == CriterionKind::must_have);
    CHECK(out[2].id == "id-3");
}
