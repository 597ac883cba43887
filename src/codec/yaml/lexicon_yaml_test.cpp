#include "codec/yaml/lexicon_yaml.hpp"

#include <gtest/gtest.h>

namespace vigil::codec::yaml {
namespace {

TEST(LexiconYaml, ReadsEntriesWithLanguageFileAndLine) {
  const std::string text = R"(language: pl
entries:
  - id: pl.free-housing
    indicator: free-housing
    category: logistics
    ilo: [DR-05]
    weight: 1.5
    source: "monitoring.md §3.4"
    verification: unverified
    phrases: ['darmowe zakwaterowanie']
    regexes: ['{B}mieszkanie{S}gratis{B}']
    match: ['Darmowe zakwaterowanie przy zakładzie.']
    no_match: ['Pomagamy znaleźć mieszkanie.']
)";
  auto entries = ParseLexiconYaml("pl.yaml", text);
  ASSERT_TRUE(entries.has_value()) << entries.error().message;
  ASSERT_EQ(entries->size(), 1u);
  const auto& entry = entries->front();
  EXPECT_EQ(entry.id, "pl.free-housing");
  EXPECT_EQ(entry.language, "pl");
  EXPECT_EQ(entry.file, "pl.yaml");
  EXPECT_EQ(entry.line, 3);
  EXPECT_DOUBLE_EQ(entry.weight, 1.5);
  ASSERT_EQ(entry.patterns.size(), 2u);
  EXPECT_EQ(entry.patterns[0].kind, core::monitor::PatternKind::kPhrase);
  EXPECT_EQ(entry.patterns[1].kind, core::monitor::PatternKind::kRegex);
  EXPECT_EQ(entry.ilo, std::vector<std::string>{"DR-05"});
  EXPECT_TRUE(core::monitor::ValidateLexicon(*entries).has_value());
}

TEST(LexiconYaml, NamesFileAndLineOfABadWeightAndAMissingId) {
  const std::string text = R"(language: pl
entries:
  - indicator: free-housing
    weight: lots
)";
  auto entries = ParseLexiconYaml("pl.yaml", text);
  ASSERT_FALSE(entries.has_value());
  EXPECT_EQ(entries.error().reason, "invalid-lexicon");
  EXPECT_NE(entries.error().message.find("pl.yaml:3: \"id\" is missing"), std::string::npos);
  EXPECT_NE(entries.error().message.find("pl.yaml:4: entry: the weight \"lots\" is not a number"),
            std::string::npos);
}

TEST(LexiconYaml, ReportsBrokenYamlWithItsLine) {
  auto entries = ParseLexiconYaml("de.yaml", "language: de\nentries:\n  - id: [unclosed\n");
  ASSERT_FALSE(entries.has_value());
  EXPECT_NE(entries.error().message.find("de.yaml:"), std::string::npos);
  EXPECT_NE(entries.error().message.find("not valid YAML"), std::string::npos);
}

}  // namespace
}  // namespace vigil::codec::yaml
