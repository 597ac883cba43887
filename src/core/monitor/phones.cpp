#include "core/monitor/phones.hpp"
#include "core/monitor/sse_bytes.hpp"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>


#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstdint>

namespace vigil::core::monitor {
namespace {

#if defined(__SSE2__)
using sse_bytes::InRange;
using sse_bytes::Splat;
#endif

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr int kMinDigits = 7;
constexpr int kMaxDigits = 15;  // E.164 maximum

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Separator bytes allowed between the digit groups of one number.
bool IsSeparatorByte(char c) {
  return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '_' || c == '\t';
}

// En and em dashes (UTF-8) are separators too; returns their length, or 0.
std::size_t DashLength(std::string_view text, std::size_t at) {
  if (text.substr(at, 3) == "\xE2\x80\x93" || text.substr(at, 3) == "\xE2\x80\x94") return 3;
  return 0;
}

// The position of the first digit or "+" from `pos` on, or the text's size; sixteen bytes at a
// time where SSE2 is.
std::size_t NextDigitOrPlus(std::string_view text, std::size_t pos) {
#if defined(__SSE2__)
  for (; pos + 16 <= text.size(); pos += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + pos));
    // Unsigned '0' <= byte <= '9' through the sign bit, or '+'.
    const __m128i digits =
        InRange(block, '0', 10);
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(digits, _mm_cmpeq_epi8(block, Splat('+')))));
    if (mask != 0) return pos + static_cast<std::size_t>(std::countr_zero(mask));
  }
#endif
  while (pos < text.size() && !IsDigit(text[pos]) && text[pos] != '+') ++pos;
  return pos;
}

// The word just before `at` (skipping spaces and light punctuation), folded text, and whether a
// full stop lay between (a sentence may have ended there).
struct WordBefore {
  std::string_view word;
  std::size_t start = 0;
  bool after_full_stop = false;
  bool dotted = false;  // a full stop right after the word ("no.", "nr.")
};

WordBefore PreviousWord(std::string_view text, std::size_t at) {
  std::size_t end = at;
  int skipped = 0;
  bool full_stop = false;
  while (end > 0 && skipped < 4 && (text[end - 1] == ' ' || text[end - 1] == ':' || text[end - 1] == '.' ||
                                    text[end - 1] == '-' || text[end - 1] == '=' || text[end - 1] == ',')) {
    full_stop = full_stop || text[end - 1] == '.' || text[end - 1] == ',';
    --end;
    ++skipped;
  }
  std::size_t start = end;
  while (start > 0 && (IsAsciiAlpha(text[start - 1]) || static_cast<unsigned char>(text[start - 1]) >= 0x80 ||
                       text[start - 1] == '#' || text[start - 1] == '/')) {
    --start;
  }
  return {text.substr(start, end - start), start, full_stop, end < text.size() && text[end] == '.'};
}

// The word just after `at` (skipping spaces).
std::string_view NextWord(std::string_view text, std::size_t at) {
  std::size_t start = at;
  while (start < text.size() && text[start] == ' ') ++start;
  std::size_t end = start;
  while (end < text.size() && (IsAsciiAlpha(text[end]) || static_cast<unsigned char>(text[end]) >= 0x80 ||
                               text[end] == '$' || text[end] == '.')) {
    ++end;
  }
  while (end > start && text[end - 1] == '.') --end;
  return text.substr(start, end - start);
}

bool StartsWithAny(std::string_view word, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](std::string_view prefix) { return word.substr(0, prefix.size()) == prefix; });
}

// Words after which a number is an identifier of something else (folded; NFKC turns "№" into "no").
bool IsIdWord(std::string_view word) {
  static constexpr std::array<std::string_view, 22> kIdWords = {
      "id", "n°", "nr", "#", "ref", "kod", "код", "art", "арт", "артикул", "nip", "regon", "krs",
      "pesel", "iban", "inn", "инн", "іпн", "єдрпоу", "edrpou", "огрн", "order"};
  return std::find(kIdWords.begin(), kIdWords.end(), word) != kIdWords.end() ||
         StartsWithAny(word, {"vacancy", "вакансі", "ваканси", "ofert", "ogłoszeni", "оголошенн", "объявлени"});
}

