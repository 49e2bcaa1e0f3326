// The checklist cues against phrasings written without looking at them (cue_phrasings.h).
#include "core/cues.h"
#include "core/messages.h"
#include "core/text.h"
#include "cue_phrasings.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

namespace debrief {
namespace {

const ChecklistItem& item_named(const std::vector<ChecklistItem>& items, std::string_view key) {
    const auto it = std::find_if(items.begin(), items.end(), [&](const ChecklistItem& i) { return i.key == key; });
    REQUIRE(it != items.end());
    return *it;
}

}  // namespace

TEST_CASE("every natural phrasing meets its checklist item (or trips its must-not item)") {
    int checked = 0;
    for (const test::Phrasing& p : test::cue_phrasings) {
        const std::vector<ChecklistItem> items = checklist(p.kind, p.language);
        const ChecklistItem& item = item_named(items, p.item);
        const bool met = item.satisfied(p.text);
        INFO(to_key(p.kind), ".", p.item, " [", language_code(p.language), "]: ", p.text);
        if (item.rule == CueRule::must_not_appear)
            CHECK_FALSE(met);
        else
            CHECK(met);
        ++checked;
    }
    CHECK(checked >= 3 * 4 * 37);
}

TEST_CASE("every checklist item has at least three phrasings per language") {
    for (const MessageKind kind : enum_values<MessageKind>()) {
        for (const ChecklistItem& item : checklist(kind)) {
            if (item.rule == CueRule::no_placeholders) continue;
            for (const Language language : all_languages) {
                const auto count = std::count_if(
                    std::begin(test::cue_phrasings), std::end(test::cue_phrasings), [&](const test::Phrasing& p) {
                        return p.kind == kind && p.item == item.key && p.language == language;
                    });
                INFO(to_key(kind), ".", item.key, " [", language_code(language), "]");
                CHECK(count >= 3);
            }
        }
    }
}

TEST_CASE("a neutral sentence meets no item and trips no must-not item") {
    for (const test::Phrasing& p : test::neutral_phrasings) {
        for (const MessageKind kind : enum_values<MessageKind>()) {
            for (const ChecklistItem& item : checklist(kind, p.language)) {
                if (item.rule == CueRule::no_placeholders) continue;
                INFO(to_key(kind), ".", item.key, " [", language_code(p.language), "]: ", p.text);
                CHECK(item.satisfied(p.text) == (item.rule == CueRule::must_not_appear));
            }
        }
    }
}

TEST_CASE("a draft is checked against its language's cues plus English, not the others'") {
    const std::vector<ChecklistItem> german = checklist(MessageKind::feedback_reply, Language::de);
    const ChecklistItem& thanks = item_named(german, "thanks");
    CHECK(thanks.satisfied("Vielen Dank!"));
    CHECK(thanks.satisfied("Thanks a lot!"));  // people mix
    CHECK_FALSE(thanks.satisfied("Grazie mille!"));
    CHECK_FALSE(thanks.satisfied("شكرا جزيلا"));
    const std::vector<ChecklistItem> italian = checklist(MessageKind::feedback_reply, Language::it);
    CHECK(item_named(italian, "thanks").satisfied("Grazie mille!"));
    CHECK_FALSE(item_named(italian, "thanks").satisfied("Vielen Dank!"));
}

TEST_CASE("Arabic cues survive attached pronouns, the article and both genders") {
    const std::vector<ChecklistItem> items = checklist(MessageKind::feedback_reply, Language::ar);
    const ChecklistItem& similar = item_named(items, "similar_roles");
    for (const char* text :
         {"وظائف مماثلة", "الوظائف المماثلة", "وظيفة مماثلة", "لمنصب مماثل", "أدوار مشابهة", "للأدوار المشابهة"}) {
        INFO(text);
        CHECK(similar.satisfied(text));
    }
    const ChecklistItem& strengthen = item_named(items, "strengthen");
    for (const char* text :
         {"يقوي ترشحي", "يقوّي ترشيحي", "ما يقويه", "تقوية ترشحي", "لتقوية طلبي", "ما الذي يجعل ترشحي أقوى", "تُقوّي"}) {
        INFO(text);
        CHECK(strengthen.satisfied(text));
    }
    const ChecklistItem& excited = item_named(items, "excited");
    CHECK(excited.satisfied("ما زلت متحمسًا"));
    CHECK(excited.satisfied("ما زلت متحمسة"));
}

TEST_CASE("every cue list has phrases in every language, and the names are unique") {
    const std::vector<std::string_view> names = cue_names();
    for (std::size_t i = 0; i < names.size(); ++i) {
        for (const Language language : all_languages) {
            INFO(names[i], " [", language_code(language), "]");
            CHECK_FALSE(cue_phrases(names[i], language).empty());
        }
        for (std::size_t j = i + 1; j < names.size(); ++j) CHECK(names[i] != names[j]);
    }
    CHECK(cue_phrases("no_such_list", Language::en).empty());
    CHECK(cues_for("no_such_list", Language::de).empty());
}

TEST_CASE("cues_for folds and removes duplicates") {
    const std::vector<std::string> cues = cues_for("thanks", Language::de);
    CHECK(std::find(cues.begin(), cues.end(), "dank*") != cues.end());
    CHECK(std::find(cues.begin(), cues.end(), "thank*") != cues.end());
    const std::vector<std::string> strengthen = cues_for("strengthen", Language::de);
    CHECK(std::find(strengthen.begin(), strengthen.end(), "starken") != strengthen.end());  // stärken, folded
    for (const std::string& cue : cues_for("strengthen", Language::ar)) CHECK(cue == fold_for_search(cue));
}

}  // namespace debrief
