#include "http/routes.hpp"

#include <charconv>
#include <vector>

#include "core/common/encoding.hpp"

namespace vigil::http {

void RegisterRoutes(Router& router, RouteDeps deps) {
  RegisterHealthRoutes(router, deps);
  RegisterSessionRoutes(router, deps);
  RegisterUserRoutes(router, deps);
  RegisterAuditRoutes(router, deps);
  RegisterIdentifyRoutes(router, deps);
  RegisterKnowledgeRoutes(router, deps);
  RegisterWarnAlertRoutes(router, deps);
  RegisterWarnSeriesRoutes(router, deps);
  RegisterMonitorRoutes(router, deps);
  RegisterWebRoutes(router, deps);
  // Last: its "/{lang}/..." patterns must not shadow any other route.
  RegisterPortalRoutes(router, deps);
}

std::string EncodeCursor(std::int64_t after) {
  const std::string text = "v1:" + std::to_string(after);
  return EncodeBase64Url(std::vector<std::uint8_t>(text.begin(), text.end()));
}

std::optional<std::string> NextCursor(std::size_t returned, const PageRequest& page,
                                      std::int64_t last_key) {
  if (returned < page.limit) return std::nullopt;
  return EncodeCursor(last_key);
}

Result<PageRequest> ParsePageRequest(const Request& request) {
  PageRequest page;
  if (auto limit = request.QueryParam("limit")) {
    std::size_t value = 0;
    const auto* end = limit->data() + limit->size();
    const auto parsed = std::from_chars(limit->data(), end, value);
    if (parsed.ec != std::errc() || parsed.ptr != end || value < 1 || value > kMaxPageSize) {
      return MakeError(ErrorCode::kInvalidArgument, "limit must be a whole number from 1 to 200",
                       "validation");
    }
    page.limit = value;
  }
  if (auto cursor = request.QueryParam("cursor")) {
    auto bytes = DecodeBase64Url(*cursor);
    const std::string text = bytes ? std::string(bytes->begin(), bytes->end()) : std::string();
    std::int64_t after = 0;
    const char* begin = text.data() + std::min<std::size_t>(3, text.size());
    const char* end = text.data() + text.size();
    const auto parsed = std::from_chars(begin, end, after);
    if (!text.starts_with("v1:") || parsed.ec != std::errc() || parsed.ptr != end || after < 0) {
      return MakeError(ErrorCode::kInvalidArgument, "the cursor is not one Vigil gave out",
                       "invalid-cursor");
    }
    page.after = after;
  }
  return page;
}

}  // namespace vigil::http
