#include "core/monitor/phone_validity.hpp"

#include <gtest/gtest.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace vigil::core::monitor {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

struct Tally {
  int cases = 0;
  int parses_answered = 0;
  int validity_answered = 0;
  int valid = 0;
};

// Compares PhoneValidity with the library on one input; a failure names the input and region.
void Compare(PhoneValidity& validity, const std::string& number, const std::string& region, Tally* tally) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  ++tally->cases;
  PhoneNumber library;
  const bool library_parsed = util.Parse(number, region, &library) == PhoneNumberUtil::NO_PARSING_ERROR;
  PhoneNumberParts parts;
  const PhoneParseOutcome outcome = validity.Parse(number, region, &parts);
  if (outcome != PhoneParseOutcome::kAskLibrary) {
    ++tally->parses_answered;
    ASSERT_EQ(outcome == PhoneParseOutcome::kParsed, library_parsed) << number << " in " << region;
    if (library_parsed) {
      EXPECT_EQ(parts.country_code, static_cast<int>(library.country_code())) << number << " in " << region;
      EXPECT_EQ(parts.national_number, library.national_number()) << number << " in " << region;
      const int zeros = library.italian_leading_zero() ? std::max(library.number_of_leading_zeros(), 0) : 0;
      EXPECT_EQ(parts.leading_zeros, zeros) << number << " in " << region;
    }
  }
  if (!library_parsed) return;
  parts = {static_cast<int>(library.country_code()), library.national_number(),
           library.italian_leading_zero() ? std::max(library.number_of_leading_zeros(), 0) : 0};
  const bool library_valid = util.IsValidNumber(library);
  if (const auto answer = validity.IsValid(parts)) {
    ++tally->validity_answered;
    EXPECT_EQ(*answer, library_valid) << number << " in " << region << " (+" << parts.country_code << " "
                                      << NationalSignificantNumber(parts) << ")";
  }
  std::string e164;
  util.Format(library, PhoneNumberUtil::E164, &e164);
  EXPECT_EQ(FormatE164(parts), e164) << number << " in " << region;
  tally->valid += library_valid ? 1 : 0;
}

// Numbers near the metadata's own examples: each example, cut or padded to the given lengths,
// and each of those with one digit changed at random.
std::vector<std::string> NationalVariants(const std::string& example, const std::set<int>& lengths, std::mt19937& random) {
  std::uniform_int_distribution<int> digit(0, 9);
  std::vector<std::string> variants = {example};
  for (const int length : lengths) {
    std::string variant = example.substr(0, static_cast<std::size_t>(length));
    while (static_cast<int>(variant.size()) < length) variant.push_back(static_cast<char>('0' + digit(random)));
    variants.push_back(variant);
  }
  const std::size_t count = variants.size();
  for (std::size_t index = 0; index < count; ++index) {
    std::string variant = variants[index];
    if (variant.empty()) continue;
    std::uniform_int_distribution<std::size_t> position(0, variant.size() - 1);
    variant[position(random)] = static_cast<char>('0' + digit(random));
    variants.push_back(variant);
  }
  return variants;
}

TEST(PhoneValidity, SameAnswersAsLibphonenumberForEveryRegion) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneValidity validity(0);
  std::mt19937 random(20240611);
  Tally tally;
  std::set<std::string> regions;
  util.GetSupportedRegions(&regions);
  ASSERT_GT(regions.size(), 200U);
  for (const std::string& region : regions) {
    const int code = util.GetCountryCodeForRegion(region);
    const std::string code_digits = std::to_string(code);
    std::string trunk;
    util.GetNddPrefixForRegion(region, true, &trunk);
    std::set<PhoneNumberUtil::PhoneNumberType> types;
    util.GetSupportedTypesForRegion(region, &types);
    for (const auto type : types) {
      PhoneNumber example;
      if (!util.GetExampleNumberForType(region, type, &example)) continue;
      std::string nsn;
      util.GetNationalSignificantNumber(example, &nsn);
      std::set<int> lengths;
      for (std::size_t length = nsn.size() - 1; length <= nsn.size() + 1; ++length) {
        lengths.insert(static_cast<int>(length));
      }
      // A shorter one too: local-only lengths and short numbers decide whether prefixes are stripped.
      lengths.insert(std::uniform_int_distribution<int>(4, std::max(4, static_cast<int>(nsn.size())))(random));
      for (const std::string& national : NationalVariants(nsn, lengths, random)) {
        if (national.size() < 3) continue;
        Compare(validity, "+" + code_digits + national, "ZZ", &tally);
        Compare(validity, "+" + code_digits + "0" + national, "ZZ", &tally);
        Compare(validity, national, region, &tally);
        Compare(validity, code_digits + national, region, &tally);
        if (!trunk.empty()) Compare(validity, trunk + national, region, &tally);
        Compare(validity, "00" + code_digits + national, region, &tally);
        Compare(validity, "810" + code_digits + national, region, &tally);
        Compare(validity, "011" + code_digits + national, region, &tally);
        Compare(validity, national, "UA", &tally);
        if (::testing::Test::HasFatalFailure()) return;
      }
    }
  }
  // Non-geographical codes (+800, +882, …) through "+".
  std::set<int> global_codes;
  util.GetSupportedGlobalNetworkCallingCodes(&global_codes);
  for (const int code : global_codes) {
    PhoneNumber example;
    if (!util.GetExampleNumberForNonGeoEntity(code, &example)) continue;
    std::string nsn;
    util.GetNationalSignificantNumber(example, &nsn);
    for (const std::string& national : NationalVariants(nsn, {static_cast<int>(nsn.size()) + 1}, random)) {
      Compare(validity, "+" + std::to_string(code) + national, "ZZ", &tally);
    }
  }
  // Unknown codes, all-zero numbers, invalid regions.
  for (const std::string& number : {"+0501234567", "+999123456789", "+38000000000", "+3800", "000000000", "0000"}) {
    Compare(validity, number, "ZZ", &tally);
    Compare(validity, number, "UA", &tally);
    Compare(validity, number, "XX", &tally);
  }
  // Most answers come without the library, and the sample holds valid numbers, not only invalid ones.
  EXPECT_GT(tally.cases, 30000);
  EXPECT_GT(tally.parses_answered, tally.cases * 85 / 100) << tally.parses_answered << " of " << tally.cases;
  EXPECT_GT(tally.validity_answered, tally.valid);
  EXPECT_GT(tally.valid, tally.cases / 10);
  std::printf("cases %d, parses answered %d, validity answered %d, valid %d\n", tally.cases, tally.parses_answered,
              tally.validity_answered, tally.valid);
}

