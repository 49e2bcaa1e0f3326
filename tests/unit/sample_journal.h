// A rich sample journal for tests: every record type and field, German, Italian and Arabic text, emoji and control
// characters.
#pragma once

#include "core/dates.h"
#include "core/journal.h"

namespace debrief::samples {

inline Timestamp ts(const char* text) { return parse_timestamp(text).value(); }
inline Date day(const char* text) { return parse_date(text).value(); }

// The instant the sample was "exported".
inline Timestamp sample_export_time() { return ts("2026-11-21T21:41:00.000+01:00"); }

inline Journal sample_journal() {
    Journal j;
    j.settings.modified = ts("2026-11-20T08:15:30.250+01:00");
    j.settings.profile_choices = {{"kleines team", CriterionKind::must_have},
                                  {"remote", CriterionKind::nice_to_have},
                                  {"pendeln über 1 stunde", CriterionKind::deal_breaker}};
    j.settings.search_location = "München";

    Reflection a;
    a.meta = {"3f2b8c1e-6d4a-4f7b-9a21-5c8e0d7b1a42", ts("2026-11-14T21:41:00.000+01:00"),
              ts("2026-11-19T22:05:12.345+01:00"), std::nullopt};
    a.company = "Müller & Söhne GmbH";
    a.role = "Produktmanagerin (Schwerpunkt Datenanalyse)";
    a.location = "München";
    a.found_via = "Empfehlung von Jörg über LinkedIn";
    a.stage = Stage::final_round;
    a.ending = Ending::rejected;
    a.applied_on = day("2026-10-03");
    a.last_interview_on = day("2026-11-06");
    a.rejected_on = day("2026-11-14");
    a.rejection_message =
        "Sehr geehrte Frau Schäfer,\n\nvielen Dank für Ihr Interesse. Leider haben wir uns für eine andere Kandidatin "
        "entschieden.\n\nMit freundlichen Grüßen\nIhr Recruiting-Team";
    a.vent.letter =
        "Liebes Team,\nich war so nah dran – drei Runden! 😤\tUnd dann „eine andere Kandidatin“.\u2028Nächste Zeile "
        "nach LINE SEPARATOR.";
    a.vent.mood_before = 3;
    a.vent.emotions = {"anger", "sadness", "frustration"};
    a.wins = {{"6513270e-269e-4d37-b2a7-4de452e6b438", "Mein Portfolio wurde zweimal gelobt 🎉", true},
              {"d23f0824-128b-4f33-8c5c-7fd0a6a3a450", "Ich kam in die Finalrunde – gegen 120 Bewerbungen", false}};
    a.reflect.fit = "Ja, weitgehend.";
    a.reflect.missing_skills = "SQL auf Expertenniveau";
    a.reflect.went_well = "Die Fallstudie";
    a.reflect.do_better = "Kürzer antworten";
    a.reflect.tripped_questions = "„Wo sehen Sie sich in fünf Jahren?“";
    a.reflect.should_have_highlighted = "Das Auslandsjahr in Mailand";
    a.reflect.likely_reasons = "Interne Kandidatin, Budget";
    a.feedback = {"Frau Özdemir", "s.oezdemir@mueller-soehne.example", true, "Senior Data Analyst", true};
    a.loved = {{"9531985d-5d9d-49f8-9818-e811892f902b", "Das kreative Team", LovedTag::team, 5},
               {"36f675cc-81e7-4ef5-a8e2-5d940ed90475", "Die Mission: Nachhaltigkeit", LovedTag::mission, 4},
               {"6b0d549b-6f03-475a-9600-a35a099950d8", "Altstadt-Büro", LovedTag::place, 2}};
    a.criteria = {{"8d116ece-1738-47d9-bd9c-172411e20b8f", "Kleines Team", CriterionKind::must_have},
                  {"90c192cf-d3ac-44af-8f21-ddb66cad4a26", "Remote möglich", CriterionKind::nice_to_have},
                  {"a170b338-3926-4059-b28c-105d1fb17c23", "Pendeln über 1 Stunde", CriterionKind::deal_breaker}};
    a.army = {{"0fd630f1-f29d-4da9-953f-48f1a09f76b5", "Jörg Weiß", "9d1c7e52-0b8f-4c3a-8e6d-2f4a1b7c9e03", true},
              {"0cb1e29c-658c-4a14-95e6-0af593bd04cf", "Anna", "", false}};
    a.army_note = "Hallo zusammen, es hat nicht geklappt – aber ich bin zuversichtlich! Kennt ihr jemanden bei …?";
    a.resilience = {"Absage ist Information, kein Urteil.", "Portfolio um SQL-Projekt erweitern", 6};
    a.steps = {StepState::done, StepState::done, StepState::done,    StepState::done,
               StepState::done, StepState::done, StepState::skipped, StepState::done};
    a.current_step = 7;
    j.reflections.push_back(a);

    Reflection b;
    b.meta = {"a7e4d2c9-1b3f-4e8a-b5d6-0c9f8e7a6b15", ts("2026-09-02T18:20:00.000+02:00"),
              ts("2026-09-10T07:03:59.999+02:00"), ts("2026-11-01T10:00:00.000Z")};
    b.company = "Bottega Ricci S.r.l.";
    b.role = "Responsabile marketing";
    b.location = "Bologna";
    b.found_via = "";
    b.stage = Stage::interview;
    b.ending = Ending::ghosted;
    b.applied_on = day("2026-08-01");
    b.vent.letter =
        "Perché proprio adesso? Ero così vicina… non mi hanno più risposto. \"Silenzio\" \\ nient'altro.\u0001";
    b.vent.mood_before = 0;
    b.wins = {{"8e81973e-0bec-47b0-b898-d190f9ebdacc", "Il colloquio è andato benissimo 💪🏽", false}};
    b.loved = {{"6b4cb242-4a23-4596-a217-beaddbc496cb", "La città, il cibo e l'atmosfera", LovedTag::place, 3}};
    b.steps = {StepState::done,      StepState::done,      StepState::untouched, StepState::untouched,
               StepState::untouched, StepState::untouched, StepState::untouched, StepState::untouched};
    b.current_step = 2;
    j.reflections.push_back(b);

    Reflection c;
    c.meta = {"5c0e9b8a-7f6d-4a3b-9c2e-1d0f8a7b6c54", ts("2026-11-18T23:59:59.000+04:00"),
              ts("2026-11-18T23:59:59.000+04:00"), std::nullopt};
    c.company = "شركة النور للتقنية";
    c.role = "مهندسة برمجيات أولى";
    c.location = "دبي";
    c.stage = Stage::screen;
    c.ending = Ending::withdrew;
    c.rejected_on = day("2026-11-18");
    c.rejection_message = "";
    c.vent.letter = "كنت متحمسة جداً لهذه الفرصة، لكنني قبلت عرضاً آخر. 🌙";
    c.resilience = {"الرفض معلومة، وليس حكماً.", "أرسل رسالة شكر إلى مسؤولة التوظيف", std::nullopt};
    c.current_step = 0;
    j.reflections.push_back(c);

    Contact k;
    k.meta = {"9d1c7e52-0b8f-4c3a-8e6d-2f4a1b7c9e03", ts("2026-11-15T09:00:00.000+01:00"),
              ts("2026-11-15T09:00:00.000+01:00"), std::nullopt};
    k.name = "Jörg Weiß";
    k.role = "Teamleiter Analytics";
    k.company = "Müller & Söhne GmbH";
    k.channel = Channel::linkedin;
    k.email = "joerg.weiss@example.de";
    k.relationship = "Freund, hat mich empfohlen";
    k.last_contact = day("2026-11-15");
    k.reflection_id = a.meta.id;
    k.notes = "Trinkt gern Espresso ☕";
    j.contacts.push_back(k);
    Contact k2;
    k2.meta = {"e2b9f3a1-4c5d-4e6f-8a7b-9c0d1e2f3a4b", ts("2026-11-19T10:30:00.000+04:00"),
               ts("2026-11-19T10:45:00.000+04:00"), std::nullopt};
    k2.name = "ليلى حداد";
    k2.role = "مسؤولة التوظيف";
    k2.company = "شركة النور للتقنية";
    k2.channel = Channel::email;
    k2.email = "layla.haddad@alnoor.example";
    k2.relationship = "recruiter";
    k2.reflection_id = c.meta.id;
    j.contacts.push_back(k2);

    Message m;
    m.meta = {"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", ts("2026-11-19T22:10:00.000+01:00"),
              ts("2026-11-20T07:45:00.500+01:00"), std::nullopt};
    m.kind = MessageKind::feedback_reply;
    m.reflection_id = a.meta.id;
    m.contact_id = k.meta.id;
    m.to = "s.oezdemir@mueller-soehne.example";
    m.subject = "Vielen Dank – Produktmanagerin";
    m.body =
        "Liebe Frau Özdemir,\n\nvielen Dank für die Gespräche. Was würde meine Kandidatur für ähnliche Rollen "
        "stärken?\n\nHerzliche Grüße\nMarie Schäfer";
    m.status = MessageStatus::sent;
    m.sent_on = day("2026-11-20");
    m.language = Language::de;
    j.messages.push_back(m);
    Message m2;
    m2.meta = {"2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", ts("2026-11-19T11:00:00.000+04:00"),
               ts("2026-11-19T11:00:00.000+04:00"), std::nullopt};
    m2.kind = MessageKind::withdrawal;
    m2.reflection_id = c.meta.id;
    m2.contact_id = k2.meta.id;
    m2.to = k2.email;
    m2.subject = "سحب طلبي – مع خالص الشكر";
    m2.body = "عزيزتي ليلى،\nشكراً جزيلاً على وقتك واهتمامك.";
    m2.status = MessageStatus::draft;
    m2.language = Language::ar;
    j.messages.push_back(m2);

    Reminder r;
    r.meta = {"3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f", ts("2026-11-20T07:46:00.000+01:00"),
              ts("2026-11-20T07:46:00.000+01:00"), std::nullopt};
    r.kind = ReminderKind::follow_up;
    r.title = "Nachfassen bei Frau Özdemir";
    r.due = day("2026-12-04");
    r.reflection_id = a.meta.id;
    r.contact_id = k.meta.id;
    r.message_id = m.meta.id;
    j.reminders.push_back(r);
    Reminder r2;
    r2.meta = {"4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a", ts("2026-09-12T12:00:00.000-05:00"),
               ts("2026-10-01T09:15:00.000+05:45"), std::nullopt};
    r2.kind = ReminderKind::check_in;
    r2.title = "Risentire Bottega Ricci tra qualche mese 📅";
    r2.due = day("2027-01-15");
    r2.reflection_id = b.meta.id;
    r2.done = true;
    r2.done_on = day("2026-10-01");
    r2.snoozed_until = day("2026-12-01");
    j.reminders.push_back(r2);

    return j;
}

}  // namespace debrief::samples