// Words that introduce a phone number.
bool IsPhoneWord(std::string_view word) {
  return StartsWithAny(word, {"tel", "тел", "phone", "mobile", "mob", "моб", "kom", "whatsapp", "viber", "вайбер",
                              "вайбер", "signal", "номер", "number", "numer", "контакт", "kontakt", "contact",
                              "zadzwo", "dzwo", "call", "дзвон", "звон"});
}

// Currency words and symbols that make the number before them an amount of money.
bool IsMoneyAfter(std::string_view word) {
  static constexpr std::array<std::string_view, 24> kExact = {
      "k", "zl", "zł", "kc", "kč", "lei", "ron", "czk", "pln", "uah", "usd", "eur", "gbp", "rub",
      "руб", "грн", "тис", "тыс", "$", "€", "£", "₴", "₽", "р"};
  return std::find(kExact.begin(), kExact.end(), word) != kExact.end() ||
         StartsWithAny(word, {"гривен", "гривн", "euro", "евро", "євро", "dollar", "долар", "доллар",
                              "złot", "zlot", "netto", "brutto", "рубл", "тысяч", "тисяч", "€", "$"});
}

bool IsMoneyBefore(std::string_view word) {
  return StartsWithAny(word, {"ціна", "цена", "cena", "price", "зарплат", "заробітн", "оплат", "зп",
                              "з/п", "wynagrodz", "pensj", "salary", "koszt", "вартіст", "стоимост",
                              "cost", "$", "€", "£", "₴"});
}

int CountDigits(std::string_view text, const std::vector<DigitGroup>& groups, std::size_t first, std::size_t last) {
  int count = 0;
  for (std::size_t index = first; index <= last; ++index) {
    count += static_cast<int>(groups[index].end - groups[index].start);
  }
  (void)text;
  return count;
}

// A European country code written without "+" ("380501234567", "48512345678").
bool HasEuropeanCountryCode(std::string_view digits) {
  return digits.size() >= 11 && StartsWithAny(digits, {"380", "48", "49", "420", "421", "40", "373", "370", "371",
                                                       "372", "36", "43", "44", "39", "34", "33", "7"});
}

bool IsDateTriple(std::string_view text, const std::vector<DigitGroup>& groups, std::size_t at) {
  if (at + 2 >= groups.size()) return false;
  const char sep = groups[at + 1].separator_before;
  if ((sep != '.' && sep != '/' && sep != '-') || groups[at + 2].separator_before != sep) return false;
  auto number = [&](std::size_t index) {
    return std::stoi(std::string(text.substr(groups[index].start, groups[index].end - groups[index].start)));
  };
  auto width = [&](std::size_t index) { return groups[index].end - groups[index].start; };
  if (width(at) == 4 && width(at + 1) <= 2 && width(at + 2) <= 2) {  // 2024-05-12
    return number(at + 1) >= 1 && number(at + 1) <= 12 && number(at + 2) >= 1 && number(at + 2) <= 31;
  }
  if (width(at) <= 2 && width(at + 1) <= 2 && (width(at + 2) == 4 || width(at + 2) == 2)) {  // 12.05.2024
    const int day = number(at);
    const int month = number(at + 1);
    return day >= 1 && day <= 31 && month >= 1 && month <= 12;
  }
  return false;
}

}  // namespace

PhoneFinder::PhoneFinder(std::vector<PhoneOverride> overrides, std::vector<std::string> fallback_regions)
    : overrides_(std::move(overrides)), fallback_regions_(std::move(fallback_regions)) {}

