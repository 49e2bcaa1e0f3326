// Tests for core/dates: civil calendar arithmetic and ISO 8601 parsing/formatting.
#include "core/dates.h"

#include <doctest/doctest.h>

using namespace debrief;

namespace {

Date d(int y, int m, int day) { return Date{y, m, day}; }

}  // namespace

TEST_CASE("dates: leap years follow the Gregorian rules") {
    CHECK(is_leap_year(2024));
    CHECK(is_leap_year(2000));
    CHECK_FALSE(is_leap_year(1900));
    CHECK_FALSE(is_leap_year(2026));
    CHECK(days_in_month(2024, 2) == 29);
    CHECK(days_in_month(2026, 2) == 28);
    CHECK(days_in_month(2026, 4) == 30);
    CHECK(days_in_month(2026, 13) == 0);
}

TEST_CASE("dates: is_valid rejects impossible days") {
    CHECK(is_valid(d(2026, 11, 21)));
    CHECK(is_valid(d(2024, 2, 29)));
    CHECK_FALSE(is_valid(d(2026, 2, 29)));
    CHECK_FALSE(is_valid(d(2026, 4, 31)));
    CHECK_FALSE(is_valid(d(2026, 0, 1)));
    CHECK_FALSE(is_valid(d(2026, 1, 0)));
    CHECK_FALSE(is_valid(Date{}));
    CHECK_FALSE(is_valid(d(10000, 1, 1)));
}

TEST_CASE("dates: days_from_civil and civil_from_days agree and hit known anchors") {
    CHECK(days_from_civil(d(1970, 1, 1)) == 0);
    CHECK(days_from_civil(d(1969, 12, 31)) == -1);
    CHECK(days_from_civil(d(2000, 3, 1)) == 11017);
    CHECK(days_from_civil(d(2026, 11, 21)) == 20778);
    for (std::int64_t n = -800000; n <= 800000; n += 997) {
        CHECK(days_from_civil(civil_from_days(n)) == n);
    }
    CHECK(civil_from_days(20778) == d(2026, 11, 21));
    CHECK(civil_from_days(-1) == d(1969, 12, 31));
}

TEST_CASE("dates: add_days crosses months, years and leap days") {
    CHECK(add_days(d(2026, 11, 21), 14) == d(2026, 12, 5));
    CHECK(add_days(d(2026, 12, 25), 10) == d(2027, 1, 4));
    CHECK(add_days(d(2024, 2, 28), 1) == d(2024, 2, 29));
    CHECK(add_days(d(2025, 2, 28), 1) == d(2025, 3, 1));
    CHECK(add_days(d(2026, 1, 1), -1) == d(2025, 12, 31));
}

TEST_CASE("dates: add_months clamps to the end of the month") {
    CHECK(add_months(d(2026, 1, 31), 1) == d(2026, 2, 28));
    CHECK(add_months(d(2024, 1, 31), 1) == d(2024, 2, 29));
    CHECK(add_months(d(2026, 11, 30), 3) == d(2027, 2, 28));
    CHECK(add_months(d(2026, 8, 31), 1) == d(2026, 9, 30));
    CHECK(add_months(d(2026, 3, 15), -3) == d(2025, 12, 15));
    CHECK(add_months(d(2026, 5, 31), 12) == d(2027, 5, 31));
    CHECK(add_months(d(2026, 1, 1), -13) == d(2024, 12, 1));
}

TEST_CASE("dates: days_between is signed") {
    CHECK(days_between(d(2026, 11, 1), d(2026, 11, 21)) == 20);
    CHECK(days_between(d(2026, 11, 21), d(2026, 11, 1)) == -20);
    CHECK(days_between(d(2024, 1, 1), d(2025, 1, 1)) == 366);
}

TEST_CASE("dates: weekday") {
    CHECK(weekday(d(1970, 1, 1)) == Weekday::thursday);
    CHECK(weekday(d(2026, 11, 21)) == Weekday::saturday);
    CHECK(weekday(d(2000, 1, 3)) == Weekday::monday);
    CHECK(weekday(d(1969, 12, 28)) == Weekday::sunday);
}

