// Writing a phone number's national significant number without a string, shared by
// phone_validity.cpp (validity from the metadata) and phone_format.cpp (E.164). Internal to those.
#pragma once

#include <cstddef>

#include "core/monitor/phone_validity.hpp"

namespace vigil::core::monitor::phone_nsn {

// Longer inputs take the library's path; shorter ones keep every match end in a 32-bit mask.
inline constexpr std::size_t kMaxInput = 24;
inline constexpr std::size_t kNsnRoom = kMaxInput + 20;  // leading zeros, then up to 20 digits

// NationalSignificantNumber written at `out` (kNsnRoom bytes, no string); its end, or nullptr when
// it has more than kMaxInput leading zeros.
char* WriteNsn(const PhoneNumberParts& number, char* out);

}  // namespace vigil::core::monitor::phone_nsn
