// Early-warning areas: a country, its admin-1 and admin-2 units (P-codes), who owns each area's
// alerts and which catalogue indicators apply to it. Loaded from data/warn/areas.yaml.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/error.hpp"
#include "core/warn/level.hpp"

namespace vigil::core::warn {

struct Area {
  std::string id;                     // ISO 3166-1 alpha-3 or a P-code, e.g. "BGD", "BD20"
  std::string name;
  std::optional<std::string> parent;  // the enclosing area's id; none for a country
  int admin_level = 0;                // 0 country, 1 admin-1, 2 admin-2
  std::optional<std::string> owner;   // account name that answers this area's alerts
  std::vector<std::string> indicators;  // catalogue ids evaluated for this area
  std::string source;                 // where the id and name come from
  bool verified = false;              // false: marked "unverified" in the file
};

// Checks the set of areas as a whole. kInvalidArgument naming the area and the reason: empty or
// duplicate id, admin_level outside 0..2, a parent that is not listed, a parent whose level is not
// one less, a country with a parent, an indicator listed twice, or an indicator not in
// `known_indicators` (skipped when that list is empty).
[[nodiscard]] Status ValidateAreas(const std::vector<Area>& areas,
                                   const std::vector<std::string>& known_indicators);

// The area with `id`, or null.
[[nodiscard]] const Area* FindArea(const std::vector<Area>& areas, const std::string& id);

// An area's level as the last run left it.
struct AreaLevelRecord {
  std::string area;
  Level level = Level::kNone;
  std::vector<std::string> reasons;
  std::string period;  // the latest evaluated period
  std::int64_t evaluated_ms = 0;
};

// Port: the latest level of every evaluated area (storage/sqlite and storage/memory).
class AreaLevelStore {
 public:
  virtual ~AreaLevelStore() = default;
  // Replaces the records of the areas given (others are kept), atomically.
  [[nodiscard]] virtual Status SaveAreaLevels(const std::vector<AreaLevelRecord>& records) = 0;
  // Every stored record, ordered by area id.
  [[nodiscard]] virtual Result<std::vector<AreaLevelRecord>> LoadAreaLevels() = 0;
};

// One imported admin boundary. The geometry stays GeoJSON text: the core never reads it.
struct Boundary {
  std::string pcode;
  std::string name;
  std::string geometry_json;  // a GeoJSON Polygon or MultiPolygon object, as validated on import
};

// Port: the admin boundaries of the deployment, imported from GeoJSON.
class BoundaryStore {
 public:
  virtual ~BoundaryStore() = default;
  // Replaces every stored boundary with `boundaries`, atomically (all or none).
  [[nodiscard]] virtual Status ReplaceBoundaries(const std::vector<Boundary>& boundaries,
                                                 const std::string& source) = 0;
  // Every boundary, ordered by P-code.
  [[nodiscard]] virtual Result<std::vector<Boundary>> LoadBoundaries() = 0;
};

}  // namespace vigil::core::warn
