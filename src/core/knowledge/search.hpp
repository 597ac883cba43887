// Full-text search over the knowledge content, per language. The port is implemented by
// storage/sqlite (FTS5); text and queries both pass FoldForSearch().
#pragma once

#include <string>
#include <vector>

#include "core/common/error.hpp"
#include "core/knowledge/content.hpp"

namespace vigil::core::knowledge {

struct SearchHit {
  std::string topic;
  std::string item;
  double rank = 0;  // lower is better
};

inline constexpr std::size_t kMaxQueryBytes = 200;

class SearchIndex {
 public:
  virtual ~SearchIndex() = default;
  // Indexes every topic in every language (English standing in for missing translations).
  [[nodiscard]] virtual Status Build(const KnowledgeBase& knowledge) = 0;
  // Items of `lang` matching every word of `query` (the last word as a prefix), best first.
  // An empty query gives no hits. kInvalidArgument for a query over kMaxQueryBytes.
  [[nodiscard]] virtual Result<std::vector<SearchHit>> Search(const std::string& lang,
                                                              const std::string& query,
                                                              std::size_t limit) = 0;
};

// Splits a folded query into words: letters, digits and combining marks; at most 8 words.
[[nodiscard]] std::vector<std::string> QueryWords(const std::string& folded);

}  // namespace vigil::core::knowledge
