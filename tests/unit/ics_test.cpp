// Tests for core/ics, checked by a strict little RFC 5545 reader written here (unfold, CRLF only,
// line length, escaping, BEGIN/END nesting, required properties).
#include "core/ics.h"

#include "core/reminders.h"
#include "core/text.h"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

using namespace debrief;

namespace {

struct Property {
    std::string name;
    std::string params;  // everything between the name and the ':' (";VALUE=DATE")
    std::string value;   // raw, still escaped
};

struct Component {
    std::string name;
    std::vector<Property> properties;
    std::vector<Component> children;

    const Property* find(const std::string& property) const {
        for (const Property& p : properties) {
            if (p.name == property) return &p;
        }
        return nullptr;
    }
    std::string value(const std::string& property) const {
        const Property* p = find(property);
        if (!p) throw std::runtime_error("missing " + property + " in " + name);
        return p->value;
    }
};

[[noreturn]] void fail(const std::string& why) { throw std::runtime_error(why); }

std::vector<std::string> physical_lines(const std::string& ics) {
    if (ics.size() < 2 || ics.compare(ics.size() - 2, 2, "\r\n") != 0) fail("must end with CRLF");
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < ics.size()) {
        const std::size_t end = ics.find("\r\n", start);
        const std::string line = ics.substr(start, end - start);
        if (line.find('\r') != std::string::npos || line.find('\n') != std::string::npos) fail("bare CR or LF");
        if (line.size() > 75) fail("line longer than 75 octets: " + line);
        if (!is_valid_utf8(line)) fail("folding split a UTF-8 sequence: " + line);
        lines.push_back(line);
        start = end + 2;
    }
    return lines;
}

std::vector<std::string> unfold(const std::vector<std::string>& physical) {
    std::vector<std::string> logical;
    for (const std::string& line : physical) {
        if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
            if (logical.empty()) fail("continuation before any content line");
            logical.back() += line.substr(1);
        } else {
            if (line.empty()) fail("empty content line");
            logical.push_back(line);
        }
    }
    return logical;
}

Property parse_property(const std::string& line) {
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) fail("no ':' in " + line);
    const std::size_t name_end = std::min(colon, line.find(';'));
    Property p{line.substr(0, name_end), line.substr(name_end, colon - name_end), line.substr(colon + 1)};
    for (const char c : p.name) {
        if (!((c >= 'A' && c <= 'Z') || c == '-')) fail("bad property name " + p.name);
    }
    return p;
}

Component parse_ics(const std::string& ics) {
    std::vector<Component> stack;
    Component root;
    bool have_root = false;
    for (const std::string& line : unfold(physical_lines(ics))) {
        const Property p = parse_property(line);
        if (have_root && stack.empty()) fail("content after END:VCALENDAR");
        if (p.name == "BEGIN") {
            stack.push_back(Component{p.value, {}, {}});
        } else if (p.name == "END") {
            if (stack.empty() || stack.back().name != p.value) fail("mismatched END:" + p.value);
            Component done = std::move(stack.back());
            stack.pop_back();
            if (stack.empty()) {
                root = std::move(done);
                have_root = true;
            } else {
                stack.back().children.push_back(std::move(done));
            }
        } else {
            if (stack.empty()) fail("property outside a component");
            stack.back().properties.push_back(p);
        }
    }
    if (!have_root || !stack.empty()) fail("unbalanced BEGIN/END");
    return root;
}

// Strict TEXT unescaping: only the four RFC 5545 escapes, no raw ';' or ','.
std::string unescape_text(const std::string& value) {
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c == ';' || c == ',') fail("unescaped separator in TEXT: " + value);
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i == value.size()) fail("dangling backslash");
        switch (value[i]) {
            case '\\': out += '\\'; break;
            case ';': out += ';'; break;
            case ',': out += ','; break;
            case 'n':
            case 'N': out += '\n'; break;
            default: fail(std::string("bad escape \\") + value[i]);
        }
    }
    return out;
}

