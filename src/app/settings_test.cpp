#include "app/settings.hpp"

#include <gtest/gtest.h>

namespace vigil::app {
namespace {

TEST(ParseListen, AcceptsHostPortAndBracketedIpv6) {
  auto v4 = ParseListen("127.0.0.1:8080");
  ASSERT_TRUE(v4.has_value());
  EXPECT_EQ(v4->host, "127.0.0.1");
  EXPECT_EQ(v4->port, 8080);
  auto v6 = ParseListen("[::1]:9000");
  ASSERT_TRUE(v6.has_value());
  EXPECT_EQ(v6->host, "::1");
}

TEST(ParseListen, RejectsWhatIsNotHostPort) {
  for (const char* bad : {"8080", ":8080", "host:", "host:99999", "host:80x", "::1:80", "[::1:80"}) {
    auto parsed = ParseListen(bad);
    ASSERT_FALSE(parsed.has_value()) << bad;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST(Settings, KeyFileDefaultsBesideTheDatabase) {
  Settings settings;
  settings.db = "/srv/v.db";
  EXPECT_EQ(settings.KeyFilePath(), "/srv/v.db.key");
  EXPECT_EQ(settings.AuditHeadPath(), "/srv/v.db.key.audit-head");
  settings.key_file = "/etc/vigil/key";
  EXPECT_EQ(settings.AuditHeadPath(), "/etc/vigil/key.audit-head");
}

}  // namespace
}  // namespace vigil::app
