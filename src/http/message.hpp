// Vigil's own HTTP request and response types: the server adapter (server.cpp, RESTinio)
// converts to and from them, so that everything else in http/ is testable without a socket.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vigil::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

[[nodiscard]] Method ParseMethod(std::string_view name);
[[nodiscard]] std::string_view MethodName(Method method);
// POST, PUT, PATCH and DELETE change state and need a CSRF token under a session.
[[nodiscard]] bool ChangesState(Method method);

struct Request {
  Method method = Method::kGet;
  std::string path;   // as sent, percent-encoded, without the query
  std::string query;  // without the '?'
  std::vector<std::pair<std::string, std::string>> headers;  // names in lowercase
  std::string body;
  std::string remote_address;
  bool secure = false;  // reached over TLS, or a trusted proxy says so
  std::string request_id;

  // The first header with this lowercase name.
  [[nodiscard]] std::optional<std::string_view> Header(std::string_view lowercase_name) const;
  // The value of cookie `name`, from the Cookie header.
  [[nodiscard]] std::optional<std::string> Cookie(std::string_view name) const;
  // The decoded value of query parameter `name`.
  [[nodiscard]] std::optional<std::string> QueryParam(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // For the access log only (never sent): the route pattern that answered.
  std::string log_route;

  Response& SetHeader(std::string name, std::string value);
  [[nodiscard]] std::optional<std::string_view> Header(std::string_view name) const;
};

// Splits a header or query list at `separator`, trimming spaces and tabs around each item.
[[nodiscard]] std::vector<std::string_view> SplitList(std::string_view text, char separator);

// True when Accept-Encoding lists gzip (or *) without q=0.
[[nodiscard]] bool AcceptsGzip(const Request& request);

// A strong ETag for `content` (a quoted hash of it).
[[nodiscard]] std::string ContentTag(std::string_view content);

// Percent-decodes `text`; nullopt on a malformed escape.
[[nodiscard]] std::optional<std::string> PercentDecode(std::string_view text);

[[nodiscard]] Response JsonResponse(int status, std::string body);

}  // namespace vigil::http
