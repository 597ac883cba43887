#include "codec/yaml/monitor_yaml.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace vigil::codec::yaml {
namespace {

std::string ReadRepoFile(const std::string& relative) {
  std::ifstream in(std::string(VIGIL_SOURCE_DIR) + "/" + relative);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(MonitorYaml, TheShippedFilesAreValid) {
  auto overrides = ParsePhoneOverridesYaml("phone-overrides.yaml", ReadRepoFile("data/monitor/phone-overrides.yaml"));
  ASSERT_TRUE(overrides) << overrides.error().message;
  ASSERT_GE(overrides->size(), 1U);
  EXPECT_EQ((*overrides)[0].country_code, 380);
  EXPECT_EQ((*overrides)[0].national_prefix, "77");
  EXPECT_EQ((*overrides)[0].national_length, 9);
  EXPECT_FALSE((*overrides)[0].verified);
  EXPECT_NE((*overrides)[0].source.find("nkrzi.gov.ua"), std::string::npos);
  auto hosts = ParseSharedHostsYaml("shared-hosts.yaml", ReadRepoFile("data/monitor/shared-hosts.yaml"));
  ASSERT_TRUE(hosts) << hosts.error().message;
  EXPECT_NE(std::find(hosts->begin(), hosts->end(), "bit.ly"), hosts->end());
  EXPECT_NE(std::find(hosts->begin(), hosts->end(), "t.me"), hosts->end());
  core::monitor::IdentifierOptions options{{"UA"}, *overrides, *hosts};
  EXPECT_TRUE(core::monitor::ValidateIdentifierOptions(options));
}

TEST(MonitorYaml, OverrideProblemsNameFileLineAndField) {
  auto parsed = ParsePhoneOverridesYaml("o.yaml", R"(overrides:
  - country_code: 380
    national_prefix: "77"
    national_length: 9
    status: unverified
  - country_code: abc
    national_prefix: 7x
    national_length: 9
    source: somewhere
    status: maybe
    colour: red
)");
  ASSERT_FALSE(parsed);
  const std::string& message = parsed.error().message;
  EXPECT_NE(message.find("o.yaml:2: \"source\" is missing"), std::string::npos) << message;
  EXPECT_NE(message.find("o.yaml:6: \"country_code\" must be a whole number"), std::string::npos) << message;
  EXPECT_NE(message.find("o.yaml:7: \"national_prefix\" must be digits"), std::string::npos) << message;
  EXPECT_NE(message.find("o.yaml:10: \"status\" must be verified or unverified"), std::string::npos) << message;
  EXPECT_NE(message.find("o.yaml:11: unknown setting \"colour\""), std::string::npos) << message;
  EXPECT_FALSE(ParsePhoneOverridesYaml("o.yaml", "overrides: 3\n"));
  EXPECT_FALSE(ParsePhoneOverridesYaml("o.yaml", "overrides: [\n"));
}

TEST(MonitorYaml, SharedHostProblems) {
  auto parsed = ParseSharedHostsYaml("h.yaml", R"(hosts:
  - {host: Bit.ly, kind: link-shortener}
  - {host: bit.ly, kind: link-shortener}
  - {host: "https://x.com/", kind: social-network}
  - {host: example.org, kind: weather}
)");
  ASSERT_FALSE(parsed);
  const std::string& message = parsed.error().message;
  EXPECT_NE(message.find("h.yaml:3: \"bit.ly\" is listed twice"), std::string::npos) << message;
  EXPECT_NE(message.find("h.yaml:4: \"host\" must be a host name"), std::string::npos) << message;
  EXPECT_NE(message.find("h.yaml:5: \"kind\" must be one of"), std::string::npos) << message;
  auto fine = ParseSharedHostsYaml("h.yaml", "hosts:\n  - {host: Bit.LY, kind: link-shortener}\n");
  ASSERT_TRUE(fine);
  EXPECT_EQ(*fine, (std::vector<std::string>{"bit.ly"}));
}

}  // namespace
}  // namespace vigil::codec::yaml
