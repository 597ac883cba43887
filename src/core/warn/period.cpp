#include "core/warn/period.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace vigil::core::warn {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's civil-date algorithm).
std::int64_t DaysFromCivil(std::int64_t year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

struct Civil {
  std::int64_t year;
  unsigned month;
  unsigned day;
};

Civil CivilFromDays(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto day_of_era = static_cast<unsigned>(days - era * 146097);
  const unsigned year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const unsigned day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned mp = (5 * day_of_year + 2) / 153;
  const unsigned day = day_of_year - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<std::int64_t>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

bool IsLeap(std::int64_t year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned DaysInMonth(std::int64_t year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

// 0 = Monday … 6 = Sunday. 1970-01-01 was a Thursday.
unsigned IsoWeekday(std::int64_t days) {
  const std::int64_t shifted = (days + 3) % 7;
  return static_cast<unsigned>(shifted < 0 ? shifted + 7 : shifted);
}

// The Monday of ISO week 1 of `year`: the week that holds 4 January.
std::int64_t IsoYearStart(std::int64_t year) {
  const std::int64_t jan4 = DaysFromCivil(year, 1, 4);
  return jan4 - IsoWeekday(jan4);
}

// Monday 1969-12-29 starts the week that holds 1970-01-01: week ordinal 0.
constexpr std::int64_t kWeekEpoch = -3;

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// Reads 1..max_digits decimal digits from text at pos.
bool ReadNumber(std::string_view text, std::size_t& pos, std::size_t min_digits,
                std::size_t max_digits, std::int64_t& out) {
  std::size_t end = pos;
  while (end < text.size() && end - pos < max_digits && text[end] >= '0' && text[end] <= '9') ++end;
  if (end - pos < min_digits) return false;
  std::from_chars(text.data() + pos, text.data() + end, out);
  pos = end;
  return true;
}

bool Expect(std::string_view text, std::size_t& pos, char c) {
  if (pos < text.size() && text[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

tl::unexpected<Error> BadLabel(std::string_view expected) {
  return MakeError(ErrorCode::kInvalidArgument,
                   "not a valid period: expected " + std::string(expected), "invalid-period");
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<PeriodKind> ParsePeriodKind(std::string_view name) {
  if (name == "day") return PeriodKind::kDay;
  if (name == "week") return PeriodKind::kWeek;
  if (name == "month") return PeriodKind::kMonth;
  return std::nullopt;
}

std::string_view PeriodKindName(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::kDay:
      return "day";
    case PeriodKind::kWeek:
      return "week";
    case PeriodKind::kMonth:
      return "month";
  }
  return "month";
}

Result<Period> ParsePeriod(std::string_view text, PeriodKind kind) {
  text = Trim(text);
  std::size_t pos = 0;
  std::int64_t year = 0;
  switch (kind) {
    case PeriodKind::kDay: {
      std::int64_t month = 0, day = 0;
      if (!ReadNumber(text, pos, 4, 4, year) || !Expect(text, pos, '-') ||
          !ReadNumber(text, pos, 1, 2, month) || !Expect(text, pos, '-') ||
          !ReadNumber(text, pos, 1, 2, day) || pos != text.size() || year < 1000 || month < 1 ||
          month > 12 || day < 1 || day > DaysInMonth(year, static_cast<unsigned>(month))) {
        return BadLabel("a date YYYY-MM-DD");
      }
      return Period{kind,
                    DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day))};
    }
    case PeriodKind::kWeek: {
      std::int64_t week = 0;
      if (!ReadNumber(text, pos, 4, 4, year)) return BadLabel("an ISO week YYYY-Www");
      Expect(text, pos, '-');
      if (!Expect(text, pos, 'W') && !Expect(text, pos, 'w'))
        return BadLabel("an ISO week YYYY-Www");
      if (!ReadNumber(text, pos, 1, 2, week) || pos != text.size() || year < 1000 || week < 1 ||
          week > 53) {
        return BadLabel("an ISO week YYYY-Www");
      }
      const std::int64_t monday = IsoYearStart(year) + 7 * (week - 1);
      if (monday >= IsoYearStart(year + 1)) return BadLabel("an ISO week that exists in that year");
      return Period{kind, FloorDiv(monday - kWeekEpoch, 7)};
    }
    case PeriodKind::kMonth: {
      std::int64_t month = 0;
      if (!ReadNumber(text, pos, 4, 4, year) || !Expect(text, pos, '-') ||
          !ReadNumber(text, pos, 1, 2, month) || pos != text.size() || year < 1000 || month < 1 ||
          month > 12) {
        return BadLabel("a month YYYY-MM");
      }
      return Period{kind, (year - 1970) * 12 + (month - 1)};
    }
  }
  return BadLabel("a period");
}

Result<Period> ParsePeriodAnyKind(std::string_view text) {
  const std::string_view trimmed = Trim(text);
  if (trimmed.find_first_of("Ww") != std::string_view::npos)
    return ParsePeriod(trimmed, PeriodKind::kWeek);
  const auto dashes = std::count(trimmed.begin(), trimmed.end(), '-');
  if (dashes == 2) return ParsePeriod(trimmed, PeriodKind::kDay);
  if (dashes == 1) return ParsePeriod(trimmed, PeriodKind::kMonth);
  return BadLabel("YYYY-MM-DD, YYYY-Www or YYYY-MM");
}

std::string RenderPeriod(const Period& period) {
  char buffer[16];
  switch (period.kind) {
    case PeriodKind::kDay: {
      const Civil date = CivilFromDays(period.ordinal);
      std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u", static_cast<long long>(date.year),
                    date.month, date.day);
      break;
    }
    case PeriodKind::kWeek: {
      const std::int64_t monday = kWeekEpoch + 7 * period.ordinal;
      const Civil thursday = CivilFromDays(monday + 3);  // its year is the ISO year
      const std::int64_t week = (monday - IsoYearStart(thursday.year)) / 7 + 1;
      std::snprintf(buffer, sizeof buffer, "%04lld-W%02lld", static_cast<long long>(thursday.year),
                    static_cast<long long>(week));
      break;
    }
    case PeriodKind::kMonth: {
      const std::int64_t year = 1970 + FloorDiv(period.ordinal, 12);
      const std::int64_t month = period.ordinal - (year - 1970) * 12 + 1;
      std::snprintf(buffer, sizeof buffer, "%04lld-%02lld", static_cast<long long>(year),
                    static_cast<long long>(month));
      break;
    }
  }
  return buffer;
}

Result<std::string> CanonicalPeriod(std::string_view text, PeriodKind kind) {
  auto period = ParsePeriod(text, kind);
  if (!period) return tl::unexpected(period.error());
  return RenderPeriod(*period);
}

Period MonthOfDay(const Period& day) {
  const Civil date = CivilFromDays(day.ordinal);
  return {PeriodKind::kMonth, (date.year - 1970) * 12 + (date.month - 1)};
}

std::int64_t LastDayOf(const Period& period) {
  switch (period.kind) {
    case PeriodKind::kDay:
      return period.ordinal;
    case PeriodKind::kWeek:
      return kWeekEpoch + 7 * period.ordinal + 6;
    case PeriodKind::kMonth: {
      const std::int64_t next = period.ordinal + 1;
      const std::int64_t year = 1970 + FloorDiv(next, 12);
      const auto month = static_cast<unsigned>(next - (year - 1970) * 12 + 1);
      return DaysFromCivil(year, month, 1) - 1;
    }
  }
  return period.ordinal;
}

std::vector<PeriodIssue> FindPeriodIssues(const std::vector<Period>& periods) {
  std::vector<PeriodIssue> issues;
  for (std::size_t pos = 1; pos < periods.size(); ++pos) {
    const Period& before = periods[pos - 1];
    const Period& here = periods[pos];
    const std::int64_t step = Distance(before, here);
    if (step == 1) continue;
    if (step == 0) {
      issues.push_back({PeriodIssue::Kind::kDuplicate, pos, RenderPeriod(here) + " appears twice"});
    } else if (step < 0) {
      issues.push_back({PeriodIssue::Kind::kOutOfOrder, pos,
                        RenderPeriod(here) + " comes after " + RenderPeriod(before)});
    } else {
      std::string detail = RenderPeriod(here) + " follows " + RenderPeriod(before) + ": " +
                           std::to_string(step - 1) + " period" + (step - 1 == 1 ? "" : "s") +
                           " missing (" + RenderPeriod(Next(before));
      if (step > 2) detail += "…" + RenderPeriod({here.kind, here.ordinal - 1});
      issues.push_back({PeriodIssue::Kind::kGap, pos, detail + ")"});
    }
  }
  return issues;
}

}  // namespace vigil::core::warn
