#include "core/monitor/web_address.hpp"

#include <libpsl.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

namespace vigil::core::monitor {
namespace {

bool IsAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); }

// Bytes that may sit just before a web address inside a larger token (so no address starts there).
bool IsInsideToken(char c) {
  return IsAsciiAlnum(c) || c == '.' || c == '-' || c == '_' || c == '@' || c == '/' || c == ':' ||
         c == '%' || c == '+' || c == '#' || c == '=' || c == '?' || c == '&' || c == '~';
}

bool IsHostByte(char c, bool allow_non_ascii) {
  return IsAsciiAlnum(c) || c == '.' || c == '-' || (allow_non_ascii && static_cast<unsigned char>(c) >= 0x80);
}

bool EndsAddress(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '"' || c == '<' || c == '>' || c == '`' || c == '\'';
}

// Top-level domains accepted for a bare host ("agency.com.pl", no scheme or "www."): country codes
// and the generic ones posts use. Others ("you", "free", "music") turn up when a sentence ends
// without a space after its full stop ("members.You").
bool IsCommonGenericTld(std::string_view top) {
  static constexpr std::array<std::string_view, 28> kGeneric = {
      "com", "net", "org", "info", "biz", "edu", "gov", "eu", "online", "site", "store", "shop",
      "top", "xyz", "pro", "io", "app", "dev", "club", "live", "agency", "jobs", "work", "space",
      "tech", "website", "email", "link"};
  return std::find(kGeneric.begin(), kGeneric.end(), top) != kGeneric.end();
}

// Two-letter country codes that are also short words in the monitored languages: as a bare
// host's top level they need a path ("center.in this role" is a sentence, "site.in/job" a site).
bool IsWordLikeCountryCode(std::string_view top) {
  static constexpr std::array<std::string_view, 24> kWords = {
      "to", "in", "be", "at", "by", "as", "me", "us", "it", "is", "no", "so", "do", "go", "my",
      "am", "an", "or", "on", "we", "na", "za", "do", "ty"};
  return std::find(kWords.begin(), kWords.end(), top) != kWords.end();
}

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  return out;
}

std::string PercentDecode(std::string_view text) {
  std::string out;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (text[at] == '%' && at + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[at + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[at + 2]))) {
      out.push_back(static_cast<char>(std::stoi(std::string(text.substr(at + 1, 2)), nullptr, 16)));
      at += 2;
    } else {
      out.push_back(text[at]);
    }
  }
  return out;
}

// The value of `key` in a query string ("a=1&phone=380…"), or empty.
std::string QueryValue(std::string_view query, std::string_view key) {
  std::size_t at = 0;
  while (at < query.size()) {
    std::size_t end = query.find('&', at);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view pair = query.substr(at, end - at);
    if (pair.substr(0, key.size()) == key && pair.size() > key.size() && pair[key.size()] == '=') {
      return PercentDecode(pair.substr(key.size() + 1));
    }
    at = end + 1;
  }
  return {};
}

// The query without tracking parameters, "?"-prefixed, or empty.
std::string CleanQuery(std::string_view query) {
  std::string kept;
  std::size_t at = 0;
  while (at < query.size()) {
    std::size_t end = query.find('&', at);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view pair = query.substr(at, end - at);
    const std::string name = Lower(pair.substr(0, pair.find('=')));
    const bool tracking = name.starts_with("utm_") || name == "fbclid" || name == "gclid" ||
                          name == "igshid" || name == "si" || name == "ref" || name == "mibextid";
    if (!pair.empty() && !tracking) kept += (kept.empty() ? "?" : "&") + std::string(pair);
    at = end + 1;
  }
  return kept;
}

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t at = 0;
  while (at < path.size()) {
    std::size_t end = path.find('/', at);
    if (end == std::string_view::npos) end = path.size();
    if (end > at) parts.push_back(path.substr(at, end - at));
    at = end + 1;
  }
  return parts;
}

std::string DigitsOf(std::string_view text) {
  std::string out;
  for (char c : text) {
    if ((c >= '0' && c <= '9') || (c == '+' && out.empty())) out.push_back(c);
  }
  return out;
}

}  // namespace

