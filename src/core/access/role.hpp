// The roles of the security model (ARCHITECTURE.md §6) and the sets of roles a route allows.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace vigil::core::access {

enum class Role { kAdmin, kCoordinator, kCaseworker, kScreener, kAnalyst, kViewer };

inline constexpr std::array<Role, 6> kAllRoles = {Role::kAdmin,    Role::kCoordinator,
                                                  Role::kCaseworker, Role::kScreener,
                                                  Role::kAnalyst,  Role::kViewer};

// Returns the wire name ("admin", "caseworker", ...).
[[nodiscard]] std::string_view RoleName(Role role);
// Returns nullopt when `name` is not one of the six wire names (exact, lowercase).
[[nodiscard]] std::optional<Role> ParseRole(std::string_view name);

// A set of roles as a bit mask; what a route declares it allows.
class RoleSet {
 public:
  constexpr RoleSet() = default;
  constexpr RoleSet(std::initializer_list<Role> roles) {
    for (Role role : roles) bits_ |= Bit(role);
  }
  [[nodiscard]] static constexpr RoleSet All() {
    RoleSet set;
    for (Role role : kAllRoles) set.bits_ |= Bit(role);
    return set;
  }
  [[nodiscard]] constexpr bool Contains(Role role) const { return (bits_ & Bit(role)) != 0; }
  [[nodiscard]] constexpr bool Empty() const { return bits_ == 0; }

 private:
  static constexpr unsigned Bit(Role role) { return 1u << static_cast<unsigned>(role); }
  unsigned bits_ = 0;
};

}  // namespace vigil::core::access
