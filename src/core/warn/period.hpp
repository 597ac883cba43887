// Period labels of early-warning series: parsing, canonical form, arithmetic (successor,
// distance) and checks for gaps and duplicates. Days "2024-03-05", ISO weeks "2024-W09",
// months "2024-03".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"
#include "core/warn/series.hpp"

namespace vigil::core::warn {

// "day", "week", "month".
[[nodiscard]] std::optional<PeriodKind> ParsePeriodKind(std::string_view name);
[[nodiscard]] std::string_view PeriodKindName(PeriodKind kind);

// A period as an ordinal: days since 1970-01-01, ISO weeks since the week of 1970-01-01 (a
// Monday-based count), or months since 1970-01. Ordinals of one kind are consecutive integers.
struct Period {
  PeriodKind kind = PeriodKind::kMonth;
  std::int64_t ordinal = 0;
  friend bool operator==(const Period&, const Period&) = default;
  friend auto operator<=>(const Period&, const Period&) = default;
};

// Parses a label of the given kind. Accepts the canonical form and a few lenient spellings:
// day "2024-3-5"; week "2024W9", "2024-w09"; month "2024-3". Years 1000–9999 only; an ISO week
// 53 only in years that have one. Error (kInvalidArgument) says what was expected; it does not
// repeat the label (callers name the row).
[[nodiscard]] Result<Period> ParsePeriod(std::string_view text, PeriodKind kind);
// Guesses the kind from the text (YYYY-MM-DD → day, YYYY-Www → week, YYYY-MM → month).
[[nodiscard]] Result<Period> ParsePeriodAnyKind(std::string_view text);
// Canonical label: "2024-03-05", "2024-W09", "2024-03".
[[nodiscard]] std::string RenderPeriod(const Period& period);
// Canonicalises a label of the given kind (ParsePeriod then RenderPeriod).
[[nodiscard]] Result<std::string> CanonicalPeriod(std::string_view text, PeriodKind kind);

[[nodiscard]] inline Period Next(const Period& period) {
  return {period.kind, period.ordinal + 1};
}
// Periods from a to b (b − a); both must be of the same kind.
[[nodiscard]] inline std::int64_t Distance(const Period& from, const Period& to) {
  return to.ordinal - from.ordinal;
}
// The month containing a day (used to aggregate events to area-months).
[[nodiscard]] Period MonthOfDay(const Period& day);
// The last day of a period (days since 1970-01-01), to order periods of different kinds.
[[nodiscard]] std::int64_t LastDayOf(const Period& period);

// Problems found in a sequence of periods as given (in row order).
struct PeriodIssue {
  enum class Kind { kGap, kDuplicate, kOutOfOrder };
  Kind kind = Kind::kGap;
  std::size_t position = 0;  // 0-based index of the offending period in the input
  std::string detail;        // e.g. "2024-03 follows 2024-01: 1 period missing (2024-02)"
};
[[nodiscard]] std::vector<PeriodIssue> FindPeriodIssues(const std::vector<Period>& periods);

}  // namespace vigil::core::warn
