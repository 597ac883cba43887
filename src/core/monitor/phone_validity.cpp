#include "core/monitor/phone_validity.hpp"

#include "core/monitor/phone_nsn.hpp"

#include <hs/hs.h>
#include <phonenumbers/phonemetadata.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <list>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

namespace i18n::phonenumbers {
// libphonenumber's compiled-in metadata, declared in its metadata.h (not installed).
int metadata_size();
const void* metadata_get();
}  // namespace i18n::phonenumbers

namespace vigil::core::monitor {
namespace {

using i18n::phonenumbers::PhoneMetadata;
using i18n::phonenumbers::PhoneNumberDesc;

constexpr std::size_t kMinLengthForNsn = 2;   // PhoneNumberUtil::kMinLengthForNsn
constexpr std::size_t kMaxLengthForNsn = 17;  // PhoneNumberUtil::kMaxLengthForNsn
constexpr std::size_t kMaxLengthCountryCode = 3;
using phone_nsn::kMaxInput;
using phone_nsn::kNsnRoom;
using phone_nsn::WriteNsn;

// One pattern of a region in its code's database. The number descriptions come first, in the
// order GetNumberTypeHelper tries them (the order does not change validity); then the prefixes.
enum Slot : std::uint8_t {
  kGeneral,
  kPremiumRate,
  kTollFree,
  kSharedCost,
  kVoip,
  kPersonalNumber,
  kPager,
  kUan,
  kVoicemail,
  kFixedLine,
  kMobile,
  kLeadingDigits,       // GetRegionCodeForNumberFromRegionList: a prefix match
  kInternationalPrefix, // ParsePrefixAsIdd: a prefix match, where it ends matters
  kNationalPrefix,      // MaybeStripNationalPrefixAndCarrierCode: likewise
  kSlotCount
};
constexpr std::size_t kDescCount = kLeadingDigits;

const PhoneNumberDesc& Desc(const PhoneMetadata& metadata, std::size_t slot) {
  switch (slot) {
    case kPremiumRate: return metadata.premium_rate();
    case kTollFree: return metadata.toll_free();
    case kSharedCost: return metadata.shared_cost();
    case kVoip: return metadata.voip();
    case kPersonalNumber: return metadata.personal_number();
    case kPager: return metadata.pager();
    case kUan: return metadata.uan();
    case kVoicemail: return metadata.voicemail();
    case kFixedLine: return metadata.fixed_line();
    case kMobile: return metadata.mobile();
    default: return metadata.general_desc();
  }
}

std::uint32_t LengthMask(const google::protobuf::RepeatedField<int>& lengths) {
  std::uint32_t mask = 0;
  for (const int length : lengths) {
    if (length >= 0 && length < 32) mask |= 1U << length;
  }
  return mask;
}

bool HasLength(std::uint32_t mask, std::size_t length) { return length < 32 && ((mask >> length) & 1U) != 0; }

enum class LengthResult { kPossible, kLocalOnly, kTooShort, kTooLong, kInvalidLength };

// TestNumberLength for the general description (type UNKNOWN).
std::optional<LengthResult> TestNumberLength(std::size_t length, const PhoneMetadata& metadata) {
  const auto& possible = metadata.general_desc().possible_length();
  if (possible.empty()) return std::nullopt;
  if (possible.Get(0) == -1) return LengthResult::kInvalidLength;
  const auto& local = metadata.general_desc().possible_length_local_only();
  const int actual = static_cast<int>(length);
  if (std::find(local.begin(), local.end(), actual) != local.end()) return LengthResult::kLocalOnly;
  if (possible.Get(0) == actual) return LengthResult::kPossible;
  if (possible.Get(0) > actual) return LengthResult::kTooShort;
  if (*(possible.end() - 1) < actual) return LengthResult::kTooLong;
  return std::find(possible.begin() + 1, possible.end(), actual) != possible.end() ? LengthResult::kPossible
                                                                                   : LengthResult::kInvalidLength;
}

struct Region {
  const PhoneMetadata* metadata = nullptr;
  // IsNumberMatchingDesc's length test per description: checked only when the list is not empty.
  std::array<bool, kDescCount> has_lengths{};
  std::array<std::uint32_t, kDescCount> lengths{};
  std::array<bool, kSlotCount> has_pattern{};
  bool always_leading = false;  // leading_digits present but empty: ICU's empty pattern always matches
};

struct CodeTable {
  int country_code = 0;
  std::vector<Region> regions;  // the library's order for the code (its main region first)
  hs_database_t* database = nullptr;
  bool tried = false;  // compiled, or failed to compile (database stays null: ask the library)
  // Numbers of this code are left to the library until it has been asked this many times: most
  // codes appear a few times in a scan, and +1 would cost ~0.2 s of compiling for them.
  std::size_t compile_after = 0;
  std::size_t asks = 0;
};

int OnMatch(unsigned int id, unsigned long long /*from*/, unsigned long long to, unsigned int /*flags*/,
            void* context) {
  static_cast<std::uint32_t*>(context)[id] |= 1U << to;
  return 0;
}

// The one place a prefix pattern can end, or nullopt when it can end at several (then ICU's
// backtracking order decides, and the library is asked). 0 when it does not match.
std::optional<std::size_t> SingleEnd(std::uint32_t ends) {
  if (ends == 0) return 0;
  if ((ends & (ends - 1)) != 0) return std::nullopt;
  return static_cast<std::size_t>(__builtin_ctz(ends));
}

}  // namespace

struct PhoneValidity::Impl {
  i18n::phonenumbers::PhoneMetadataCollection collection;
  bool metadata_read = false;
  std::array<bool, 1000> may_strip{};  // by calling code: see MayStripAfterCode
  std::vector<CodeTable> tables;
  std::array<int, 1000> table_of_code{};                               // index + 1; 0: no region
  std::unordered_map<std::string, std::pair<int, int>> region_index;  // valid region → table, region
  hs_scratch_t* scratch = nullptr;
  std::vector<std::uint32_t> ends;  // match ends of the last scan, by pattern id
  // The last scan's table and text: Parse and then IsValid often ask about the same number twice.
  const CodeTable* last_table = nullptr;
  std::string last_text;
  // The region Parse was last asked about and its region_index entry ({-1, 0}: not valid).
  bool last_region_known = false;
  std::string last_region;
  std::pair<int, int> last_region_entry{-1, 0};

