#include "core/monitor/identifiers.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <unordered_set>

#include "core/monitor/digit_words.hpp"
#include "core/monitor/identifier_windows.hpp"
#include "core/monitor/phones.hpp"
#include "core/monitor/web_address.hpp"

namespace vigil::core::monitor {
namespace {

bool IsAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); }
bool IsEmailLocalChar(char c) { return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; }
bool IsHostChar(char c) { return IsAsciiAlnum(c) || c == '.' || c == '-'; }

// E-mail addresses in folded text: ASCII local part, a dotted domain with an alphabetic top level.
void FindEmails(const MappedText& folded, std::vector<Identifier>& out) {
  const std::string& text = folded.text();
  for (std::size_t at = text.find('@'); at != std::string::npos; at = text.find('@', at + 1)) {
    std::size_t start = at;
    while (start > 0 && IsEmailLocalChar(text[start - 1])) --start;
    while (start < at && (text[start] == '.' || text[start] == '-')) ++start;
    std::size_t end = at + 1;
    while (end < text.size() && IsHostChar(text[end])) ++end;
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
    if (start == at || end == at + 1) continue;
    const std::string_view domain = std::string_view(text).substr(at + 1, end - at - 1);
    const std::size_t dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot + 3 > domain.size()) continue;
    const std::string_view top = domain.substr(dot + 1);
    if (!std::all_of(top.begin(), top.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
    out.push_back({IdentifierType::kEmail, text.substr(start, end - start), folded.ToOriginal(start, end), false});
  }
}

// Written-out "@" and "." that hide e-mail addresses from simple scrapers.
struct EmailMarker {
  std::string_view text;
  char replacement;
  bool word;  // must stand as a word between spaces
};

constexpr std::array<EmailMarker, 18> kEmailMarkers = {{
    {"(at)", '@', false}, {"[at]", '@', false}, {"{at}", '@', false}, {"(@)", '@', false},
    {"[@]", '@', false}, {"собака", '@', true}, {"małpa", '@', true}, {"malpa", '@', true},
    {"равлик", '@', true}, {"(dot)", '.', false}, {"[dot]", '.', false}, {"{dot}", '.', false},
    {"(.)", '.', false}, {"[.]", '.', false}, {"dot", '.', true}, {"точка", '.', true},
    {"крапка", '.', true}, {"kropka", '.', true}}};

// The folded text with e-mail markers between ASCII words replaced ("anna (at) mail (dot) com",
// "anna małpa wp.pl" → "anna@mail.com", "anna@wp.pl"); dots written as words count only shortly
// after an "@". nullopt when the text holds no marker worth replacing.
std::optional<MappedText> UnmaskEmails(const MappedText& folded) {
  const std::string& text = folded.text();
  MappedText out;  // filled only from the first replacement on
  out.SetOriginalSize(folded.original_size());
  std::size_t copied = 0;
  std::size_t last_at = std::string::npos;  // position in `text` of the last "@", literal or replaced
  bool replaced = false;
  // Most posts hold no marker at all: a bracket, a written-out "@", or an "@" with a written-out
  // dot must be there before the byte-by-byte pass is worth it (memchr and memmem are vectorised).
  auto has = [&](std::string_view needle) {
    return memmem(text.data(), text.size(), needle.data(), needle.size()) != nullptr;
  };
  const bool bracket = std::memchr(text.data(), '(', text.size()) != nullptr ||
                       std::memchr(text.data(), '[', text.size()) != nullptr ||
                       std::memchr(text.data(), '{', text.size()) != nullptr;
  const bool literal_at = std::memchr(text.data(), '@', text.size()) != nullptr;
  if (!bracket && !has("собака") && !has("małpa") && !has("malpa") && !has("равлик") &&
      !(literal_at && (has(" dot ") || has(" точка ") || has(" крапка ") || has(" kropka ")))) {
    return std::nullopt;
  }
  // Markers open with a bracket or start a word after a space; their first bytes are looked up
  // in a small table, so most positions cost a load.
  static constexpr std::array<bool, 256> kOpenings = [] {
    std::array<bool, 256> openings{};
    for (const EmailMarker& marker : kEmailMarkers) openings[static_cast<unsigned char>(marker.text[0])] = true;
    return openings;
  }();
  const std::size_t size = text.size();
  for (std::size_t pos = 0; pos + 1 < size; ++pos) {
    const char c = text[pos];
    if (c == '@') last_at = pos;
    if (c != ' ' && c != '(' && c != '[' && c != '{') continue;
    if (c == ' ' && text[++pos] == '@') last_at = pos;  // a word marker starts after the space
    if (pos + 1 >= size || !kOpenings[static_cast<unsigned char>(text[pos])]) continue;
    for (const EmailMarker& marker : kEmailMarkers) {
      if (text.compare(pos, marker.text.size(), marker.text) != 0) continue;
      std::size_t left = pos;
      while (left > copied && text[left - 1] == ' ') --left;
      std::size_t right = pos + marker.text.size();
      while (right < text.size() && text[right] == ' ') ++right;
      const bool flanked = left > 0 && IsAsciiAlnum(text[left - 1]) && right < text.size() && IsAsciiAlnum(text[right]);
      const bool whole_word = !marker.word || (left < pos && right > pos + marker.text.size());
      const bool after_at = marker.replacement == '@' || !marker.word || (last_at != std::string::npos && pos - last_at < 64);
      if (!flanked || !whole_word || !after_at) continue;
      out.AppendSlice(folded, copied, left);
      const ByteSpan source = folded.ToOriginal(left, right);
      out.Append(std::string_view(&marker.replacement, 1), static_cast<uint32_t>(source.start), static_cast<uint32_t>(source.end));
      if (marker.replacement == '@') last_at = pos;
      copied = right;
      pos = right - 1;
      replaced = true;
      break;
    }
  }
  if (!replaced) return std::nullopt;
  out.AppendSlice(folded, copied, text.size());
  return out;
}

bool MentionsTelegram(std::string_view window) {
  for (std::string_view word : {"telegram", "телеграм", "телеґрам", "tg:", "tg ", "тг:", "тг "}) {
    if (window.find(word) != std::string_view::npos) return true;
  }
  return false;
}

// @handles not part of an e-mail: 3–32 of [a-z0-9_.], with a letter. After a mention of Telegram
// they are Telegram user names.
void FindHandles(const MappedText& folded, std::vector<Identifier>& out) {
  const std::string& text = folded.text();
  for (std::size_t at = text.find('@'); at != std::string::npos; at = text.find('@', at + 1)) {
    if (at > 0 && (IsEmailLocalChar(text[at - 1]) || static_cast<unsigned char>(text[at - 1]) >= 0x80)) continue;
    std::size_t end = at + 1;
    while (end < text.size() && (IsAsciiAlnum(text[end]) || text[end] == '_' || text[end] == '.')) ++end;
    while (end > at + 1 && text[end - 1] == '.') --end;
    const std::string name = text.substr(at + 1, end - at - 1);
    if (name.size() < 3 || name.size() > 32) continue;
    if (std::none_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
    // The mention must be in the same clause, shortly before the handle.
    std::size_t window_start = at > 32 ? at - 32 : 0;
    const std::size_t clause = std::string_view(text).substr(0, at).find_last_of(",;\n@");
    if (clause != std::string::npos && clause + 1 > window_start) window_start = clause + 1;
    const bool telegram = MentionsTelegram(std::string_view(text).substr(window_start, at - window_start));
    if (telegram) {
      out.push_back({IdentifierType::kTelegram, name, folded.ToOriginal(at, end), false});
    } else {
      out.push_back({IdentifierType::kHandle, "@" + name, folded.ToOriginal(at, end), false});
    }
  }
}

}  // namespace

std::string_view IdentifierTypeName(IdentifierType type) {
  switch (type) {
    case IdentifierType::kPhone: return "phone";
    case IdentifierType::kEmail: return "email";
    case IdentifierType::kDomain: return "domain";
    case IdentifierType::kTelegram: return "telegram";
    case IdentifierType::kWhatsapp: return "whatsapp";
    case IdentifierType::kViber: return "viber";
    case IdentifierType::kSignal: return "signal";
    case IdentifierType::kHandle: return "handle";
  }
  return "unknown";
}

Status ValidateIdentifierOptions(const IdentifierOptions& options) {
  for (std::size_t index = 0; index < options.phone_overrides.size(); ++index) {
    const PhoneOverride& entry = options.phone_overrides[index];
    const std::string where = "phone override " + std::to_string(index + 1) + ": ";
    if (entry.country_code < 1 || entry.country_code > 999) {
      return MakeError(ErrorCode::kInvalidArgument, where + "country_code must be 1-999");
    }
    if (entry.national_prefix.empty() ||
        !std::all_of(entry.national_prefix.begin(), entry.national_prefix.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return MakeError(ErrorCode::kInvalidArgument, where + "national_prefix must be digits");
    }
    const int rest = entry.national_length - static_cast<int>(entry.national_prefix.size());
    if (rest < 4 || entry.national_length > 17) {
      return MakeError(ErrorCode::kInvalidArgument,
                       where + "national_length must leave 4-17 digits after the prefix");
    }
    if (entry.source.empty()) return MakeError(ErrorCode::kInvalidArgument, where + "source is missing");
  }
  for (std::size_t index = 0; index < options.shared_hosts.size(); ++index) {
    const std::string& host = options.shared_hosts[index];
    const bool valid = !host.empty() && host.find("://") == std::string::npos &&
                       std::none_of(host.begin(), host.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == ' ' || c == '/'; });
    if (!valid) {
      return MakeError(ErrorCode::kInvalidArgument, "shared host " + std::to_string(index + 1) +
                                                        ": must be a lower-case host name without scheme or path");
    }
  }
  for (const std::string& region : options.fallback_regions) {
    if (region.size() != 2 || !std::all_of(region.begin(), region.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      return MakeError(ErrorCode::kInvalidArgument, "fallback region \"" + region + "\" must be two capital letters");
    }
  }
  return {};
}

struct IdentifierExtractor::Impl {
  Normaliser normaliser;
  PhoneFinder phones;
  WebAddressFinder web;
  IdentifierWindowFinder windows;
  std::vector<ByteSpan> blocked;  // Search's scratch: spans of e-mails and web addresses
  MappedText folded;              // Extract's scratch: the fold of the current window

  // Extract on the given forms; `emails` false skips the e-mail and handle search, for a window
  // whose fold holds no "@" and no e-mail marker.
  std::vector<Identifier> Search(std::string_view field, const MappedText& folded, const MappedText& digits,
                                 const std::optional<std::string>& region, bool emails);
};

IdentifierExtractor::IdentifierExtractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
IdentifierExtractor::~IdentifierExtractor() = default;
IdentifierExtractor::IdentifierExtractor(IdentifierExtractor&&) noexcept = default;
IdentifierExtractor& IdentifierExtractor::operator=(IdentifierExtractor&&) noexcept = default;

Result<IdentifierExtractor> IdentifierExtractor::Create(IdentifierOptions options) {
  if (auto valid = ValidateIdentifierOptions(options); !valid) return tl::unexpected(valid.error());
  auto normaliser = Normaliser::Create();
  if (!normaliser) return tl::unexpected(normaliser.error());
  auto web = WebAddressFinder::Create(options.shared_hosts);
  if (!web) return tl::unexpected(web.error());
  auto windows = IdentifierWindowFinder::Create(*normaliser);
  if (!windows) return tl::unexpected(windows.error());
  auto impl = std::make_unique<Impl>(Impl{std::move(*normaliser),
                                          PhoneFinder(options.phone_overrides, options.fallback_regions),
                                          std::move(*web), std::move(*windows), {}, {}});
  return IdentifierExtractor(std::move(impl));
}

std::vector<Identifier> IdentifierExtractor::Extract(std::string_view field,
                                                     const std::optional<std::string>& region) {
  // Only the pre-filter's windows are folded and searched; each window holds all the context its
  // candidates' rules read, so the result is the whole field's (identifier_windows.hpp).
  const std::vector<CandidateWindow>& windows = impl_->windows.Find(field);
  std::vector<Identifier> found;
  for (const CandidateWindow& candidate : windows) {
    const ByteSpan& window = candidate.span;
    const std::string_view part = field.substr(window.start, window.end - window.start);
    MappedText& folded = impl_->folded;
    impl_->normaliser.FoldInto(part, folded);
    // DeobfuscateDigits's work, without its copy of a text that has nothing to convert, and not
    // even tried where the pre-filter saw nothing it could convert.
    const std::optional<MappedText> digits =
        candidate.digits_may_change ? DeobfuscateDigitRunsIfAny(folded) : std::nullopt;
    std::vector<Identifier> in_window =
        impl_->Search(part, folded, digits ? *digits : folded, region, candidate.emails_possible);
    if (found.empty()) {  // most fields have one window: its identifiers are the field's
      for (Identifier& identifier : in_window) {
        identifier.span.start += window.start;
        identifier.span.end += window.start;
      }
      found = std::move(in_window);
      continue;
    }
    for (Identifier& identifier : in_window) {
      // Each window's identifiers are unique and in order already; keep the first across windows.
      const bool seen = std::any_of(found.begin(), found.end(), [&](const Identifier& other) {
        return other.type == identifier.type && other.value == identifier.value;
      });
      if (seen) continue;
      identifier.span.start += window.start;
      identifier.span.end += window.start;
      found.push_back(std::move(identifier));
    }
  }
  return found;
}

std::vector<Identifier> IdentifierExtractor::Extract(std::string_view field, const MappedText& folded,
                                                     const MappedText& digits,
                                                     const std::optional<std::string>& region) {
  return impl_->Search(field, folded, digits, region, true);
}

std::vector<Identifier> IdentifierExtractor::Impl::Search(std::string_view field, const MappedText& folded,
                                                          const MappedText& digits,
                                                          const std::optional<std::string>& region, bool emails) {
  std::vector<Identifier> found;
  const bool has_at = emails && folded.text().find('@') != std::string::npos;
  if (emails) {  // otherwise the fold holds no "@" and no marker UnmaskEmails could replace
    if (const std::optional<MappedText> unmasked = UnmaskEmails(folded)) {
      FindEmails(*unmasked, found);
    } else if (has_at) {
      FindEmails(folded, found);
    }
  }
  blocked.clear();
  for (const Identifier& email : found) blocked.push_back(email.span);
  web.Find(field, folded, phones, found, blocked);
  if (has_at) {
    std::vector<Identifier> handles;
    FindHandles(folded, handles);
    for (Identifier& handle : handles) {
      const bool inside = std::any_of(blocked.begin(), blocked.end(), [&](const ByteSpan& other) {
        return handle.span.start < other.end && other.start < handle.span.end;
      });
      if (!inside) found.push_back(std::move(handle));
    }
  }
  phones.Find(field, digits, blocked, region, found);

  // Stable by span start; an insertion sort, because a field holds few identifiers and
  // std::stable_sort would allocate a buffer for them.
  for (std::size_t index = 1; index < found.size(); ++index) {
    for (std::size_t at = index; at > 0 && found[at - 1].span.start > found[at].span.start; --at) {
      std::swap(found[at - 1], found[at]);
    }
  }
  // A field holds few identifiers: a linear search beats a set's allocations. The first of each
  // (type, value) is kept, in place.
  std::size_t kept = 0;
  for (std::size_t index = 0; index < found.size(); ++index) {
    const bool seen = std::any_of(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(kept), [&](const Identifier& other) {
      return other.type == found[index].type && other.value == found[index].value;
    });
    if (seen) continue;
    if (kept != index) found[kept] = std::move(found[index]);
    ++kept;
  }
  found.erase(found.begin() + static_cast<std::ptrdiff_t>(kept), found.end());
  return found;
}

}  // namespace vigil::core::monitor
