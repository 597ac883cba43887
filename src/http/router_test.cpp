#include "http/router.hpp"

#include <gtest/gtest.h>

namespace vigil::http {
namespace {

Router MakeRouter() {
  Router router;
  auto ok = [](const RequestContext&) -> Result<Response> { return Response{}; };
  auto add = [&](Method method, std::string pattern) {
    Route route;
    route.method = method;
    route.pattern = std::move(pattern);
    route.handler = ok;
    router.Add(std::move(route));
  };
  add(Method::kGet, "/api/v1/users");
  add(Method::kPost, "/api/v1/users");
  add(Method::kPost, "/api/v1/users/{name}/disable");
  add(Method::kGet, "/app/{path*}");
  return router;
}

TEST(Router, MatchesLiteralsAndParameters) {
  const Router router = MakeRouter();
  auto match = router.Match(Method::kPost, "/api/v1/users/alice/disable");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.params.at("name"), "alice");
  EXPECT_EQ(router.Match(Method::kPost, "/api/v1/users//disable").route, nullptr);
  EXPECT_EQ(router.Match(Method::kGet, "/api/v1/users/extra").route, nullptr);
}

TEST(Router, ReportsAllowedMethodsFor405) {
  const Router router = MakeRouter();
  auto match = router.Match(Method::kDelete, "/api/v1/users");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(match.allowed, (std::vector<Method>{Method::kGet, Method::kPost}));
  EXPECT_TRUE(router.Match(Method::kDelete, "/nowhere").allowed.empty());
}

TEST(Router, HeadIsAnsweredByGet) {
  EXPECT_NE(MakeRouter().Match(Method::kHead, "/api/v1/users").route, nullptr);
}

TEST(Router, WildcardTakesTheRestOfThePath) {
  const Router router = MakeRouter();
  auto match = router.Match(Method::kGet, "/app/assets/index-abc.js");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.params.at("path"), "assets/index-abc.js");
  EXPECT_EQ(router.Match(Method::kGet, "/app/").params.at("path"), "");
}

}  // namespace
}  // namespace vigil::http