  explicit Impl(std::size_t asks_per_pattern_byte);
  ~Impl();

  CodeTable* TableOf(int country_code) {
    if (country_code <= 0 || country_code >= 1000 || table_of_code[country_code] == 0) return nullptr;
    return &tables[table_of_code[country_code] - 1];
  }
  bool Compile(CodeTable& table);
  bool Scan(CodeTable& table, std::string_view text);
  std::uint32_t Ends(std::size_t region, std::size_t slot) const { return ends[region * kSlotCount + slot]; }
  // After a scan of a number of `length` digits: IsNumberMatchingDesc for a description.
  bool Matches(const Region& region, std::size_t index, std::size_t slot, std::size_t length) const {
    if (region.has_lengths[slot] && !HasLength(region.lengths[slot], length)) return false;
    return region.has_pattern[slot] && Ends(index, slot) != 0;
  }
  bool IsValidIn(const Region& region, std::size_t index, std::size_t length) const;
  std::optional<bool> IsValidNsn(int country_code, std::string_view nsn);
  std::optional<bool> MatchesGeneral(CodeTable& table, std::size_t index, std::string_view number);
  std::optional<std::string_view> StripNationalPrefix(CodeTable& table, std::size_t index, std::string_view number);
};

PhoneValidity::Impl::Impl(std::size_t asks_per_pattern_byte) {
  if (!collection.ParseFromArray(i18n::phonenumbers::metadata_get(), i18n::phonenumbers::metadata_size())) return;
  metadata_read = true;
  std::unordered_map<std::string, const PhoneMetadata*> by_region;
  std::unordered_map<int, const PhoneMetadata*> non_geographical;
  for (const PhoneMetadata& metadata : collection.metadata()) {
    // Parse matches the pattern at the start of the national number; digits alone starting with
    // 0 ("0" for Ukraine, "06" for Hungary) cannot match one that does not.
    const std::string& prefix = metadata.national_prefix_for_parsing();
    const bool zero_literal = !prefix.empty() && prefix[0] == '0' &&
                              std::all_of(prefix.begin(), prefix.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!prefix.empty() && !zero_literal && metadata.country_code() > 0 && metadata.country_code() < 1000) {
      may_strip[static_cast<std::size_t>(metadata.country_code())] = true;
    }
    if (metadata.id() == "001") {
      non_geographical.emplace(metadata.country_code(), &metadata);
    } else {
      by_region.emplace(metadata.id(), &metadata);
    }
  }
  // The library's own region list per code, so that the order (main region first) is its order.
  const auto& util = *i18n::phonenumbers::PhoneNumberUtil::GetInstance();
  std::set<int> codes;
  util.GetSupportedCallingCodes(&codes);
  for (const int code : codes) {
    if (code <= 0 || code >= 1000) continue;
    std::list<std::string> region_codes;
    util.GetRegionCodesForCountryCallingCode(code, &region_codes);
    CodeTable table;
    table.country_code = code;
    for (const std::string& region_code : region_codes) {
      const PhoneMetadata* metadata = nullptr;
      if (region_code == "001") {
        if (auto found = non_geographical.find(code); found != non_geographical.end()) metadata = found->second;
      } else if (auto found = by_region.find(region_code); found != by_region.end()) {
        metadata = found->second;
      }
      if (metadata == nullptr) {  // the library and this reading disagree: leave the code to it
        table.regions.clear();
        table.tried = true;
        break;
      }
      Region region;
      region.metadata = metadata;
      for (std::size_t slot = 0; slot < kDescCount; ++slot) {
        const PhoneNumberDesc& desc = Desc(*metadata, slot);
        region.has_lengths[slot] = desc.possible_length_size() > 0;
        region.lengths[slot] = LengthMask(desc.possible_length());
        region.has_pattern[slot] = !desc.national_number_pattern().empty();
      }
      region.always_leading = metadata->has_leading_digits() && metadata->leading_digits().empty();
      region.has_pattern[kLeadingDigits] = metadata->has_leading_digits() && !metadata->leading_digits().empty();
      region.has_pattern[kInternationalPrefix] = !metadata->international_prefix().empty();
      // Regions with a transform rule are left to the library (Parse answers kAskLibrary).
      region.has_pattern[kNationalPrefix] = !metadata->national_prefix_for_parsing().empty() &&
                                            metadata->national_prefix_transform_rule().empty();
      if (region_code != "001") {
        region_index.emplace(region_code, std::make_pair(static_cast<int>(tables.size()),
                                                         static_cast<int>(table.regions.size())));
      }
      table.regions.push_back(region);
    }
    std::size_t pattern_bytes = 0;
    for (const Region& region : table.regions) {
      for (std::size_t slot = 0; slot < kDescCount; ++slot) {
        pattern_bytes += Desc(*region.metadata, slot).national_number_pattern().size();
      }
    }
    table.compile_after = pattern_bytes * asks_per_pattern_byte;
    tables.push_back(std::move(table));
    table_of_code[code] = static_cast<int>(tables.size());
  }
}

PhoneValidity::Impl::~Impl() {
  for (CodeTable& table : tables) {
    if (table.database != nullptr) hs_free_database(table.database);
  }
  if (scratch != nullptr) hs_free_scratch(scratch);
}

bool PhoneValidity::Impl::Compile(CodeTable& table) {
  table.tried = true;
  if (table.regions.empty()) return false;
  std::vector<std::string> expressions;
  std::vector<unsigned int> flags;
  std::vector<unsigned int> ids;
  for (std::size_t index = 0; index < table.regions.size(); ++index) {
    const Region& region = table.regions[index];
    const PhoneMetadata& metadata = *region.metadata;
    for (std::size_t slot = 0; slot < kSlotCount; ++slot) {
      if (!region.has_pattern[slot]) continue;
      std::string pattern;
      if (slot < kDescCount) {
        // ICU's matches(): the whole number.
        pattern = "^(?:" + Desc(metadata, slot).national_number_pattern() + ")$";
      } else {
        // ICU's lookingAt(): a match at the start of the number.
        const std::string& source = slot == kLeadingDigits        ? metadata.leading_digits()
                                    : slot == kInternationalPrefix ? metadata.international_prefix()
                                                                   : metadata.national_prefix_for_parsing();
        pattern = "^(?:" + source + ")";
      }
      expressions.push_back(std::move(pattern));
      // Every end of the two stripped prefixes is reported, to see whether it is unique.
      flags.push_back(slot == kInternationalPrefix || slot == kNationalPrefix ? 0U : HS_FLAG_SINGLEMATCH);
      ids.push_back(static_cast<unsigned int>(index * kSlotCount + slot));
    }
  }
  std::vector<const char*> sources;
  sources.reserve(expressions.size());
  for (const std::string& expression : expressions) sources.push_back(expression.c_str());
  hs_compile_error_t* error = nullptr;
  hs_database_t* database = nullptr;
  if (hs_compile_multi(sources.data(), flags.data(), ids.data(), static_cast<unsigned int>(sources.size()),
                       HS_MODE_BLOCK, nullptr, &database, &error) != HS_SUCCESS) {
    hs_free_compile_error(error);
    return false;
  }
  if (hs_alloc_scratch(database, &scratch) != HS_SUCCESS) {
    hs_free_database(database);
    return false;
  }
  table.database = database;
  return true;
}

bool PhoneValidity::Impl::Scan(CodeTable& table, std::string_view text) {
  if (!table.tried) {
    if (++table.asks < table.compile_after) return false;
    Compile(table);
  }
  if (table.database == nullptr) return false;
  if (&table == last_table && text == last_text) return true;
  last_table = nullptr;
  ends.assign(table.regions.size() * kSlotCount, 0);
  // No pattern matches an empty text (Vectorscan refuses patterns that do), so none is scanned.
  if (!text.empty() && hs_scan(table.database, text.data(), static_cast<unsigned int>(text.size()), 0, scratch,
                               OnMatch, ends.data()) != HS_SUCCESS) {
    return false;
  }
  last_table = &table;
  last_text.assign(text);
  return true;
}

bool PhoneValidity::Impl::IsValidIn(const Region& region, std::size_t index, std::size_t length) const {
  if (!Matches(region, index, kGeneral, length)) return false;
  for (std::size_t slot = kPremiumRate; slot <= kFixedLine; ++slot) {
    if (Matches(region, index, slot, length)) return true;
  }
  // GetNumberTypeHelper asks the mobile description only when it differs from the fixed-line one.
  return !region.metadata->same_mobile_and_fixed_line_pattern() && Matches(region, index, kMobile, length);
}

std::optional<bool> PhoneValidity::Impl::IsValidNsn(int country_code, std::string_view nsn) {
  CodeTable* table = TableOf(country_code);
  if (table == nullptr) return false;  // no region: GetRegionCodeForNumber gives "ZZ", never valid
  if (!Scan(*table, nsn)) return std::nullopt;
  const std::size_t length = nsn.size();
  if (table->regions.size() == 1) return IsValidIn(table->regions[0], 0, length);
  // GetRegionCodeForNumberFromRegionList: the first region whose leading digits start the number,
  // or (without leading digits) for which the number has a type; then validity in that region.
  for (std::size_t index = 0; index < table->regions.size(); ++index) {
    const Region& region = table->regions[index];
    if (region.metadata->has_leading_digits()) {
      if (region.always_leading || Ends(index, kLeadingDigits) != 0) return IsValidIn(region, index, length);
    } else if (IsValidIn(region, index, length)) {
      return true;
    }
  }
  return false;
}

std::optional<bool> PhoneValidity::Impl::MatchesGeneral(CodeTable& table, std::size_t index, std::string_view number) {
  if (!Scan(table, number)) return std::nullopt;
  return table.regions[index].has_pattern[kGeneral] && Ends(index, kGeneral) != 0;
}

// MaybeStripNationalPrefixAndCarrierCode for a region without transform rule: the number after
// the national prefix, unless the number was viable and would no longer be.
std::optional<std::string_view> PhoneValidity::Impl::StripNationalPrefix(CodeTable& table, std::size_t index,
                                                                         std::string_view number) {
  const PhoneMetadata& metadata = *table.regions[index].metadata;
  if (number.empty() || metadata.national_prefix_for_parsing().empty()) return number;
  if (!table.regions[index].has_pattern[kNationalPrefix]) return std::nullopt;  // a transform rule
  if (!Scan(table, number)) return std::nullopt;
  const bool viable = table.regions[index].has_pattern[kGeneral] && Ends(index, kGeneral) != 0;
  const auto end = SingleEnd(Ends(index, kNationalPrefix));
  if (!end) return std::nullopt;
  if (*end == 0) return number;
  const std::string_view stripped = number.substr(*end);
  if (viable) {
    const auto still = MatchesGeneral(table, index, stripped);
    if (!still) return std::nullopt;
    if (!*still) return number;
  }
  return stripped;
}

PhoneValidity::PhoneValidity(std::size_t asks_per_pattern_byte)
    : impl_(std::make_unique<Impl>(asks_per_pattern_byte)) {}
PhoneValidity::~PhoneValidity() = default;
PhoneValidity::PhoneValidity(PhoneValidity&&) noexcept = default;
PhoneValidity& PhoneValidity::operator=(PhoneValidity&&) noexcept = default;

std::optional<bool> PhoneValidity::IsValid(const PhoneNumberParts& number) {
  if (number.leading_zeros < 0) return std::nullopt;
  char nsn[kNsnRoom];
  const char* end = WriteNsn(number, nsn);
  if (end == nullptr || static_cast<std::size_t>(end - nsn) > kMaxInput) return std::nullopt;
  return impl_->IsValidNsn(number.country_code, std::string_view(nsn, static_cast<std::size_t>(end - nsn)));
}

bool PhoneValidity::MayStripAfterCode(int country_code) const {
  if (!impl_->metadata_read) return true;
  return country_code > 0 && country_code < 1000 && impl_->may_strip[static_cast<std::size_t>(country_code)];
}

PhoneParseOutcome PhoneValidity::Parse(std::string_view number, std::string_view region, PhoneNumberParts* parsed) {
  Impl& impl = *impl_;
  constexpr auto kAsk = PhoneParseOutcome::kAskLibrary;
  const bool plus = !number.empty() && number[0] == '+';
  const std::string_view digits = plus ? number.substr(1) : number;
  // Short inputs meet the library's viability rules, long ones overflow the match masks.
  if (digits.size() < 3 || digits.size() > kMaxInput) return kAsk;
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) return kAsk;

