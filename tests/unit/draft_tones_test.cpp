// Draft tones (standard, shorter, warmer) and the thank-you note, in all four languages with the
// real catalogues: each draft goes to its person, is signed, passes its checklist sentence by
// sentence, flags what is left to fill in, and a change of tone keeps what the user wrote.
#include "core/catalogue_file.h"
#include "core/i18n.h"
#include "core/messages.h"
#include "core/people.h"
#include "core/reminders.h"
#include "core/text.h"
#include "prose_checks.h"
#include "real_catalogues.h"
#include "sample_journal.h"
#include "serialization/journal_json.h"
#include "test_files.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace debrief {
namespace {

using test::RealCatalogues;

Reflection reflection_with_people() {
    Reflection r;
    r.meta.id = "refl-tones";
    r.company = "Nordlicht GmbH";
    r.role = "Product Designer";
    r.last_interview_on = Date{2026, 11, 3};
    r.rejected_on = Date{2026, 11, 19};
    r.loved = {LovedItem{"l1", "The research culture.", LovedTag::team, 5}};
    r.wins = {Win{"w1", "My portfolio case study.", true}};
    r.feedback.recruiter_name = "Dana Weiß";
    r.feedback.recruiter_email = "dana@nordlicht.example";
    r.interviewers = {Interviewer{"i1", "Anna Berg", "anna@nordlicht.example", true},
                      Interviewer{"i2", "Ben Ode", "ben@nordlicht.example", false}};
    r.hiring_manager_name = "Carla Diaz";
    r.hiring_manager_email = "carla@nordlicht.example";
    r.army = {ArmyMember{"a1", "Maya", "", true, "maya@example.org", "old colleague"}};
    r.criteria = {Criterion{"c1", "A small, senior team.", CriterionKind::must_have},
                  Criterion{"c2", "Remote-friendly", CriterionKind::nice_to_have}};
    return r;
}

Settings you() {
    Settings s;
    s.your_name = "Sam Rivera";
    return s;
}

DraftContext filled_context(Language language, Tone tone) {
    DraftContext ctx;
    ctx.language = language;
    ctx.tone = tone;
    ctx.today = Date{2026, 11, 21};
    ctx.detail = "The way your team tests maps with blind users.";
    ctx.new_experience = "I've completed a course in service design.";
    ctx.article_link = "https://example.org/maps-for-everyone";
    ctx.reconnect = {"two years", "I finished my master's degree in Milan", "I'm moving into product design",
                     "to find a junior role in Berlin by spring", "an introduction to my old team at the studio"};
    return ctx;
}

Contact old_colleague() {
    Contact c;
    c.meta.id = "contact-1";
    c.name = "Luca Neri";
    c.email = "luca@example.org";
    c.company = "Studio Nove";
    return c;
}

// The draft a view would write: to the kind's person in the reflection, or (reconnect) to a contact.
Message compose(MessageKind kind, const Reflection& r, const DraftContext& ctx) {
    if (kind == MessageKind::reconnect) return draft_to_contact(kind, old_colleague(), you(), ctx);
    return draft_to_person(kind, r, default_recipient_key(kind, r), you(), ctx);
}

std::vector<DraftPart> parts_of(MessageKind kind, const Reflection& r, DraftContext ctx) {
    const Addressee to = kind == MessageKind::reconnect
                             ? addressee({{old_colleague().name, old_colleague().email}}, ctx.language)
                             : addressee(resolve_people(r, default_recipient_key(kind, r)), ctx.language);
    address_context(ctx, to, you());
    if (kind == MessageKind::reconnect) ctx.company = old_colleague().company;
    return draft_parts(kind, kind == MessageKind::reconnect ? nullptr : &r, ctx);
}

std::string expected_to(MessageKind kind) {
    switch (kind) {
        case MessageKind::feedback_reply:
        case MessageKind::recruiter_question: return "dana@nordlicht.example";
        case MessageKind::follow_up:
        case MessageKind::thank_you: return "anna@nordlicht.example, ben@nordlicht.example";
        case MessageKind::check_in: return "anna@nordlicht.example";  // the interviewer marked as rapport
        case MessageKind::network_note: return "maya@example.org";
        case MessageKind::withdrawal: return "carla@nordlicht.example";
        case MessageKind::reconnect: return "luca@example.org";
    }
    return {};
}

bool ends_with(const std::string& text, const std::string& tail) {
    return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

TEST_CASE("draft tones: every kind and tone goes to its person, signed, and passes its checklist") {
    const RealCatalogues catalogues;
    const Reflection r = reflection_with_people();
    int drafts = 0;
    for (const Language language : all_languages) {
        for (const MessageKind kind : enum_values<MessageKind>()) {
            for (const Tone tone : enum_values<Tone>()) {
                const Message m = compose(kind, r, filled_context(language, tone));
                CAPTURE(language_code(language));
                CAPTURE(to_key(kind));
                CAPTURE(to_key(tone));
                CAPTURE(m.body);
                CHECK(m.tone == tone);
                CHECK(m.to == expected_to(kind));
                CHECK(ends_with(m.body, signoff_text(language, "Sam Rivera", "", "")));
                CHECK_FALSE(has_placeholders(m.body));
                const ChecklistResult result = check_body(checklist(kind, language), m.body);
                CHECK(result.all_required_met());
                if (language == Language::en) {
                    for (const std::string& word : test::capitals_after_joints(m.body)) {
                        CAPTURE(word);
                        // "I" and the names typed in the reflection keep their capitals.
                        const std::vector<std::string> allowed{"I", "I've", "I'd", "I'm", "Nordlicht", "Milan", "Ben"};
                        CHECK(std::find(allowed.begin(), allowed.end(), word) != allowed.end());
                    }
                }
                ++drafts;
            }
        }
    }
    CHECK(drafts == 4 * message_kind_count * 3);
}

TEST_CASE("draft tones: each sentence of every tone carries exactly its own checklist item") {
    const RealCatalogues catalogues;
    const Reflection r = reflection_with_people();
    for (const Language language : all_languages) {
        for (const MessageKind kind : enum_values<MessageKind>()) {
            const std::vector<ChecklistItem> items = checklist(kind, language);
            for (const Tone tone : enum_values<Tone>()) {
                const std::vector<DraftPart> parts = parts_of(kind, r, filled_context(language, tone));
                for (std::size_t p = 0; p < parts.size(); ++p) {
                    if (parts[p].item_key.empty()) continue;
                    std::vector<DraftPart> without = parts;
                    without.erase(without.begin() + static_cast<std::ptrdiff_t>(p));
                    const std::string body = join_parts(without);
                    CAPTURE(language_code(language));
                    CAPTURE(to_key(kind));
                    CAPTURE(to_key(tone));
                    CAPTURE(parts[p].item_key);
                    CAPTURE(body);
                    for (const ChecklistItem& item : items) {
                        CAPTURE(item.key);
                        if (item.rule == CueRule::must_appear)
                            CHECK(item.satisfied(body) == (item.key != parts[p].item_key));
                        else
                            CHECK(item.satisfied(body));
                    }
                }
            }
        }
    }
}

TEST_CASE("draft tones: shorter is shorter, warmer differs, in every language and kind") {
    const RealCatalogues catalogues;
    const Reflection r = reflection_with_people();
    for (const Language language : all_languages) {
        for (const MessageKind kind : enum_values<MessageKind>()) {
            const std::string standard = compose(kind, r, filled_context(language, Tone::standard)).body;
            const std::string shorter = compose(kind, r, filled_context(language, Tone::shorter)).body;
            const std::string warmer = compose(kind, r, filled_context(language, Tone::warmer)).body;
            CAPTURE(language_code(language));
            CAPTURE(to_key(kind));
            CHECK(shorter.size() < standard.size());
            CHECK(warmer != standard);
            CHECK(warmer != shorter);
        }
    }
}

TEST_CASE("draft tones: a placeholder left in any kind and tone keeps the checklist short of complete") {
    const RealCatalogues catalogues;
    const Reflection r = reflection_with_people();
    for (const Language language : all_languages) {
        for (const MessageKind kind : enum_values<MessageKind>()) {
            for (const Tone tone : enum_values<Tone>()) {
                DraftContext bare;
                bare.language = language;
                bare.tone = tone;
                bare.today = Date{2026, 11, 21};
                const std::string body = compose(kind, r, bare).body;
                const std::vector<ChecklistItem> items = checklist(kind, language);
                REQUIRE(items.back().key == "filled_in");
                const ChecklistResult result = check_body(items, body);
                CAPTURE(language_code(language));
                CAPTURE(to_key(kind));
                CAPTURE(body);
                CHECK(result.satisfied.back() == !has_placeholders(body));
                CHECK(result.all_required_met() == !has_placeholders(body));
                const std::string typed = compose(kind, r, filled_context(language, tone)).body + "\n[link]";
                CHECK_FALSE(check_body(items, typed).all_required_met());
            }
        }
    }
    // Without the specific thing talked about, the thank-you note says what to fill in.
    DraftContext ctx = filled_context(Language::en, Tone::standard);
    ctx.detail.clear();
    const std::string body = compose(MessageKind::thank_you, r, ctx).body;
    CHECK(body.find("What you said about [something specific you talked about] has stayed with me.") !=
          std::string::npos);
    CHECK_FALSE(check_body(checklist(MessageKind::thank_you), body).all_required_met());
}

// People write a win as a whole sentence as often as a phrase ("My case study presentation went
// really well."): the network note gives it a sentence of its own after a colon, which reads right
// either way, instead of splicing it in as the subject of "... made a real difference".
// German lowers only a first word that is never a noun ("Das", "Meine"), so criteria and wins read
// right mid-sentence without turning a noun into lowercase.
TEST_CASE("draft tones: the network note reads right whether a win is a phrase or a sentence") {
    const RealCatalogues catalogues;
    Reflection r = reflection_with_people();
    DraftContext ctx = filled_context(Language::en, Tone::standard);
    r.wins = {Win{"w1", "My case study presentation went really well.", true}};
    CHECK(compose(MessageKind::network_note, r, ctx)
              .body.find("I'm proud of how far I got. One highlight: my case study presentation went really well.") !=
          std::string::npos);

    ctx = filled_context(Language::de, Tone::standard);
    r.wins = {Win{"w1", "Meine Fallstudie kam sehr gut an.", true}};
    r.criteria = {Criterion{"c1", "Das kleine, herzliche Designteam", CriterionKind::must_have},
                  Criterion{"c2", "Flexible Arbeitszeiten", CriterionKind::must_have}};
    const std::string note = compose(MessageKind::network_note, r, ctx).body;
    CAPTURE(note);
    CHECK(note.find("Ein Lichtblick: meine Fallstudie kam sehr gut an.") != std::string::npos);
    // "Flexible" could start a noun: kept as typed.
    CHECK(note.find("Wichtig ist mir dabei vor allem: das kleine, herzliche Designteam und Flexible Arbeitszeiten.") !=
          std::string::npos);

    ctx = filled_context(Language::it, Tone::standard);
    r.wins = {Win{"w1", "La presentazione del mio caso studio è andata benissimo.", true}};
    CHECK(compose(MessageKind::network_note, r, ctx)
              .body.find(
                  "Un momento particolarmente riuscito: la presentazione del mio caso studio è andata benissimo.") !=
          std::string::npos);
}

// "Could you introduce me to someone at a company that might be a good fit?" points back to the
// role or the criteria just named; a reflection with neither asks for someone who is hiring instead.
TEST_CASE("draft tones: the network note asks for a company that fits only after saying what fits") {
    const RealCatalogues catalogues;
    Reflection r = reflection_with_people();
    for (const Language language : all_languages) {
        for (const Tone tone : {Tone::standard, Tone::shorter, Tone::warmer}) {
            CAPTURE(language_code(language));
            CAPTURE(static_cast<int>(tone));
            const DraftContext ctx = filled_context(language, tone);
            const auto asks = [&](const Reflection& reflection, std::string_view key) {
                std::string variant = std::string(key) + (tone == Tone::shorter ? ".shorter" : "");
                return compose(MessageKind::network_note, reflection, ctx).body.find(tr_in(language, variant)) !=
                       std::string::npos;
            };
            Reflection nothing_named = r;
            nothing_named.role.clear();
            nothing_named.criteria.clear();
            CHECK(asks(nothing_named, "msg.network_note.specific_help_any"));
            CHECK_FALSE(asks(nothing_named, "msg.network_note.specific_help"));
            Reflection only_criteria = nothing_named;
            only_criteria.criteria = r.criteria;
            CHECK(asks(only_criteria, "msg.network_note.specific_help"));
            Reflection only_role = nothing_named;
            only_role.role = r.role;
            CHECK(asks(only_role, "msg.network_note.specific_help"));
        }
    }
}

// The follow-up asks to be kept in mind and says the interest is still there: the company is named
// once, in the second, not in two paragraphs in a row.
TEST_CASE("draft tones: the follow-up names the company once, in every language and tone") {
    const RealCatalogues catalogues;
    const Reflection r = reflection_with_people();
    for (const Language language : all_languages) {
        for (const Tone tone : enum_values<Tone>()) {
            CAPTURE(language_code(language));
            CAPTURE(to_key(tone));
            const std::string body = compose(MessageKind::follow_up, r, filled_context(language, tone)).body;
            CAPTURE(body);
            std::size_t count = 0;
            for (std::size_t at = body.find(r.company); at != std::string::npos; at = body.find(r.company, at + 1))
                ++count;
            CHECK(count == 1);
        }
    }
}

TEST_CASE("draft tones: the thank-you note reads as one sentence per advice item") {
    const Reflection r = reflection_with_people();
    const Message m = compose(MessageKind::thank_you, r, filled_context(Language::en, Tone::standard));
    CHECK(m.recipient == "interviewers");
    CHECK(m.subject == "Thank you — Product Designer interview");
    CHECK(m.body ==
          "Dear Anna Berg and Ben Ode,\n\n"
          "I wanted to write today, while our conversation is still fresh in my mind. Thank you for taking the time "
          "to meet with me about the Product Designer role at Nordlicht GmbH.\n\n"
          "What you said about the way your team tests maps with blind users has stayed with me. I really enjoyed "
          "learning about the research culture.\n\n"
          "I'd be glad to answer any further questions, and I look forward to hearing from you.\n\n"
          "Kind regards,\nSam Rivera");
    std::vector<std::string> keys;
    for (const ChecklistItem& item : checklist(MessageKind::thank_you)) keys.push_back(item.key);
    CHECK(keys == std::vector<std::string>{"prompt", "thanks", "specific", "enjoyed", "door_open", "filled_in"});
    Reflection nobody = r;
    nobody.interviewers.clear();
    CHECK(default_recipient_key(MessageKind::thank_you, nobody) == "recruiter");
}

TEST_CASE("draft tones: switching tone rewrites the app's sentences and keeps the user's") {
    const RealCatalogues catalogues;
    const Reflection r = reflection_with_people();
    for (const Language language : all_languages) {
        const DraftContext ctx = filled_context(language, Tone::standard);
        Message m = compose(MessageKind::follow_up, r, ctx);
        DraftContext as_composed = ctx;
        address_context(as_composed, addressee(resolve_people(r, m.recipient), language), you());

        // Untouched: exactly the draft composed in the new tone, and back again.
        const Recomposed shorter = retone_draft(m, &r, as_composed, Tone::shorter);
        CAPTURE(language_code(language));
        CHECK(shorter.kept == 0);
        CHECK(shorter.body == compose(MessageKind::follow_up, r, filled_context(language, Tone::shorter)).body);
        Message retoned = m;
        retoned.tone = Tone::shorter;
        retoned.body = shorter.body;
        CHECK(retone_draft(retoned, &r, as_composed, Tone::standard).body == m.body);

        // Edited: the user's sentence stays word for word, the rest follows the tone.
        const std::vector<DraftPart> parts = parts_of(MessageKind::follow_up, r, ctx);
        const auto interest =
            std::find_if(parts.begin(), parts.end(), [](const DraftPart& p) { return p.item_key == "interest"; });
        REQUIRE(interest != parts.end());
        const std::string mine = "I would still love to work with you all one day.";
        m.body.replace(m.body.find(interest->text), interest->text.size(), mine);
        const Recomposed warmer = retone_draft(m, &r, as_composed, Tone::warmer);
        CHECK(warmer.kept == 1);
        CHECK(warmer.body.find(mine) != std::string::npos);
        const std::vector<DraftPart> warm_parts =
            parts_of(MessageKind::follow_up, r, filled_context(language, Tone::warmer));
        const auto accepts = std::find_if(warm_parts.begin(), warm_parts.end(),
                                          [](const DraftPart& p) { return p.item_key == "accepts"; });
        REQUIRE(accepts != warm_parts.end());
        CHECK(warmer.body.find(accepts->text) != std::string::npos);
    }
}

TEST_CASE("draft tones: the tone is stored only when picked, and older files read as standard") {
    Message m = samples::sample_journal().messages[0];
    m.tone = Tone::standard;
    const std::string standard = encode_record(m);
    CHECK(standard.find("\"tone\"") == std::string::npos);  // written as before the field existed
    auto decoded = decode_record(standard);
    REQUIRE(decoded.ok());
    CHECK(std::get<Message>(decoded.value().record).tone == Tone::standard);
    for (const Tone tone : {Tone::shorter, Tone::warmer}) {
        m.tone = tone;
        const std::string text = encode_record(m);
        CHECK(text.find("\"tone\": \"" + std::string(to_key(tone)) + "\"") != std::string::npos);
        auto back = decode_record(text);
        REQUIRE(back.ok());
        CHECK(std::get<Message>(back.value().record).tone == tone);
        CHECK(back.value().warnings.empty());
    }
}

TEST_CASE("draft tones: each withdrawal reason is its own sentence, and the draft says which") {
    const RealCatalogues catalogues;
    const Reflection r = reflection_with_people();
    for (const Language language : all_languages) {
        std::vector<std::string> sentences;
        for (const WithdrawalReason reason : enum_values<WithdrawalReason>()) {
            for (const OfferHelp offer : {OfferHelp::yes, OfferHelp::no}) {
                DraftContext ctx = filled_context(language, Tone::warmer);
                ctx.withdrawal_reason = reason;
                ctx.offer_help = offer;
                const Message m = compose(MessageKind::withdrawal, r, ctx);
                // The view reads the reason and the offer back from the body before a change of tone.
                const DraftContext read = composed_context_of(m, &r, DraftContext{});
                CAPTURE(language_code(language));
                CAPTURE(m.body);
                CHECK(read.withdrawal_reason == reason);
                CHECK(read.offer_help == offer);
                CHECK(read.tone == Tone::warmer);
            }
            DraftContext ctx = filled_context(language, Tone::standard);
            ctx.withdrawal_reason = reason;
            for (const DraftPart& p : parts_of(MessageKind::withdrawal, r, ctx))
                if (p.item_key == "honest_reason") sentences.push_back(p.text);
        }
        REQUIRE(sentences.size() == 3);
        // Whole different sentences: no two share their first or their last four words' worth of text.
        for (std::size_t a = 0; a < sentences.size(); ++a) {
            for (std::size_t b = a + 1; b < sentences.size(); ++b) {
                CAPTURE(sentences[a]);
                CAPTURE(sentences[b]);
                CHECK(sentences[a].substr(0, 12) != sentences[b].substr(0, 12));
                CHECK(sentences[a].substr(sentences[a].size() - 12) != sentences[b].substr(sentences[b].size() - 12));
            }
        }
    }
}

TEST_CASE("reminders: a thank-you on the interview day, a look again at step 3 a few days later") {
    Reflection r = reflection_with_people();
    r.ending = Ending::rejected;
    r.rejected_on.reset();
    r.last_interview_on = Date{2026, 12, 2};
    const Timestamp now{};
    int n = 0;
    const IdSource ids = [&] { return "rem-" + std::to_string(++n); };
    const auto thank_you_in = [&](const std::vector<Reminder>& list) {
        return std::find_if(list.begin(), list.end(),
                            [](const Reminder& x) { return x.kind == ReminderKind::thank_you; });
    };
    // Entered ahead: due on the day itself.
    std::vector<Reminder> ahead = suggest_reminders(r, {}, Date{2026, 11, 28}, now, ids);
    REQUIRE(thank_you_in(ahead) != ahead.end());
    CHECK(thank_you_in(ahead)->due == Date{2026, 12, 2});
    CHECK(thank_you_in(ahead)->title == "Send Nordlicht GmbH a thank-you note for the interview");
    // The day after still counts; a week later it is no longer suggested.
    std::vector<Reminder> next_day = suggest_reminders(r, {}, Date{2026, 12, 3}, now, ids);
    REQUIRE(thank_you_in(next_day) != next_day.end());
    CHECK(thank_you_in(next_day)->due == Date{2026, 12, 3});
    std::vector<Reminder> late = suggest_reminders(r, {}, Date{2026, 12, 9}, now, ids);
    CHECK(thank_you_in(late) == late.end());
    // Not when withdrawing, and not twice.
    const std::vector<Reminder> again = suggest_reminders(r, ahead, Date{2026, 11, 28}, now, ids);
    CHECK(thank_you_in(again) == again.end());
    Reflection withdrew = r;
    withdrew.ending = Ending::withdrew;
    const std::vector<Reminder> none = suggest_reminders(withdrew, {}, Date{2026, 11, 28}, now, ids);
    CHECK(thank_you_in(none) == none.end());

    const Reminder look = look_again_reminder(r, Date{2026, 11, 21}, now, ids);
    CHECK(look.kind == ReminderKind::look_again);
    CHECK(look.due == Date{2026, 11, 24});
    CHECK(look.reflection_id == r.meta.id);
    CHECK(look.title == "Look again at Nordlicht GmbH with fresh eyes");
    CHECK(reminder_step(ReminderKind::look_again) == StepId::reflect);
    CHECK_FALSE(reminder_step(ReminderKind::check_in).has_value());
    CHECK(has_open_look_again(r, {look}));
    Reminder done = look;
    mark_done(done, Date{2026, 11, 24});
    CHECK_FALSE(has_open_look_again(r, {done}));

    // The check-in reminder carries the ways to stay visible.
    CHECK(reminder_guidance_key(ReminderKind::check_in) == "guidance.stay_visible");
    const std::string ways(tr("guidance.stay_visible"));
    for (const char* way : {"follow the company", "comment thoughtfully", "someone who works there", "article"}) {
        CAPTURE(way);
        CHECK(ways.find(way) != std::string::npos);
    }
}

}  // namespace debrief