// Builds the number directly for the plain shapes the pre-filter produces ("+" and digits, or a
// national number starting with the region's trunk prefix), as the library's Parse would for most
// of them. False for any other shape.
bool PhoneFinder::FastParse(const std::string& number, const std::string& region, PhoneNumberParts* parsed) const {
  if (number.size() < 2 || number.size() > 18) return false;
  const auto digits_value = [&](std::size_t from, std::size_t length, auto& value) {
    std::from_chars(number.data() + from, number.data() + from + length, value);
  };
  if (number[0] == '+') {
    for (std::size_t length = 1; length <= 3 && length + 1 < number.size(); ++length) {
      int code = 0;
      digits_value(1, length, code);
      std::int8_t& has_region = code_has_region_[static_cast<std::size_t>(code)];
      if (has_region == 0) {
        std::string code_region;
        PhoneNumberUtil::GetInstance()->GetRegionCodeForCountryCode(code, &code_region);
        has_region = code_region == "ZZ" ? 1 : 2;
      }
      if (has_region == 1) continue;
      // Italian-style leading zeros and very short remainders take the library's path.
      if (number[1 + length] == '0' || number.size() - 1 - length < 6) return false;
      std::uint64_t national = 0;
      digits_value(1 + length, number.size() - 1 - length, national);
      *parsed = {code, national, 0};
      return true;
    }
    return false;
  }
  if (region.empty() || region == "ZZ") return false;
  const RegionFacts& facts = FactsOf(region);
  const std::string& trunk = facts.trunk;
  if (trunk.empty() || number.compare(0, trunk.size(), trunk) != 0 || number.size() - trunk.size() < 6 ||
      number[trunk.size()] == '0') {
    return false;
  }
  std::uint64_t national = 0;
  digits_value(trunk.size(), number.size() - trunk.size(), national);
  *parsed = {facts.country_code, national, 0};
  return true;
}

const PhoneFinder::RegionFacts& PhoneFinder::FactsOf(const std::string& region) const {
  for (const RegionFacts& facts : region_facts_) {
    if (facts.region == region) return facts;
  }
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  RegionFacts facts{region, util.GetCountryCodeForRegion(region), {}};
  util.GetNddPrefixForRegion(region, true, &facts.trunk);
  region_facts_.push_back(std::move(facts));
  return region_facts_.back();
}

bool PhoneFinder::ParseNumber(const std::string& number, const std::string& region, PhoneNumberParts* parsed) const {
  switch (validity_.Parse(number, region, parsed)) {
    case PhoneParseOutcome::kParsed: return true;
    case PhoneParseOutcome::kRejected: return false;
    case PhoneParseOutcome::kAskLibrary: break;
  }
  PhoneNumber library;
  if (PhoneNumberUtil::GetInstance()->Parse(number, region, &library) != PhoneNumberUtil::NO_PARSING_ERROR) return false;
  *parsed = {static_cast<int>(library.country_code()), library.national_number(),
             library.italian_leading_zero() ? std::max(library.number_of_leading_zeros(), 0) : 0};
  return true;
}

bool PhoneFinder::IsValidNumber(const PhoneNumberParts& number) const {
  if (const auto answer = validity_.IsValid(number)) return *answer;
  PhoneNumber library;
  library.set_country_code(number.country_code);
  library.set_national_number(number.national_number);
  if (number.leading_zeros > 0) {
    library.set_italian_leading_zero(true);
    library.set_number_of_leading_zeros(number.leading_zeros);
  }
  return PhoneNumberUtil::GetInstance()->IsValidNumber(library);
}

