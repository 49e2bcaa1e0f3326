// Tests for the English catalogue (generated from assets/i18n/en.po): order, completeness and hygiene.
#include "core/i18n.h"
#include "core/messages.h"
#include "core/names.h"
#include "core/reminders.h"
#include "core/steps.h"
#include "core/text.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace debrief;

namespace {

template <class E>
void check_display_names() {
    for (const E value : enum_values<E>()) {
        const std::string key = display_key(value);
        CAPTURE(key);
        CHECK(has_text(key));
    }
}

}  // namespace

TEST_CASE("strings_en: the catalogue is sorted by key with no duplicates") {
    const Catalogue c = english_catalogue();
    REQUIRE(c.size > 100);
    for (std::size_t i = 1; i < c.size; ++i) {
        CAPTURE(c.entries[i].key);
        CHECK(c.entries[i - 1].key < c.entries[i].key);
    }
}

TEST_CASE("strings_en: every entry is non-empty, valid UTF-8 and tidy") {
    for (const CatalogueEntry& e : english_catalogue()) {
        CAPTURE(e.key);
        CHECK_FALSE(e.key.empty());
        CHECK_FALSE(is_blank(e.text));
        CHECK(is_valid_utf8(e.text));
        CHECK(trim(e.text) == e.text);
        CHECK(e.text.find("  ") == std::string_view::npos);
    }
}

TEST_CASE("strings_en: every enum value has a display string") {
    check_display_names<Stage>();
    check_display_names<Ending>();
    check_display_names<StepId>();
    check_display_names<StepState>();
    check_display_names<LovedTag>();
    check_display_names<CriterionKind>();
    check_display_names<Channel>();
    check_display_names<MessageKind>();
    check_display_names<MessageStatus>();
    check_display_names<ReminderKind>();
    check_display_names<ReminderBucket>();
    check_display_names<WithdrawalReason>();
}

TEST_CASE("strings_en: every step has a title, guidance and prompts for its fields") {
    const std::vector<std::pair<StepId, std::vector<std::string>>> fields{
        {StepId::vent, {"letter", "mood_before", "emotions"}},
        {StepId::wins, {"text", "really_helped"}},
        {StepId::reflect,
         {"fit", "missing_skills", "went_well", "do_better", "tripped_questions", "should_have_highlighted",
          "likely_reasons"}},
        {StepId::feedback, {"recruiter_name", "recruiter_email", "ask_about_similar_role", "similar_role", "sent"}},
        {StepId::loved, {"text", "tag", "weight"}},
        {StepId::criteria, {"text", "kind"}},
        {StepId::army, {"name", "told", "note"}},
        {StepId::resilience, {"lesson", "next_action", "mood_after"}},
    };
    REQUIRE(fields.size() == static_cast<std::size_t>(step_count));
    for (const auto& [step, names] : fields) {
        const std::string prefix = "step." + std::string(to_key(step)) + ".";
        CHECK(has_text(prefix + "title"));
        const std::string_view guidance = tr(prefix + "guidance");
        CAPTURE(guidance);
        CHECK(guidance.find('\n') != std::string_view::npos);  // two or three lines
        for (const std::string& field : names) CHECK(has_text(prefix + "prompt." + field));
    }
}

TEST_CASE("strings_en: every emotion, checklist label, cue list and reminder title exists") {
    for (const std::string_view key : emotions()) CHECK(has_text("emotion." + std::string(key)));
    for (const MessageKind kind : enum_values<MessageKind>()) {
        CHECK(has_text("msg." + std::string(to_key(kind)) + ".subject"));
        for (const ChecklistItem& item : checklist(kind)) {
            CAPTURE(item.key);
            CHECK(item.label != "check." + std::string(to_key(kind)) + "." + item.key);
            if (item.rule != CueRule::no_placeholders) CHECK(item.cues.size() >= 3);
        }
    }
    for (const ReminderKind kind : enum_values<ReminderKind>()) {
        CHECK(has_text("ics.description." + std::string(to_key(kind))));
    }
}
