// The knowledge search index: an in-memory SQLite FTS5 table rebuilt from the content at start.
#pragma once

#include <memory>

#include "core/knowledge/search.hpp"
#include "storage/sqlite/database.hpp"

namespace vigil::storage::sqlite {

class SqliteKnowledgeIndex final : public core::knowledge::SearchIndex {
 public:
  // kUnavailable when the in-memory database cannot be made.
  [[nodiscard]] static Result<std::unique_ptr<SqliteKnowledgeIndex>> Create();
  Status Build(const core::knowledge::KnowledgeBase& knowledge) override;
  Result<std::vector<core::knowledge::SearchHit>> Search(const std::string& lang, const std::string& query,
                                                        std::size_t limit) override;

 private:
  explicit SqliteKnowledgeIndex(std::unique_ptr<Database> db) : db_(std::move(db)) {}
  std::unique_ptr<Database> db_;
};

}  // namespace vigil::storage::sqlite
