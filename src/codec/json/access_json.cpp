#include "codec/json/access_json.hpp"

#include <nlohmann/json.hpp>

#include "codec/json/json_object.hpp"

namespace vigil::codec::json {
namespace {

using nlohmann::json;

json UserJson(const core::access::User& user) {
  return {{"id", user.id},
          {"name", user.name},
          {"role", core::access::RoleName(user.role)},
          {"disabled", user.disabled},
          {"created_ms", user.created_ms}};
}

json Page(json items, const std::optional<std::string>& next_cursor) {
  return {{"items", std::move(items)},
          {"next_cursor", next_cursor ? json(*next_cursor) : json(nullptr)}};
}

}  // namespace

Result<SignInRequest> ParseSignInRequest(std::string_view body) {
  auto object = ParseJsonObject(body, {"name", "password"});
  if (!object) return tl::unexpected(object.error());
  SignInRequest request;
  if (auto name = RequireString(*object, "name"); name) {
    request.name = std::move(*name);
  } else {
    return tl::unexpected(name.error());
  }
  if (auto password = RequireString(*object, "password"); password) {
    request.password = std::move(*password);
  } else {
    return tl::unexpected(password.error());
  }
  return request;
}

Result<CreateUserRequest> ParseCreateUserRequest(std::string_view body) {
  auto object = ParseJsonObject(body, {"name", "role", "password"});
  if (!object) return tl::unexpected(object.error());
  CreateUserRequest request;
  auto name = RequireString(*object, "name");
  if (!name) return tl::unexpected(name.error());
  auto role_name = RequireString(*object, "role");
  if (!role_name) return tl::unexpected(role_name.error());
  auto password = RequireString(*object, "password");
  if (!password) return tl::unexpected(password.error());
  auto role = core::access::ParseRole(*role_name);
  if (!role) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "\"role\" must be one of admin, coordinator, caseworker, screener, analyst, "
                     "viewer",
                     std::string(kReasonValidation));
  }
  request.name = std::move(*name);
  request.role = *role;
  request.password = std::move(*password);
  return request;
}

std::string RenderSession(const core::access::Principal& principal) {
  json doc = {{"user", {{"name", principal.name}, {"role", core::access::RoleName(principal.role)}}}};
  if (!principal.csrf_token.empty()) doc["csrf_token"] = principal.csrf_token;
  return doc.dump();
}

std::string RenderUser(const core::access::User& user) { return UserJson(user).dump(); }

std::string RenderUserPage(const std::vector<core::access::User>& users,
                           const std::optional<std::string>& next_cursor) {
  json items = json::array();
  for (const auto& user : users) items.push_back(UserJson(user));
  return Page(std::move(items), next_cursor).dump();
}

std::string RenderAuditPage(const std::vector<core::access::AuditEntry>& entries,
                            const std::optional<std::string>& next_cursor) {
  json items = json::array();
  for (const auto& entry : entries) {
    items.push_back({{"seq", entry.seq},
                     {"time_ms", entry.time_ms},
                     {"actor", entry.event.actor},
                     {"role", entry.event.role},
                     {"action", entry.event.action},
                     {"object_type", entry.event.object_type},
                     {"object_id", entry.event.object_id},
                     {"outcome", entry.event.outcome},
                     {"request_id", entry.event.request_id},
                     {"hash", entry.hash}});
  }
  // The audit trail may hold names typed by people; replace rather than throw on bad bytes.
  return Page(std::move(items), next_cursor).dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace vigil::codec::json
