// Tests of the Markdown export: exact layout of a small reflection, escaping, and the whole-journal document.
#include <doctest/doctest.h>

#include "core/catalogue_file.h"
#include "core/i18n.h"
#include "sample_journal.h"
#include "serialization/markdown.h"
#include "test_files.h"

#include <string>

using namespace debrief;
using namespace debrief::samples;

TEST_CASE("a reflection renders with facts, the rejection as a quote and one section per step") {
    Reflection r;
    r.meta.id = "r1";
    r.company = "Bottega Ricci";
    r.role = "Responsabile marketing";
    r.location = "Bologna";
    r.stage = Stage::final_round;
    r.ending = Ending::rejected;
    r.applied_on = Date{2026, 8, 1};
    r.rejection_message = "Gentile Anna,\ngrazie per il tempo.\n\nCordiali saluti";
    r.vent.mood_before = 2;
    r.vent.emotions = {"sad", "frustrated"};
    r.vent.letter = "Perché?\nEro così vicina.";
    r.wins = {Win{"w1", "Il portfolio 🎉", true}, Win{"w2", "Final round", false}};
    r.loved = {LovedItem{"l1", "La città", LovedTag::place, 4}};
    r.criteria = {Criterion{"c1", "Team piccolo", CriterionKind::must_have}};
    r.army = {ArmyMember{"a1", "Giulia", "", true}};
    r.resilience.lesson = "Non è un giudizio.";
    r.resilience.mood_after = 6;
    r.steps[0] = StepState::done;
    r.steps[1] = StepState::done;
    r.steps[3] = StepState::skipped;

    CHECK(reflection_to_markdown(r) ==
          "# Bottega Ricci — Responsabile marketing\n"
          "\n"
          "- **Location:** Bologna\n"
          "- **Stage reached:** Final round\n"
          "- **Outcome:** Rejected\n"
          "- **Applied:** August 1, 2026\n"
          "- **Progress:** 2 of 8 steps done\n"
          "\n"
          "## The rejection\n"
          "\n"
          "> Gentile Anna,  \n"
          "> grazie per il tempo.\n"
          ">\n"
          "> Cordiali saluti\n"
          "\n"
          "## 1. Let it out\n"
          "\n"
          "- **Mood before:** 2/10\n"
          "- **Feelings:** Sad, Frustrated\n"
          "\n"
          "Perché?  \n"
          "Ero così vicina.\n"
          "\n"
          "## 2. What went right\n"
          "\n"
          "- Il portfolio 🎉 *(really helped)*\n"
          "- Final round\n"
          "\n"
          "## 3. Look back, gently\n"
          "\n"
          "*Nothing written yet.*\n"
          "\n"
          "## 4. Ask for feedback (Skipped for now)\n"
          "\n"
          "*Nothing written yet.*\n"
          "\n"
          "## 5. What you loved\n"
          "\n"
          "- La città — The place, mattered 4/5\n"
          "\n"
          "## 6. Your search criteria\n"
          "\n"
          "- **Must-have:** Team piccolo\n"
          "\n"
          "## 7. Gather your people\n"
          "\n"
          "- Giulia — told\n"
          "\n"
          "## 8. Moving forward\n"
          "\n"
          "**What I take with me**\n"
          "\n"
          "Non è un giudizio.\n"
          "\n"
          "- **Mood afterwards:** 6/10\n");
}

TEST_CASE("user text cannot turn into Markdown structure") {
    Reflection r;
    r.company = "*Star* [Corp](http://x) <b>";
    r.vent.letter = "# not a heading\n- not a list\n1. not ordered\n> not a quote\nfine_text\x01";
    const std::string md = reflection_to_markdown(r);
    CHECK(md.rfind("# \\*Star\\* \\[Corp\\](http://x) \\<b\\>\n", 0) == 0);
    CHECK(md.find("\\# not a heading  \n\\- not a list  \n1\\. not ordered  \n\\> not a quote  \nfine\\_text\n") !=
          std::string::npos);
    CHECK(md.find('\x01') == std::string::npos);
}

TEST_CASE("an untitled reflection and Arabic text render as written") {
    Reflection r;
    r.role = "مهندسة برمجيات";
    const std::string md = reflection_to_markdown(r);
    CHECK(md.rfind("# Untitled reflection — مهندسة برمجيات\n", 0) == 0);
}

