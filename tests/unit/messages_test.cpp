// Tests for core/messages: drafts pass their own checklists, each sentence carries its item,
// cue matching in several languages, and RFC 6068 mailto links.
#include "core/messages.h"

#include "core/text.h"
#include "prose_checks.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace debrief;

namespace {

Reflection full_reflection() {
    Reflection r;
    r.meta.id = "refl-1";
    r.company = "Nordlicht GmbH";
    r.role = "Product Designer";
    r.last_interview_on = Date{2026, 11, 3};
    r.rejected_on = Date{2026, 11, 19};
    r.loved = {LovedItem{"l1", "the creative team", LovedTag::team, 4},
               LovedItem{"l2", "your work on accessible maps", LovedTag::mission, 5}};
    r.wins = {Win{"w1", "Reached the final round", false}, Win{"w2", "my portfolio", true}};
    r.feedback.recruiter_name = "Dana Weiß";
    r.feedback.recruiter_email = "dana@nordlicht.example";
    r.feedback.ask_about_similar_role = true;
    r.feedback.similar_role = "UX Researcher";
    r.criteria = {Criterion{"c1", "mission-driven", CriterionKind::nice_to_have},
                  Criterion{"c2", "remote-friendly", CriterionKind::must_have}};
    return r;
}

DraftContext full_context() {
    DraftContext ctx;
    ctx.sender_name = "Sam Rivera";
    ctx.recipient_name = "Jonas";
    ctx.today = Date{2026, 11, 21};
    ctx.new_experience = "I've completed a course in service design.";
    ctx.article_link = "https://example.org/maps-for-everyone";
    ctx.detail = "how your team tests maps with blind users";
    ctx.reconnect = {"two years", "I finished my master's degree in Milan", "I'm moving into product design",
                     "to find a junior role in Berlin by spring", "an introduction to my old team at the studio"};
    return ctx;
}

std::vector<DraftContext> contexts() {
    DraftContext bare;
    bare.today = Date{2026, 11, 21};
    std::vector<DraftContext> all{full_context(), bare};
    for (const WithdrawalReason reason : enum_values<WithdrawalReason>()) {
        DraftContext c = full_context();
        c.withdrawal_reason = reason;
        c.offer_help = OfferHelp::no;
        all.push_back(c);
    }
    return all;
}

bool item_ok(MessageKind kind, const std::string& item_key, const std::string& body, Language language = Language::en) {
    for (const ChecklistItem& item : checklist(kind, language)) {
        if (item.key == item_key) return item.satisfied(body);
    }
    FAIL("no checklist item " << item_key);
    return false;
}

}  // namespace

TEST_CASE("messages: every generated draft satisfies all of its checklist items") {
    const Reflection r = full_reflection();
    for (const MessageKind kind : enum_values<MessageKind>()) {
        for (const DraftContext& ctx : contexts()) {
            for (const Reflection* source : {&r, static_cast<const Reflection*>(nullptr)}) {
                const Message m = draft_message(kind, source, ctx);
                CAPTURE(to_key(kind));
                CAPTURE(m.body);
                const std::vector<ChecklistItem> items = checklist(kind);
                const ChecklistResult result = check_body(items, m.body);
                const bool filled_in = !has_placeholders(m.body);  // bare contexts leave [placeholders]
                CHECK(result.all_required_met() == filled_in);
                CHECK(result.required_total > 0);
                for (std::size_t i = 0; i < items.size(); ++i) {
                    const bool optional_left_out = items[i].key == "offer_help" && ctx.offer_help == OfferHelp::no;
                    if (items[i].rule == CueRule::no_placeholders)
                        CHECK(result.satisfied[i] == filled_in);
                    else if (!optional_left_out)
                        CHECK_MESSAGE(result.satisfied[i], items[i].key);
                }
            }
        }
    }
}

TEST_CASE("messages: removing the sentence for an item makes exactly that item fail") {
    const Reflection r = full_reflection();
    for (const MessageKind kind : enum_values<MessageKind>()) {
        for (const DraftContext& ctx : {full_context(), contexts()[1]}) {
            const std::vector<DraftPart> parts = draft_parts(kind, &r, ctx);
            const std::vector<ChecklistItem> items = checklist(kind);
            for (std::size_t p = 0; p < parts.size(); ++p) {
                if (parts[p].item_key.empty()) continue;
                std::vector<DraftPart> without = parts;
                without.erase(without.begin() + static_cast<std::ptrdiff_t>(p));
                const std::string body = join_parts(without);
                CAPTURE(to_key(kind));
                CAPTURE(parts[p].item_key);
                CAPTURE(body);
                for (const ChecklistItem& item : items) {
                    if (item.rule == CueRule::must_not_appear) {
                        CHECK(item.satisfied(body));
                    } else if (item.rule == CueRule::no_placeholders) {
                        CHECK(item.satisfied(body) == !has_placeholders(body));
                    } else {
                        CHECK(item.satisfied(body) == (item.key != parts[p].item_key));
                    }
                }
            }
        }
    }
}

