// The portal's routes through the whole pipeline, on the sample content of ApiTestEnv and the
// repository's data/portal files.
#include <gtest/gtest.h>

#include "http/api_test_env.hpp"

namespace vigil::http {
namespace {

Response Get(ApiTestEnv& test, const std::string& path,
             std::vector<std::pair<std::string, std::string>> headers = {}) {
  Request request = ApiTestEnv::Make(Method::kGet, path);
  for (auto& header : headers) request.headers.push_back(std::move(header));
  return test.api.Handle(request);
}

TEST(PortalRoutes, RootRedirectsToTheNegotiatedLanguage) {
  ApiTestEnv test;
  Response response = Get(test, "/", {{"accept-language", "de, uk;q=0.8, en;q=0.5"}});
  EXPECT_EQ(response.status, 302);
  EXPECT_EQ(response.Header("Location"), "/uk/");
  EXPECT_EQ(Get(test, "/").Header("Location"), "/en/");
}

TEST(PortalRoutes, PagesCarryLangAndDirAndNoCookie) {
  ApiTestEnv test;
  Response uk = Get(test, "/uk/get-help");
  ASSERT_EQ(uk.status, 200);
  EXPECT_EQ(uk.Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(uk.body.find(R"(<html lang="uk" dir="ltr">)"), std::string::npos);
  EXPECT_NE(uk.body.find("tel:112"), std::string::npos);
  EXPECT_FALSE(uk.Header("Set-Cookie"));
  Response ar = Get(test, "/ar/about");
  ASSERT_EQ(ar.status, 200);
  EXPECT_NE(ar.body.find(R"(<html lang="ar" dir="rtl">)"), std::string::npos);
}

TEST(PortalRoutes, UnknownLanguageIsA404Page) {
  ApiTestEnv test;
  Response response = Get(test, "/xx/rights");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.Header("Content-Type"), "text/html; charset=utf-8");
}

TEST(PortalRoutes, SearchEscapesTheQueryAndLogsOnlyThePattern) {
  ApiTestEnv test;
  Response response = Get(test, "/en/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.body.find("<script>alert"), std::string::npos);
  EXPECT_NE(response.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(response.log_route, "/{lang}/search");
}

TEST(PortalRoutes, SearchLinksToTheItemAndEscapesItsText) {
  ApiTestEnv test;
  Response response = Get(test, "/en/search?q=experience");
  ASSERT_EQ(response.status, 200);
  EXPECT_NE(response.body.find(R"(href="/en/learn/signs#signs.job")"), std::string::npos);
  EXPECT_NE(response.body.find("&lt;b&gt;no&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(response.body.find("<b>no</b>"), std::string::npos);
}

TEST(PortalRoutes, GzipWhenAccepted) {
  ApiTestEnv test;
  Response response = Get(test, "/en/", {{"accept-encoding", "gzip, br"}});
  EXPECT_EQ(response.Header("Content-Encoding"), "gzip");
  Response css = Get(test, "/portal.css", {{"accept-encoding", "gzip"}});
  EXPECT_EQ(css.Header("Content-Encoding"), "gzip");
  ASSERT_TRUE(css.Header("ETag"));
  Response again = Get(test, "/portal.css", {{"if-none-match", std::string(*css.Header("ETag"))}});
  EXPECT_EQ(again.status, 304);
}

TEST(PortalRoutes, ArePublicGetOnlyAndOutsideOpenApi) {
  ApiTestEnv test;
  int portal_routes = 0;
  for (const Route& route : test.api.router().routes()) {
    if (!route.action.starts_with("portal.")) continue;
    ++portal_routes;
    EXPECT_TRUE(route.is_public) << route.pattern;
    EXPECT_FALSE(route.in_openapi) << route.pattern;
    EXPECT_EQ(route.method, Method::kGet) << route.pattern;
  }
  EXPECT_EQ(portal_routes, 11);
  // The web app keeps its prefix: /app/ is answered by the static files (a problem here, since
  // the test has no built app), not by the portal's "/{lang}/".
  Response app = Get(test, "/app/");
  EXPECT_EQ(app.status, 404);
  EXPECT_TRUE(app.Header("Content-Type")->starts_with("application/problem+json"));
}

}  // namespace
}  // namespace vigil::http
