// Drafts composed in a language other than English: whole sentences from that language's
// catalogue, the user's words spliced to fit its grammar, and its own list words. The catalogues
// here are small stand-ins, so the tests do not depend on the translators' files.
#include "core/cues.h"
#include "core/i18n.h"
#include "core/messages.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <iterator>
#include <string>

using namespace debrief;

namespace {

// clang-format off
const CatalogueEntry german_entries[] = {
    {"date.long", "{day}. {month} {year}"},
    {"date.long_same_year", "{day}. {month}"},
    {"month.11", "November"},
    {"msg.feedback_reply.enjoyed", "Ich habe mich sehr gefreut, alle kennenzulernen."},
    {"msg.feedback_reply.enjoyed_dated", "Ich habe mich sehr gefreut, alle am {date} kennenzulernen."},
    {"msg.feedback_reply.excited", "{company} begeistert mich nach wie vor."},
    {"msg.feedback_reply.excited_loved", "{company} begeistert mich nach wie vor, besonders {loved}."},
    {"msg.feedback_reply.similar_roles", "Ich würde mich freuen, wenn Sie mich für ähnliche Stellen berücksichtigen."},
    {"msg.feedback_reply.similar_roles_named", "Mir ist auch die Stelle als {similar_role} aufgefallen; ich würde mich freuen, wenn Sie mich dafür oder für ähnliche Stellen berücksichtigen."},
    {"msg.feedback_reply.strengthen", "Wenn Sie einen Moment haben: Was würde meine Bewerbung stärken?"},
    {"msg.feedback_reply.subject", "Vielen Dank – {role} bei {company}"},
    {"msg.feedback_reply.thanks", "Vielen Dank, dass Sie mir Ihre Entscheidung zur Stelle als {role} mitgeteilt haben."},
    {"msg.greeting.anonymous", "Guten Tag,"},
    {"msg.greeting.group", "Hallo zusammen,"},
    {"msg.greeting.named", "Hallo {name},"},
    {"msg.list.last", "{list} und {item}"},
    {"msg.list.more", "{list}, {item}"},
    {"msg.placeholder.company", "[Firma]"},
    {"msg.placeholder.role", "[Stelle]"},
    {"msg.signoff.anonymous", "Viele Grüße"},
    {"msg.signoff.named", "Viele Grüße\n{sender}"},
};

const CatalogueEntry italian_entries[] = {
    {"date.long", "{day} {month} {year}"},
    {"date.long_same_year", "{day} {month}"},
    {"month.11", "novembre"},
    {"msg.feedback_reply.enjoyed", "Mi ha fatto molto piacere conoscervi."},
    {"msg.feedback_reply.enjoyed_dated", "Mi ha fatto molto piacere conoscervi il {date}."},
    {"msg.feedback_reply.excited", "Il lavoro di {company} continua ad appassionarmi."},
    {"msg.feedback_reply.excited_loved", "Il lavoro di {company} continua ad appassionarmi, in particolare {loved}."},
    {"msg.feedback_reply.similar_roles", "Vi chiedo di considerarmi per posizioni simili in futuro."},
    {"msg.feedback_reply.similar_roles_named", "Ho notato anche la posizione di {similar_role}: vi chiedo di considerarmi per quella o per posizioni simili."},
    {"msg.feedback_reply.strengthen", "Se avete un momento, mi aiuterebbe sapere cosa potrebbe rafforzare la mia candidatura."},
    {"msg.feedback_reply.subject", "Grazie – {role} presso {company}"},
    {"msg.feedback_reply.thanks", "Grazie per avermi comunicato la vostra decisione sul ruolo di {role} e per il tempo che mi avete dedicato."},
    {"msg.greeting.anonymous", "Buongiorno,"},
    {"msg.greeting.group", "Ciao a tutti,"},
    {"msg.greeting.named", "Gentile {name},"},
    {"msg.list.last", "{list} e {item}"},
    {"msg.list.more", "{list}, {item}"},
    {"msg.placeholder.company", "[azienda]"},
    {"msg.placeholder.role", "[ruolo]"},
    {"msg.signoff.anonymous", "Cordiali saluti,"},
    {"msg.signoff.named", "Cordiali saluti,\n{sender}"},
};

const CatalogueEntry arabic_entries[] = {
    {"date.long", "{day} {month} {year}"},
    {"date.long_same_year", "{day} {month}"},
    {"month.11", "نوفمبر"},
    {"msg.feedback_reply.enjoyed", "سعدت كثيرًا بلقاء الجميع."},
    {"msg.feedback_reply.enjoyed_dated", "سعدت كثيرًا بلقاء الجميع في {date}."},
    {"msg.feedback_reply.excited", "ما زال عمل {company} يثير حماسي."},
    {"msg.feedback_reply.excited_loved", "ما زال عمل {company} يثير حماسي، ولا سيما {loved}."},
    {"msg.feedback_reply.similar_roles", "ويسعدني أن تأخذوني بعين الاعتبار في وظائف مماثلة مستقبلًا."},
    {"msg.feedback_reply.similar_roles_named", "لاحظت أيضًا وظيفة {similar_role}، ويسعدني أن تنظروا في ترشيحي لها أو لوظائف مماثلة."},
    {"msg.feedback_reply.strengthen", "وإن سمح وقتكم، يسعدني أن أعرف ما الذي يقوّي ترشحي في المرات القادمة."},
    {"msg.feedback_reply.subject", "شكرًا لكم – {role} في {company}"},
    {"msg.feedback_reply.thanks", "شكرًا لإبلاغي بقراركم بشأن وظيفة {role}، وعلى الوقت الذي منحتموني إياه."},
    {"msg.greeting.anonymous", "مرحبًا،"},
    {"msg.greeting.group", "مرحبًا بالجميع،"},
    {"msg.greeting.named", "مرحبًا {name}،"},
    {"msg.list.last", "{list} و{item}"},
    {"msg.list.more", "{list}، {item}"},
    {"msg.placeholder.company", "[الشركة]"},
    {"msg.placeholder.role", "[الوظيفة]"},
    {"msg.signoff.anonymous", "مع خالص التحية،"},
    {"msg.signoff.named", "مع خالص التحية،\n{sender}"},
};
// clang-format on

template <std::size_t N>
void install(Language language, const CatalogueEntry (&entries)[N]) {
    REQUIRE(std::is_sorted(std::begin(entries), std::end(entries),
                           [](const CatalogueEntry& a, const CatalogueEntry& b) { return a.key < b.key; }));
    install_catalogue(language, Catalogue{entries, N});
}

// Installs the stand-ins for one test and removes them after, so no other test sees them.
struct TestCatalogues {
    TestCatalogues() {
        install(Language::de, german_entries);
        install(Language::it, italian_entries);
        install(Language::ar, arabic_entries);
    }
    ~TestCatalogues() {
        for (const Language language : {Language::de, Language::it, Language::ar}) install_catalogue(language, {});
    }
    TestCatalogues(const TestCatalogues&) = delete;
    TestCatalogues& operator=(const TestCatalogues&) = delete;
};

Reflection reflection(const char* loved) {
    Reflection r;
    r.meta.id = "refl-lang";
    r.company = "Nordlicht GmbH";
    r.role = "Product Designer";
    r.last_interview_on = Date{2026, 11, 3};
    r.loved = {LovedItem{"l1", loved, LovedTag::mission, 5}};
    r.feedback.recruiter_email = "dana@nordlicht.example";
    return r;
}

DraftContext context(Language language) {
    DraftContext ctx;
    ctx.language = language;
    ctx.sender_name = "Sam Rivera";
    ctx.recipient_name = "Dana";
    ctx.today = Date{2026, 11, 21};
    return ctx;
}

}  // namespace