std::optional<std::string> PhoneFinder::ParseIn(const std::string& number, const std::string& region) const {
  PhoneNumberParts parsed;
  const bool fast = FastParse(number, region, &parsed);
  if (!fast && !ParseNumber(number, region, &parsed)) return std::nullopt;
  if (IsValidNumber(parsed)) return FormatE164(parsed);
  // Built only when an override names the number's calling code (most invalid numbers have none).
  std::string national;
  for (const PhoneOverride& entry : overrides_) {
    if (parsed.country_code != entry.country_code) continue;
    if (national.empty()) national = NationalSignificantNumber(parsed);
    if (static_cast<int>(national.size()) == entry.national_length &&
        national.compare(0, entry.national_prefix.size(), entry.national_prefix) == 0) {
      return "+" + std::to_string(entry.country_code) + national;
    }
  }
  // The short cut may miss the library's rules for unusual trunk prefixes: ask Parse before giving
  // up, unless the number has a country code the library strips nothing after.
  const bool same_as_library = number[0] == '+' && !validity_.MayStripAfterCode(parsed.country_code);
  if (fast && !same_as_library) {
    PhoneNumberParts library;
    if (ParseNumber(number, region, &library) &&
        (library.country_code != parsed.country_code || library.national_number != parsed.national_number) &&
        IsValidNumber(library)) {
      return FormatE164(library);
    }
  }
  return std::nullopt;
}

std::optional<std::string> PhoneFinder::Validate(const std::string& digits,
                                                 const std::optional<std::string>& region) const {
  // A national number with no region to read it in is no phone (most digit runs of a post
  // without a region hint end here).
  if (!region && fallback_regions_.empty() && !digits.starts_with("+") && !digits.starts_with("00") &&
      !HasEuropeanCountryCode(digits)) {
    return std::nullopt;
  }
  if (digits.starts_with("+")) return ParseIn(digits, "ZZ");
  if (digits.starts_with("00")) return ParseIn("+" + digits.substr(2), "ZZ");
  if (region) {
    if (auto found = ParseIn(digits, *region)) return found;
  }
  for (const std::string& fallback : fallback_regions_) {
    if (region && fallback == *region) continue;
    if (auto found = ParseIn(digits, fallback)) return found;
  }
  if (HasEuropeanCountryCode(digits)) return ParseIn("+" + digits, "ZZ");
  return std::nullopt;
}

std::optional<std::string> PhoneFinder::InternationalToE164(std::string_view digits) const {
  std::string number(digits);
  if (!number.starts_with("+")) number.insert(0, "+");
  return ParseIn(number, "ZZ");
}