TEST_CASE("the journal lists reflections, contacts, messages and reminders, without the trash") {
    const std::string md = journal_to_markdown(sample_journal());
    CHECK(md.rfind("# My Debrief journal\n\n## Müller & Söhne GmbH — Produktmanagerin (Schwerpunkt Datenanalyse)\n",
                   0) == 0);
    CHECK(md.find("### 1. Let it out") != std::string::npos);
    CHECK(md.find("## شركة النور للتقنية — مهندسة برمجيات أولى") != std::string::npos);
    CHECK(md.find("## Bottega Ricci") == std::string::npos);  // that reflection is in the trash
    CHECK(md.find("## Contacts\n\n- **Jörg Weiß** — Teamleiter Analytics, Müller & Söhne GmbH (LinkedIn) · "
                  "joerg.weiss@example.de · "
                  "last contact: November 15, 2026\n  Trinkt gern Espresso ☕\n") != std::string::npos);
    CHECK(md.find("### Vielen Dank – Produktmanagerin\n\n- **Kind:** Reply and ask for feedback\n- **Status:** Sent\n- "
                  "**Sent on:** November 20, 2026\n") != std::string::npos);
    CHECK(md.find("## Reminders\n\n- [ ] December 4, 2026 — Nachfassen bei Frau Özdemir\n"
                  "- [x] January 15, 2027 — Risentire Bottega Ricci tra qualche mese 📅 (done October 1, 2026)") !=
          std::string::npos);
    CHECK(md.back() == '\n');
    CHECK(md.find("\n\n\n") == std::string::npos);
}

TEST_CASE("an empty journal is just the title") { CHECK(journal_to_markdown(Journal{}) == "# My Debrief journal\n"); }

TEST_CASE("the people of an opportunity: interviewers, hiring manager, who said no, and who was told") {
    Reflection r;
    r.meta.id = "r1";
    r.company = "Nordlicht";
    r.feedback.recruiter_name = "Jana Weber";
    r.feedback.recruiter_email = "jana@nordlicht.example";
    r.interviewers = {Interviewer{"i1", "Anna Berg", "anna@nordlicht.example", false},
                      Interviewer{"i2", "Ben [Kraus]", "", true}, Interviewer{"i3", "", "", false}};
    r.hiring_manager_name = "Carla Diaz";
    r.hiring_manager_email = "carla@nordlicht.example";
    r.rejected_by = "hiring_manager";
    ArmyMember sam{"a1", "Sam", "", true};
    sam.email = "sam@example.org";
    sam.how_known = "old colleague";
    ArmyMember unnamed{"a2", "", "", false};
    unnamed.email = "lea@example.org";
    r.army = {sam, unnamed};

    const std::string md = reflection_to_markdown(r);
    const std::string head =
        "# Nordlicht\n"
        "\n"
        "- **Stage reached:** Interview\n"
        "- **Outcome:** Rejected\n"
        "- **Interviewers:** Anna Berg (anna@nordlicht.example), Ben \\[Kraus\\] (we got on well)\n"
        "- **Hiring manager:** Carla Diaz (carla@nordlicht.example)\n"
        "- **Rejection sent by:** Carla Diaz (carla@nordlicht.example)\n"
        "- **Progress:** 0 of 8 steps done\n";
    CHECK(md.substr(0, head.size()) == head);
    CHECK(md.find("- **Recruiter:** Jana Weber (jana@nordlicht.example)\n") != std::string::npos);
    CHECK(md.find("## 7. Gather your people\n"
                  "\n"
                  "- Sam (sam@example.org, old colleague) — told\n"
                  "- lea@example.org — not told yet\n") != std::string::npos);

    // Nobody entered: no empty people lines, and the recruiter (an empty choice) is not repeated.
    Reflection plain;
    plain.company = "Acme";
    const std::string none = reflection_to_markdown(plain);
    for (const char* label : {"Interviewers", "Hiring manager", "Rejection sent by"})
        CHECK_MESSAGE(none.find(label) == std::string::npos, label);
}

// The reading copy is in the interface language, its numbers and lists too: an Arabic copy had
// "3/10" and "خيبة أمل, تعب" beside its Arabic dates.
TEST_CASE("an Arabic reading copy writes its numbers in Arabic digits and its lists with the Arabic comma") {
    auto read = read_catalogue_file(Language::ar, test::read_file(std::string(DEBRIEF_CATALOGUE_DIR) + "/ar.catalogue"),
                                    english_catalogue());
    REQUIRE_MESSAGE(read.ok(), read.error());
    install_catalogue(Language::ar, read.value()->catalogue());
    set_interface_language(Language::ar);
    Reflection r;
    r.meta.id = "r1";
    r.company = "شركة النخبة";
    r.vent.mood_before = 3;
    r.vent.emotions = {"sad", "tired"};
    r.loved = {LovedItem{"l1", "الفريق", LovedTag::team, 5}};
    const std::string text = reflection_to_markdown(r);
    set_interface_language(Language::en);
    install_catalogue(Language::ar, Catalogue{});
    CAPTURE(text);
    CHECK(text.find("٣/١٠") != std::string::npos);
    CHECK(text.find("٥/٥") != std::string::npos);
    CHECK(text.find("، ") != std::string::npos);
    CHECK(text.find("١. ") != std::string::npos);
    for (const char digit : std::string("0123456789")) CHECK(text.find(digit) == std::string::npos);
    CHECK(text.find(", ") == std::string::npos);
}
