// Date arithmetic after the classic era-based civil calendar algorithm, and strict ISO 8601 parsing.
#include "core/dates.h"

namespace debrief {
namespace {

constexpr std::int64_t ms_per_day = 86'400'000;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

void append_padded(std::string& out, std::int64_t value, int width) {
    if (value < 0) {
        out += '-';
        value = -value;
    }
    std::string digits = std::to_string(value);
    for (int i = static_cast<int>(digits.size()); i < width; ++i) out += '0';
    out += digits;
}

// Reads exactly `count` ASCII digits at `pos`; advances only on success.
bool read_digits(std::string_view text, std::size_t& pos, std::size_t count, int& value) {
    if (pos + count > text.size()) return false;
    int v = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const char c = text[pos + i];
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    value = v;
    pos += count;
    return true;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
    if (pos >= text.size() || text[pos] != c) return false;
    ++pos;
    return true;
}

bool read_date(std::string_view text, std::size_t& pos, Date& date) {
    return read_digits(text, pos, 4, date.year) && expect(text, pos, '-') && read_digits(text, pos, 2, date.month) &&
           expect(text, pos, '-') && read_digits(text, pos, 2, date.day) && is_valid(date);
}

bool read_time(std::string_view text, std::size_t& pos, DateTime& dt) {
    const bool ok = read_digits(text, pos, 2, dt.hour) && expect(text, pos, ':') &&
                    read_digits(text, pos, 2, dt.minute) && expect(text, pos, ':') &&
                    read_digits(text, pos, 2, dt.second);
    return ok && dt.hour < 24 && dt.minute < 60 && dt.second < 60;
}

// Up to nine fraction digits are accepted, as other tools write micro- and nanoseconds.
bool read_fraction(std::string_view text, std::size_t& pos, int& millisecond) {
    millisecond = 0;
    if (pos >= text.size() || text[pos] != '.') return true;
    ++pos;
    std::size_t count = 0;
    int scale = 100;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        if (count >= 9) return false;
        millisecond += (text[pos] - '0') * scale;
        scale /= 10;
        ++count;
        ++pos;
    }
    return count > 0;
}

bool read_offset(std::string_view text, std::size_t& pos, int& offset_minutes) {
    if (pos >= text.size()) return false;
    const char sign = text[pos++];
    if (sign == 'Z') {
        offset_minutes = 0;
        return true;
    }
    if (sign != '+' && sign != '-') return false;
    int hours = 0;
    int minutes = 0;
    if (!read_digits(text, pos, 2, hours) || !expect(text, pos, ':') || !read_digits(text, pos, 2, minutes))
        return false;
    if (hours > 23 || minutes > 59) return false;
    offset_minutes = (sign == '-' ? -1 : 1) * (hours * 60 + minutes);
    return true;
}

DateTime date_time_from_ms(std::int64_t ms) {
    const std::int64_t days = floor_div(ms, ms_per_day);
    const auto in_day = static_cast<int>(ms - days * ms_per_day);
    DateTime dt;
    dt.date = civil_from_days(days);
    dt.hour = in_day / 3'600'000;
    dt.minute = in_day / 60'000 % 60;
    dt.second = in_day / 1000 % 60;
    dt.millisecond = in_day % 1000;
    return dt;
}

void append_offset(std::string& out, int offset_minutes) {
    if (offset_minutes == 0) {
        out += 'Z';
        return;
    }
    out += offset_minutes < 0 ? '-' : '+';
    const int magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    append_padded(out, magnitude / 60, 2);
    out += ':';
    append_padded(out, magnitude % 60, 2);
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap_year(year) ? 29 : lengths[month - 1];
}

bool is_valid(const Date& date) {
    return date.year >= 1 && date.year <= 9999 && date.month >= 1 && date.month <= 12 && date.day >= 1 &&
           date.day <= days_in_month(date.year, date.month);
}

std::int64_t days_from_civil(const Date& date) {
    // Counting years from March puts the leap day last, so every 400-year era has the same shape.
    const std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
    const std::int64_t era = floor_div(y, 400);
    const std::int64_t year_of_era = y - era * 400;
    const std::int64_t month_from_march = date.month > 2 ? date.month - 3 : date.month + 9;
    const std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + date.day - 1;
    const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146'097 + day_of_era - 719'468;  // 719468 days from 0000-03-01 to 1970-01-01
}

Date civil_from_days(std::int64_t days) {
    const std::int64_t shifted = days + 719'468;
    const std::int64_t era = floor_div(shifted, 146'097);
    const std::int64_t day_of_era = shifted - era * 146'097;
    const std::int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36'524 - day_of_era / 146'096) / 365;
    const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;
    Date d;
    d.day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
    d.month = static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
    d.year = static_cast<int>(year_of_era + era * 400 + (d.month <= 2 ? 1 : 0));
    return d;
}

Date add_days(const Date& date, int days) { return civil_from_days(days_from_civil(date) + days); }

Date add_months(const Date& date, int months) {
    const int zero_based = date.year * 12 + (date.month - 1) + months;
    Date result;
    result.year = static_cast<int>(floor_div(zero_based, 12));
    result.month = zero_based - result.year * 12 + 1;
    const int last = days_in_month(result.year, result.month);
    result.day = date.day > last ? last : date.day;
    return result;
}

int days_between(const Date& from, const Date& to) {
    return static_cast<int>(days_from_civil(to) - days_from_civil(from));
}

Weekday weekday(const Date& date) {
    // 1970-01-01 was a Thursday, three days after a Monday.
    const std::int64_t from_monday = days_from_civil(date) + 3;
    return static_cast<Weekday>(from_monday - floor_div(from_monday, 7) * 7);
}

std::optional<Date> parse_date(std::string_view text) {
    std::size_t pos = 0;
    Date date;
    if (!read_date(text, pos, date) || pos != text.size()) return std::nullopt;
    return date;
}

std::string format_date(const Date& date) {
    std::string out;
    out.reserve(10);
    append_padded(out, date.year, 4);
    out += '-';
    append_padded(out, date.month, 2);
    out += '-';
    append_padded(out, date.day, 2);
    return out;
}

DateTime local_date_time(const Timestamp& ts) {
    return date_time_from_ms(ts.unix_ms + std::int64_t{ts.utc_offset_minutes} * 60'000);
}

DateTime utc_date_time(const Timestamp& ts) { return date_time_from_ms(ts.unix_ms); }

Date local_date(const Timestamp& ts) { return local_date_time(ts).date; }

std::string format_timestamp(const Timestamp& ts) {
    const DateTime dt = local_date_time(ts);
    std::string out = format_date(dt.date);
    out += 'T';
    append_padded(out, dt.hour, 2);
    out += ':';
    append_padded(out, dt.minute, 2);
    out += ':';
    append_padded(out, dt.second, 2);
    out += '.';
    append_padded(out, dt.millisecond, 3);
    append_offset(out, ts.utc_offset_minutes);
    return out;
}

std::optional<Timestamp> parse_timestamp(std::string_view text) {
    std::size_t pos = 0;
    DateTime dt;
    int offset = 0;
    const bool ok = read_date(text, pos, dt.date) && expect(text, pos, 'T') && read_time(text, pos, dt) &&
                    read_fraction(text, pos, dt.millisecond) && read_offset(text, pos, offset);
    if (!ok || pos != text.size()) return std::nullopt;
    const std::int64_t local_ms = days_from_civil(dt.date) * ms_per_day + std::int64_t{dt.hour} * 3'600'000 +
                                  std::int64_t{dt.minute} * 60'000 + std::int64_t{dt.second} * 1000 + dt.millisecond;
    Timestamp ts;
    ts.unix_ms = local_ms - std::int64_t{offset} * 60'000;
    ts.utc_offset_minutes = offset;
    return ts;
}

}  // namespace debrief
