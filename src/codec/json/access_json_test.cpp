#include "codec/json/access_json.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace vigil::codec::json {
namespace {

TEST(ParseSignInRequest, ReadsNameAndPassword) {
  auto request = ParseSignInRequest(R"({"name":"alice","password":"pässword"})");
  ASSERT_TRUE(request.has_value());
  EXPECT_EQ(request->name, "alice");
  EXPECT_EQ(request->password, "pässword");
}

TEST(ParseSignInRequest, NamesEachProblem) {
  struct Case {
    std::string body;
    std::string_view reason;
    std::string message_part;
  };
  const std::vector<Case> cases = {
      {"", kReasonMalformedJson, "well-formed"},
      {"{\"name\":", kReasonMalformedJson, "well-formed"},
      {"\"text\"", kReasonMalformedJson, "object"},
      {std::string(100, '[') + std::string(100, ']'), kReasonMalformedJson, "nested"},
      {"{\"name\":\"\xc3\x28\"}", kReasonInvalidUtf8, "UTF-8"},
      {R"({"password":"x"})", kReasonValidation, "\"name\" is missing"},
      {R"({"name":1,"password":"x"})", kReasonValidation, "\"name\" must be a string"},
      {R"({"name":"a","password":"x","admin":true})", kReasonValidation, "unknown member \"admin\""},
      {R"({"name":"a","name":"b","password":"x"})", kReasonValidation, "appears twice"},
  };
  for (const auto& item : cases) {
    auto parsed = ParseSignInRequest(item.body);
    ASSERT_FALSE(parsed.has_value()) << item.body;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(parsed.error().reason, item.reason) << item.body;
    EXPECT_NE(parsed.error().message.find(item.message_part), std::string::npos)
        << parsed.error().message;
  }
}

TEST(ParseSignInRequest, NeverEchoesTheValues) {
  auto parsed = ParseSignInRequest(R"({"name":"alice","password":12345})");
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(parsed.error().message.find("12345"), std::string::npos);
}

TEST(ParseCreateUserRequest, ValidatesTheRole) {
  auto ok = ParseCreateUserRequest(R"({"name":"bob","role":"screener","password":"p"})");
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->role, core::access::Role::kScreener);
  auto bad = ParseCreateUserRequest(R"({"name":"bob","role":"king","password":"p"})");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().reason, kReasonValidation);
}

TEST(RenderAuditPage, KeepsCursorAndReplacesInvalidBytes) {
  core::access::AuditEntry entry;
  entry.seq = 4;
  entry.event.actor = "bad\xff";
  const auto doc = nlohmann::json::parse(RenderAuditPage({entry}, std::string("c")));
  EXPECT_EQ(doc.at("items").at(0).at("seq"), 4);
  EXPECT_EQ(doc.at("next_cursor"), "c");
  EXPECT_TRUE(nlohmann::json::parse(RenderAuditPage({}, std::nullopt)).at("next_cursor").is_null());
}

}  // namespace
}  // namespace vigil::codec::json
