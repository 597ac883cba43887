// Phone numbers for IdentifierExtractor: a byte pre-filter finds digit runs in the de-obfuscated
// text, context rules drop prices, dates and ids, and libphonenumber parses and validates what is
// left (with sourced overrides for ranges its metadata wrongly rejects); PhoneValidity answers the
// library's Parse and IsValidNumber for the common shapes without its regular expressions.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/monitor/identifiers.hpp"
#include "core/monitor/normalise.hpp"
#include "core/monitor/phone_validity.hpp"

namespace vigil::core::monitor {

// A run of digits in a text, as PhoneFinder reads a number in groups ("050 123 45 67").
struct DigitGroup {
  std::size_t start = 0;
  std::size_t end = 0;
  char separator_before = 0;  // the first separator byte before the group, 0 for the first
};

// NOT thread-safe (PhoneValidity's scratch space): one per IdentifierExtractor, one extractor per
// thread.
class PhoneFinder {
 public:
  PhoneFinder(std::vector<PhoneOverride> overrides, std::vector<std::string> fallback_regions);

  // Appends to `found` the phones in `digits` (a DeobfuscateDigits text of `original`), spans in
  // `original`; candidates that overlap `blocked` (original spans of web addresses and e-mails)
  // are skipped.
  void Find(std::string_view original, const MappedText& digits, const std::vector<ByteSpan>& blocked,
            const std::optional<std::string>& region, std::vector<Identifier>& found) const;

  // E.164 for a number written with or without "+" (e.g. from a wa.me link); nullopt when it is
  // not a valid number. `digits` may start with "+" and holds digits only otherwise.
  [[nodiscard]] std::optional<std::string> InternationalToE164(std::string_view digits) const;

 private:
  // E.164 when `digits` (digits only, or "+" then digits) is a valid number under the hints.
  [[nodiscard]] std::optional<std::string> Validate(const std::string& digits,
                                                    const std::optional<std::string>& region) const;
  [[nodiscard]] std::optional<std::string> ParseIn(const std::string& number,
                                                   const std::string& region) const;
  // The number built directly for the plain shapes ("+" and digits, or a national number after
  // the region's trunk prefix), as the library's Parse would; false for any other shape.
  [[nodiscard]] bool FastParse(const std::string& number, const std::string& region, PhoneNumberParts* parsed) const;
  // The metadata FastParse reads for a region, asked of the library once per region.
  struct RegionFacts {
    std::string region;
    int country_code = 0;
    std::string trunk;  // the national (trunk) prefix, digits only
  };
  [[nodiscard]] const RegionFacts& FactsOf(const std::string& region) const;
  // libphonenumber's Parse and IsValidNumber, answered by `validity_` where it can.
  [[nodiscard]] bool ParseNumber(const std::string& number, const std::string& region, PhoneNumberParts* parsed) const;
  [[nodiscard]] bool IsValidNumber(const PhoneNumberParts& number) const;

  std::vector<PhoneOverride> overrides_;
  std::vector<std::string> fallback_regions_;
  // No cache of results: most numbers of a scan are distinct, and with PhoneValidity a number is
  // answered in about the time a look-up by its text took (the stage was 8 % faster without it).
  mutable PhoneValidity validity_;
  // FastParse's look-ups of the library's metadata: per calling code whether a region has it (0
  // not asked yet, 1 none, 2 yes), and per region seen (a scan sees few).
  mutable std::array<std::int8_t, 1000> code_has_region_{};
  mutable std::vector<RegionFacts> region_facts_;
  // Find's scratch space: the digit groups of a run, and the pieces it splits into around dates.
  mutable std::vector<DigitGroup> groups_;
  mutable std::vector<std::pair<std::size_t, std::size_t>> pieces_;
};

}  // namespace vigil::core::monitor
