#include "core/access/role.hpp"

namespace vigil::core::access {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAdmin: return "admin";
    case Role::kCoordinator: return "coordinator";
    case Role::kCaseworker: return "caseworker";
    case Role::kScreener: return "screener";
    case Role::kAnalyst: return "analyst";
    case Role::kViewer: return "viewer";
  }
  return "viewer";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role role : kAllRoles) {
    if (RoleName(role) == name) return role;
  }
  return std::nullopt;
}

}  // namespace vigil::core::access