TEST_CASE("draft language: a German feedback reply is German throughout and passes its checklist") {
    const TestCatalogues catalogues;
    const Reflection r = reflection("Ihre Arbeit an barrierefreien Karten");
    const Message m = draft_message(MessageKind::feedback_reply, &r, context(Language::de));
    CAPTURE(m.body);
    CHECK(m.language == Language::de);
    CHECK(m.subject == "Vielen Dank – Product Designer bei Nordlicht GmbH");
    CHECK(m.body.rfind("Hallo Dana,\n\nVielen Dank, dass Sie mir", 0) == 0);
    CHECK(m.body.find("alle am 3. November kennenzulernen.") != std::string::npos);
    // German capitalises nouns and the polite "Ihre": the user's capitals are kept mid-sentence.
    CHECK(m.body.find("besonders Ihre Arbeit an barrierefreien Karten.") != std::string::npos);
    CHECK(m.body.find("Viele Grüße\nSam Rivera") != std::string::npos);
    CHECK(m.body.find("Thank") == std::string::npos);
    CHECK(check_body(checklist(MessageKind::feedback_reply, Language::de), m.body).all_required_met());
}

TEST_CASE("draft language: an Italian feedback reply lower-cases a spliced sentence start") {
    const TestCatalogues catalogues;
    const Reflection r = reflection("Il vostro lavoro sulle mappe accessibili");
    const Message m = draft_message(MessageKind::feedback_reply, &r, context(Language::it));
    CAPTURE(m.body);
    CHECK(m.language == Language::it);
    CHECK(m.subject == "Grazie – Product Designer presso Nordlicht GmbH");
    CHECK(m.body.rfind("Gentile Dana,\n\nGrazie per avermi comunicato", 0) == 0);
    CHECK(m.body.find("conoscervi il 3 novembre.") != std::string::npos);
    CHECK(m.body.find("in particolare il vostro lavoro sulle mappe accessibili.") != std::string::npos);
    CHECK(m.body.find("Cordiali saluti,\nSam Rivera") != std::string::npos);
    CHECK(check_body(checklist(MessageKind::feedback_reply, Language::it), m.body).all_required_met());
}

