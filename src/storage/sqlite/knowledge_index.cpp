#include "storage/sqlite/knowledge_index.hpp"

#include "core/knowledge/fold.hpp"

namespace vigil::storage::sqlite {

using core::knowledge::FoldForSearch;
using core::knowledge::SearchHit;

Result<std::unique_ptr<SqliteKnowledgeIndex>> SqliteKnowledgeIndex::Create() {
  auto db = Database::Open(":memory:");
  if (!db) return tl::unexpected(db.error());
  {
    const std::lock_guard lock((*db)->mutex());
    // Folding happens before indexing (FoldForSearch), so the tokenizer only splits words.
    if (auto made = (*db)->Exec(
            "CREATE VIRTUAL TABLE knowledge_fts USING fts5(lang UNINDEXED, topic UNINDEXED, "
            "item UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 0')");
        !made) {
      return tl::unexpected(made.error());
    }
  }
  return std::unique_ptr<SqliteKnowledgeIndex>(new SqliteKnowledgeIndex(std::move(*db)));
}

Status SqliteKnowledgeIndex::Build(const core::knowledge::KnowledgeBase& knowledge) {
  const std::lock_guard lock(db_->mutex());
  auto tx = Transaction::Begin(*db_);
  if (!tx) return tl::unexpected(tx.error());
  if (auto cleared = db_->Exec("DELETE FROM knowledge_fts"); !cleared) return cleared;
  for (const std::string& lang : knowledge.Languages()) {
    for (const std::string& topic : knowledge.TopicIds()) {
      auto view = knowledge.View(topic, lang);
      if (!view) continue;
      for (const auto& item : view->topic.items) {
        std::string fields;
        for (const auto& [key, value] : item.fields) fields += "\n" + value;
        auto insert = db_->Prepare("INSERT INTO knowledge_fts(lang, topic, item, title, body) VALUES(?,?,?,?,?)");
        if (!insert) return tl::unexpected(insert.error());
        insert->Bind(1, lang).Bind(2, topic).Bind(3, item.id).Bind(4, FoldForSearch(item.title))
            .Bind(5, FoldForSearch(item.body + fields));
        if (auto ran = insert->Run(); !ran) return ran;
      }
    }
  }
  return tx->Commit();
}

Result<std::vector<SearchHit>> SqliteKnowledgeIndex::Search(const std::string& lang, const std::string& query,
                                                            std::size_t limit) {
  if (query.size() > core::knowledge::kMaxQueryBytes) {
    return MakeError(ErrorCode::kInvalidArgument, "the search words are too long (at most 200 bytes)", "validation");
  }
  const auto words = core::knowledge::QueryWords(FoldForSearch(query));
  std::vector<SearchHit> hits;
  if (words.empty()) return hits;
  // Each word as an FTS5 string (no operators can come from the query), the last as a prefix.
  std::string match;
  for (std::size_t idx = 0; idx < words.size(); ++idx) {
    if (!match.empty()) match += " ";
    match += "\"" + words[idx] + "\"";
    if (idx + 1 == words.size()) match += "*";
  }
  const std::lock_guard lock(db_->mutex());
  auto stmt = db_->Prepare(
      "SELECT topic, item, bm25(knowledge_fts, 0, 0, 0, 4.0, 1.0) AS score FROM knowledge_fts "
      "WHERE knowledge_fts MATCH ? AND lang = ? ORDER BY score LIMIT ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, match).Bind(2, lang).Bind(3, static_cast<std::int64_t>(limit));
  for (;;) {
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    hits.push_back({stmt->ColumnText(0), stmt->ColumnText(1), 0});
  }
  return hits;
}

}  // namespace vigil::storage::sqlite
