// Tests for core/people.h and the App's readdressing: who each kind of draft goes to, its To and
// greeting, the sign-off from the settings, one network note per person told, the People list, a
// corrected name or address reaching every draft not sent yet, and the new fields through JSON.
#include "core/people.h"
#include "app/app.h"
#include "core/messages.h"
#include "core/text.h"
#include "fixed_environment.h"
#include "real_catalogues.h"
#include "sample_journal.h"
#include "serialization/journal_import.h"
#include "serialization/journal_json.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace debrief;

namespace {

Reflection opportunity() {
    Reflection r;
    r.meta.id = "r1";
    r.company = "Nordlicht";
    r.role = "UX designer";
    r.feedback.recruiter_name = "Jana Weber";
    r.feedback.recruiter_email = "jana@nordlicht.example";
    r.interviewers = {Interviewer{"i1", "Anna Berg", "anna@nordlicht.example", false},
                      Interviewer{"i2", "Ben Kraus", "ben@nordlicht.example", true}};
    r.hiring_manager_name = "Carla Diaz";
    r.hiring_manager_email = "carla@nordlicht.example";
    ArmyMember sam{"a1", "Sam", "", false};
    sam.email = "sam@example.org";
    sam.how_known = "old colleague";
    ArmyMember lea{"a2", "Lea", "", true};
    lea.email = "lea@example.org";
    r.army = {sam, lea};
    return r;
}

Settings you() {
    Settings s;
    s.your_name = "Mia Hoffmann";
    s.signature = "UX designer, Hamburg";
    s.profile_link = "https://mia.example/portfolio";
    return s;
}

Message draft(MessageKind kind, const Reflection& r, const Settings& s = you()) {
    DraftContext ctx;
    ctx.language = Language::en;
    ctx.today = {2026, 11, 21};
    return draft_to_person(kind, r, default_recipient_key(kind, r), s, ctx);
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

void check_signed(const Message& m) {
    CHECK(m.body.find("Kind regards,\nMia Hoffmann\nUX designer, Hamburg\nhttps://mia.example/portfolio") !=
          std::string::npos);
}

}  // namespace

TEST_CASE("people: a feedback reply goes to whoever sent the rejection, signed with your name") {
    Reflection r = opportunity();
    Message m = draft(MessageKind::feedback_reply, r);
    CHECK(m.recipient == "recruiter");
    CHECK(m.to == "jana@nordlicht.example");
    CHECK(starts_with(m.body, "Dear Jana Weber,"));
    check_signed(m);

    r.rejected_by = "hiring_manager";
    m = draft(MessageKind::feedback_reply, r);
    CHECK(m.to == "carla@nordlicht.example");
    CHECK(starts_with(m.body, "Dear Carla Diaz,"));
}

TEST_CASE("people: a recruiter question goes to the recruiter") {
    const Message m = draft(MessageKind::recruiter_question, opportunity());
    CHECK(m.recipient == "recruiter");
    CHECK(m.to == "jana@nordlicht.example");
    CHECK(starts_with(m.body, "Dear Jana Weber,"));
    check_signed(m);
}

TEST_CASE("people: the follow-up goes to all the interviewers, the recruiter when none was entered") {
    Reflection r = opportunity();
    Message m = draft(MessageKind::follow_up, r);
    CHECK(m.recipient == "interviewers");
    CHECK(m.to == "anna@nordlicht.example, ben@nordlicht.example");
    CHECK(starts_with(m.body, "Dear Anna Berg and Ben Kraus,"));
    check_signed(m);
    CHECK(mailto_url(m.to, "", "").rfind("mailto:anna@nordlicht.example,%20ben@nordlicht.example", 0) == 0);

    r.interviewers.clear();
    m = draft(MessageKind::follow_up, r);
    CHECK(m.to == "jana@nordlicht.example");
}

// Italian's polite "you" to one person (Lei: "La ringrazio", "Sue notizie") is not the one to two
// people: a thank-you to both interviewers read "Gentile Anna e Ben, La ringrazio … Sue notizie".
// The sentences these drafts share with one person now use neither form, and the greeting names
// several people as such. Arabic's respectful plural already speaks to both; its greeting follows.
TEST_CASE("people: two interviewers are greeted together, and Italian does not speak to one of them") {
    const test::RealCatalogues catalogues;
    const Reflection r = opportunity();
    Reflection one = r;
    one.interviewers.pop_back();
    for (const MessageKind kind : {MessageKind::thank_you, MessageKind::follow_up}) {
        for (const Tone tone : enum_values<Tone>()) {
            CAPTURE(to_key(kind));
            CAPTURE(to_key(tone));
            DraftContext ctx;
            ctx.language = Language::it;
            ctx.tone = tone;
            const Message both = draft_to_person(kind, r, "interviewers", you(), ctx);
            CHECK(starts_with(both.body, "Gentili Anna Berg e Ben Kraus,"));
            for (const char* singular : {"La ringrazio", "Le scrivo", "Sue ", "Suo ", "vorrà", "mi ha dedicato",
                                         "ha detto", "raccontarLe", "Le è", "faccia sapere"})
                CHECK_MESSAGE(both.body.find(singular) == std::string::npos, singular);
            CHECK(starts_with(draft_to_person(kind, one, "interviewers", you(), ctx).body, "Gentile Anna Berg,"));
            ctx.language = Language::ar;
            CHECK(starts_with(draft_to_person(kind, r, "interviewers", you(), ctx).body, "الأساتذة الكرام "));
            ctx.language = Language::en;
            CHECK(starts_with(draft_to_person(kind, r, "interviewers", you(), ctx).body,
                              "Dear Anna Berg and Ben Kraus,"));
        }
    }
}

TEST_CASE("people: an Italian draft to two people greets one alone once the other leaves it") {
    const test::RealCatalogues catalogues;
    test::FixedEnvironment env;
    App app(env);
    const std::string id = app.create_reflection();
    app.update_reflection(id, [](Reflection& r) { r.interviewers = opportunity().interviewers; });
    DraftContext ctx;
    ctx.language = Language::it;
    const std::string follow = app.create_message(
        draft_to_person(MessageKind::follow_up, *app.find_reflection(id), "interviewers", you(), ctx));
    REQUIRE(starts_with(app.find_message(follow)->body, "Gentili Anna Berg e Ben Kraus,"));
    app.update_reflection(id, [](Reflection& r) { r.interviewers.pop_back(); });
    CHECK(starts_with(app.find_message(follow)->body, "Gentile Anna Berg,"));
    CHECK(app.find_message(follow)->to == "anna@nordlicht.example");
}

TEST_CASE("people: the check-in goes to the interviewer marked as rapport, else the recruiter") {
    Reflection r = opportunity();
    Message m = draft(MessageKind::check_in, r);
    CHECK(m.recipient == "interviewer/i2");
    CHECK(m.to == "ben@nordlicht.example");
    CHECK(starts_with(m.body, "Dear Ben Kraus,"));
    check_signed(m);
    const std::vector<std::string> choices = check_in_choices(r);
    REQUIRE(choices.size() == 4);
    CHECK(choices[0] == "interviewer/i2");
    CHECK(choices[1] == "recruiter");
    CHECK(choices[2] == "hiring_manager");
    CHECK(choices[3] == "interviewer/i1");

    r.interviewers[1].rapport = false;
    m = draft(MessageKind::check_in, r);
    CHECK(m.to == "jana@nordlicht.example");
}

TEST_CASE("people: one network note per person told, each with their own name and address") {
    const Reflection r = opportunity();
    const std::vector<std::string> keys = network_note_keys(r);
    REQUIRE(keys.size() == 2);
    DraftContext ctx;
    ctx.language = Language::en;
    const Message sam = draft_to_person(MessageKind::network_note, r, keys[0], you(), ctx);
    const Message lea = draft_to_person(MessageKind::network_note, r, keys[1], you(), ctx);
    CHECK(sam.to == "sam@example.org");
    CHECK(starts_with(sam.body, "Hi Sam,"));
    CHECK(lea.to == "lea@example.org");
    CHECK(starts_with(lea.body, "Hi Lea,"));
    CHECK(sam.body.find("Jana") == std::string::npos);
    check_signed(sam);
}

TEST_CASE("people: a withdrawal goes to the person in charge, a reconnect to the contact") {
    Reflection r = opportunity();
    Message m = draft(MessageKind::withdrawal, r);
    CHECK(m.to == "carla@nordlicht.example");
    CHECK(starts_with(m.body, "Dear Carla Diaz,"));
    check_signed(m);
    r.hiring_manager_name.clear();
    r.hiring_manager_email.clear();
    CHECK(draft(MessageKind::withdrawal, r).to == "jana@nordlicht.example");

    Contact c;
    c.meta.id = "c1";
    c.name = "Olga Petrova";
    c.email = "olga@example.org";
    DraftContext ctx;
    ctx.language = Language::en;
    const Message reconnect = draft_to_contact(MessageKind::reconnect, c, you(), ctx);
    CHECK(reconnect.contact_id == "c1");
    CHECK(reconnect.to == "olga@example.org");
    CHECK(starts_with(reconnect.body, "Dear Olga Petrova,"));
    check_signed(reconnect);
}

TEST_CASE("people: without your name the draft ends \"Kind regards,\"; a missing address is reported") {
    Reflection r = opportunity();
    r.interviewers[0].email.clear();
    const Message m = draft(MessageKind::follow_up, r, Settings{});
    CHECK(m.body.substr(m.body.size() - std::string("Kind regards,").size()) == "Kind regards,");
    CHECK(m.to == "ben@nordlicht.example");
    const Addressee a = addressee(resolve_people(r, "interviewers"), Language::en);
    REQUIRE(a.without_email.size() == 1);
    CHECK(a.without_email[0] == "Anna Berg");
}

TEST_CASE("people: the People list holds everyone, with their drafts and next reminder") {
    Journal j;
    j.reflections.push_back(opportunity());
    Contact former;
    former.meta.id = "c1";
    former.name = "Olga Petrova";
    former.relationship = "former manager";
    j.contacts.push_back(former);
    Message follow = draft(MessageKind::follow_up, j.reflections[0]);
    follow.meta.id = "m1";
    j.messages.push_back(follow);
    Reminder rem;
    rem.meta.id = "rem1";
    rem.message_id = "m1";
    rem.due = {2026, 12, 5};
    j.reminders.push_back(rem);

    const std::vector<Person> all = people(j);
    REQUIRE(all.size() == 7);  // recruiter, hiring manager, two interviewers, two told, one contact
    CHECK(all[0].role == PersonRole::recruiter);
    CHECK(all[1].role == PersonRole::hiring_manager);
    CHECK(all[2].name == "Anna Berg");
    CHECK(all[2].message_ids == std::vector<std::string>{"m1"});
    REQUIRE(all[2].next_reminder);
    CHECK(*all[2].next_reminder == Date{2026, 12, 5});
    CHECK(all[4].role == PersonRole::told);
    CHECK(all[4].how_known == "old colleague");
    CHECK(all[6].contact_id == "c1");
    CHECK(all[6].how_known == "former manager");
}

TEST_CASE("people: editing a person updates To and greeting of every draft not sent yet") {
    test::FixedEnvironment env;
    App app(env);
    const std::string id = app.create_reflection();
    app.update_reflection(id, [](Reflection& r) {
        const Reflection o = opportunity();
        r.feedback = o.feedback;
        r.interviewers = o.interviewers;
        r.army = o.army;
    });
    const Reflection& r = *app.find_reflection(id);
    const std::string follow = app.create_message(draft(MessageKind::follow_up, r));
    const std::string note = app.create_message(draft(MessageKind::network_note, r));
    const std::string sent = app.create_message(draft(MessageKind::recruiter_question, r));
    app.update_message(sent, [](Message& m) { m.status = MessageStatus::sent; });

    app.update_reflection(id, [](Reflection& x) {
        set_person(x, "interviewer/i1", "Anna Lind", "anna.lind@nordlicht.example");
        set_person(x, "told/a1", "Samira", "samira@example.org");
        set_person(x, "recruiter", "Jana Vogel", "jana.vogel@nordlicht.example");
    });
    CHECK(app.find_message(follow)->to == "anna.lind@nordlicht.example, ben@nordlicht.example");
    CHECK(starts_with(app.find_message(follow)->body, "Dear Anna Lind and Ben Kraus,"));
    CHECK(app.find_message(note)->to == "samira@example.org");
    CHECK(starts_with(app.find_message(note)->body, "Hi Samira,"));
    // Sent stays as it went out.
    CHECK(app.find_message(sent)->to == "jana@nordlicht.example");
    CHECK(starts_with(app.find_message(sent)->body, "Dear Jana Weber,"));

    // A greeting or address the user changed by hand is theirs.
    app.update_message(note, [](Message& m) {
        m.to = "sam.private@example.org";
        m.body = "Hey Sam!" + m.body.substr(m.body.find('\n'));
    });
    app.update_reflection(id, [](Reflection& x) { set_person(x, "told/a1", "Sami", "sami@example.org"); });
    CHECK(app.find_message(note)->to == "sam.private@example.org");
    CHECK(starts_with(app.find_message(note)->body, "Hey Sam!"));

    // A saved contact: the reconnect draft follows the contact's new address.
    Contact c;
    c.name = "Olga";
    const std::string cid = app.create_contact(c);
    DraftContext ctx;
    ctx.language = Language::en;
    const std::string reconnect =
        app.create_message(draft_to_contact(MessageKind::reconnect, *app.find_contact(cid), you(), ctx));
    CHECK(app.find_message(reconnect)->to.empty());
    app.update_contact(cid, [](Contact& x) {
        x.name = "Olga Petrova";
        x.email = "olga@example.org";
    });
    CHECK(app.find_message(reconnect)->to == "olga@example.org");
    CHECK(starts_with(app.find_message(reconnect)->body, "Dear Olga Petrova,"));
}

TEST_CASE("people: changing your name signs every draft not sent yet anew") {
    test::FixedEnvironment env;
    App app(env);
    const std::string id = app.create_reflection();
    app.update_reflection(id, [](Reflection& r) { r.feedback = opportunity().feedback; });
    const std::string unsigned_draft =
        app.create_message(draft(MessageKind::recruiter_question, *app.find_reflection(id), Settings{}));
    const std::string sent =
        app.create_message(draft(MessageKind::feedback_reply, *app.find_reflection(id), Settings{}));
    app.update_message(sent, [](Message& m) { m.status = MessageStatus::sent; });
    app.update_settings([](Settings& s) { s = you(); });
    check_signed(*app.find_message(unsigned_draft));
    const std::string& sent_body = app.find_message(sent)->body;
    CHECK(sent_body.substr(sent_body.size() - 13) == "Kind regards,");
    app.update_settings([](Settings& s) {
        s.signature.clear();
        s.profile_link.clear();
        s.your_name = "Mia H.";
    });
    const std::string& body = app.find_message(unsigned_draft)->body;
    CHECK(body.substr(body.size() - 20) == "Kind regards,\nMia H.");
}

TEST_CASE("people: you, the interviewers and the new person fields round-trip through export and import") {
    Journal journal = samples::sample_journal();
    journal.settings.your_name = "Mia Hoffmann";
    journal.settings.signature = "UX designer\nHamburg";
    journal.settings.profile_link = "https://mia.example";
    Reflection& r = journal.reflections.front();
    const Reflection o = opportunity();
    r.interviewers = o.interviewers;
    r.hiring_manager_name = o.hiring_manager_name;
    r.hiring_manager_email = o.hiring_manager_email;
    r.rejected_by = "interviewer/i2";
    r.army.front().email = "friend@example.org";
    r.army.front().how_known = "school";
    journal.messages.front().recipient = "interviewers";

    const std::string text = encode_journal(journal, samples::sample_export_time());
    const auto decoded = decode_journal(text);
    REQUIRE_MESSAGE(decoded.ok(), decoded.error().message);
    const Journal& back = decoded.value().journal;
    CHECK(back.settings.your_name == "Mia Hoffmann");
    CHECK(back.settings.signature == "UX designer\nHamburg");
    CHECK(back.settings.profile_link == "https://mia.example");
    const Reflection& rb = back.reflections.front();
    REQUIRE(rb.interviewers.size() == 2);
    CHECK(rb.interviewers[1].name == "Ben Kraus");
    CHECK(rb.interviewers[1].email == "ben@nordlicht.example");
    CHECK(rb.interviewers[1].rapport);
    CHECK(rb.hiring_manager_email == "carla@nordlicht.example");
    CHECK(rb.rejected_by == "interviewer/i2");
    CHECK(rb.army.front().email == "friend@example.org");
    CHECK(rb.army.front().how_known == "school");
    CHECK(back.messages.front().recipient == "interviewers");
    CHECK(encode_journal(back, samples::sample_export_time()) == text);

    const auto record = decode_record(encode_record(journal.settings));
    REQUIRE_MESSAGE(record.ok(), record.error().message);
    CHECK(std::get<Settings>(record.value().record).your_name == "Mia Hoffmann");

    // Importing that export into a journal with older settings brings you along.
    Journal current = samples::sample_journal();
    current.settings.modified.unix_ms = back.settings.modified.unix_ms - 1;
    current.reflections.front().meta.modified.unix_ms = rb.meta.modified.unix_ms - 1;
    const Journal merged = merge_journals(current, back);
    CHECK(merged.settings.your_name == "Mia Hoffmann");
    CHECK(merged.settings.profile_link == "https://mia.example");
    const auto imported = std::find_if(merged.reflections.begin(), merged.reflections.end(),
                                       [&](const Reflection& x) { return x.meta.id == rb.meta.id; });
    REQUIRE(imported != merged.reflections.end());
    CHECK(imported->interviewers.size() == 2);
}

TEST_CASE("people: a journal not using the new fields is written as before") {
    const Journal journal = samples::sample_journal();
    const std::string text = encode_journal(journal, samples::sample_export_time());
    for (const char* key : {"\"interviewers\"", "\"your_name\"", "\"recipient\"", "\"how_known\"", "\"rejected_by\""})
        CHECK_MESSAGE(text.find(key) == std::string::npos, key);
}

// [SECTION] The People screen's list

namespace {

Message sent_on(Message m, const std::string& id, Date day) {
    m.meta.id = id;
    m.status = MessageStatus::sent;
    m.sent_on = day;
    return m;
}

const Person& named(const std::vector<Person>& list, const std::string& name) {
    const auto it = std::find_if(list.begin(), list.end(), [&](const Person& p) { return p.name == name; });
    REQUIRE(it != list.end());
    return *it;
}

}  // namespace

TEST_CASE("people: last contact is the latest sent message, else the interview or the rejection") {
    Journal j;
    j.reflections.push_back(opportunity());
    Reflection& r = j.reflections[0];
    r.rejected_on = Date{2026, 11, 10};
    r.last_interview_on = Date{2026, 11, 2};
    // A draft is not contact; a sent follow-up to all interviewers is contact with each of them.
    Message draft_note = draft(MessageKind::network_note, r);
    draft_note.meta.id = "m0";
    j.messages.push_back(draft_note);
    j.messages.push_back(sent_on(draft(MessageKind::follow_up, r), "m1", Date{2026, 11, 24}));
    j.messages.push_back(sent_on(draft(MessageKind::feedback_reply, r), "m2", Date{2026, 11, 12}));

    const std::vector<Person> all = people(j);
    CHECK(*named(all, "Jana Weber").last_contact == Date{2026, 11, 12});  // the reply, after the rejection
    CHECK(*named(all, "Anna Berg").last_contact == Date{2026, 11, 24});
    CHECK(*named(all, "Ben Kraus").last_contact == Date{2026, 11, 24});
    CHECK(*named(all, "Carla Diaz").last_contact == Date{2026, 11, 2});  // the last interview
    CHECK_FALSE(named(all, "Sam").last_contact.has_value());             // only a draft so far
    CHECK(named(all, "Sam").message_ids == std::vector<std::string>{"m0"});
    CHECK(named(all, "Lea").message_ids.empty());
}

TEST_CASE("people: drafts per person, and the next reminder is the soonest open one about them") {
    Journal j;
    j.reflections.push_back(opportunity());
    const Reflection& r = j.reflections[0];
    Message to_ben = draft_to_person(MessageKind::check_in, r, "interviewer/i2", you(), {});
    to_ben.meta.id = "m1";
    Message to_all = draft(MessageKind::follow_up, r);
    to_all.meta.id = "m2";
    Message trashed = draft(MessageKind::recruiter_question, r);
    trashed.meta.id = "m3";
    trashed.meta.deleted = Timestamp{1};
    j.messages = {to_ben, to_all, trashed};
    Contact olga;
    olga.meta.id = "c1";
    olga.name = "Olga Petrova";
    j.contacts.push_back(olga);
    const auto reminder = [](std::string id, std::string message, std::string contact, Date due) {
        Reminder x;
        x.meta.id = std::move(id);
        x.message_id = std::move(message);
        x.contact_id = std::move(contact);
        x.due = due;
        return x;
    };
    Reminder done = reminder("r1", "m1", "", {2026, 12, 1});
    done.done = true;
    Reminder snoozed = reminder("r2", "m2", "", {2026, 12, 3});
    snoozed.snoozed_until = Date{2026, 12, 20};
    j.reminders = {done, snoozed, reminder("r3", "m1", "", {2026, 12, 9}), reminder("r4", "", "c1", {2027, 1, 15})};

    const std::vector<Person> all = people(j);
    CHECK(named(all, "Ben Kraus").message_ids == std::vector<std::string>{"m1", "m2"});
    CHECK(named(all, "Anna Berg").message_ids == std::vector<std::string>{"m2"});
    CHECK(named(all, "Jana Weber").message_ids.empty());                  // the trashed question is not theirs any more
    CHECK(*named(all, "Ben Kraus").next_reminder == Date{2026, 12, 9});   // the done one does not count
    CHECK(*named(all, "Anna Berg").next_reminder == Date{2026, 12, 20});  // snoozed: when it comes back
    CHECK(*named(all, "Olga Petrova").next_reminder == Date{2027, 1, 15});  // a reminder about the contact
    CHECK_FALSE(named(all, "Sam").next_reminder.has_value());
}

TEST_CASE("people: the screen lists who has a reminder coming first, then the latest in touch, then by name") {
    const auto person = [](std::string name, std::optional<Date> next, std::optional<Date> last) {
        Person p;
        p.name = std::move(name);
        p.next_reminder = next;
        p.last_contact = last;
        return p;
    };
    std::vector<Person> list{
        person("zoë", std::nullopt, std::nullopt),       person("Émile", std::nullopt, std::nullopt),
        person("Bea", std::nullopt, Date{2026, 10, 1}),  person("Carl", Date{2026, 12, 20}, std::nullopt),
        person("Dora", std::nullopt, Date{2026, 11, 1}), person("Ada", Date{2026, 12, 5}, Date{2026, 1, 1}),
        person("anna", std::nullopt, std::nullopt)};
    sort_for_screen(list);
    std::vector<std::string> names;
    for (const Person& p : list) names.push_back(p.name);
    CHECK(names == std::vector<std::string>{"Ada", "Carl", "Dora", "Bea", "anna", "Émile", "zoë"});
}

TEST_CASE("people: an import preview names the people it would bring in or change") {
    Journal current;
    current.reflections.push_back(opportunity());
    current.reflections[0].meta.modified = Timestamp{100};
    Journal incoming = current;
    Reflection& newer = incoming.reflections[0];
    newer.meta.modified = Timestamp{200};
    newer.interviewers[0].email = "anna.berg@nordlicht.example";
    newer.interviewers.push_back(Interviewer{"i3", "Cem Aydin", "cem@nordlicht.example", false});
    newer.army[0].how_known = "studied together";
    Contact olga;
    olga.meta.id = "c1";
    olga.name = "Olga Petrova";
    incoming.contacts.push_back(olga);

    const ImportPreview preview = preview_import(current, incoming);
    std::vector<std::string> changed, added;
    for (const PersonChange& c : preview.people) (c.before ? changed : added).push_back(c.now.name);
    CHECK(changed == std::vector<std::string>{"Anna Berg", "Sam"});
    CHECK(added == std::vector<std::string>{"Cem Aydin", "Olga Petrova"});
    const auto anna = std::find_if(preview.people.begin(), preview.people.end(),
                                   [](const PersonChange& c) { return c.now.name == "Anna Berg"; });
    CHECK(anna->before->email == "anna@nordlicht.example");
    CHECK(anna->now.email == "anna.berg@nordlicht.example");

    // An older copy of the reflection would not win the merge: nobody changes.
    newer.meta.modified = Timestamp{50};
    incoming.contacts.clear();
    CHECK(preview_import(current, incoming).people.empty());
}

TEST_CASE("people: someone told in step 7 who is a saved contact is listed once, with the note to them") {
    Journal j;
    j.reflections.push_back(opportunity());
    Contact sam;
    sam.meta.id = "c1";
    sam.name = "Sam Osei";
    sam.email = "sam@example.org";
    j.contacts.push_back(sam);
    j.reflections[0].army[0].contact_id = "c1";
    Message note = draft_to_person(MessageKind::network_note, j.reflections[0], "told/a1", you(), {});
    note.meta.id = "m1";
    j.messages.push_back(note);

    const std::vector<Person> all = people(j);
    CHECK(std::count_if(all.begin(), all.end(), [](const Person& p) { return p.role == PersonRole::told; }) == 1);
    const Person& listed = named(all, "Sam Osei");
    CHECK(listed.role == PersonRole::contact);
    CHECK(listed.message_ids == std::vector<std::string>{"m1"});

    // A trashed contact gives the person back to the reflection.
    j.contacts[0].meta.deleted = Timestamp{1};
    CHECK(named(people(j), "Sam").message_ids == std::vector<std::string>{"m1"});
}

TEST_CASE("people: someone entered in several reflections is listed once, with everything written to them") {
    Journal j;
    Reflection first = opportunity();  // Nordlicht: Sam told, Jana the recruiter
    Reflection second = opportunity();
    second.meta.id = "r2";
    second.company = "Lumen";
    second.army = {ArmyMember{"b1", "sam", "", false}};  // the same friend, told again, typed in lower case
    second.feedback.recruiter_name = "Jana Weber";       // another Jana: at another company
    second.feedback.recruiter_email = "";
    second.interviewers = {Interviewer{"j1", "Anna Berg", "", false}};  // no address there
    Reflection third = opportunity();
    third.meta.id = "r3";
    third.army = {ArmyMember{"c1", "Sam", "", false}};
    third.army[0].email = "sam.other@example.org";  // a different Sam: another address
    third.feedback = {};
    third.interviewers = {Interviewer{"k1", "Anna Berg", "", false}};  // Anna again, at Nordlicht again
    third.hiring_manager_name.clear();
    third.hiring_manager_email.clear();
    third.last_interview_on = Date{2026, 11, 20};
    j.reflections = {first, second, third};
    Message to_second_sam = draft_to_person(MessageKind::network_note, second, "told/b1", you(), {});
    to_second_sam.meta.id = "m1";
    to_second_sam.status = MessageStatus::sent;
    to_second_sam.sent_on = Date{2026, 11, 25};
    Message to_all = draft_to_person(MessageKind::follow_up, third, "interviewers", you(), {});
    to_all.meta.id = "m2";
    j.messages = {to_second_sam, to_all};

    const std::vector<Person> all = people(j);
    const auto count = [&](const std::string& folded) {
        return std::count_if(all.begin(), all.end(),
                             [&](const Person& p) { return fold_for_search(p.name) == folded; });
    };
    CHECK(count("sam") == 2);         // Sam of Nordlicht and Lumen once, the Sam with another address apart
    CHECK(count("jana weber") == 2);  // recruiters at two companies are two people
    CHECK(count("anna berg") == 2);   // at Nordlicht twice (once), at Lumen
    const Person& sam = named(all, "Sam");
    CHECK(sam.reflection_id == "r1");
    CHECK(sam.email == "sam@example.org");
    CHECK(sam.how_known == "old colleague");
    CHECK(sam.company == "Nordlicht");
    CHECK(sam.more_companies == std::vector<std::string>{"Lumen"});
    CHECK(companies_in(sam, Language::en) == "Nordlicht and Lumen");
    CHECK(sam.also == std::vector<std::string>{"r2/told/b1"});
    CHECK(sam.message_ids == std::vector<std::string>{"m1"});
    REQUIRE(sam.last_contact);
    CHECK(*sam.last_contact == Date{2026, 11, 25});
    const auto anna = std::find_if(all.begin(), all.end(),
                                   [](const Person& p) { return p.name == "Anna Berg" && p.company == "Nordlicht"; });
    REQUIRE(anna != all.end());
    CHECK(anna->also == std::vector<std::string>{"r3/interviewer/k1"});
    CHECK(anna->more_companies.empty());
    CHECK(anna->message_ids == std::vector<std::string>{"m2"});  // the follow-up to all of r3's interviewers

    // Told first about an opportunity with no company yet: the company comes from the next one.
    Reflection unnamed = first;
    unnamed.company.clear();
    j.reflections = {unnamed, second};
    const Person told_twice = named(people(j), "Sam");
    CHECK(told_twice.company == "Lumen");
    CHECK(told_twice.more_companies.empty());

    // Named twice in one reflection: two entries, as entered, also when the first was merged already.
    second.army.push_back(ArmyMember{"b2", "Sam", "", false});
    j.reflections = {first, second};
    const std::vector<Person> twice = people(j);
    CHECK(std::count_if(twice.begin(), twice.end(), [](const Person& p) { return p.name == "Sam"; }) == 2);
    CHECK(named(twice, "Sam").also == std::vector<std::string>{"r2/told/b1"});

    // Drafts to each of their entries, oldest first; the next reminder is the soonest of all of them.
    Message to_first_sam = draft_to_person(MessageKind::network_note, first, "told/a1", you(), {});
    to_first_sam.meta.id = "m3";
    j.messages = {to_second_sam, to_first_sam};
    Reminder rem;
    rem.meta.id = "rem1";
    rem.message_id = "m1";
    rem.due = {2026, 12, 9};
    j.reminders = {rem};
    const Person merged = named(people(j), "Sam");
    CHECK(merged.message_ids == std::vector<std::string>{"m1", "m3"});
    REQUIRE(merged.next_reminder);
    CHECK(*merged.next_reminder == Date{2026, 12, 9});
}
