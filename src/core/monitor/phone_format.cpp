// A parsed phone number written out: its national significant number and its E.164 form
// (declared in phone_validity.hpp).
#include <algorithm>
#include <charconv>
#include <string>

#include "core/monitor/phone_nsn.hpp"
#include "core/monitor/phone_validity.hpp"

namespace vigil::core::monitor {

char* phone_nsn::WriteNsn(const PhoneNumberParts& number, char* out) {
  const auto zeros = static_cast<std::size_t>(std::max(number.leading_zeros, 0));
  if (zeros > kMaxInput) return nullptr;
  return std::to_chars(std::fill_n(out, zeros, '0'), out + kNsnRoom, number.national_number).ptr;
}

std::string NationalSignificantNumber(const PhoneNumberParts& number) {
  std::string nsn(static_cast<std::size_t>(std::max(number.leading_zeros, 0)), '0');
  nsn += std::to_string(number.national_number);
  return nsn;
}

std::string FormatE164(const PhoneNumberParts& number) {
  // One buffer: a number's E.164 form fits the string's inline storage (no allocation).
  char buffer[12 + phone_nsn::kNsnRoom];
  buffer[0] = '+';
  char* end = phone_nsn::WriteNsn(number, std::to_chars(buffer + 1, buffer + 12, number.country_code).ptr);
  if (end == nullptr) return "+" + std::to_string(number.country_code) + NationalSignificantNumber(number);
  return std::string(buffer, end);
}

}  // namespace vigil::core::monitor