TEST_CASE("dates: parse_date and format_date") {
    CHECK(parse_date("2026-11-21") == d(2026, 11, 21));
    CHECK(format_date(d(2026, 1, 5)) == "2026-01-05");
    CHECK(format_date(d(987, 1, 5)) == "0987-01-05");
    for (const char* bad : {"", "2026-11-31", "2026-2-01", "2026/11/21", "2026-11-21 ", " 2026-11-21", "20261121",
                            "2026-11-2a", "0000-01-01", "2026-13-01"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_date(bad).has_value());
    }
}

TEST_CASE("dates: format_timestamp writes local time with its offset") {
    Timestamp ts;
    ts.unix_ms = 1'795'293'660'000;  // 2026-11-21T20:41:00Z
    ts.utc_offset_minutes = 60;
    CHECK(format_timestamp(ts) == "2026-11-21T21:41:00.000+01:00");
    ts.utc_offset_minutes = 0;
    CHECK(format_timestamp(ts) == "2026-11-21T20:41:00.000Z");
    ts.utc_offset_minutes = -(9 * 60 + 30);
    CHECK(format_timestamp(ts) == "2026-11-21T11:11:00.000-09:30");
    ts.unix_ms = -1;
    ts.utc_offset_minutes = 0;
    CHECK(format_timestamp(ts) == "1969-12-31T23:59:59.999Z");
}

TEST_CASE("dates: parse_timestamp accepts Z, offsets and fractions") {
    const auto a = parse_timestamp("2026-11-21T21:41:00.000+01:00");
    REQUIRE(a);
    CHECK(a->unix_ms == 1'795'293'660'000);
    CHECK(a->utc_offset_minutes == 60);
    const auto z = parse_timestamp("2026-11-21T20:41:00Z");
    REQUIRE(z);
    CHECK(z->unix_ms == a->unix_ms);
    CHECK(z->utc_offset_minutes == 0);
    const auto minus = parse_timestamp("2026-11-21T15:11:00.5-05:30");
    REQUIRE(minus);
    CHECK(minus->unix_ms == a->unix_ms + 500);
    CHECK(minus->utc_offset_minutes == -330);
    const auto nanos = parse_timestamp("2026-11-21T20:41:00.123456789Z");
    REQUIRE(nanos);
    CHECK(nanos->unix_ms == a->unix_ms + 123);
}

TEST_CASE("dates: parse_timestamp rejects garbage") {
    for (const char* bad :
         {"", "garbage", "2026-11-21", "2026-11-21T21:41:00", "2026-11-21T21:41Z", "2026-11-21 21:41:00Z",
          "2026-11-21T24:00:00Z", "2026-11-21T21:60:00Z", "2026-11-21T21:41:60Z", "2026-02-30T10:00:00Z",
          "2026-11-21T21:41:00.Z", "2026-11-21T21:41:00+0100", "2026-11-21T21:41:00+24:00", "2026-11-21T21:41:00+01:60",
          "2026-11-21T21:41:00Zjunk", "2026-11-21T21:41:00.1234567890Z", "2026-11-21t21:41:00Z"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_timestamp(bad).has_value());
    }
}

TEST_CASE("dates: timestamps round-trip through text") {
    for (const int offset : {0, 60, -300, 330, 14 * 60, -12 * 60}) {
        for (const std::int64_t ms : {std::int64_t{0}, std::int64_t{1'795'293'660'123}, std::int64_t{-86'400'001}}) {
            const Timestamp ts{ms, offset};
            const auto back = parse_timestamp(format_timestamp(ts));
            REQUIRE(back);
            CHECK(*back == ts);
        }
    }
}

TEST_CASE("dates: local_date uses the timestamp's own offset") {
    const Timestamp late_evening{1'795'300'000'000, 60};  // 2026-11-21T22:26:40Z
    CHECK(local_date(late_evening) == d(2026, 11, 21));
    const Timestamp tokyo{1'795'300'000'000, 9 * 60};
    CHECK(local_date(tokyo) == d(2026, 11, 22));
    const DateTime utc = utc_date_time(late_evening);
    CHECK(utc.hour == 22);
    CHECK(utc.minute == 26);
    CHECK(utc.second == 40);
}
