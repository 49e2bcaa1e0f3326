// Tests for core/reminders: suggestion timing, de-duplication, buckets, snoozing and home order.
#include "core/reminders.h"

#include "core/dates.h"
#include "core/i18n.h"
#include "real_catalogues.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace debrief;

namespace {

const Timestamp now{1'795'293'660'000, 60};

IdSource counter_ids() {
    return [n = 0]() mutable { return "rem-" + std::to_string(++n); };
}

Reflection rejected_after_interview() {
    Reflection r;
    r.meta.id = "refl-1";
    r.company = "Nordlicht GmbH";
    r.ending = Ending::rejected;
    r.last_interview_on = Date{2026, 11, 3};
    r.rejected_on = Date{2026, 11, 19};
    return r;
}

const Reminder* find_kind(const std::vector<Reminder>& list, ReminderKind kind) {
    const auto it = std::find_if(list.begin(), list.end(), [&](const Reminder& x) { return x.kind == kind; });
    return it == list.end() ? nullptr : &*it;
}

Reminder reminder(std::string id, Date due, std::string title = "t") {
    Reminder r;
    r.meta.id = std::move(id);
    r.title = std::move(title);
    r.due = due;
    return r;
}

}  // namespace

TEST_CASE("reminders: a rejection after an interview gets feedback, follow-up and check-in") {
    const Reflection r = rejected_after_interview();
    const std::vector<Reminder> out = suggest_reminders(r, {}, Date{2026, 11, 20}, now, counter_ids());
    REQUIRE(out.size() == 3);
    const Reminder* feedback = find_kind(out, ReminderKind::feedback);
    REQUIRE(feedback);
    CHECK(feedback->due == Date{2026, 11, 21});  // rejection + 2 days
    CHECK(feedback->title == "Reply to Nordlicht GmbH and ask for feedback");
    const Reminder* follow_up = find_kind(out, ReminderKind::follow_up);
    REQUIRE(follow_up);
    CHECK(follow_up->due == Date{2026, 11, 20});  // planned 11-17 has passed, still inside 3 weeks: today
    CHECK(follow_up->title == "Send Nordlicht GmbH a short follow-up note");
    const Reminder* check_in = find_kind(out, ReminderKind::check_in);
    REQUIRE(check_in);
    CHECK(check_in->due == Date{2027, 2, 19});
    for (const Reminder& x : out) {
        CHECK(x.reflection_id == "refl-1");
        CHECK(x.meta.created == now);
        CHECK(x.meta.modified == now);
        CHECK_FALSE(x.done);
    }
    CHECK(out[0].meta.id == "rem-1");
    CHECK(out[2].meta.id == "rem-3");
}

TEST_CASE("reminders: follow-up timing around the two-to-three-week window") {
    Reflection r = rejected_after_interview();
    const auto follow_up_for = [&](Date today) {
        const auto out = suggest_reminders(r, {}, today, now, counter_ids());
        const Reminder* f = find_kind(out, ReminderKind::follow_up);
        REQUIRE(f);
        return *f;
    };
    CHECK(follow_up_for(Date{2026, 11, 5}).due == Date{2026, 11, 17});  // interview + 14
    CHECK(follow_up_for(Date{2026, 11, 17}).due == Date{2026, 11, 17});
    const Reminder edge = follow_up_for(Date{2026, 11, 24});  // interview + 21: still in the window
    CHECK(edge.due == Date{2026, 11, 24});
    CHECK(edge.title.find("later than planned") == std::string::npos);
    const Reminder late = follow_up_for(Date{2026, 11, 25});
    CHECK(late.due == Date{2026, 11, 25});
    CHECK(late.title.find("later than planned") != std::string::npos);
}

TEST_CASE("reminders: check-in is three months on, clamped to the month end") {
    Reflection r = rejected_after_interview();
    r.rejected_on = Date{2026, 11, 30};
    const auto out = suggest_reminders(r, {}, Date{2026, 12, 1}, now, counter_ids());
    const Reminder* check_in = find_kind(out, ReminderKind::check_in);
    REQUIRE(check_in);
    CHECK(check_in->due == Date{2027, 2, 28});
    r.rejected_on = Date{2025, 1, 10};  // an old rejection entered late: due today, not in the past
    const auto late = suggest_reminders(r, {}, Date{2026, 12, 1}, now, counter_ids());
    CHECK(find_kind(late, ReminderKind::check_in)->due == Date{2026, 12, 1});
    CHECK(find_kind(late, ReminderKind::feedback)->due == Date{2026, 12, 1});
}

