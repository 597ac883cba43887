#include "http/portal/strings.hpp"

#include <gtest/gtest.h>

namespace vigil::http::portal {
namespace {

TEST(PortalStrings, MissingKeysFallBackToEnglish) {
  std::vector<codec::yaml::FileProblem> problems;
  UiStrings strings;
  strings.Add("en",
              ParseUiStrings("en.yaml", "nav_home: Home\nleave: Leave this site\n", problems));
  strings.Add("uk", ParseUiStrings("uk.yaml", "nav_home: Головна\n", problems));
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(strings.Get("uk", "nav_home"), "Головна");
  EXPECT_EQ(strings.Get("uk", "leave"), "Leave this site");
  EXPECT_FALSE(strings.Has("uk", "leave"));
  EXPECT_EQ(strings.Get("ar", "nav_home"), "Home");
  EXPECT_EQ(strings.Get("en", "no_such_key"), "no_such_key");
}

TEST(PortalStrings, NonScalarValueIsAnError) {
  std::vector<codec::yaml::FileProblem> problems;
  auto parsed = ParseUiStrings("en.yaml", "a: text\nb: [1, 2]\n", problems);
  EXPECT_EQ(parsed.size(), 1u);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].line, 2);
}

}  // namespace
}  // namespace vigil::http::portal