  // A scan asks about few regions, most often the same one as before.
  if (!impl.last_region_known || region != impl.last_region) {
    const auto found = impl.region_index.find(std::string(region));
    impl.last_region.assign(region);
    impl.last_region_known = true;
    impl.last_region_entry = found == impl.region_index.end() ? std::pair<int, int>{-1, 0} : found->second;
  }
  const bool region_valid = impl.last_region_entry.first >= 0;
  CodeTable* default_table = region_valid ? &impl.tables[static_cast<std::size_t>(impl.last_region_entry.first)] : nullptr;
  const std::size_t default_index = region_valid ? static_cast<std::size_t>(impl.last_region_entry.second) : 0;

  // ExtractCountryCode: the shortest leading digits that name a calling code.
  auto extract_code = [&](std::string_view rest, std::string_view* national) {
    if (rest.empty() || rest[0] == '0') return 0;
    for (std::size_t length = 1; length <= kMaxLengthCountryCode && length <= rest.size(); ++length) {
      int code = 0;  // the digits were checked above
      for (std::size_t at = 0; at < length; ++at) code = code * 10 + (rest[at] - '0');
      if (impl.TableOf(code) != nullptr) {
        *national = rest.substr(length);
        return code;
      }
    }
    return 0;
  };

  // MaybeExtractCountryCode.
  int code = 0;
  std::string_view national = digits;
  if (plus) {
    code = extract_code(digits, &national);
    // Without a default region the library's retry without "+" finds no code either.
    if (code == 0) return region_valid ? kAsk : PhoneParseOutcome::kRejected;
  } else {
    if (!region_valid) return PhoneParseOutcome::kRejected;  // CheckRegionForParsing
    if (!impl.Scan(*default_table, digits)) return kAsk;
    const Region& home = default_table->regions[default_index];
    const auto idd_end = SingleEnd(impl.Ends(default_index, kInternationalPrefix));
    if (!idd_end || (home.has_pattern[kInternationalPrefix] == false)) return kAsk;
    // ParsePrefixAsIdd: stripped only when the next digit is not 0 (codes never start with 0).
    if (*idd_end > 0 && (*idd_end == digits.size() || digits[*idd_end] != '0')) {
      const std::string_view rest = digits.substr(*idd_end);
      if (rest.size() <= kMinLengthForNsn) return PhoneParseOutcome::kRejected;  // TOO_SHORT_AFTER_IDD
      code = extract_code(rest, &national);
      if (code == 0) return PhoneParseOutcome::kRejected;  // INVALID_COUNTRY_CODE, no "+" to retry without
    } else {
      const bool viable_before = home.has_pattern[kGeneral] && impl.Ends(default_index, kGeneral) != 0;
      const std::string code_digits = std::to_string(default_table->country_code);
      if (digits.starts_with(code_digits)) {
        const auto potential = impl.StripNationalPrefix(*default_table, default_index, digits.substr(code_digits.size()));
        if (!potential) return kAsk;
        const auto viable_after = impl.MatchesGeneral(*default_table, default_index, *potential);
        const auto length = TestNumberLength(digits.size(), *home.metadata);
        if (!viable_after || !length) return kAsk;
        if ((!viable_before && *viable_after) || *length == LengthResult::kTooLong) {
          national = *potential;
          code = default_table->country_code;
        }
      }
    }
  }

