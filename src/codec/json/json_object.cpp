#include "codec/json/json_object.hpp"

#include <algorithm>
#include <set>
#include <vector>

#include "codec/json/access_json.hpp"
#include "core/common/encoding.hpp"

namespace vigil::codec::json {
namespace {

// Nesting depth outside strings; stops counting once past the limit.
bool NestingWithinLimit(std::string_view body) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : body) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxJsonDepth) return false;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return true;
}

}  // namespace

Result<nlohmann::json> ParseJsonObject(std::string_view body,
                                       std::initializer_list<std::string_view> allowed) {
  if (!IsValidUtf8(body)) {
    return MakeError(ErrorCode::kInvalidArgument, "the request body is not valid UTF-8",
                     std::string(kReasonInvalidUtf8));
  }
  if (!NestingWithinLimit(body)) {
    return MakeError(ErrorCode::kInvalidArgument, "the JSON is nested too deeply",
                     std::string(kReasonMalformedJson));
  }
  // Refuse repeated members: with "last one wins", two parts of a system can read different
  // values from the same document.
  std::vector<std::set<std::string>> open_objects;
  bool duplicate = false;
  auto watch_keys = [&](int /*depth*/, nlohmann::json::parse_event_t event, nlohmann::json& value) {
    using Event = nlohmann::json::parse_event_t;
    if (event == Event::object_start) open_objects.emplace_back();
    if (event == Event::object_end && !open_objects.empty()) open_objects.pop_back();
    if (event == Event::key && !open_objects.empty() &&
        !open_objects.back().insert(value.get<std::string>()).second) {
      duplicate = true;
    }
    return true;
  };
  nlohmann::json doc = nlohmann::json::parse(body, watch_keys, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    return MakeError(ErrorCode::kInvalidArgument, "the request body is not well-formed JSON",
                     std::string(kReasonMalformedJson));
  }
  if (duplicate) {
    return MakeError(ErrorCode::kInvalidArgument, "a member appears twice in one object",
                     std::string(kReasonValidation));
  }
  if (!doc.is_object()) {
    return MakeError(ErrorCode::kInvalidArgument, "the request body must be a JSON object",
                     std::string(kReasonMalformedJson));
  }
  for (const auto& [key, value] : doc.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      // Name the member only when it is short printable ASCII: it is echoed back.
      const bool printable = key.size() <= 40 && std::all_of(key.begin(), key.end(), [](char c) {
                               return c >= 0x20 && c < 0x7f && c != '"';
                             });
      return MakeError(ErrorCode::kInvalidArgument,
                       printable ? "unknown member \"" + key + "\"" : "unknown member",
                       std::string(kReasonValidation));
    }
  }
  return doc;
}

Result<std::string> RequireString(const nlohmann::json& object, std::string_view key) {
  auto found = object.find(key);
  if (found == object.end()) {
    return MakeError(ErrorCode::kInvalidArgument, "\"" + std::string(key) + "\" is missing",
                     std::string(kReasonValidation));
  }
  if (!found->is_string()) {
    return MakeError(ErrorCode::kInvalidArgument, "\"" + std::string(key) + "\" must be a string",
                     std::string(kReasonValidation));
  }
  return found->get<std::string>();
}

}  // namespace vigil::codec::json