TEST_CASE("reminders: ghosted, sent feedback and missing dates") {
    Reflection r = rejected_after_interview();
    r.ending = Ending::ghosted;
    r.rejected_on.reset();
    auto out = suggest_reminders(r, {}, Date{2026, 11, 20}, now, counter_ids());
    CHECK_FALSE(find_kind(out, ReminderKind::feedback));
    REQUIRE(find_kind(out, ReminderKind::check_in));
    CHECK(find_kind(out, ReminderKind::check_in)->due == Date{2027, 2, 3});  // from the last interview

    r = rejected_after_interview();
    r.feedback.sent = true;
    CHECK_FALSE(find_kind(suggest_reminders(r, {}, Date{2026, 11, 20}, now, counter_ids()), ReminderKind::feedback));

    Reflection bare;
    bare.meta.id = "refl-2";
    CHECK(suggest_reminders(bare, {}, Date{2026, 11, 20}, now, counter_ids()).empty());
}

TEST_CASE("reminders: withdrawing means one reminder, due today") {
    Reflection r = rejected_after_interview();
    r.ending = Ending::withdrew;
    r.company.clear();
    const auto out = suggest_reminders(r, {}, Date{2026, 11, 20}, now, counter_ids());
    REQUIRE(out.size() == 1);
    CHECK(out[0].kind == ReminderKind::withdrawal);
    CHECK(out[0].due == Date{2026, 11, 20});
    CHECK(out[0].title == "Let the company know you're withdrawing");
}

TEST_CASE("reminders: existing reminders of a kind are not suggested again") {
    const Reflection r = rejected_after_interview();
    std::vector<Reminder> existing = suggest_reminders(r, {}, Date{2026, 11, 20}, now, counter_ids());
    CHECK(suggest_reminders(r, existing, Date{2026, 11, 20}, now, counter_ids()).empty());
    existing[0].done = true;
    existing[1].meta.deleted = now;
    existing.pop_back();
    const auto again = suggest_reminders(r, existing, Date{2026, 11, 20}, now, counter_ids());
    REQUIRE(again.size() == 1);
    CHECK(again[0].kind == ReminderKind::check_in);
    Reminder other = existing[0];
    other.reflection_id = "another-reflection";
    CHECK(suggest_reminders(r, {other}, Date{2026, 11, 20}, now, counter_ids()).size() == 3);
}

TEST_CASE("reminders: buckets and effective due dates") {
    const Date today{2026, 11, 21};
    Reminder r = reminder("a", Date{2026, 11, 20});
    CHECK(bucket(r, today) == ReminderBucket::overdue);
    r.due = today;
    CHECK(bucket(r, today) == ReminderBucket::due_today);
    r.due = Date{2026, 11, 22};
    CHECK(bucket(r, today) == ReminderBucket::upcoming);
    r.due = Date{2026, 11, 10};
    snooze(r, 3, today);
    CHECK(r.snoozed_until == Date{2026, 11, 24});
    CHECK(effective_due(r) == Date{2026, 11, 24});
    CHECK(bucket(r, today) == ReminderBucket::snoozed);
    CHECK(bucket(r, Date{2026, 11, 24}) == ReminderBucket::due_today);
    CHECK(bucket(r, Date{2026, 11, 26}) == ReminderBucket::overdue);
    r.due = Date{2026, 12, 20};  // a snooze that ends before the due date changes nothing
    CHECK(effective_due(r) == Date{2026, 12, 20});
    CHECK(bucket(r, today) == ReminderBucket::upcoming);
    mark_done(r, today);
    CHECK(bucket(r, today) == ReminderBucket::done);
    CHECK(r.done_on == today);
    CHECK_FALSE(is_open(r));
    reopen(r);
    CHECK(is_open(r));
    CHECK_FALSE(r.done_on.has_value());
}

TEST_CASE("reminders: snooze is at least a day and leaves done reminders alone") {
    const Date today{2026, 11, 21};
    Reminder r = reminder("a", today);
    snooze(r, 0, today);
    CHECK(r.snoozed_until == Date{2026, 11, 22});
    Reminder done = reminder("b", today);
    mark_done(done, today);
    snooze(done, 7, today);
    CHECK_FALSE(done.snoozed_until.has_value());
}

TEST_CASE("reminders: home_order sorts by bucket, then date, title and id") {
    const Date today{2026, 11, 21};
    std::vector<Reminder> list{reminder("up", Date{2026, 11, 25}),   reminder("today-b", today, "b"),
                               reminder("old", Date{2026, 11, 1}),   reminder("today-a", today, "a"),
                               reminder("snz", Date{2026, 11, 2}),   reminder("done", Date{2026, 11, 1}),
                               reminder("trash", Date{2026, 11, 1}), reminder("older", Date{2026, 10, 30})};
    snooze(list[4], 10, today);
    mark_done(list[5], today);
    list[6].meta.deleted = now;
    const auto ids = [&](const std::vector<std::size_t>& order) {
        std::vector<std::string> out;
        for (const std::size_t i : order) out.push_back(list[i].meta.id);
        return out;
    };
    CHECK(ids(home_order(list, today)) == std::vector<std::string>{"older", "old", "today-a", "today-b", "up", "snz"});
    CHECK(ids(home_order(list, today, IncludeDone::yes)).back() == "done");
}