  // The metadata national prefixes are read with: the code's main region when the number named
  // its code, else the default region.
  CodeTable* table = default_table;
  std::size_t index = default_index;
  if (code != 0) {
    table = impl.TableOf(code);
    index = 0;
    if (table->regions.empty()) return kAsk;
  } else {
    code = default_table->country_code;
  }
  if (national.size() < kMinLengthForNsn) return PhoneParseOutcome::kRejected;  // TOO_SHORT_NSN
  const auto potential = impl.StripNationalPrefix(*table, index, national);
  if (!potential) return kAsk;
  const auto length = TestNumberLength(potential->size(), *table->regions[index].metadata);
  if (!length) return kAsk;
  if (*length != LengthResult::kTooShort && *length != LengthResult::kLocalOnly &&
      *length != LengthResult::kInvalidLength) {
    national = *potential;
  }
  if (national.size() < kMinLengthForNsn || national.size() > kMaxLengthForNsn) return PhoneParseOutcome::kRejected;
  // SetItalianLeadingZerosForPhoneNumber: an all-zero number keeps its last zero as the number.
  int zeros = 0;
  if (national.size() > 1 && national[0] == '0') {
    zeros = 1;
    while (static_cast<std::size_t>(zeros) < national.size() - 1 && national[zeros] == '0') ++zeros;
  }
  parsed->country_code = code;
  // At most kMaxLengthForNsn digits: the value fits.
  std::from_chars(national.data(), national.data() + national.size(), parsed->national_number);
  parsed->leading_zeros = zeros;
  return PhoneParseOutcome::kParsed;
}

}  // namespace vigil::core::monitor
