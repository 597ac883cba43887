// Shared decoding steps for JSON request bodies: UTF-8 and nesting checks, parsing into an
// object, and typed member access with errors that name the member. Include only from .cpp files
// of codec/json (it pulls in nlohmann).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/common/error.hpp"

namespace vigil::codec::json {

inline constexpr int kMaxJsonDepth = 32;

// Parses `body` as one JSON object whose members are all in `allowed`.
// Errors: reason "invalid-utf8" for bad UTF-8; "malformed-json" for syntax errors, nesting
// deeper than kMaxJsonDepth, or a non-object; "validation" for an unknown member.
[[nodiscard]] Result<nlohmann::json> ParseJsonObject(std::string_view body,
                                                     std::initializer_list<std::string_view> allowed);

// The member `key` as a string; "validation" error when missing or not a string.
[[nodiscard]] Result<std::string> RequireString(const nlohmann::json& object, std::string_view key);

}  // namespace vigil::codec::json