// A reminder's title was written once, in the language of the day it was made: after choosing
// Deutsch, "Reply to Nordlicht GmbH and ask for feedback" stayed English on the reminders screen.
TEST_CASE("reminders: the app's own titles follow the interface language and the company's name") {
    const test::RealCatalogues catalogues;
    Reflection r = rejected_after_interview();
    r.last_interview_on = Date{2026, 10, 1};  // the follow-up is late: its title says so
    const std::vector<Reminder> made = suggest_reminders(r, {}, Date{2026, 11, 21}, now, counter_ids());
    REQUIRE(made.size() == 3);
    std::vector<std::string> english;
    for (const Reminder& x : made) english.push_back(reminder_title(x, &r));
    CHECK(english[0] == made[0].title);  // as made, in the language it was made in
    CHECK(english[0] == "Reply to Nordlicht GmbH and ask for feedback");

    set_interface_language(Language::de);
    for (const Reminder& x : made) {
        CAPTURE(x.title);
        const std::string german = reminder_title(x, &r);
        CHECK(german != x.title);
        CHECK(german.find("Nordlicht GmbH") != std::string::npos);
        CHECK(german == tr_format(std::string("reminder.title.") + std::string(to_key(x.kind)) +
                                      (x.kind == ReminderKind::follow_up ? "_late" : ""),
                                  {{"company", "Nordlicht GmbH"}}));
    }
    // Made in German, shown in Italian (both catalogues here), with the company renamed since.
    Reminder german = made[0];
    german.title = reminder_title(made[0], &r);
    set_interface_language(Language::it);
    r.company = "Nordlicht AG";
    CHECK(reminder_title(german, &r) == tr_format("reminder.title.feedback", {{"company", "Nordlicht AG"}}));
    // Its reflection gone: the company in the title stays.
    CHECK(reminder_title(german, nullptr) == tr_format("reminder.title.feedback", {{"company", "Nordlicht GmbH"}}));
    set_interface_language(Language::en);

    // Titles the app did not write stay as they are: a custom reminder, and one from a file.
    Reminder custom = made[0];
    custom.kind = ReminderKind::custom;
    CHECK(reminder_title(custom, &r) == custom.title);
    Reminder imported = made[1];
    imported.title = "Nachfassen bei Frau Özdemir";
    CHECK(reminder_title(imported, &r) == "Nachfassen bei Frau Özdemir");
}

// "Get back in touch with {name}", made from the People screen, is a custom reminder about a contact:
// it follows the language and the contact's name the same way.
TEST_CASE("reminders: a contact's reminder follows the language and the contact's name") {
    const test::RealCatalogues catalogues;
    Contact luca;
    luca.meta.id = "c1";
    luca.name = "Luca Neri";
    Reminder x;
    x.kind = ReminderKind::custom;
    x.contact_id = luca.meta.id;
    x.title = tr_format("contacts.remind_title", {{"name", "Luca Neri"}});
    CHECK(x.title == "Get back in touch with Luca Neri");
    set_interface_language(Language::it);
    luca.name = "Luca Neri Bianchi";
    CHECK(reminder_title(x, nullptr, &luca) == tr_format("contacts.remind_title", {{"name", "Luca Neri Bianchi"}}));
    CHECK(reminder_title(x, nullptr, nullptr) == tr_format("contacts.remind_title", {{"name", "Luca Neri"}}));
    set_interface_language(Language::en);
    x.title = "Coffee with Luca";  // written by the person
    CHECK(reminder_title(x, nullptr, &luca) == "Coffee with Luca");
    x.contact_id.clear();
    x.title = "Get back in touch with Luca Neri";  // the same words, but about no contact
    CHECK(reminder_title(x, nullptr, &luca) == "Get back in touch with Luca Neri");
}

TEST_CASE("reminders: a title made in the Arabic interface is stored as plain text") {
    // tr_format isolates values for drawing; a stored title (the journal, its export, the calendar
    // file) must not carry the marks.
    const test::RealCatalogues catalogues;
    set_interface_language(Language::ar);
    const std::vector<Reminder> out =
        suggest_reminders(rejected_after_interview(), {}, Date{2026, 11, 20}, now, counter_ids());
    set_interface_language(Language::en);
    REQUIRE(!out.empty());
    for (const Reminder& reminder : out) {
        CAPTURE(reminder.title);
        CHECK(reminder.title.find("Nordlicht GmbH") != std::string::npos);
        CHECK(reminder.title.find("\u2068") == std::string::npos);
        CHECK(reminder.title.find("\u2069") == std::string::npos);
    }
}