TEST(PhoneValidity, ReadsUkrainianAndPolishNumbers) {
  PhoneValidity validity(0);
  PhoneNumberParts parts;
  ASSERT_EQ(validity.Parse("0501234567", "UA", &parts), PhoneParseOutcome::kParsed);
  EXPECT_EQ(FormatE164(parts), "+380501234567");
  EXPECT_EQ(validity.IsValid(parts), std::optional<bool>(true));
  ASSERT_EQ(validity.Parse("+48512345678", "ZZ", &parts), PhoneParseOutcome::kParsed);
  EXPECT_EQ(FormatE164(parts), "+48512345678");
  EXPECT_EQ(validity.IsValid(parts), std::optional<bool>(true));
  // One digit short is no Polish mobile.
  ASSERT_EQ(validity.Parse("+4851234567", "ZZ", &parts), PhoneParseOutcome::kParsed);
  EXPECT_EQ(validity.IsValid(parts), std::optional<bool>(false));
  EXPECT_EQ(validity.Parse("0501234567", "XX", &parts), PhoneParseOutcome::kRejected);
  EXPECT_EQ(validity.Parse("+0501234567", "ZZ", &parts), PhoneParseOutcome::kRejected);
}

TEST(PhoneValidity, ItalianLeadingZerosStayInTheNumber) {
  PhoneValidity validity(0);
  PhoneNumberParts parts;
  ASSERT_EQ(validity.Parse("+390612345678", "ZZ", &parts), PhoneParseOutcome::kParsed);
  EXPECT_EQ(parts.leading_zeros, 1);
  EXPECT_EQ(NationalSignificantNumber(parts), "0612345678");
  EXPECT_EQ(FormatE164(parts), "+390612345678");
}

TEST(PhoneValidity, KnowsWhichCodesMayHaveATrunkPrefixStrippedAfterThem) {
  const PhoneValidity validity;
  EXPECT_TRUE(validity.MayStripAfterCode(7));     // "8" in Russia and Kazakhstan
  EXPECT_TRUE(validity.MayStripAfterCode(378));   // San Marino's "([89]\d{5})$"
  EXPECT_FALSE(validity.MayStripAfterCode(380));  // "0" cannot match a number not starting with 0
  EXPECT_FALSE(validity.MayStripAfterCode(36));   // "06" neither
  EXPECT_FALSE(validity.MayStripAfterCode(48));   // none at all
  EXPECT_FALSE(validity.MayStripAfterCode(999));  // no such code
}

TEST(PhoneValidity, LeavesARareCodeToTheLibraryUntilItRepaysCompiling) {
  PhoneValidity validity;
  EXPECT_EQ(validity.IsValid({48, 512345678, 0}), std::nullopt);
  int asks = 2;
  while (validity.IsValid({48, 512345678, 0}) == std::nullopt && asks < 100000) ++asks;
  EXPECT_GT(asks, 100);
  EXPECT_LT(asks, 100000);
  EXPECT_EQ(validity.IsValid({48, 512345678, 0}), std::optional<bool>(true));
  EXPECT_EQ(validity.IsValid({48, 51234567, 0}), std::optional<bool>(false));
}

}  // namespace
}  // namespace vigil::core::monitor