TEST_CASE("draft language: an Arabic feedback reply uses Arabic sentences, digits and checklist") {
    const TestCatalogues catalogues;
    const Reflection r = reflection("تركيزكم على الخرائط الميسّرة");
    const Message m = draft_message(MessageKind::feedback_reply, &r, context(Language::ar));
    CAPTURE(m.body);
    CHECK(m.language == Language::ar);
    CHECK(m.subject == "شكرًا لكم – Product Designer في Nordlicht GmbH");
    CHECK(m.body.rfind("مرحبًا Dana،\n\nشكرًا لإبلاغي", 0) == 0);
    CHECK(m.body.find("في ٣ نوفمبر.") != std::string::npos);  // Arabic-Indic digits
    CHECK(m.body.find("ولا سيما تركيزكم على الخرائط الميسّرة.") != std::string::npos);
    CHECK(m.body.find("مع خالص التحية،\nSam Rivera") != std::string::npos);
    CHECK(check_body(checklist(MessageKind::feedback_reply, Language::ar), m.body).all_required_met());
}

TEST_CASE("draft language: the English draft is unchanged by other catalogues being installed") {
    const TestCatalogues catalogues;
    const Reflection r = reflection("Your work on accessible maps");
    const Message m = draft_message(MessageKind::feedback_reply, &r, context(Language::en));
    CHECK(m.language == Language::en);
    CHECK(m.body.rfind("Dear Dana,\n\nThank you for letting me know", 0) == 0);
    CHECK(m.body.find("especially your work on accessible maps.") != std::string::npos);
}