Result<WebAddressFinder> WebAddressFinder::Create(const std::vector<std::string>& shared_hosts) {
  const psl_ctx_t* psl = psl_builtin();
  if (psl == nullptr) return MakeError(ErrorCode::kInternal, "libpsl has no built-in public suffix list");
  return WebAddressFinder(psl, std::unordered_set<std::string>(shared_hosts.begin(), shared_hosts.end()));
}

namespace {
constexpr std::size_t kMaxRemembered = 4096;  // entries per cache before it is cleared
}  // namespace

const std::string* WebAddressFinder::RegisteredDomain(const std::string& host) const {
  auto found = registered_.find(host);
  if (found == registered_.end()) {
    if (registered_.size() >= kMaxRemembered) registered_.clear();
    const char* registered = psl_registrable_domain(psl_, host.c_str());
    found = registered_.emplace(host, registered != nullptr ? std::optional<std::string>(registered) : std::nullopt).first;
  }
  return found->second ? &*found->second : nullptr;
}

bool WebAddressFinder::IsListedTopLevel(std::string_view top_level) const {
  const std::string key(top_level);
  auto found = top_levels_.find(key);
  if (found == top_levels_.end()) {
    if (top_levels_.size() >= kMaxRemembered) top_levels_.clear();
    const bool listed = psl_is_public_suffix2(psl_, key.c_str(), PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE) != 0;
    found = top_levels_.emplace(key, listed).first;
  }
  return found->second;
}

void WebAddressFinder::Classify(std::string_view scheme, const std::string& host, std::string_view rest,
                                ByteSpan span, const PhoneFinder& phones, std::vector<Identifier>& out) const {
  const std::size_t query_at = rest.find('?');
  const std::size_t fragment_at = rest.find('#');
  const std::size_t path_end = std::min(query_at, fragment_at);
  const std::string_view path = rest.substr(0, path_end);
  std::string_view query;
  if (query_at != std::string_view::npos && query_at < fragment_at) {
    query = rest.substr(query_at + 1, fragment_at == std::string_view::npos ? std::string_view::npos : fragment_at - query_at - 1);
  }
  const std::string_view fragment = fragment_at == std::string_view::npos ? std::string_view() : rest.substr(fragment_at + 1);
  auto add = [&](IdentifierType type, std::string value) { out.push_back({type, std::move(value), span, false}); };
  auto add_number = [&](IdentifierType type, std::string_view raw) {
    const std::string digits = DigitsOf(PercentDecode(raw));
    if (digits.size() < 7) return;
    const auto e164 = phones.InternationalToE164(digits);
    add(type, e164 ? *e164 : (digits.starts_with("+") ? digits : "+" + digits));
    if (e164) add(IdentifierType::kPhone, *e164);
  };

  if (scheme == "tg") {  // tg://resolve?domain=name, tg://join?invite=code
    if (auto name = QueryValue(query, "domain"); !name.empty()) add(IdentifierType::kTelegram, Lower(name));
    if (auto invite = QueryValue(query, "invite"); !invite.empty()) add(IdentifierType::kTelegram, "+" + invite);
    return;
  }
  if (scheme == "viber") {  // viber://chat?number=%2B380…, viber://add?number=…
    if (auto number = QueryValue(query, "number"); !number.empty()) add_number(IdentifierType::kViber, number);
    return;
  }
  const std::string* registered_or_null = RegisteredDomain(host);
  const std::string& registered = registered_or_null != nullptr ? *registered_or_null : host;
  const std::vector<std::string_view> segments = Segments(path);
  if (registered == "t.me" || registered == "telegram.me" || registered == "telegram.dog") {
    std::string name;
    if (!segments.empty()) {
      const std::string_view first = segments[0];
      if (first == "joinchat" && segments.size() > 1) {
        name = "+" + std::string(segments[1]);
      } else if (first.starts_with("+")) {
        name = first.size() > 1 ? std::string(first) : std::string();
      } else if ((first == "s" || first == "c") && segments.size() > 1) {
        name = (first == "c" ? "c/" : "") + Lower(segments[1]);
      } else {
        name = Lower(first.starts_with("@") ? first.substr(1) : first);
      }
    }
    if (!name.empty()) {
      add(IdentifierType::kTelegram, std::move(name));
      return;
    }
  } else if (registered == "wa.me" && !segments.empty()) {
    add_number(IdentifierType::kWhatsapp, segments[0]);
    return;
  } else if (registered == "whatsapp.com") {
    if (host == "chat.whatsapp.com" && !segments.empty()) {
      add(IdentifierType::kWhatsapp, "chat.whatsapp.com/" + std::string(segments[0]));
      return;
    }
    if (auto number = QueryValue(query, "phone"); !number.empty()) {
      add_number(IdentifierType::kWhatsapp, number);
      return;
    }
  } else if (registered == "vb.me" && !segments.empty()) {
    add(IdentifierType::kViber, "vb.me/" + std::string(segments[0]));
    return;
  } else if (registered == "viber.com" && host == "invite.viber.com" && !query.empty()) {
    add(IdentifierType::kViber, "invite.viber.com/?" + std::string(query));
    return;
  } else if (registered == "signal.me" && !fragment.empty()) {
    if (fragment.starts_with("p/")) {
      add_number(IdentifierType::kSignal, fragment.substr(2));
    } else {
      add(IdentifierType::kSignal, "signal.me/#" + std::string(fragment));
    }
    return;
  } else if (registered == "signal.group" && !fragment.empty()) {
    add(IdentifierType::kSignal, "signal.group/#" + std::string(fragment));
    return;
  }
  std::string value = registered;
  std::string_view trimmed_path = path;
  while (!trimmed_path.empty() && trimmed_path.back() == '/') trimmed_path.remove_suffix(1);
  if (!trimmed_path.empty()) value += (trimmed_path.front() == '/' ? "" : "/") + std::string(trimmed_path);
  value += CleanQuery(query);
  Identifier identifier{IdentifierType::kDomain, std::move(value), span, false};
  identifier.shared_host = shared_hosts_.contains(registered) || shared_hosts_.contains(host);
  out.push_back(std::move(identifier));
}

