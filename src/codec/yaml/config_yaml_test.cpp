#include "codec/yaml/config_yaml.hpp"

#include <gtest/gtest.h>

namespace vigil::codec::yaml {
namespace {

const std::vector<std::string> kKnown = {"db", "listen", "threads"};

TEST(ParseConfigYaml, ReadsScalars) {
  auto parsed = ParseConfigYaml("db: /srv/vigil.db\nlisten: 0.0.0.0:80\nthreads: 4\n", kKnown);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->at("db"), "/srv/vigil.db");
  EXPECT_EQ(parsed->at("threads"), "4");
  EXPECT_TRUE(ParseConfigYaml("", kKnown)->empty());
}

TEST(ParseConfigYaml, NamesUnknownKeysWithTheirLine) {
  auto parsed = ParseConfigYaml("db: x\nport: 80\n", kKnown);
  ASSERT_FALSE(parsed.has_value());
  EXPECT_NE(parsed.error().message.find("\"port\" (line 2)"), std::string::npos);
}

TEST(ParseConfigYaml, RejectsMalformedAndNonScalar) {
  EXPECT_FALSE(ParseConfigYaml("db: [unclosed\n", kKnown).has_value());
  EXPECT_FALSE(ParseConfigYaml("- a\n- b\n", kKnown).has_value());
  EXPECT_FALSE(ParseConfigYaml("db:\n  nested: 1\n", kKnown).has_value());
}

}  // namespace
}  // namespace vigil::codec::yaml