TEST_CASE("messages: every required positive item has a sentence in the draft") {
    const Reflection r = full_reflection();
    for (const MessageKind kind : enum_values<MessageKind>()) {
        const std::vector<DraftPart> parts = draft_parts(kind, &r, full_context());
        for (const ChecklistItem& item : checklist(kind)) {
            if (item.rule != CueRule::must_appear) continue;
            bool found = false;
            for (const DraftPart& part : parts) found = found || part.item_key == item.key;
            CAPTURE(item.key);
            CHECK(found);
        }
    }
}

TEST_CASE("messages: drafts are filled from the reflection") {
    const Reflection r = full_reflection();
    const DraftContext ctx = full_context();
    const Message reply = draft_message(MessageKind::feedback_reply, &r, ctx);
    CHECK(reply.kind == MessageKind::feedback_reply);
    CHECK(reply.status == MessageStatus::draft);
    CHECK(reply.reflection_id == "refl-1");
    CHECK(reply.subject == "Thank you — Product Designer at Nordlicht GmbH");
    CHECK(reply.body.rfind("Dear Jonas,\n\n", 0) == 0);
    CHECK(reply.body.find("on November 3.") != std::string::npos);
    CHECK(reply.body.find("especially your work on accessible maps") != std::string::npos);  // the heaviest loved item
    CHECK(reply.body.find("the UX Researcher opening") != std::string::npos);
    CHECK(reply.body.find("Kind regards,\nSam Rivera") != std::string::npos);

    const Message note = draft_message(MessageKind::network_note, &r, ctx);
    CHECK(note.body.find("One highlight: my portfolio.") != std::string::npos);  // a win that really helped
    CHECK(note.body.find("roles like Product Designer, ideally remote-friendly and mission-driven") !=
          std::string::npos);

    const Message check_in = draft_message(MessageKind::check_in, &r, ctx);
    CHECK(check_in.body.find("Since we last spoke, I've completed a course in service design.") != std::string::npos);
    CHECK(check_in.body.find("\nhttps://example.org/maps-for-everyone") != std::string::npos);

    const Message reconnect = draft_message(MessageKind::reconnect, nullptr, ctx);
    CHECK(reconnect.body.find("It's been two years since we last spoke") != std::string::npos);
    CHECK(reconnect.reflection_id.empty());
}

TEST_CASE("messages: recipients and placeholders") {
    const Reflection r = full_reflection();
    DraftContext ctx;
    ctx.today = Date{2026, 11, 21};
    const Message question = draft_message(MessageKind::recruiter_question, &r, ctx);
    CHECK(question.to == "dana@nordlicht.example");
    CHECK(question.body.rfind("Dear Dana Weiß,", 0) == 0);
    CHECK(question.body.find("Kind regards,") != std::string::npos);
    CHECK(draft_message(MessageKind::follow_up, &r, ctx).to.empty());  // interviewers: the user fills it in

    const Message withdrawal = draft_message(MessageKind::withdrawal, nullptr, ctx);
    CHECK(withdrawal.body.rfind("Hello,", 0) == 0);
    CHECK(withdrawal.body.find("[role] role at [company]") != std::string::npos);
    ctx.company = "Acme";
    ctx.role = "Analyst";
    CHECK(draft_subject(MessageKind::withdrawal, nullptr, ctx) == "Withdrawing my application for the Analyst role");
    CHECK(draft_message(MessageKind::network_note, nullptr, DraftContext{}).body.rfind("Hi everyone,", 0) == 0);
}

