#include "core/knowledge/fold.hpp"

#include <gtest/gtest.h>

namespace vigil::core::knowledge {
namespace {

TEST(FoldForSearch, CaseAndCompatibilityForms) {
  EXPECT_EQ(FoldForSearch("Trafficking HELP"), "trafficking help");
  EXPECT_EQ(FoldForSearch("ＨＥＬＰ"), "help");  // full-width
  EXPECT_EQ(FoldForSearch("Straße"), "strasse");
}

TEST(FoldForSearch, LatinDiacriticsGoOtherScriptsKeepTheirs) {
  EXPECT_EQ(FoldForSearch("Zadzwoń pomóc ȘȚ"), "zadzwon pomoc st");
  EXPECT_EQ(FoldForSearch("Йод їжа"), "йод їжа");  // Cyrillic й and ї keep their marks
  EXPECT_EQ(FoldForSearch("Ёлка"), "елка");         // ё → е
}

TEST(FoldForSearch, ArabicLettersAndMarks) {
  EXPECT_EQ(FoldForSearch("مُسَاعَدَة"), "مساعده");  // harakat removed, ة → ه
  EXPECT_EQ(FoldForSearch("أمان إلى آخر"), "امان الي اخر");  // أ/إ/آ → ا, ى → ي
  EXPECT_EQ(FoldForSearch("مـــساعدة"), "مساعده");  // tatweel removed
}

TEST(FoldForSearch, SameFoldForQueryAndText) {
  EXPECT_EQ(FoldForSearch("ТОРГІВЛЯ ЛЮДЬМИ"), FoldForSearch("торгівля людьми"));
  EXPECT_EQ(FoldForSearch("الإتجار"), FoldForSearch("الاتجار"));
}

}  // namespace
}  // namespace vigil::core::knowledge
