#include "http/message.hpp"

#include <gtest/gtest.h>

namespace vigil::http {
namespace {

TEST(Request, ReadsCookiesAndQueryParameters) {
  Request request;
  request.headers = {{"cookie", "a=1; vigil_session=abc ; b=2"}};
  request.query = "q=hello+world%21&limit=5&empty=";
  EXPECT_EQ(request.Cookie("vigil_session"), "abc");
  EXPECT_EQ(request.Cookie("missing"), std::nullopt);
  EXPECT_EQ(request.QueryParam("q"), "hello world!");
  EXPECT_EQ(request.QueryParam("limit"), "5");
  EXPECT_EQ(request.QueryParam("empty"), "");
  EXPECT_EQ(request.QueryParam("none"), std::nullopt);
}

TEST(PercentDecode, DecodesAndRejectsMalformedEscapes) {
  EXPECT_EQ(PercentDecode("%2e%2E/%41"), "../A");
  EXPECT_EQ(PercentDecode("%"), std::nullopt);
  EXPECT_EQ(PercentDecode("%4"), std::nullopt);
  EXPECT_EQ(PercentDecode("%g1"), std::nullopt);
}

TEST(Response, SetHeaderReplacesCaseInsensitively) {
  Response response;
  response.SetHeader("Content-Type", "a");
  response.SetHeader("content-type", "b");
  EXPECT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.Header("CONTENT-TYPE"), "b");
}

}  // namespace
}  // namespace vigil::http
