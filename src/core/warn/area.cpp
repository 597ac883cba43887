#include "core/warn/area.hpp"

#include <algorithm>
#include <set>

namespace vigil::core::warn {
namespace {

tl::unexpected<Error> AreaError(std::size_t position, const std::string& id,
                                const std::string& reason) {
  const std::string who = id.empty() ? "area #" + std::to_string(position + 1) : "area " + id;
  return MakeError(ErrorCode::kInvalidArgument, who + ": " + reason, "validation");
}

}  // namespace

const Area* FindArea(const std::vector<Area>& areas, const std::string& id) {
  auto found = std::find_if(areas.begin(), areas.end(), [&](const Area& a) { return a.id == id; });
  return found == areas.end() ? nullptr : &*found;
}

Status ValidateAreas(const std::vector<Area>& areas,
                     const std::vector<std::string>& known_indicators) {
  std::set<std::string> ids;
  for (std::size_t area_idx = 0; area_idx < areas.size(); ++area_idx) {
    const Area& area = areas[area_idx];
    if (area.id.empty()) return AreaError(area_idx, area.id, "the id is empty");
    if (!ids.insert(area.id).second) return AreaError(area_idx, area.id, "the id is listed twice");
    if (area.name.empty()) return AreaError(area_idx, area.id, "the name is empty");
    if (area.admin_level < 0 || area.admin_level > 2) {
      return AreaError(area_idx, area.id, "level must be 0 (country), 1 or 2");
    }
  }
  for (std::size_t area_idx = 0; area_idx < areas.size(); ++area_idx) {
    const Area& area = areas[area_idx];
    if (area.admin_level == 0 && area.parent) {
      return AreaError(area_idx, area.id, "a country (level 0) has no parent");
    }
    if (area.admin_level > 0) {
      if (!area.parent) return AreaError(area_idx, area.id, "an admin area needs a parent");
      const Area* parent = FindArea(areas, *area.parent);
      if (parent == nullptr) {
        return AreaError(area_idx, area.id, "the parent " + *area.parent + " is not listed");
      }
      if (parent->admin_level != area.admin_level - 1) {
        return AreaError(area_idx, area.id,
                         "the parent " + *area.parent + " must be one level above");
      }
    }
    std::set<std::string> seen;
    for (const std::string& indicator : area.indicators) {
      if (!seen.insert(indicator).second) {
        return AreaError(area_idx, area.id, "the indicator " + indicator + " is listed twice");
      }
      if (!known_indicators.empty() &&
          std::find(known_indicators.begin(), known_indicators.end(), indicator) ==
              known_indicators.end()) {
        return AreaError(area_idx, area.id,
                         "the indicator " + indicator + " is not in the catalogue");
      }
    }
  }
  return {};
}

}  // namespace vigil::core::warn
