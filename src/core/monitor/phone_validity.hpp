// libphonenumber's Parse, IsValidNumber and E.164 format for the plain shapes PhoneFinder builds
// ("+" then digits, or digits read in a region), answered from the library's own metadata with
// Vectorscan instead of its ICU regular expressions: the same answers as libphonenumber 8.12, or
// "ask the library" for whatever this code does not cover.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace vigil::core::monitor {

// The fields of libphonenumber's PhoneNumber that Parse fills for a number without extension.
struct PhoneNumberParts {
  int country_code = 0;
  std::uint64_t national_number = 0;
  int leading_zeros = 0;  // "Italian" leading zeros of the national significant number; 0 for none
};

// The national significant number: the leading zeros, then the national number.
[[nodiscard]] std::string NationalSignificantNumber(const PhoneNumberParts& number);

// "+", the country code, the national significant number (libphonenumber's E164 format).
[[nodiscard]] std::string FormatE164(const PhoneNumberParts& number);

enum class PhoneParseOutcome {
  kParsed,      // the library's Parse succeeds with these parts
  kRejected,    // the library's Parse returns an error
  kAskLibrary,  // not covered here (unusual shape or pattern): call the library
};

// Compiles one Vectorscan database per calling code once the code is frequent enough to repay it
// (a few milliseconds; ~0.2 s for +1, whose 25 regions share one code). NOT thread-safe: one per
// PhoneFinder. Movable.
class PhoneValidity {
 public:
  // Reads libphonenumber's compiled-in metadata; when it cannot, every answer is "ask the library".
  // A code's numbers are left to the library until the code has been asked `asks_per_pattern_byte`
  // times the length of its patterns (0: compile on first use).
  explicit PhoneValidity(std::size_t asks_per_pattern_byte = kAsksPerPatternByte);
  ~PhoneValidity();
  PhoneValidity(PhoneValidity&&) noexcept;
  PhoneValidity& operator=(PhoneValidity&&) noexcept;

  // Compiling costs ~10 µs per pattern byte, the library ~3 µs per number: two asks per byte.
  static constexpr std::size_t kAsksPerPatternByte = 2;

  // PhoneNumberUtil::Parse(number, region): `number` holds ASCII digits, optionally after one "+";
  // `region` is the default region ("ZZ" for none). Fills `parsed` on kParsed.
  [[nodiscard]] PhoneParseOutcome Parse(std::string_view number, std::string_view region, PhoneNumberParts* parsed);

  // PhoneNumberUtil::IsValidNumber; nullopt when the library must answer.
  [[nodiscard]] std::optional<bool> IsValid(const PhoneNumberParts& number);

  // Whether libphonenumber's Parse may strip or rewrite the first digits of the national number
  // after this calling code: a national_prefix_for_parsing that can match a number not starting
  // with 0 ("8" for Russia, "([89]\d{5})$" for San Marino). True when the metadata was unreadable.
  [[nodiscard]] bool MayStripAfterCode(int country_code) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigil::core::monitor