TEST_CASE("messages: withdrawal reasons and the optional offer of help") {
    DraftContext ctx = full_context();
    ctx.company = "Nordlicht GmbH";  // no reflection: without these the draft keeps [role] and [company]
    ctx.role = "Product Designer";
    ctx.withdrawal_reason = WithdrawalReason::change_of_plans;
    CHECK(draft_message(MessageKind::withdrawal, nullptr, ctx).body.find("my plans have changed") != std::string::npos);
    ctx.withdrawal_reason = WithdrawalReason::personal;
    CHECK(draft_message(MessageKind::withdrawal, nullptr, ctx).body.find("personal reasons") != std::string::npos);
    ctx.offer_help = OfferHelp::no;
    const std::string body = draft_message(MessageKind::withdrawal, nullptr, ctx).body;
    CHECK_FALSE(item_ok(MessageKind::withdrawal, "offer_help", body));
    const std::vector<ChecklistItem> items = checklist(MessageKind::withdrawal);
    CHECK(check_body(items, body).all_required_met());
    const auto offer =
        std::find_if(items.begin(), items.end(), [](const ChecklistItem& i) { return i.key == "offer_help"; });
    REQUIRE(offer != items.end());
    CHECK(offer->requirement == Requirement::optional);
    CHECK(to_key(WithdrawalReason::change_of_plans) == "change_of_plans");
}

TEST_CASE("messages: negative checks catch pleading, dwelling and criticism") {
    const Reflection r = full_reflection();
    const DraftContext ctx = full_context();
    const std::string reply = draft_message(MessageKind::feedback_reply, &r, ctx).body;
    CHECK(item_ok(MessageKind::feedback_reply, "not_desperate", reply));
    CHECK_FALSE(
        item_ok(MessageKind::feedback_reply, "not_desperate", reply + "\nPlease reconsider, I really need this."));
    CHECK_FALSE(item_ok(MessageKind::feedback_reply, "not_desperate", "I am DESPERATE for this job"));
    CHECK_FALSE(item_ok(MessageKind::feedback_reply, "not_desperate", "Ich bin verzweifelt.", Language::de));
    CHECK(item_ok(MessageKind::feedback_reply, "not_desperate", "I began the process with high hopes."));

    const std::string note = draft_message(MessageKind::network_note, &r, ctx).body;
    CHECK(item_ok(MessageKind::network_note, "not_dwelling", note));
    CHECK_FALSE(
        item_ok(MessageKind::network_note, "not_dwelling", note + " Honestly I'm devastated and it was unfair."));
    CHECK_FALSE(item_ok(MessageKind::network_note, "not_dwelling", "Sono molto deluso.", Language::it));
    CHECK_FALSE(item_ok(MessageKind::network_note, "not_dwelling", "أنا حزين جدا", Language::ar));

    const std::string withdrawal = draft_message(MessageKind::withdrawal, &r, ctx).body;
    CHECK(item_ok(MessageKind::withdrawal, "no_criticism", withdrawal));
    CHECK_FALSE(
        item_ok(MessageKind::withdrawal, "no_criticism", withdrawal + " Frankly the process was disorganised."));
    CHECK_FALSE(item_ok(MessageKind::withdrawal, "no_criticism", "Das Verfahren war unprofessionell.", Language::de));
}

TEST_CASE("messages: the withdrawal greeting must open the message") {
    CHECK(item_ok(MessageKind::withdrawal, "addressed", "\n  Dear Ms Okafor,\n\nThank you."));
    CHECK(item_ok(MessageKind::withdrawal, "addressed", "Sehr geehrte Frau Schulz,", Language::de));
    CHECK(item_ok(MessageKind::withdrawal, "addressed", "مرحبا أحمد،", Language::ar));
    CHECK_FALSE(item_ok(MessageKind::withdrawal, "addressed", "I withdraw.\nHi again"));
    CHECK_FALSE(item_ok(MessageKind::withdrawal, "addressed", "This is my decision."));
}

TEST_CASE("messages: checklists recognise German, Italian and Arabic letters") {
    const std::string german =
        "Liebe Frau Weiß,\n\nvielen Dank für Ihre Nachricht. Das Gespräch mit dem Team hat mir große Freude gemacht, "
        "und ich bin von Ihrer Mission weiterhin begeistert. Was könnte ich verbessern? Ich würde mich freuen, wenn "
        "Sie "
        "mich für ähnliche Stellen berücksichtigen.";
    CHECK(check_body(checklist(MessageKind::feedback_reply, Language::de), german).all_required_met());

    const std::string italian =
        "Gentile Marco,\n\ncapisco e rispetto la vostra decisione. Grazie ancora per il colloquio. Resto molto "
        "interessata all'azienda: vi chiedo di tenermi presente per posizioni future. Se ci sono stati dubbi sulla "
        "mia candidatura, fatemelo sapere.";
    CHECK(check_body(checklist(MessageKind::follow_up, Language::it), italian).all_required_met());

    const std::string arabic =
        "عزيزي أحمد،\n\nأشكركم على إتاحة الفرصة. قررت الانسحاب من العملية لأنني قبلت عرضاً آخر. أقدّر وقتكم "
        "كثيراً، وآمل أن نبقى على تواصل.";
    const ChecklistResult result = check_body(checklist(MessageKind::withdrawal, Language::ar), arabic);
    CHECK(result.all_required_met());
}