void WebAddressFinder::Find(std::string_view original, const MappedText& folded, const PhoneFinder& phones,
                            std::vector<Identifier>& out, std::vector<ByteSpan>& blocked) const {
  const std::string& text = folded.text();
  std::size_t pos = 0;
  std::size_t next_scheme = text.find("://");
  while (pos < text.size()) {
    // Jump to the next place an address can be: a dot between two ASCII letters or digits
    // ("x.com", not the end of a sentence), or "://"; then back to the start of its token.
    std::size_t dot_at = pos;
    while ((dot_at = text.find('.', dot_at)) != std::string::npos &&
           !(dot_at > 0 && dot_at + 1 < text.size() && IsAsciiAlnum(text[dot_at - 1]) && IsAsciiAlnum(text[dot_at + 1]))) {
      ++dot_at;
    }
    if (next_scheme != std::string::npos && next_scheme < pos) next_scheme = text.find("://", pos);
    const std::size_t anchor = std::min(dot_at, next_scheme);
    if (anchor == std::string::npos) break;
    std::size_t start = anchor;
    auto host_like = [&](char c) { return IsAsciiAlnum(c) || c == '.' || c == '-' || c == '_'; };
    while (start > pos && host_like(text[start - 1])) --start;
    if (start >= pos + 3 && text.compare(start - 3, 3, "://") == 0) {
      start -= 3;
      while (start > pos && IsAsciiAlnum(text[start - 1])) --start;
    }
    if (!IsAsciiAlnum(text[start]) || (start > 0 && IsInsideToken(text[start - 1]))) {
      pos = anchor + 1;
      continue;
    }
    pos = start;
    const std::string_view rest_of_text = std::string_view(text).substr(pos);
    std::string_view scheme;
    std::size_t host_start = pos;
    for (std::string_view candidate : {"https://", "http://", "tg://", "viber://"}) {
      if (rest_of_text.starts_with(candidate)) {
        scheme = candidate.substr(0, candidate.size() - 3);
        host_start = pos + candidate.size();
        break;
      }
    }
    std::size_t host_end = host_start;
    while (host_end < text.size() && IsHostByte(text[host_end], !scheme.empty())) ++host_end;
    while (host_end > host_start && (text[host_end - 1] == '.' || text[host_end - 1] == '-')) --host_end;
    const bool messenger_scheme = scheme == "tg" || scheme == "viber";
    // Most tokens are words: no dot, no scheme, nothing to look up.
    if (!messenger_scheme && std::memchr(text.data() + host_start, '.', host_end - host_start) == nullptr) {
      pos = std::max(host_end, pos + 1);
      continue;
    }
    std::string host = text.substr(host_start, host_end - host_start);
    const std::size_t dot = host.rfind('.');
    bool valid = messenger_scheme || (dot != std::string::npos && host_end < text.size() + 1);
    if (valid && !messenger_scheme) {
      const std::string_view top = std::string_view(host).substr(dot + 1);
      const bool alphabetic = top.size() >= 2 && (std::all_of(top.begin(), top.end(), [](char c) {
                                return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
                              }) || top.starts_with("xn--"));
      const bool email_local = host_end < text.size() && text[host_end] == '@';
      // The top level must be a listed one (psl's default "*" rule would accept "photo.jpg").
      valid = alphabetic && !email_local && host.find("..") == std::string::npos && IsListedTopLevel(top) &&
              RegisteredDomain(host) != nullptr;
    }
    const bool has_path = host_end < text.size() && text[host_end] == '/';
    if (valid && scheme.empty() && !host.starts_with("www.")) {
      // A bare host: a listed top level, not a capitalised word glued after a full stop.
      const std::string_view top = std::string_view(host).substr(dot + 1);
      const bool listed = IsCommonGenericTld(top) || (top.size() == 2 && (!IsWordLikeCountryCode(top) || has_path));
      // Case in the original: "members.You", "person.BS" and "ASP.net" are prose, not hosts.
      const ByteSpan top_span = folded.ToOriginal(host_start + dot + 1, host_start + dot + 3);
      const ByteSpan last_span = folded.ToOriginal(host_start + dot - 1, host_start + dot);
      auto upper = [&](std::size_t at) { return std::isupper(static_cast<unsigned char>(original[at])) != 0; };
      bool odd_case = false;
      if (top_span.end - top_span.start == 2 && last_span.end - last_span.start == 1) {
        const bool top_first = upper(top_span.start);
        const bool top_second = upper(top_span.start + 1);
        const bool label_last = upper(last_span.start);
        odd_case = (top_first && !top_second) || (top_first != label_last);
      }
      // One-letter names under a country code, without a path, are abbreviations ("b.sc").
      const bool abbreviation = dot == 1 && top.size() == 2 && !has_path;
      valid = listed && !odd_case && !abbreviation;
    }
    if (!valid) {
      pos = std::max(host_end, pos + 1);
      continue;
    }
    std::size_t end = host_end;
    if (end < text.size() && text[end] == ':' && !messenger_scheme) {  // a port
      std::size_t port_end = end + 1;
      while (port_end < text.size() && text[port_end] >= '0' && text[port_end] <= '9') ++port_end;
      if (port_end > end + 1) end = port_end;
    }
    const std::size_t rest_start = end;
    if (end < text.size() && (text[end] == '/' || text[end] == '?' || text[end] == '#')) {
      while (end < text.size() && !EndsAddress(text[end])) ++end;
      while (end > rest_start && std::string_view(".,;:!?)]}").find(text[end - 1]) != std::string_view::npos) --end;
    }
    const ByteSpan span = folded.ToOriginal(pos, end);
    const ByteSpan rest_span = folded.ToOriginal(rest_start, end);
    const std::string_view rest = original.substr(rest_span.start, rest_span.end - rest_span.start);
    Classify(scheme, host, messenger_scheme ? std::string_view(text).substr(rest_start, end - rest_start) : rest,
             span, phones, out);
    blocked.push_back(span);
    pos = end;
  }
}

}  // namespace vigil::core::monitor
