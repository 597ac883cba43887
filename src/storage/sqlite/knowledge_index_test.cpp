#include "storage/sqlite/knowledge_index.hpp"

#include <gtest/gtest.h>

namespace vigil::storage::sqlite {
namespace {

using core::knowledge::Item;
using core::knowledge::KnowledgeBase;
using core::knowledge::Topic;

KnowledgeBase Sample() {
  KnowledgeBase knowledge;
  knowledge.AddTopic(Topic{"signs", "en", "Warning signs", "public", "",
                           {Item{"signs.job", "A job offer that is too good", "High pay abroad, no experience needed.",
                                 "s", "verified", {}, {}, ""},
                            Item{"signs.documents", "Someone keeps your passport", "Nobody may keep your documents.",
                                 "s", "verified", {}, {}, ""}}});
  knowledge.AddTopic(Topic{"signs", "uk", "Ознаки", "", "",
                           {Item{"signs.job", "Робота, що звучить занадто добре", "Висока зарплата за кордоном.", "", "", {}, {}, "x"}}});
  knowledge.AddTopic(Topic{"signs", "ar", "علامات التحذير", "", "",
                           {Item{"signs.job", "عرض عمل مُغرٍ جدًا", "أجر مرتفع في الخارج دون خبرة.", "", "", {}, {}, "x"},
                            Item{"signs.documents", "شخص يحتفظ بجواز سفرك", "لا يحق لأحد الاحتفاظ بوثائقك.", "", "", {}, {}, "x"}}});
  return knowledge;
}

std::vector<std::string> Items(SqliteKnowledgeIndex& index, const std::string& lang, const std::string& query) {
  auto hits = index.Search(lang, query, 10);
  EXPECT_TRUE(hits.has_value());
  std::vector<std::string> items;
  for (const auto& hit : *hits) items.push_back(hit.item);
  return items;
}

TEST(KnowledgeIndex, FindsPerLanguageWithFoldingAndPrefixes) {
  auto index = SqliteKnowledgeIndex::Create();
  ASSERT_TRUE(index.has_value());
  ASSERT_TRUE((*index)->Build(Sample()));
  EXPECT_EQ(Items(**index, "en", "PASSPORT"), std::vector<std::string>{"signs.documents"});
  EXPECT_EQ(Items(**index, "en", "experi"), std::vector<std::string>{"signs.job"});  // prefix
  EXPECT_EQ(Items(**index, "uk", "ЗАРПЛАТА"), std::vector<std::string>{"signs.job"});  // Cyrillic case
  // Arabic: the query has no vowel marks and a plain alif; the text has them.
  EXPECT_EQ(Items(**index, "ar", "مغر"), std::vector<std::string>{"signs.job"});
  EXPECT_EQ(Items(**index, "ar", "سفرك"), std::vector<std::string>{"signs.documents"});
  // Known limit: attached Arabic prefixes (بـ in بجواز) are not stripped, so "جواز" alone does
  // not find "بجواز"; a light stemmer would.
  EXPECT_TRUE(Items(**index, "ar", "جواز").empty());
  // A missing translation is searched in English within that language's results.
  EXPECT_EQ(Items(**index, "uk", "passport"), std::vector<std::string>{"signs.documents"});
  EXPECT_TRUE(Items(**index, "en", "зарплата").empty());
}

TEST(KnowledgeIndex, QueriesCannotInjectOperators) {
  auto index = SqliteKnowledgeIndex::Create();
  ASSERT_TRUE((*index)->Build(Sample()));
  for (const char* query : {"\"", "passport\" OR \"job", "NEAR(job offer)", "title:job", "*", "'; DROP TABLE x; --",
                            "<script>alert(1)</script>"}) {
    auto hits = (*index)->Search("en", query, 10);
    EXPECT_TRUE(hits.has_value()) << query;
  }
  EXPECT_TRUE(Items(**index, "en", "").empty());
  EXPECT_FALSE((*index)->Search("en", std::string(300, 'a'), 10).has_value());
}

}  // namespace
}  // namespace vigil::storage::sqlite
