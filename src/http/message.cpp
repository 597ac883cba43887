#include "http/message.hpp"

#include "core/common/encoding.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace vigil::http {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Method ParseMethod(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, Method>, 7> kMethods = {{
      {"GET", Method::kGet},
      {"HEAD", Method::kHead},
      {"POST", Method::kPost},
      {"PUT", Method::kPut},
      {"PATCH", Method::kPatch},
      {"DELETE", Method::kDelete},
      {"OPTIONS", Method::kOptions},
  }};
  for (const auto& [text, method] : kMethods) {
    if (text == name) return method;
  }
  return Method::kOther;
}

std::string_view MethodName(Method method) {
  switch (method) {
    case Method::kGet: return "GET";
    case Method::kHead: return "HEAD";
    case Method::kPost: return "POST";
    case Method::kPut: return "PUT";
    case Method::kPatch: return "PATCH";
    case Method::kDelete: return "DELETE";
    case Method::kOptions: return "OPTIONS";
    case Method::kOther: return "OTHER";
  }
  return "OTHER";
}

bool ChangesState(Method method) {
  return method == Method::kPost || method == Method::kPut || method == Method::kPatch ||
         method == Method::kDelete;
}

std::optional<std::string_view> Request::Header(std::string_view lowercase_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lowercase_name) return std::string_view(value);
  }
  return std::nullopt;
}

std::optional<std::string> Request::Cookie(std::string_view name) const {
  auto header = Header("cookie");
  if (!header) return std::nullopt;
  for (std::string_view pair : SplitList(*header, ';')) {
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && Trim(pair.substr(0, eq)) == name) {
      return std::string(Trim(pair.substr(eq + 1)));
    }
  }
  return std::nullopt;
}

std::optional<std::string> Request::QueryParam(std::string_view name) const {
  for (std::string_view pair : SplitList(query, '&')) {
    const auto eq = pair.find('=');
    if (pair.substr(0, eq) != name) continue;
    std::string value(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
    std::replace(value.begin(), value.end(), '+', ' ');
    return PercentDecode(value);
  }
  return std::nullopt;
}

std::vector<std::string_view> SplitList(std::string_view text, char separator) {
  std::vector<std::string_view> items;
  while (!text.empty()) {
    const auto end = text.find(separator);
    items.push_back(Trim(text.substr(0, end)));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
  return items;
}

Response& Response::SetHeader(std::string name, std::string value) {
  for (auto& [existing, existing_value] : headers) {
    if (EqualsIgnoreCase(existing, name)) {
      existing_value = std::move(value);
      return *this;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

std::optional<std::string_view> Response::Header(std::string_view name) const {
  for (const auto& [existing, value] : headers) {
    if (EqualsIgnoreCase(existing, name)) return std::string_view(value);
  }
  return std::nullopt;
}

std::optional<std::string> PercentDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (text[pos] != '%') {
      out.push_back(text[pos]);
      continue;
    }
    if (pos + 2 >= text.size()) return std::nullopt;
    const int high = HexDigit(text[pos + 1]);
    const int low = HexDigit(text[pos + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out.push_back(static_cast<char>(high * 16 + low));
    pos += 2;
  }
  return out;
}

bool AcceptsGzip(const Request& request) {
  auto accept = request.Header("accept-encoding");
  if (!accept) return false;
  for (std::string_view item : SplitList(*accept, ',')) {
    const auto semicolon = item.find(';');
    std::string_view coding = item.substr(0, semicolon);
    while (!coding.empty() && coding.back() == ' ') coding.remove_suffix(1);
    if (coding != "gzip" && coding != "*") continue;
    if (semicolon == std::string_view::npos) return true;
    std::string params(item.substr(semicolon + 1));
    std::erase(params, ' ');
    // q=0, q=0.0, q=0.00, q=0.000 all mean "not acceptable".
    return !(params.starts_with("q=0") && params.find_first_not_of("0.", 2) == std::string::npos);
  }
  return false;
}

std::string ContentTag(std::string_view content) {
  std::array<std::uint8_t, 16> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(content.data()), content.size(), nullptr, 0);
  return "\"" + EncodeHex(digest) + "\"";
}

Response JsonResponse(int status, std::string body) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  response.SetHeader("Content-Type", "application/json");
  return response;
}

}  // namespace vigil::http