TEST_CASE("messages: cue_matches respects word boundaries and stems") {
    CHECK(cue_matches("thank you", "thank*"));
    CHECK(cue_matches("many thanks!", "thank*"));
    CHECK_FALSE(cue_matches("unthankful", "thank*"));
    CHECK(cue_matches("a good fit.", "fit"));
    CHECK_FALSE(cue_matches("the benefits", "fit"));
    CHECK_FALSE(cue_matches("fitness", "fit"));
    CHECK(cue_matches("looking for a role", "looking for"));
    CHECK_FALSE(cue_matches("looking forward", "looking for"));
    CHECK_FALSE(cue_matches("hiç", "hi"));   // a Latin cue does not end inside another script's word
    CHECK(cue_matches("وشكرا لكم", "شكر"));  // Arabic cues match inside words with prefixes
    CHECK_FALSE(cue_matches("anything", ""));
    CHECK_FALSE(cue_matches("anything", "*"));
}

TEST_CASE("messages: checklist labels are translated and items flagged") {
    const std::vector<ChecklistItem> reply = checklist(MessageKind::feedback_reply);
    REQUIRE(reply.size() == 7);
    CHECK(reply[0].label == "Thanks the team");
    CHECK(reply[5].rule == CueRule::must_not_appear);
    CHECK(reply.back().rule == CueRule::no_placeholders);
    CHECK(reply.back().label == "Every [placeholder] filled in");
    const std::vector<ChecklistItem> withdrawal = checklist(MessageKind::withdrawal);
    CHECK(withdrawal.front().scope == CueScope::first_line);
    for (const MessageKind kind : enum_values<MessageKind>()) CHECK(checklist(kind).size() >= 4);
}

TEST_CASE("messages: mailto_url percent-encodes UTF-8 and CRLF line breaks") {
    CHECK(mailto_url("dana@nordlicht.example", "Hi there", "a\nb") ==
          "mailto:dana@nordlicht.example?subject=Hi%20there&body=a%0D%0Ab");
    CHECK(mailto_url("a@b.example", "Grüße", "") == "mailto:a@b.example?subject=Gr%C3%BC%C3%9Fe");
    CHECK(mailto_url("", "", "مرحبا") == "mailto:?body=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7");
    CHECK(mailto_url("x@y.example", "", "ok 😀") == "mailto:x@y.example?body=ok%20%F0%9F%98%80");
    CHECK(mailto_url("a@b.example,c@d.example", "", "") == "mailto:a@b.example,c@d.example");
    CHECK(mailto_url("odd&name?@x.example", "", "") == "mailto:odd%26name%3F@x.example");
    CHECK(mailto_url("", "a&b=c?d#e%f+g", "") == "mailto:?subject=a%26b%3Dc%3Fd%23e%25f%2Bg");
    CHECK(mailto_url("", "", "one\r\ntwo\rthree\n") == "mailto:?body=one%0D%0Atwo%0D%0Athree%0D%0A");
}

// [SECTION] Drafts that read as written by a person (issue #13, item 4)

