#include "http/portal/language.hpp"

#include <gtest/gtest.h>

namespace vigil::http::portal {
namespace {

TEST(PortalLanguage, DefaultsToEnglish) {
  EXPECT_EQ(NegotiateLanguage(""), "en");
  EXPECT_EQ(NegotiateLanguage("fr-FR, de;q=0.5"), "en");
}

TEST(PortalLanguage, MatchesPrimarySubtag) {
  EXPECT_EQ(NegotiateLanguage("uk-UA"), "uk");
  EXPECT_EQ(NegotiateLanguage("AR-SY,ar;q=0.9"), "ar");
}

TEST(PortalLanguage, RespectsQualityValues) {
  EXPECT_EQ(NegotiateLanguage("en;q=0.4, ru;q=0.8, pl;q=0.6"), "ru");
  EXPECT_EQ(NegotiateLanguage("fr, ro;q=0.3, en;q=0.2"), "ro");
  EXPECT_EQ(NegotiateLanguage("pl;q=0, uk;q=0.1"), "uk");
}

TEST(PortalLanguage, TiesGoToTheFirstListed) {
  EXPECT_EQ(NegotiateLanguage("pl, ro"), "pl");
}

TEST(PortalLanguage, IgnoresMalformedQuality) {
  EXPECT_EQ(NegotiateLanguage("ar;q=abc, ro;q=0.5"), "ro");
}

TEST(PortalLanguage, FindsOnlyOfferedLanguages) {
  ASSERT_NE(FindLanguage("ar"), nullptr);
  EXPECT_TRUE(FindLanguage("ar")->rtl);
  EXPECT_EQ(FindLanguage("fr"), nullptr);
  EXPECT_EQ(FindLanguage("EN"), nullptr);
}

}  // namespace
}  // namespace vigil::http::portal
