// JSON wire format of the access domain: the request bodies the API accepts and the documents
// it answers with. The API and the CLI share these shapes. nlohmann stays inside the .cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access/audit.hpp"
#include "core/access/types.hpp"
#include "core/common/error.hpp"

namespace vigil::codec::json {

// Errors from the Parse* functions carry one of these reasons.
inline constexpr std::string_view kReasonMalformedJson = "malformed-json";
inline constexpr std::string_view kReasonInvalidUtf8 = "invalid-utf8";
inline constexpr std::string_view kReasonValidation = "validation";

struct SignInRequest {
  std::string name;
  std::string password;
};

struct CreateUserRequest {
  std::string name;
  core::access::Role role = core::access::Role::kViewer;
  std::string password;
};

// `{"name": string, "password": string}`; unknown members are refused.
[[nodiscard]] Result<SignInRequest> ParseSignInRequest(std::string_view body);
// `{"name": string, "role": string, "password": string}`.
[[nodiscard]] Result<CreateUserRequest> ParseCreateUserRequest(std::string_view body);

[[nodiscard]] std::string RenderSession(const core::access::Principal& principal);
[[nodiscard]] std::string RenderUser(const core::access::User& user);
// A page of a cursor-paginated list: `{"items": [...], "next_cursor": string|null}`.
[[nodiscard]] std::string RenderUserPage(const std::vector<core::access::User>& users,
                                         const std::optional<std::string>& next_cursor);
[[nodiscard]] std::string RenderAuditPage(const std::vector<core::access::AuditEntry>& entries,
                                          const std::optional<std::string>& next_cursor);

}  // namespace vigil::codec::json