namespace {

// Items typed the way people type them: capitalised like a sentence, with their own full stops.
Reflection capitalised_reflection() {
    Reflection r = full_reflection();
    r.loved = {LovedItem{"l1", "UX research culture.", LovedTag::team, 5}};
    r.wins = {Win{"w1", "My portfolio case study.", true}};
    r.feedback.similar_role = "Senior Designer!";
    r.criteria = {Criterion{"c1", "A small, senior team.", CriterionKind::must_have},
                  Criterion{"c2", "iOS work", CriterionKind::must_have},
                  Criterion{"c3", "New York office", CriterionKind::nice_to_have}};
    return r;
}

DraftContext capitalised_context() {
    DraftContext ctx = full_context();
    ctx.new_experience = "I've completed a course with McKinsey alumni.";
    ctx.reconnect = {"Two years", "I've been abroad...", "My contract at NASA ended.", "Find a junior role by spring!",
                     "An introduction to my old team."};
    return ctx;
}

// Every field the drafts read, empty; and the same fields holding only punctuation and spaces.
Reflection empty_reflection(std::string_view filler) {
    Reflection r;
    r.meta.id = "refl-empty";
    r.company = std::string(filler);
    r.role = std::string(filler);
    r.loved = {LovedItem{"l1", std::string(filler), LovedTag::team, 5}};
    r.wins = {Win{"w1", std::string(filler), true}};
    r.feedback.recruiter_name = std::string(filler);
    r.feedback.ask_about_similar_role = true;
    r.feedback.similar_role = std::string(filler);
    r.criteria = {Criterion{"c1", std::string(filler), CriterionKind::must_have}};
    return r;
}

DraftContext empty_context(std::string_view filler) {
    DraftContext ctx;
    ctx.today = Date{2026, 11, 21};
    ctx.recipient_name = std::string(filler);
    ctx.new_experience = std::string(filler);
    ctx.reconnect = {std::string(filler), std::string(filler), std::string(filler), std::string(filler),
                     std::string(filler)};
    return ctx;
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("messages: spliced items take a lowercase initial, proper nouns and acronyms keep theirs") {
    const Reflection r = capitalised_reflection();
    const DraftContext ctx = capitalised_context();

    const std::string reply = draft_message(MessageKind::feedback_reply, &r, ctx).body;
    CHECK(contains(reply, "especially UX research culture."));   // acronym kept, full stop not doubled
    CHECK(contains(reply, "the Senior Designer opening, and"));  // a capitalised run is a name
    const std::string note = draft_message(MessageKind::network_note, &r, ctx).body;
    CHECK(contains(note, "One highlight: my portfolio case study."));  // not "My portfolio case study…."
    CHECK(contains(note, "ideally a small, senior team, iOS work and New York office."));
    const std::string check_in = draft_message(MessageKind::check_in, &r, ctx).body;
    CHECK(contains(check_in, "Since we last spoke, I've completed a course with McKinsey alumni.\n"));
    const std::string reconnect = draft_message(MessageKind::reconnect, nullptr, ctx).body;
    CHECK(contains(reconnect, "It's been two years since we last spoke"));
    CHECK(contains(reconnect, "In the meantime, I've been abroad."));
    CHECK(contains(reconnect, "because my contract at NASA ended."));
    CHECK(contains(reconnect, "Here is my plan: find a junior role by spring."));
    CHECK(contains(reconnect, "in return I'd be glad to offer an introduction to my old team."));

    // No capital after a spliced comma, colon or "and", except names and "I".
    const std::vector<std::string> allowed{"I", "I've", "I'd", "I'm", "UX", "Senior", "New", "Nordlicht"};
    for (const MessageKind kind : enum_values<MessageKind>()) {
        for (const Reflection* source : {&r, static_cast<const Reflection*>(nullptr)}) {
            const std::string body = draft_message(kind, source, ctx).body;
            CAPTURE(to_key(kind));
            CAPTURE(body);
            for (const std::string& word : test::capitals_after_joints(body)) {
                CAPTURE(word);
                CHECK(std::find(allowed.begin(), allowed.end(), word) != allowed.end());
            }
        }
    }
}

TEST_CASE("messages: lists are joined with commas and the catalogue's \"and\"") {
    Reflection r = capitalised_reflection();
    const DraftContext ctx = capitalised_context();
    r.criteria.resize(1);
    CHECK(contains(draft_message(MessageKind::network_note, &r, ctx).body, "ideally a small, senior team. Could"));
    r.criteria = {Criterion{"c1", "Remote-friendly", CriterionKind::must_have},
                  Criterion{"c2", "mission-driven", CriterionKind::nice_to_have}};
    CHECK(contains(draft_message(MessageKind::network_note, &r, ctx).body,
                   "ideally remote-friendly and mission-driven."));
    r.criteria.push_back(Criterion{"c3", "a learning budget", CriterionKind::must_have});
    CHECK(contains(draft_message(MessageKind::network_note, &r, ctx).body,
                   "ideally remote-friendly, a learning budget and mission-driven."));  // must-haves first
    // Entered twice (as a must-have and again as nice to have, or in other case): said once.
    r.criteria.push_back(Criterion{"c4", "Remote-Friendly.", CriterionKind::nice_to_have});
    r.criteria.push_back(Criterion{"c5", "a learning budget", CriterionKind::must_have});
    CHECK(contains(draft_message(MessageKind::network_note, &r, ctx).body,
                   "ideally remote-friendly, a learning budget and mission-driven."));
}

TEST_CASE("messages: no template seams, whether every field is filled, empty or only punctuation") {
    std::vector<std::pair<Reflection, DraftContext>> samples{
        {full_reflection(), full_context()},
        {capitalised_reflection(), capitalised_context()},
        {empty_reflection(""), empty_context("")},
        {empty_reflection(" . "), empty_context("...")},
        {empty_reflection("!?"), empty_context(" ;, ")},
    };
    for (const auto& [reflection, ctx] : samples) {
        for (const MessageKind kind : enum_values<MessageKind>()) {
            for (const Reflection* source : {&reflection, static_cast<const Reflection*>(nullptr)}) {
                const Message m = draft_message(kind, source, ctx);
                for (const std::string& text : {m.subject, m.body}) {
                    CAPTURE(to_key(kind));
                    CAPTURE(text);
                    for (const std::string_view seam : {"  ", " ,", " .", "..", ",.", ".,", "()", "( )", "[]"}) {
                        CAPTURE(seam);
                        CHECK_FALSE(contains(text, seam));
                    }
                }
            }
        }
    }
    // Punctuation alone is no item: the sentences without a slot are used, or the [placeholder].
    const Reflection dots = empty_reflection(" . ");
    const std::string reply = draft_message(MessageKind::feedback_reply, &dots, empty_context("")).body;
    CHECK(contains(reply, "I'm still excited about what [company] is doing."));
    CHECK(contains(reply, "I'd be glad to be considered for similar openings in the future."));
    const std::string reconnect = draft_message(MessageKind::reconnect, nullptr, empty_context("...")).body;
    CHECK(contains(reconnect, "It's been a long time since we last spoke"));
    CHECK(contains(reconnect, "Here is my plan: [your next step, in one sentence]."));
}

TEST_CASE("messages: has_placeholders finds a [bracketed] word still to fill in") {
    CHECK(has_placeholders("See [link]"));
    CHECK(has_placeholders("the [role] role at [company]"));
    CHECK(has_placeholders("[x]"));
    CHECK(has_placeholders("I've [what you have learned or done since: a course, a project]."));
    CHECK_FALSE(has_placeholders(""));
    CHECK_FALSE(has_placeholders("All filled in, thank you."));
    CHECK_FALSE(has_placeholders("an empty pair [] is no placeholder"));
    CHECK_FALSE(has_placeholders("a bracket left open [like this"));
    CHECK_FALSE(has_placeholders("closed ] before [ opened"));
    CHECK_FALSE(has_placeholders("[across\nlines]"));
    CHECK(has_placeholders("[[nested]]"));

    const Reflection r = full_reflection();
    CHECK_FALSE(has_placeholders(draft_message(MessageKind::feedback_reply, &r, full_context()).body));
    CHECK(has_placeholders(draft_message(MessageKind::withdrawal, nullptr, DraftContext{}).body));
}

TEST_CASE("messages: a draft is not complete while a [placeholder] remains") {
    const Reflection r = full_reflection();
    DraftContext ctx = full_context();
    ctx.article_link.clear();
    const std::vector<ChecklistItem> items = checklist(MessageKind::check_in);
    REQUIRE(items.back().key == "filled_in");
    std::string body = draft_message(MessageKind::check_in, &r, ctx).body;
    REQUIRE(contains(body, "\n[link]\n"));
    ChecklistResult result = check_body(items, body);
    CHECK_FALSE(result.all_required_met());
    CHECK(result.required_met == result.required_total - 1);  // every cue is there; only the link is missing
    CHECK_FALSE(result.satisfied.back());

    body.replace(body.find("[link]"), 6, "https://example.org/maps-for-everyone");
    result = check_body(items, body);
    CHECK(result.all_required_met());
    CHECK(result.satisfied.back());

    // Any [placeholder] counts, in every kind, including one the user typed.
    for (const MessageKind kind : enum_values<MessageKind>()) {
        const std::string full = draft_message(kind, &r, full_context()).body;
        CAPTURE(to_key(kind));
        CHECK(check_body(checklist(kind), full).all_required_met());
        CHECK_FALSE(check_body(checklist(kind), full + "\n[your phone number]").all_required_met());
    }
}
