#include "codec/json/problem_json.hpp"

#include <nlohmann/json.hpp>

namespace vigil::codec::json {

std::string RenderProblem(const Problem& problem) {
  nlohmann::json doc = {{"type", problem.type},
                        {"title", problem.title},
                        {"status", problem.status},
                        {"detail", problem.detail}};
  if (!problem.request_id.empty()) doc["request_id"] = problem.request_id;
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string RenderStringObject(
    std::initializer_list<std::pair<std::string_view, std::string_view>> members) {
  nlohmann::json doc = nlohmann::json::object();
  for (const auto& [key, value] : members) doc[std::string(key)] = value;
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace vigil::codec::json