TEST_CASE("draft language: lists join with each language's own words") {
    const TestCatalogues catalogues;
    const std::vector<std::string> three{"Homeoffice", "Weiterbildung", "Teamgeist"};
    CHECK(join_list(Language::en, {"remote work", "mentoring", "a clear mission"}) ==
          "remote work, mentoring and a clear mission");
    CHECK(join_list(Language::de, three) == "Homeoffice, Weiterbildung und Teamgeist");
    CHECK(join_list(Language::it, {"lavoro da remoto", "formazione", "una missione chiara"}) ==
          "lavoro da remoto, formazione e una missione chiara");
    // Arabic و attaches to the word after it, and the list comma is the Arabic one.
    CHECK(join_list(Language::ar, {"العمل عن بعد", "التدريب", "رسالة واضحة"}) == "العمل عن بعد، التدريب ورسالة واضحة");
    CHECK(join_list(Language::de, {"Homeoffice", "Teamgeist"}) == "Homeoffice und Teamgeist");
    CHECK(join_list(Language::ar, {"التدريب"}) == "التدريب");
    CHECK(join_list(Language::it, {}).empty());
}

TEST_CASE("draft language: a German draft keeps the capitals of every spliced item") {
    const TestCatalogues catalogues;
    Reflection r = reflection("Teamgeist");
    r.feedback.ask_about_similar_role = true;
    r.feedback.similar_role = "Senior Designer";
    const std::string body = draft_message(MessageKind::feedback_reply, &r, context(Language::de)).body;
    CHECK(body.find("besonders Teamgeist.") != std::string::npos);
    CHECK(body.find("die Stelle als Senior Designer aufgefallen") != std::string::npos);
    // The same single capitalised word is lowered mid-sentence in English, where it is not a noun rule.
    const std::string english = draft_message(MessageKind::feedback_reply, &r, context(Language::en)).body;
    CHECK(english.find("especially teamgeist.") != std::string::npos);
}

TEST_CASE("draft language: recomposing an untouched draft gives the draft composed in the new language") {
    const TestCatalogues catalogues;
    const Reflection r = reflection("Your work on accessible maps");
    const Message english = draft_message(MessageKind::feedback_reply, &r, context(Language::en));
    const Recomposed german = recompose_draft(english, &r, context(Language::en), Language::de);
    const Message direct = draft_message(MessageKind::feedback_reply, &r, context(Language::de));
    CHECK(german.body == direct.body);
    CHECK(german.subject == direct.subject);
    CHECK(german.kept == 0);

    Message back = english;
    back.body = german.body;
    back.subject = german.subject;
    back.language = Language::de;
    const Recomposed again = recompose_draft(back, &r, context(Language::en), Language::en);
    CHECK(again.body == english.body);
    CHECK(again.subject == english.subject);
}

TEST_CASE("draft language: recomposing keeps every sentence the user wrote or changed") {
    const TestCatalogues catalogues;
    const Reflection r = reflection("Your work on accessible maps");
    Message m = draft_message(MessageKind::feedback_reply, &r, context(Language::en));
    const std::string own = "PS: I loved the coffee.";
    const std::string changed = "I really enjoyed meeting everyone, especially Dana.";
    const std::size_t enjoyed = m.body.find("I really enjoyed meeting everyone on November 3.");
    REQUIRE(enjoyed != std::string::npos);
    m.body.replace(enjoyed, std::string("I really enjoyed meeting everyone on November 3.").size(), changed);
    m.body += "\n\n" + own;
    m.subject = "Thanks, Dana";
    const Recomposed italian = recompose_draft(m, &r, context(Language::en), Language::it);
    CAPTURE(italian.body);
    CHECK(italian.body.find(changed) != std::string::npos);
    CHECK(italian.body.find(own) != std::string::npos);
    CHECK(italian.body.rfind("Gentile Dana,\n\nGrazie per avermi comunicato", 0) == 0);
    CHECK(italian.body.find("Thank you for letting me know") == std::string::npos);
    CHECK(italian.subject == "Thanks, Dana");
    CHECK(italian.kept == 1);
    CHECK(italian.replaced >= 5);
}
