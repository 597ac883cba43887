#include "http/problem.hpp"

#include <array>

#include "codec/json/problem_json.hpp"

namespace vigil::http {
namespace {

struct ProblemType {
  std::string_view slug;
  int status;
  std::string_view title;
};

// Stable: clients match on these slugs. Add, never rename.
constexpr std::array<ProblemType, 18> kProblemTypes = {{
    {"malformed-json", 400, "The request body is not valid JSON"},
    {"invalid-utf8", 400, "The request is not valid UTF-8"},
    {"validation", 400, "The request has invalid fields"},
    {"invalid-path", 400, "The request path is not allowed"},
    {"invalid-cursor", 400, "The pagination cursor is not valid"},
    {"unauthenticated", 401, "Authentication is required"},
    {"invalid-credentials", 401, "The name or password is wrong"},
    {"csrf", 403, "The CSRF token is missing or wrong"},
    {"forbidden", 403, "Your role does not allow this"},
    {"cross-origin", 403, "Cross-origin requests are not allowed"},
    {"not-found", 404, "Not found"},
    {"method-not-allowed", 405, "Method not allowed"},
    {"conflict", 409, "The request conflicts with stored data"},
    {"payload-too-large", 413, "The request body is too large"},
    {"unsupported-media-type", 415, "The request body must be application/json"},
    {"too-many-requests", 429, "Too many attempts; wait before trying again"},
    {"unavailable", 503, "The service is not available right now"},
    {"internal", 500, "Internal error"},
}};

const ProblemType& FindProblem(std::string_view slug) {
  for (const ProblemType& type : kProblemTypes) {
    if (type.slug == slug) return type;
  }
  return kProblemTypes.back();
}

std::string_view SlugForCode(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return "validation";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kPermissionDenied: return "forbidden";
    case ErrorCode::kNotFound: return "not-found";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kResourceExhausted: return "too-many-requests";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

bool IsKnownSlug(std::string_view slug) {
  for (const ProblemType& type : kProblemTypes) {
    if (type.slug == slug) return true;
  }
  return false;
}

}  // namespace

Response ProblemResponse(std::string_view slug, std::string detail, std::string_view request_id) {
  const ProblemType& type = FindProblem(slug);
  Response response;
  response.status = type.status;
  response.body = codec::json::RenderProblem({std::string(kProblemPrefix) + std::string(type.slug),
                                              std::string(type.title), type.status,
                                              std::move(detail), std::string(request_id)});
  response.SetHeader("Content-Type", "application/problem+json");
  return response;
}

Response ErrorResponse(const Error& error, std::string_view request_id) {
  std::string_view slug =
      !error.reason.empty() && IsKnownSlug(error.reason) ? error.reason : SlugForCode(error.code);
  if (error.code == ErrorCode::kInternal || error.code == ErrorCode::kUnavailable) {
    return ProblemResponse(slug, "quote the request id to your administrator", request_id);
  }
  return ProblemResponse(slug, error.message, request_id);
}

std::vector<std::string_view> ProblemSlugs() {
  std::vector<std::string_view> slugs;
  for (const ProblemType& type : kProblemTypes) slugs.push_back(type.slug);
  return slugs;
}

}  // namespace vigil::http
