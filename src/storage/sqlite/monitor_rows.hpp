// Row helpers shared by the two files of the SQLite monitor store: JSON lists, uint32 blobs,
// optional values and a per-key query loop. Private to storage/sqlite.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/sqlite/database.hpp"

namespace vigil::storage::sqlite::monitor_rows {

// Risk points as whole thousandths (the statement layer binds integers and text).
[[nodiscard]] std::int64_t Milli(double value);
[[nodiscard]] std::string Json(const std::vector<std::string>& items);
// The strings of a JSON array; empty when the text is not one.
[[nodiscard]] std::vector<std::string> Strings(const std::string& text);
// Signatures and band keys as little-endian uint32 values.
[[nodiscard]] std::string Uint32Bytes(const std::vector<std::uint32_t>& values);
[[nodiscard]] std::vector<std::uint32_t> Uint32sFromBytes(const std::string& bytes);
[[nodiscard]] std::optional<std::string> OptionalText(const Statement& stmt, int column);
void BindOptional(Statement& stmt, int index, const std::optional<std::string>& value);
void BindOptional(Statement& stmt, int index, const std::optional<std::int64_t>& value);

// Runs `sql` once per key (bound to its one parameter) and calls `on_row(stmt, key)` for each
// row; stops at the first error, its own or `on_row`'s.
template <typename Key, typename OnRow>
[[nodiscard]] Status ForEachRow(Database& db, std::string_view sql, const std::vector<Key>& keys, OnRow&& on_row) {
  for (const Key& key : keys) {
    auto stmt = db.Prepare(sql);
    if (!stmt) return tl::unexpected(stmt.error());
    stmt->Bind(1, key);
    while (true) {
      auto row = stmt->Step();
      if (!row) return tl::unexpected(row.error());
      if (!*row) break;
      if (Status done = on_row(*stmt, key); !done) return done;
    }
  }
  return {};
}

}  // namespace vigil::storage::sqlite::monitor_rows
