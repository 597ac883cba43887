#include "storage/sqlite/monitor_rows.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace vigil::storage::sqlite::monitor_rows {

std::int64_t Milli(double value) { return std::llround(value * 1000.0); }

std::string Json(const std::vector<std::string>& items) { return nlohmann::json(items).dump(); }

std::vector<std::string> Strings(const std::string& text) {
  const auto parsed = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> items;
  if (!parsed.is_array()) return items;
  for (const auto& item : parsed) {
    if (item.is_string()) items.push_back(item.get<std::string>());
  }
  return items;
}

std::string Uint32Bytes(const std::vector<std::uint32_t>& values) {
  std::string bytes(values.size() * 4, '\0');
  for (std::size_t idx = 0; idx < values.size(); ++idx) {
    for (std::size_t byte = 0; byte < 4; ++byte) {
      bytes[idx * 4 + byte] = static_cast<char>((values[idx] >> (8 * byte)) & 0xFF);
    }
  }
  return bytes;
}

std::vector<std::uint32_t> Uint32sFromBytes(const std::string& bytes) {
  std::vector<std::uint32_t> values(bytes.size() / 4);
  for (std::size_t idx = 0; idx < values.size(); ++idx) {
    for (std::size_t byte = 0; byte < 4; ++byte) {
      values[idx] |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[idx * 4 + byte])) << (8 * byte);
    }
  }
  return values;
}

std::optional<std::string> OptionalText(const Statement& stmt, int column) {
  if (stmt.ColumnIsNull(column)) return std::nullopt;
  return stmt.ColumnText(column);
}

void BindOptional(Statement& stmt, int index, const std::optional<std::string>& value) {
  if (value) {
    stmt.Bind(index, *value);
  } else {
    stmt.BindNull(index);
  }
}

void BindOptional(Statement& stmt, int index, const std::optional<std::int64_t>& value) {
  if (value) {
    stmt.Bind(index, *value);
  } else {
    stmt.BindNull(index);
  }
}

}  // namespace vigil::storage::sqlite::monitor_rows