void check_required(const Component& calendar) {
    CHECK(calendar.name == "VCALENDAR");
    CHECK(calendar.value("VERSION") == "2.0");
    CHECK_FALSE(calendar.value("PRODID").empty());
    for (const Component& event : calendar.children) {
        CHECK(event.name == "VEVENT");
        for (const char* required : {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"}) CHECK(event.find(required));
        for (const Component& alarm : event.children) {
            CHECK(alarm.name == "VALARM");
            CHECK(alarm.value("ACTION") == "DISPLAY");
            CHECK(alarm.find("TRIGGER"));
            CHECK(alarm.find("DESCRIPTION"));
        }
    }
}

Reminder make(std::string id, std::string title, Date due, ReminderKind kind = ReminderKind::follow_up) {
    Reminder r;
    r.meta.id = std::move(id);
    r.title = std::move(title);
    r.due = due;
    r.kind = kind;
    return r;
}

const Timestamp now{1'795'293'660'000, 60};  // 2026-11-21T20:41:00Z

}  // namespace

TEST_CASE("ics: the test reader itself rejects malformed calendars") {
    CHECK_THROWS(parse_ics("BEGIN:VCALENDAR\nEND:VCALENDAR\n"));
    CHECK_THROWS(parse_ics("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n"));
    CHECK_THROWS(parse_ics("BEGIN:VCALENDAR\r\nX-LONG:" + std::string(80, 'x') + "\r\nEND:VCALENDAR\r\n"));
    CHECK_THROWS(unescape_text("a,b"));
    CHECK_THROWS(unescape_text("a\\x"));
    CHECK(unescape_text("a\\, b\\; c\\\\ d\\n e") == "a, b; c\\ d\n e");
}

TEST_CASE("ics: a calendar with one event per open reminder") {
    Reminder a = make("rem-1", "Send Nordlicht GmbH a short follow-up note", Date{2026, 11, 24});
    Reminder b = make("rem-2", "Check in", Date{2027, 2, 19}, ReminderKind::check_in);
    Reminder done = make("rem-3", "Done already", Date{2026, 11, 1});
    done.done = true;
    Reminder trashed = make("rem-4", "In the trash", Date{2026, 11, 1});
    trashed.meta.deleted = now;
    const std::string ics = reminders_to_ics({a, done, b, trashed}, now);
    const Component cal = parse_ics(ics);
    check_required(cal);
    CHECK(cal.value("CALSCALE") == "GREGORIAN");
    REQUIRE(cal.children.size() == 2);
    const Component& e = cal.children[0];
    CHECK(unescape_text(e.value("UID")) == "rem-1@debrief.local");
    CHECK(e.value("DTSTAMP") == "20261121T204100Z");
    CHECK(e.find("DTSTART")->params == ";VALUE=DATE");
    CHECK(e.value("DTSTART") == "20261124");
    CHECK(e.value("DTEND") == "20261125");
    CHECK(unescape_text(e.value("SUMMARY")) == "Send Nordlicht GmbH a short follow-up note");
    CHECK(unescape_text(e.value("DESCRIPTION")).find("follow-up") != std::string::npos);
    REQUIRE(e.children.size() == 1);
    CHECK(e.children[0].value("TRIGGER") == "PT9H");
    CHECK(unescape_text(cal.children[1].value("UID")) == "rem-2@debrief.local");
}

TEST_CASE("ics: snoozed reminders use the new date, and DTEND crosses the year") {
    Reminder r = make("rem-1", "Snoozed", Date{2026, 12, 20});
    snooze(r, 11, Date{2026, 12, 20});
    const Component cal = parse_ics(reminders_to_ics({r}, now));
    CHECK(cal.children.at(0).value("DTSTART") == "20261231");
    CHECK(cal.children.at(0).value("DTEND") == "20270101");
}

TEST_CASE("ics: the alarm can be moved or left out") {
    const Reminder r = make("rem-1", "x", Date{2026, 12, 1});
    IcsOptions options;
    options.alarm_hour = 18;
    CHECK(parse_ics(reminders_to_ics({r}, now, options)).children.at(0).children.at(0).value("TRIGGER") == "PT18H");
    options.alarm_hour.reset();
    CHECK(parse_ics(reminders_to_ics({r}, now, options)).children.at(0).children.empty());
    const Component empty = parse_ics(reminders_to_ics({}, now));
    check_required(empty);
    CHECK(empty.children.empty());
}

TEST_CASE("ics: multilingual summaries survive escaping and folding byte-exact") {
    const std::vector<std::string> titles{
        "Nachfassen bei Müller & Söhne: Grüße, Dank; und ein Rückblick auf das Gespräch über die Stelle",
        "متابعة مع شركة النور: شكراً على المقابلة، وأتمنى أن نبقى على تواصل مع فريق التصميم",
        "Follow up 😀👩🏽‍💻🇩🇪 with the team, finally; \\ backslash and\nsecond line",
        std::string(200, 'a'),
    };
    for (const std::string& title : titles) {
        for (std::size_t pad = 0; pad < 8; ++pad) {  // shift where the fold falls
            const std::string summary = std::string(pad, 'x') + title;
            const Component cal = parse_ics(reminders_to_ics({make("rem-1", summary, Date{2026, 12, 1})}, now));
            CAPTURE(summary);
            CHECK(unescape_text(cal.children.at(0).value("SUMMARY")) == summary);
            CHECK(unescape_text(cal.children.at(0).children.at(0).value("DESCRIPTION")) == summary);
        }
    }
}

TEST_CASE("ics: escape_ics_text") {
    CHECK(escape_ics_text("a,b;c\\d") == "a\\,b\\;c\\\\d");
    CHECK(escape_ics_text("one\ntwo\r\nthree\rfour") == "one\\ntwo\\nthree\\nfour");
    CHECK(escape_ics_text("tab\there") == "tab\there");
    CHECK(escape_ics_text(std::string("bell\a") + '\x7f') == "bell");
    CHECK(escape_ics_text("bad \xFF byte") == "bad \xEF\xBF\xBD byte");
    CHECK(escape_ics_text("Grüße") == "Grüße");
}

TEST_CASE("ics: fold_ics_line never exceeds 75 octets or splits a code point") {
    CHECK(fold_ics_line("SUMMARY:short") == "SUMMARY:short\r\n");
    const std::string exactly75(75, 'a');
    CHECK(fold_ics_line(exactly75) == exactly75 + "\r\n");
    CHECK(fold_ics_line(exactly75 + "b") == exactly75 + "\r\n b\r\n");
    for (std::size_t pad = 0; pad < 5; ++pad) {
        std::string line = "SUMMARY:" + std::string(pad, 'x');
        for (int i = 0; i < 60; ++i) line += (i % 3 == 0) ? "😀" : (i % 3 == 1) ? "ع" : "ß";
        const std::string folded = fold_ics_line(line);
        std::string unfolded;
        for (const std::string& physical : physical_lines(folded)) {
            unfolded += physical[0] == ' ' ? physical.substr(1) : physical;
        }
        CHECK(unfolded == line);
    }
}

TEST_CASE("ics: date and time formats") {
    CHECK(format_ics_date(Date{2026, 1, 5}) == "20260105");
    CHECK(format_ics_date(Date{987, 12, 31}) == "09871231");
    CHECK(format_ics_utc(Timestamp{0, 120}) == "19700101T000000Z");  // always UTC, whatever the offset
    CHECK(format_ics_utc(now) == "20261121T204100Z");
}