void PhoneFinder::Find(std::string_view original, const MappedText& digits, const std::vector<ByteSpan>& blocked,
                       const std::optional<std::string>& region, std::vector<Identifier>& found) const {
  const std::string_view text = digits.text();
  // Reused by every run of the text (most runs are short: prices, years) and every call.
  std::vector<DigitGroup>& groups = groups_;
  std::vector<std::pair<std::size_t, std::size_t>>& pieces = pieces_;
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Most of a text holds no digit: skip to the next digit or "+" in a loop of its own.
    pos = NextDigitOrPlus(text, pos);
    if (pos == text.size()) break;
    const char c = text[pos];
    const bool plus = c == '+' && pos + 1 < text.size() && IsDigit(text[pos + 1]);
    if (!IsDigit(c) && !plus) {
      ++pos;
      continue;
    }
    // Digits glued to a preceding letter belong to a word or code ("id48123456"), unless the
    // word announces a phone ("tel0501234567").
    if (!plus && pos > 0 && (IsAsciiAlpha(text[pos - 1]) || text[pos - 1] == '#')) {
      std::size_t word_start = pos;
      while (word_start > 0 && IsAsciiAlpha(text[word_start - 1])) --word_start;
      const std::string_view glued = std::string_view(text).substr(word_start, pos - word_start);
      if (glued.empty() || !IsPhoneWord(glued) || (word_start > 0 && IsDigit(text[word_start - 1]))) {
        while (pos < text.size() && (IsDigit(text[pos]) || IsAsciiAlpha(text[pos]))) ++pos;
        continue;
      }
    }
    const std::size_t run_start = pos;
    if (plus) ++pos;
    groups.clear();
    char pending_separator = 0;
    while (pos < text.size() && IsDigit(text[pos])) {
      DigitGroup group{pos, pos, pending_separator};
      while (pos < text.size() && IsDigit(text[pos])) ++pos;
      group.end = pos;
      groups.push_back(group);
      // Up to three separator characters may lead to the next group.
      std::size_t look = pos;
      int separators = 0;
      char first_separator = 0;
      while (look < text.size() && separators < 3) {
        if (IsSeparatorByte(text[look])) {
          if (first_separator == 0) first_separator = text[look];
          ++look;
        } else if (const std::size_t dash = DashLength(text, look); dash > 0) {
          if (first_separator == 0) first_separator = '-';
          look += dash;
        } else {
          break;
        }
        ++separators;
      }
      if (look < text.size() && IsDigit(text[look]) && look > pos) {
        pending_separator = first_separator;
        pos = look;
      } else {
        break;
      }
    }
    const std::size_t run_end = groups.back().end;
    pos = run_end;
    if (CountDigits(text, groups, 0, groups.size() - 1) < kMinDigits) continue;  // prices, years, times
    // Context of the whole run: ids before it, money before or after it, letters glued after it.
    const WordBefore before = PreviousWord(text, run_start);
    const WordBefore two_before = PreviousWord(text, before.start);
    const std::string_view after = NextWord(text, run_end);
    const bool glued_after = run_end < text.size() && (IsAsciiAlpha(text[run_end]) || text[run_end] == '%');
    // "Kod produktu 512…", "Nr oferty 512…" name an id two words back; "nr tel. 512…" does not.
    // "No" is an id word only as "No." or as the numero sign "№" (which folds to "no").
    const bool numero = before.word == "no" &&
                        (before.dotted || original.substr(digits.ToOriginal(before.start, before.start + 2).start, 3) == "\u2116");
    const bool id_before = IsIdWord(before.word) || numero ||
                           (!before.after_full_stop && !IsPhoneWord(before.word) && IsIdWord(two_before.word));
    const bool money_before = !before.after_full_stop && IsMoneyBefore(before.word);
    if (id_before || money_before || IsMoneyAfter(after) || glued_after) continue;

    // Split the run around dates, then try each piece whole, then windows of whole groups.
    pieces.clear();
    std::size_t piece_start = 0;
    for (std::size_t index = 0; index < groups.size();) {
      if (IsDateTriple(text, groups, index)) {
        if (index > piece_start) pieces.emplace_back(piece_start, index - 1);
        index += 3;
        piece_start = index;
      } else {
        ++index;
      }
    }
    if (piece_start < groups.size()) pieces.emplace_back(piece_start, groups.size() - 1);

    for (const auto& [first, last] : pieces) {
      std::size_t start_group = first;
      while (start_group <= last) {
        bool matched = false;
        const bool may_start = start_group == first || text[groups[start_group].start] == '0';
        for (std::size_t end_group = last + 1; may_start && end_group-- > start_group;) {
          const int count = CountDigits(text, groups, start_group, end_group);
          if (count < kMinDigits || count > kMaxDigits + 2) continue;
          std::string number;
          const bool has_plus = start_group == 0 && plus;
          if (has_plus) number.push_back('+');
          for (std::size_t index = start_group; index <= end_group; ++index) {
            number.append(text.substr(groups[index].start, groups[index].end - groups[index].start));
          }
          auto e164 = Validate(number, region);
          if (!e164) continue;
          std::size_t span_start = has_plus ? run_start : groups[start_group].start;
          if (span_start > 0 && text[span_start - 1] == '(') --span_start;  // "(067) 765-43-21"
          const ByteSpan span = digits.ToOriginal(span_start, groups[end_group].end);
          const bool overlaps = std::any_of(blocked.begin(), blocked.end(), [&](const ByteSpan& other) {
            return span.start < other.end && other.start < span.end;
          });
          if (!overlaps) found.push_back({IdentifierType::kPhone, std::move(*e164), span, false});
          start_group = end_group + 1;
          matched = true;
          break;
        }
        if (!matched) ++start_group;
      }
    }
  }
}

}  // namespace vigil::core::monitor
