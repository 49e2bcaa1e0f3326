// Calendar arithmetic and ISO 8601 text for Date and Timestamp (proleptic Gregorian, no time zones database).
#pragma once

#include "core/journal.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace debrief {

enum class Weekday { monday, tuesday, wednesday, thursday, friday, saturday, sunday };

// A wall-clock reading, as seen at some UTC offset.
struct DateTime {
    Date date;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int millisecond = 0;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);  // 0 for a month outside 1..12

// Years 1..9999 only: the range the four-digit ISO form can carry.
bool is_valid(const Date& date);

// Days since 1970-01-01 (negative before it); valid for any Date with a month in 1..12.
std::int64_t days_from_civil(const Date& date);
Date civil_from_days(std::int64_t days);

Date add_days(const Date& date, int days);

// Clamps to the end of the target month: Jan 31 + 1 month is Feb 28 (or 29).
Date add_months(const Date& date, int months);

// Signed: positive when `to` is after `from`.
int days_between(const Date& from, const Date& to);

Weekday weekday(const Date& date);

// Exactly "YYYY-MM-DD" naming a real day; anything else is rejected.
std::optional<Date> parse_date(std::string_view text);
std::string format_date(const Date& date);

// The reading of the timestamp's own clock (unix time shifted by its UTC offset).
DateTime local_date_time(const Timestamp& ts);
DateTime utc_date_time(const Timestamp& ts);

// The calendar day the user saw when the timestamp was recorded.
Date local_date(const Timestamp& ts);

// "2026-11-21T21:41:00.000+01:00"; a zero offset is written "Z".
std::string format_timestamp(const Timestamp& ts);

// Accepts "YYYY-MM-DDTHH:MM:SS", optional ".f" (1-9 digits, kept to the millisecond), then "Z" or
// "±HH:MM". Anything else (spaces, missing offset, impossible dates) gives nullopt.
std::optional<Timestamp> parse_timestamp(std::string_view text);

}  // namespace debrief
