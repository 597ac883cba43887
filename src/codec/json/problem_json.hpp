// RFC 9457 problem details as JSON.
#pragma once

#include <string>
#include <string_view>

namespace vigil::codec::json {

struct Problem {
  std::string type;  // stable URI, e.g. "urn:vigil:problem:not-found"
  std::string title;
  int status = 500;
  std::string detail;
  std::string request_id;  // extension member, so that a user can quote it to an operator
};

[[nodiscard]] std::string RenderProblem(const Problem& problem);

// A small JSON object of string members, for health and version documents.
[[nodiscard]] std::string RenderStringObject(
    std::initializer_list<std::pair<std::string_view, std::string_view>> members);

}  // namespace vigil::codec::json
