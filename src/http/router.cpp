#include "http/router.hpp"

namespace vigil::http {
namespace {

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> segments;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    const auto slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

bool MatchPattern(std::string_view pattern, std::string_view path, PathParams& params) {
  const auto pattern_segments = SplitPath(pattern);
  const auto path_segments = SplitPath(path);
  for (std::size_t idx = 0; idx < pattern_segments.size(); ++idx) {
    std::string_view segment = pattern_segments[idx];
    const bool is_param = segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
    if (is_param && segment.ends_with("*}")) {
      // Rest of the path, slashes included.
      std::string rest;
      for (std::size_t rest_idx = idx; rest_idx < path_segments.size(); ++rest_idx) {
        if (rest_idx > idx) rest.push_back('/');
        rest.append(path_segments[rest_idx]);
      }
      params[std::string(segment.substr(1, segment.size() - 3))] = rest;
      return true;
    }
    if (idx >= path_segments.size()) return false;
    if (is_param) {
      if (path_segments[idx].empty()) return false;
      params[std::string(segment.substr(1, segment.size() - 2))] = std::string(path_segments[idx]);
    } else if (segment != path_segments[idx]) {
      return false;
    }
  }
  return pattern_segments.size() == path_segments.size();
}

}  // namespace

core::access::Actor RequestContext::Actor() const {
  if (principal == nullptr) return {"unknown", "", request.request_id};
  return {principal->name, std::string(core::access::RoleName(principal->role)),
          request.request_id};
}

void Router::Add(Route route) { routes_.push_back(std::move(route)); }

RouteMatch Router::Match(Method method, std::string_view decoded_path) const {
  RouteMatch match;
  for (const Route& route : routes_) {
    PathParams params;
    if (!MatchPattern(route.pattern, decoded_path, params)) continue;
    // HEAD is answered by GET routes.
    if (route.method == method || (method == Method::kHead && route.method == Method::kGet)) {
      match.route = &route;
      match.params = std::move(params);
      match.allowed.clear();
      return match;
    }
    match.allowed.push_back(route.method);
  }
  return match;
}

}  // namespace vigil::http
