// Stable snake_case keys for every enum in journal.h: used by JSON and as catalogue key parts.
#pragma once

#include "core/journal.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace debrief {

// Specialised once per enum. `keys[i]` names the enumerator whose value is i (all enums here are
// contiguous from 0). A display string lives at `display_prefix + key + display_suffix`.
template <class E>
struct EnumInfo;

template <>
struct EnumInfo<Stage> {
    static constexpr std::array<std::string_view, 5> keys{"applied", "screen", "interview", "final_round", "offer"};
    static constexpr std::string_view display_prefix = "stage.";
    static constexpr std::string_view display_suffix = "";
};

template <>
struct EnumInfo<Ending> {
    static constexpr std::array<std::string_view, 3> keys{"rejected", "ghosted", "withdrew"};
    static constexpr std::string_view display_prefix = "ending.";
    static constexpr std::string_view display_suffix = "";
};

template <>
struct EnumInfo<StepId> {
    static constexpr std::array<std::string_view, step_count> keys{"vent",  "wins",     "reflect", "feedback",
                                                                   "loved", "criteria", "army",    "resilience"};
    static constexpr std::string_view display_prefix = "step.";
    static constexpr std::string_view display_suffix = ".title";
};

template <>
struct EnumInfo<StepState> {
    static constexpr std::array<std::string_view, 3> keys{"untouched", "skipped", "done"};
    static constexpr std::string_view display_prefix = "step_state.";
    static constexpr std::string_view display_suffix = "";
};

template <>
struct EnumInfo<LovedTag> {
    static constexpr std::array<std::string_view, 6> keys{"role", "company", "team", "place", "mission", "other"};
    static constexpr std::string_view display_prefix = "loved_tag.";
    static constexpr std::string_view display_suffix = "";
};

template <>
struct EnumInfo<CriterionKind> {
    static constexpr std::array<std::string_view, 3> keys{"must_have", "nice_to_have", "deal_breaker"};
    static constexpr std::string_view display_prefix = "criterion.";
    static constexpr std::string_view display_suffix = "";
};

template <>
struct EnumInfo<Channel> {
    static constexpr std::array<std::string_view, 5> keys{"email", "linkedin", "phone", "in_person", "other"};
    static constexpr std::string_view display_prefix = "channel.";
    static constexpr std::string_view display_suffix = "";
};

template <>
struct EnumInfo<MessageKind> {
    static constexpr std::array<std::string_view, message_kind_count> keys{
        "feedback_reply", "recruiter_question", "follow_up", "check_in",
        "network_note",   "withdrawal",         "reconnect", "thank_you"};
    static constexpr std::string_view display_prefix = "message_kind.";
    static constexpr std::string_view display_suffix = "";
};

template <>
struct EnumInfo<MessageStatus> {
    static constexpr std::array<std::string_view, 3> keys{"draft", "sent", "replied"};
    static constexpr std::string_view display_prefix = "message_status.";
    static constexpr std::string_view display_suffix = "";
};

template <>
struct EnumInfo<Language> {
    static constexpr std::array<std::string_view, 4> keys{"en", "de", "it", "ar"};
    static constexpr std::string_view display_prefix = "language.";
    static constexpr std::string_view display_suffix = "";
};

template <>
struct EnumInfo<Tone> {
    static constexpr std::array<std::string_view, 3> keys{"standard", "shorter", "warmer"};
    static constexpr std::string_view display_prefix = "tone.";
    static constexpr std::string_view display_suffix = "";
};

template <>
struct EnumInfo<ReminderKind> {
    static constexpr std::array<std::string_view, 7> keys{"follow_up", "check_in",  "withdrawal", "feedback",
                                                          "custom",    "thank_you", "look_again"};
    static constexpr std::string_view display_prefix = "reminder_kind.";
    static constexpr std::string_view display_suffix = "";
};

template <class E>
constexpr std::size_t enum_count() {
    return EnumInfo<E>::keys.size();
}

// Every value of E in declaration order, for pickers and exhaustive tests.
template <class E>
constexpr std::array<E, EnumInfo<E>::keys.size()> enum_values() {
    std::array<E, EnumInfo<E>::keys.size()> values{};
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<E>(i);
    return values;
}

// The enumerator's own name ("final_round"); empty for a value outside the enum.
template <class E>
constexpr std::string_view to_key(E value) {
    const auto index = static_cast<std::size_t>(value);
    return index < EnumInfo<E>::keys.size() ? EnumInfo<E>::keys[index] : std::string_view{};
}

// Exact, case-sensitive: JSON written by this app always uses the canonical spelling.
template <class E>
constexpr std::optional<E> from_key(std::string_view key) {
    for (std::size_t i = 0; i < EnumInfo<E>::keys.size(); ++i) {
        if (EnumInfo<E>::keys[i] == key) return static_cast<E>(i);
    }
    return std::nullopt;
}

// The catalogue key of the value's user-visible name ("stage.final_round", "step.vent.title").
template <class E>
std::string display_key(E value) {
    std::string key(EnumInfo<E>::display_prefix);
    key += to_key(value);
    key += EnumInfo<E>::display_suffix;
    return key;
}

std::optional<Stage> stage_from_key(std::string_view key);
std::optional<Ending> ending_from_key(std::string_view key);
std::optional<StepId> step_from_key(std::string_view key);
std::optional<StepState> step_state_from_key(std::string_view key);
std::optional<LovedTag> loved_tag_from_key(std::string_view key);
std::optional<CriterionKind> criterion_kind_from_key(std::string_view key);
std::optional<Channel> channel_from_key(std::string_view key);
std::optional<MessageKind> message_kind_from_key(std::string_view key);
std::optional<MessageStatus> message_status_from_key(std::string_view key);
std::optional<ReminderKind> reminder_kind_from_key(std::string_view key);

// The translated name, e.g. "Final round". Returned by value: the key is built on the fly.
std::string display_name(Stage value);
std::string display_name(Ending value);
std::string display_name(StepId value);
std::string display_name(StepState value);
std::string display_name(LovedTag value);
std::string display_name(CriterionKind value);
std::string display_name(Channel value);
std::string display_name(MessageKind value);
std::string display_name(MessageStatus value);
std::string display_name(ReminderKind value);

}  // namespace debrief
