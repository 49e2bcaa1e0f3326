// Reminders as an iCalendar (RFC 5545) file, for people who live in their calendar app.
#pragma once

#include "core/journal.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace debrief {

struct IcsOptions {
    // Local hour of the due day at which calendars show an alert; nullopt for no alarm.
    std::optional<int> alarm_hour = 9;
    std::string product_id = "-//Debrief//Debrief journal//EN";
};

// One all-day VEVENT per open reminder (done and trashed ones are left out), on its effective due
// date. UIDs are "<reminder id>@debrief.local", so re-importing updates events instead of
// duplicating them. CRLF line endings; long lines folded.
std::string reminders_to_ics(const std::vector<Reminder>& reminders, Timestamp now, const IcsOptions& options = {});

// TEXT value escaping: backslash, semicolon, comma and line breaks. Control characters are dropped
// and malformed UTF-8 becomes U+FFFD, since calendar apps reject both.
std::string escape_ics_text(std::string_view text);

// The content line followed by CRLF, folded so no physical line exceeds 75 octets and no UTF-8
// sequence is split; continuation lines start with one space.
std::string fold_ics_line(std::string_view line);

std::string format_ics_date(const Date& date);         // "20261121"
std::string format_ics_utc(const Timestamp& instant);  // "20261121T204100Z"

}  // namespace debrief
