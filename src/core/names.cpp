// Named wrappers over the EnumInfo tables, so callers need not spell template arguments.
#include "core/names.h"

#include "core/i18n.h"

namespace debrief {
namespace {

template <class E>
std::string translated(E value) {
    return std::string(tr(display_key(value)));
}

}  // namespace

std::optional<Stage> stage_from_key(std::string_view key) { return from_key<Stage>(key); }
std::optional<Ending> ending_from_key(std::string_view key) { return from_key<Ending>(key); }
std::optional<StepId> step_from_key(std::string_view key) { return from_key<StepId>(key); }
std::optional<StepState> step_state_from_key(std::string_view key) { return from_key<StepState>(key); }
std::optional<LovedTag> loved_tag_from_key(std::string_view key) { return from_key<LovedTag>(key); }
std::optional<CriterionKind> criterion_kind_from_key(std::string_view key) { return from_key<CriterionKind>(key); }
std::optional<Channel> channel_from_key(std::string_view key) { return from_key<Channel>(key); }
std::optional<MessageKind> message_kind_from_key(std::string_view key) { return from_key<MessageKind>(key); }
std::optional<MessageStatus> message_status_from_key(std::string_view key) { return from_key<MessageStatus>(key); }
std::optional<ReminderKind> reminder_kind_from_key(std::string_view key) { return from_key<ReminderKind>(key); }

std::string display_name(Stage value) { return translated(value); }
std::string display_name(Ending value) { return translated(value); }
std::string display_name(StepId value) { return translated(value); }
std::string display_name(StepState value) { return translated(value); }
std::string display_name(LovedTag value) { return translated(value); }
std::string display_name(CriterionKind value) { return translated(value); }
std::string display_name(Channel value) { return translated(value); }
std::string display_name(MessageKind value) { return translated(value); }
std::string display_name(MessageStatus value) { return translated(value); }
std::string display_name(ReminderKind value) { return translated(value); }

}  // namespace debrief
