// Tests for core/names: enum keys round-trip and match the snake_case enumerator names.
#include "core/names.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace debrief;

namespace {

template <class E>
void check_round_trip() {
    std::set<std::string_view> seen;
    for (const E value : enum_values<E>()) {
        const std::string_view key = to_key(value);
        CAPTURE(key);
        CHECK_FALSE(key.empty());
        CHECK(seen.insert(key).second);
        CHECK(from_key<E>(key) == value);
        for (const char c : key) CHECK(((c >= 'a' && c <= 'z') || c == '_'));
    }
    CHECK_FALSE(from_key<E>("").has_value());
    CHECK_FALSE(from_key<E>("nonsense").has_value());
}

}  // namespace

TEST_CASE("names: every enum round-trips through its key") {
    check_round_trip<Stage>();
    check_round_trip<Ending>();
    check_round_trip<StepId>();
    check_round_trip<StepState>();
    check_round_trip<LovedTag>();
    check_round_trip<CriterionKind>();
    check_round_trip<Channel>();
    check_round_trip<MessageKind>();
    check_round_trip<MessageStatus>();
    check_round_trip<ReminderKind>();
}

TEST_CASE("names: keys are the enumerator names") {
    CHECK(to_key(Stage::final_round) == "final_round");
    CHECK(to_key(Ending::ghosted) == "ghosted");
    CHECK(to_key(StepId::resilience) == "resilience");
    CHECK(to_key(StepState::untouched) == "untouched");
    CHECK(to_key(LovedTag::mission) == "mission");
    CHECK(to_key(CriterionKind::deal_breaker) == "deal_breaker");
    CHECK(to_key(Channel::in_person) == "in_person");
    CHECK(to_key(MessageKind::recruiter_question) == "recruiter_question");
    CHECK(to_key(MessageStatus::replied) == "replied");
    CHECK(to_key(ReminderKind::check_in) == "check_in");
    CHECK(enum_count<MessageKind>() == static_cast<std::size_t>(message_kind_count));
    CHECK(enum_count<StepId>() == static_cast<std::size_t>(step_count));
}

TEST_CASE("names: named parsers and out-of-range values") {
    CHECK(stage_from_key("offer") == Stage::offer);
    CHECK(ending_from_key("withdrew") == Ending::withdrew);
    CHECK(step_from_key("army") == StepId::army);
    CHECK(step_state_from_key("skipped") == StepState::skipped);
    CHECK(loved_tag_from_key("place") == LovedTag::place);
    CHECK(criterion_kind_from_key("must_have") == CriterionKind::must_have);
    CHECK(channel_from_key("linkedin") == Channel::linkedin);
    CHECK(message_kind_from_key("reconnect") == MessageKind::reconnect);
    CHECK(message_status_from_key("sent") == MessageStatus::sent);
    CHECK(reminder_kind_from_key("custom") == ReminderKind::custom);
    CHECK_FALSE(stage_from_key("Final_Round").has_value());  // exact spelling only
    CHECK(to_key(static_cast<Stage>(99)).empty());
}

TEST_CASE("names: display keys and names") {
    CHECK(display_key(Stage::final_round) == "stage.final_round");
    CHECK(display_key(StepId::vent) == "step.vent.title");
    CHECK(display_key(CriterionKind::must_have) == "criterion.must_have");
    CHECK(display_name(Stage::final_round) == "Final round");
    CHECK(display_name(MessageStatus::draft) == "Draft");
}
