// iCalendar writer: just the subset calendars need for all-day reminders with an alert.
#include "core/ics.h"

#include "core/dates.h"
#include "core/i18n.h"
#include "core/names.h"
#include "core/reminders.h"
#include "core/text.h"

namespace debrief {
namespace {

constexpr std::size_t max_line_octets = 75;

void append_two_digits(std::string& out, int value) {
    out += static_cast<char>('0' + value / 10 % 10);
    out += static_cast<char>('0' + value % 10);
}

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0u) == 0x80u; }

void append_escaped(std::string& out, char32_t cp) {
    switch (cp) {
        case '\\': out += "\\\\"; break;
        case ';': out += "\\;"; break;
        case ',': out += "\\,"; break;
        case '\n': out += "\\n"; break;
        default:
            if (cp == '\t' || (cp >= 0x20 && cp != 0x7F)) append_utf8(out, cp);
            break;
    }
}

class IcsWriter {
public:
    void line(std::string_view name, std::string_view value) {
        std::string content(name);
        content += ':';
        content += value;
        m_out += fold_ics_line(content);
    }
    void text(std::string_view name, std::string_view value) { line(name, escape_ics_text(value)); }
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
};

std::string description_for(const Reminder& r) {
    return std::string(tr("ics.description." + std::string(to_key(r.kind))));
}

void write_alarm(IcsWriter& w, const Reminder& r, int hour) {
    w.line("BEGIN", "VALARM");
    w.line("ACTION", "DISPLAY");
    w.text("DESCRIPTION", r.title);
    // Relative to the start of an all-day event, i.e. local midnight of the due day.
    w.line("TRIGGER", "PT" + std::to_string(hour) + "H");
    w.line("END", "VALARM");
}

void write_event(IcsWriter& w, const Reminder& r, const std::string& stamp, const IcsOptions& options) {
    const Date start = effective_due(r);
    w.line("BEGIN", "VEVENT");
    w.text("UID", r.meta.id + "@debrief.local");
    w.line("DTSTAMP", stamp);
    w.line("DTSTART;VALUE=DATE", format_ics_date(start));
    w.line("DTEND;VALUE=DATE", format_ics_date(add_days(start, 1)));
    w.text("SUMMARY", r.title);
    w.text("DESCRIPTION", description_for(r));
    w.line("TRANSP", "TRANSPARENT");  // a reminder should not mark the whole day as busy
    if (options.alarm_hour && *options.alarm_hour >= 0 && *options.alarm_hour < 24)
        write_alarm(w, r, *options.alarm_hour);
    w.line("END", "VEVENT");
}

}  // namespace

std::string escape_ics_text(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (text[pos] == '\r') {  // CRLF and lone CR are both one line break
            if (pos + 1 < text.size() && text[pos + 1] == '\n') ++pos;
            out += "\\n";
            ++pos;
            continue;
        }
        append_escaped(out, decode_utf8(text, pos));
    }
    return out;
}

std::string fold_ics_line(std::string_view line) {
    std::string out;
    std::size_t pos = 0;
    std::size_t budget = max_line_octets;
    while (line.size() - pos > budget) {
        std::size_t cut = pos + budget;
        while (cut > pos && is_continuation_byte(line[cut])) --cut;
        out.append(line.substr(pos, cut - pos));
        out += "\r\n ";
        pos = cut;
        budget = max_line_octets - 1;  // the leading space counts towards the limit
    }
    out.append(line.substr(pos));
    out += "\r\n";
    return out;
}

std::string format_ics_date(const Date& date) {
    std::string out = std::to_string(date.year);
    while (out.size() < 4) out.insert(out.begin(), '0');
    append_two_digits(out, date.month);
    append_two_digits(out, date.day);
    return out;
}

std::string format_ics_utc(const Timestamp& instant) {
    const DateTime dt = utc_date_time(instant);
    std::string out = format_ics_date(dt.date);
    out += 'T';
    append_two_digits(out, dt.hour);
    append_two_digits(out, dt.minute);
    append_two_digits(out, dt.second);
    out += 'Z';
    return out;
}

std::string reminders_to_ics(const std::vector<Reminder>& reminders, Timestamp now, const IcsOptions& options) {
    IcsWriter w;
    w.line("BEGIN", "VCALENDAR");
    w.line("VERSION", "2.0");
    w.text("PRODID", options.product_id);
    w.line("CALSCALE", "GREGORIAN");
    w.line("METHOD", "PUBLISH");
    const std::string stamp = format_ics_utc(now);
    for (const Reminder& r : reminders) {
        if (is_open(r)) write_event(w, r, stamp, options);
    }
    w.line("END", "VCALENDAR");
    return w.take();
}

}  // namespace debrief
