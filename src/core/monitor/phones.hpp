// Phone numbers for IdentifierExtractor: a byte pre-filter finds digit runs in the de-obfuscated
// text, context rules drop prices, dates and ids, and libphonenumber parses and validates what is
// left (with sourced overrides for ranges its metadata wrongly rejects); PhoneValidity answers the
// library's Parse and IsValidNumber for the common shapes without its regular expressions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/monitor/identifiers.hpp"
#include "core/monitor/normalise.hpp"
#include "core/monitor/phone_validity.hpp"

namespace vigil::core::monitor {

// NOT thread-safe (PhoneValidity's scratch space): one per IdentifierExtractor, one extractor per
// thread.
class PhoneFinder {
 public:
  PhoneFinder(std::vector<PhoneOverride> overrides, std::vector<std::string> fallback_regions);

  // Phones in `digits` (a DeobfuscateDigits text of `original`), spans in `original`; candidates
  // that overlap `blocked` (original spans of web addresses and e-mails) are skipped.
  [[nodiscard]] std::vector<Identifier> Find(std::string_view original, const MappedText& digits,
                                             const std::vector<ByteSpan>& blocked,
                                             const std::optional<std::string>& region) const;

  // E.164 for a number written with or without "+" (e.g. from a wa.me link); nullopt when it is
  // not a valid number. `digits` may start with "+" and holds digits only otherwise.
  [[nodiscard]] std::optional<std::string> InternationalToE164(std::string_view digits) const;

 private:
  // E.164 when `digits` (digits only, or "+" then digits) is a valid number under the hints.
  [[nodiscard]] std::optional<std::string> Validate(const std::string& digits,
                                                    const std::optional<std::string>& region) const;
  [[nodiscard]] std::optional<std::string> ParseIn(const std::string& number,
                                                   const std::string& region) const;
  // libphonenumber's Parse and IsValidNumber, answered by `validity_` where it can.
  [[nodiscard]] bool ParseNumber(const std::string& number, const std::string& region, PhoneNumberParts* parsed) const;
  [[nodiscard]] bool IsValidNumber(const PhoneNumberParts& number) const;

  std::vector<PhoneOverride> overrides_;
  std::vector<std::string> fallback_regions_;
  // No cache of results: most numbers of a scan are distinct, and with PhoneValidity a number is
  // answered in about the time a look-up by its text took (the stage was 8 % faster without it).
  mutable PhoneValidity validity_;
};

}  // namespace vigil::core::monitor
