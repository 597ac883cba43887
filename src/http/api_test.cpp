#include "http/api.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "http/api_test_env.hpp"

namespace vigil::embedded {
std::string_view openapi_json();
}

namespace vigil::http {
namespace {

using core::access::Role;
using nlohmann::json;

std::string ProblemType(const Response& response) {
  EXPECT_EQ(response.Header("Content-Type"), "application/problem+json");
  return json::parse(response.body).at("type").get<std::string>();
}

// Fills path parameters with real objects so that allowed calls reach their handler. Warn
// alerts: the alert ApiTestEnv seeded for `role` (ids follow kAllRoles, from 1).
std::string Concrete(std::string pattern, Role role = Role::kAdmin) {
  std::string value = pattern.starts_with("/api/v1/identify/") ? "ilo-2009" : "target";
  if (pattern.starts_with("/api/v1/warn/alerts/")) value = std::to_string(static_cast<int>(role) + 1);
  if (pattern.starts_with("/api/v1/monitor/clusters/")) value = "1";  // seeded by ApiTestEnv
  for (auto open = pattern.find('{'); open != std::string::npos; open = pattern.find('{')) {
    pattern = pattern.substr(0, open) + value + pattern.substr(pattern.find('}', open) + 1);
  }
  return pattern;
}

// A valid body for each route that takes JSON.
std::string BodyFor(const Route& route, const std::string& unique) {
  if (route.pattern == "/api/v1/warn/series/import") {
    return R"({"format":"tidy","csv":"area,indicator,period,value\nAFG,conflict-events,2024-01,3\n"})";
  }
  if (route.pattern.starts_with("/api/v1/warn/alerts/")) return R"({"text":"done"})";
  if (route.pattern == "/api/v1/warn/run") return "{}";
  if (route.pattern == "/api/v1/monitor/posts") {
    return R"({"posts":[{"id":")" + unique + R"(","source":"api","posted_at":"2024-05-01T10:00:00Z","text":"hi"}]})";
  }
  if (route.pattern.starts_with("/api/v1/monitor/clusters/")) return R"({"status":"benign"})";
  if (route.pattern == "/api/v1/warn/detect") {
    return R"({"method":"threshold","params":{"threshold":2},"observed":[1,2,3]})";
  }
  if (route.pattern == "/api/v1/identify/assessments") {
    return R"({"person":{"age":"adult","exploitation":["labour"]},"answers":{"DR-01":"yes"}})";
  }
  return R"({"name":"new_)" + unique + R"(","role":"viewer","password":"a long enough password"})";
}

TEST(Api, EveryProtectedRouteAllowsExactlyItsRoles) {
  ApiTestEnv test;
  test.env.AddUser("target", Role::kViewer);
  int checked = 0;
  for (Role role : core::access::kAllRoles) {
    const std::string name = "user_" + std::string(core::access::RoleName(role));
    test.env.AddUser(name, role);
    for (const Route& route : test.api.router().routes()) {
      if (route.is_public) continue;
      const auto session = test.SignIn(name);
      std::string body;
      if (route.takes_json) body = BodyFor(route, name + std::to_string(checked));
      Request request = ApiTestEnv::Make(route.method, Concrete(route.pattern, role), body);
      const Response response = test.Send(request, session);
      if (route.roles.Contains(role)) {
        EXPECT_NE(response.status, 403) << route.pattern << " " << name << " " << response.body;
        EXPECT_NE(response.status, 401) << route.pattern << " " << name;
        EXPECT_LT(response.status, 300) << route.pattern << " " << name << " " << response.body;
      } else {
        EXPECT_EQ(response.status, 403) << route.pattern << " " << name;
        EXPECT_EQ(ProblemType(response), "urn:vigil:problem:forbidden");
        const auto& last = test.env.audit_store.entries().back();
        EXPECT_EQ(last.event.outcome, "forbidden");
        EXPECT_EQ(last.event.action, route.action);
        EXPECT_EQ(last.event.actor, name);
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 30);
}

TEST(Api, ProtectedRoutesNeedCredentials) {
  ApiTestEnv test;
  for (const Route& route : test.api.router().routes()) {
    if (route.is_public) continue;
    Request request = ApiTestEnv::Make(route.method, Concrete(route.pattern));
    const Response response = test.api.Handle(request);
    EXPECT_EQ(response.status, 401) << route.pattern;
  }
}

TEST(Api, OpenApiDocumentMatchesTheRegisteredRoutes) {
  ApiTestEnv test;
  const json doc = json::parse(embedded::openapi_json());
  EXPECT_EQ(doc.at("openapi"), "3.1.0");
  std::set<std::string> documented;
  for (const auto& [path, item] : doc.at("paths").items()) {
    for (const auto& [method, operation] : item.items()) {
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(std::toupper(c));
      documented.insert(upper + " " + path);
      // The roles the document promises are the roles the route enforces.
      const Route* route = nullptr;
      for (const Route& candidate : test.api.router().routes()) {
        if (candidate.pattern == path && MethodName(candidate.method) == upper) route = &candidate;
      }
      ASSERT_NE(route, nullptr) << upper << " " << path << " is documented but not registered";
      std::set<std::string> roles;
      for (const auto& role : operation.at("x-vigil-roles")) roles.insert(role.get<std::string>());
      if (route->is_public) {
        EXPECT_TRUE(roles.empty()) << path;
      } else {
        for (Role role : core::access::kAllRoles) {
          EXPECT_EQ(roles.count(std::string(core::access::RoleName(role))) == 1,
                    route->roles.Contains(role))
              << upper << " " << path << " " << core::access::RoleName(role);
        }
      }
    }
  }
  std::set<std::string> registered;
  for (const Route& route : test.api.router().routes()) {
    if (route.in_openapi) registered.insert(std::string(MethodName(route.method)) + " " + route.pattern);
  }
  EXPECT_EQ(documented, registered);
}

TEST(Api, StateChangesUnderASessionNeedTheCsrfToken) {
  ApiTestEnv test;
  test.env.AddUser("alice", Role::kAdmin);
  auto session = test.SignIn("alice");
  Request request = ApiTestEnv::Make(Method::kDelete, "/api/v1/session");
  request.headers.emplace_back("cookie", session.first);
  EXPECT_EQ(ProblemType(test.api.Handle(request)), "urn:vigil:problem:csrf");
  request.headers.emplace_back("x-csrf-token", session.second + "x");
  EXPECT_EQ(ProblemType(test.api.Handle(request)), "urn:vigil:problem:csrf");
  EXPECT_EQ(test.Send(ApiTestEnv::Make(Method::kDelete, "/api/v1/session"), session).status, 204);
}

TEST(Api, BearerTokensNeedNoCsrf) {
  ApiTestEnv test;
  auto token = test.env.accounts.AddToken(test.env.admin_actor, "etl", Role::kAdmin);
  Request request = ApiTestEnv::Make(
      Method::kPost, "/api/v1/users",
      R"({"name":"carol","role":"viewer","password":"a long enough password"})");
  request.headers.emplace_back("authorization", "Bearer " + token->secret);
  EXPECT_EQ(test.api.Handle(request).status, 201);
}

TEST(Api, CrossOriginStateChangesAreRefused) {
  ApiTestEnv test;
  Request request = ApiTestEnv::Make(Method::kPost, "/api/v1/session",
                                     R"({"name":"a","password":"b"})");
  request.headers.emplace_back("origin", "https://evil.example");
  EXPECT_EQ(ProblemType(test.api.Handle(request)), "urn:vigil:problem:cross-origin");
}

TEST(Api, BadInputGetsTheRightProblem) {
  ApiTestEnv test;
  struct Case {
    Request request;
    int status;
    std::string type;
  };
  auto wrong_type = ApiTestEnv::Make(Method::kPost, "/api/v1/session", R"({"name":"a"})");
  wrong_type.headers.back().second = "text/plain";
  std::vector<Case> cases = {
      {ApiTestEnv::Make(Method::kPost, "/api/v1/session", "{\"name\":"), 400, "malformed-json"},
      {ApiTestEnv::Make(Method::kPost, "/api/v1/session", "[1,2]"), 400, "malformed-json"},
      {ApiTestEnv::Make(Method::kPost, "/api/v1/session", std::string(40, '[')), 400, "malformed-json"},
      {ApiTestEnv::Make(Method::kPost, "/api/v1/session", "{\"name\":\"\xff\",\"password\":\"x\"}"),
       400, "invalid-utf8"},
      {ApiTestEnv::Make(Method::kPost, "/api/v1/session", R"({"name":"a","password":"b","x":1})"),
       400, "validation"},
      {ApiTestEnv::Make(Method::kPost, "/api/v1/session", R"({"name":"a","password":5})"), 400,
       "validation"},
      {wrong_type, 415, "unsupported-media-type"},
      {ApiTestEnv::Make(Method::kPost, "/api/v1/session", std::string(70 * 1024, ' ')), 413,
       "payload-too-large"},
      {ApiTestEnv::Make(Method::kGet, "/api/v1/nothing"), 404, "not-found"},
      {ApiTestEnv::Make(Method::kPut, "/api/v1/session"), 405, "method-not-allowed"},
      {ApiTestEnv::Make(Method::kGet, "/app/..%2f..%2fetc%2fpasswd"), 400, "invalid-path"},
      {ApiTestEnv::Make(Method::kGet, "/app/%2e%2e/x"), 400, "invalid-path"},
      {ApiTestEnv::Make(Method::kGet, "/app/a%00b"), 400, "invalid-path"},
      {ApiTestEnv::Make(Method::kGet, "/app/%zz"), 400, "invalid-path"},
      {ApiTestEnv::Make(Method::kGet, "/app/\xff"), 400, "invalid-path"},
      {ApiTestEnv::Make(Method::kGet, "/api/v1/users?limit=%zz"), 400, "validation"},
      {ApiTestEnv::Make(Method::kPost, "/api/v1/session", R"({"name":"a","password":"b"})"), 401,
       "invalid-credentials"},
  };
  for (auto& item : cases) {
    const Response response = test.api.Handle(item.request);
    EXPECT_EQ(response.status, item.status) << item.request.path << " " << item.request.body.substr(0, 40);
    EXPECT_EQ(ProblemType(response), "urn:vigil:problem:" + item.type) << item.request.path;
    EXPECT_EQ(json::parse(response.body).at("request_id"), "0123456789abcdef");
  }
  const Response not_allowed = test.api.Handle(ApiTestEnv::Make(Method::kPut, "/api/v1/session"));
  EXPECT_EQ(not_allowed.Header("Allow"), "POST, GET, DELETE");
}

TEST(Api, EveryResponseCarriesSecurityHeaders) {
  ApiTestEnv test;
  for (const char* path : {"/healthz", "/nothing", "/api/v1/users", "/app/x.js"}) {
    const Response response = test.api.Handle(ApiTestEnv::Make(Method::kGet, path));
    const auto csp = response.Header("Content-Security-Policy");
    ASSERT_TRUE(csp.has_value()) << path;
    EXPECT_NE(csp->find("default-src 'self'"), std::string_view::npos);
    EXPECT_NE(csp->find("frame-ancestors 'none'"), std::string_view::npos);
    EXPECT_EQ(csp->find("unsafe-inline"), std::string_view::npos);
    EXPECT_EQ(response.Header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(response.Header("Referrer-Policy"), "no-referrer");
    EXPECT_TRUE(response.Header("Permissions-Policy").has_value());
    EXPECT_EQ(response.Header("X-Request-Id"), "0123456789abcdef");
  }
}

TEST(Api, SignInSetsAStrictHttpOnlyCookieAndSecureWhenProxied) {
  ApiTestEnv test;
  test.env.AddUser("alice", Role::kViewer);
  const std::string body = R"({"name":"alice","password":"a long enough password"})";
  Response plain = test.api.Handle(ApiTestEnv::Make(Method::kPost, "/api/v1/session", body));
  ASSERT_EQ(plain.status, 200);
  const std::string cookie(*plain.Header("Set-Cookie"));
  EXPECT_TRUE(cookie.starts_with("vigil_session="));
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);
  EXPECT_TRUE(json::parse(plain.body).contains("csrf_token"));
  Request secure = ApiTestEnv::Make(Method::kPost, "/api/v1/session", body);
  secure.secure = true;
  EXPECT_NE(std::string(*test.api.Handle(secure).Header("Set-Cookie")).find("; Secure"),
            std::string::npos);
}

TEST(Api, UserListPaginatesWithOpaqueCursors) {
  ApiTestEnv test;
  for (int idx = 0; idx < 5; ++idx) test.env.AddUser("u" + std::to_string(idx), Role::kAdmin);
  auto session = test.SignIn("u0");
  std::vector<std::string> names;
  std::string path = "/api/v1/users?limit=2";
  for (int page = 0; page < 10; ++page) {
    const Response response = test.Send(ApiTestEnv::Make(Method::kGet, path), session);
    ASSERT_EQ(response.status, 200) << response.body;
    const json doc = json::parse(response.body);
    for (const auto& item : doc.at("items")) names.push_back(item.at("name"));
    if (doc.at("next_cursor").is_null()) break;
    path = "/api/v1/users?limit=2&cursor=" + doc.at("next_cursor").get<std::string>();
  }
  EXPECT_EQ(names, (std::vector<std::string>{"u0", "u1", "u2", "u3", "u4"}));
  EXPECT_EQ(ProblemType(test.Send(ApiTestEnv::Make(Method::kGet, "/api/v1/users?cursor=abc"), session)),
            "urn:vigil:problem:invalid-cursor");
  EXPECT_EQ(ProblemType(test.Send(ApiTestEnv::Make(Method::kGet, "/api/v1/users?limit=0"), session)),
            "urn:vigil:problem:validation");
}

TEST(Api, ScreeningIsStoredOnlyWhenAskedAndAudited) {
  ApiTestEnv test;
  test.env.AddUser("sam", Role::kScreener);
  auto session = test.SignIn("sam");
  const std::string body = R"({"person":{"age":"child","exploitation":["labour"]},"answers":{"palermo.act":"yes"}})";
  Response evaluated = test.Send(ApiTestEnv::Make(Method::kPost, "/api/v1/identify/assessments", body), session);
  ASSERT_EQ(evaluated.status, 200) << evaluated.body;
  const json doc = json::parse(evaluated.body);
  EXPECT_EQ(doc["referral"]["level"], "urgent");
  EXPECT_FALSE(doc.contains("id"));
  EXPECT_EQ(test.assessments.size(), 0u);
  EXPECT_EQ(test.env.audit_store.entries().back().event.action, "identify.assess");

  const std::string stored_body = R"({"person":{"age":"adult"},"store":true,"notes":"met at the border"})";
  Response stored = test.Send(ApiTestEnv::Make(Method::kPost, "/api/v1/identify/assessments", stored_body), session);
  ASSERT_EQ(stored.status, 201) << stored.body;
  const std::string id = json::parse(stored.body)["id"];
  EXPECT_EQ(test.assessments.size(), 1u);
  EXPECT_EQ(test.env.audit_store.entries().back().event.object_id, id);
  EXPECT_EQ(test.assessments.LoadAssessment(id)->notes, "met at the border");
}

TEST(Api, BadScreeningInputStoresNothing) {
  ApiTestEnv test;
  test.env.AddUser("sam", Role::kScreener);
  auto session = test.SignIn("sam");
  for (const char* body : {R"({"person":{"age":"adult"},"answers":{"XX-01":"yes"},"store":true})",
                           R"({"answers":{},"store":true})",
                           R"({"person":{"age":"adult"},"notes":"no store"})",
                           R"({"person":{"age":"adult"},"ruleset":"nope","store":true})"}) {
    Response response = test.Send(ApiTestEnv::Make(Method::kPost, "/api/v1/identify/assessments", body), session);
    EXPECT_EQ(response.status, 400) << body;
    EXPECT_EQ(ProblemType(response), "urn:vigil:problem:validation") << body;
  }
  EXPECT_EQ(test.assessments.size(), 0u);
  // Refused calls are audited too.
  EXPECT_EQ(test.env.audit_store.entries().back().event.action, "identify.assess");
  EXPECT_EQ(test.env.audit_store.entries().back().event.outcome, "error");
}

TEST(Api, RulesetForTheInterviewInTheAskedLanguage) {
  ApiTestEnv test;
  test.env.AddUser("vic", Role::kViewer);
  auto session = test.SignIn("vic");
  const json uk = json::parse(test.Send(ApiTestEnv::Make(Method::kGet, "/api/v1/identify/rulesets/ilo-2009?lang=uk"), session).body);
  EXPECT_EQ(uk["lang"], "uk");
  EXPECT_EQ(uk["questions"][0]["id"], "safety.danger");
  EXPECT_FALSE(uk["questions"][0]["fallback"].get<bool>());
  const json fr = json::parse(test.Send(ApiTestEnv::Make(Method::kGet, "/api/v1/identify/rulesets/ilo-2009?lang=fr"), session).body);
  EXPECT_TRUE(fr["lang_fallback"].get<bool>());
  EXPECT_TRUE(fr["questions"][0]["fallback"].get<bool>());
  EXPECT_EQ(test.Send(ApiTestEnv::Make(Method::kGet, "/api/v1/identify/rulesets/none"), session).status, 404);
}

TEST(Api, KnowledgeIsPublicWithFallbacksSearchAndHotlines) {
  ApiTestEnv test;
  const json topics = json::parse(test.api.Handle(ApiTestEnv::Make(Method::kGet, "/api/v1/knowledge/topics?lang=uk")).body);
  EXPECT_EQ(topics["items"][0]["title"], "Ознаки");
  const json topic = json::parse(test.api.Handle(ApiTestEnv::Make(Method::kGet, "/api/v1/knowledge/topics/signs?lang=ar")).body);
  EXPECT_TRUE(topic["fallback"].get<bool>());
  EXPECT_TRUE(topic["items"][0]["fallback"].get<bool>());
  EXPECT_EQ(topic["items"][0]["source"], "UN Protocol art. 3");
  const Response search = test.api.Handle(ApiTestEnv::Make(Method::kGet, "/api/v1/knowledge/search?q=%D0%97%D0%90%D0%A0%D0%9F%D0%9B%D0%90%D0%A2%D0%90&lang=uk"));
  EXPECT_EQ(json::parse(search.body)["items"][0]["id"], "signs.job");
  EXPECT_EQ(search.log_route, "/api/v1/knowledge/search");  // the query never reaches the log
  const json hotlines = json::parse(test.api.Handle(ApiTestEnv::Make(Method::kGet, "/api/v1/knowledge/hotlines")).body);
  EXPECT_EQ(hotlines["items"][0]["numbers"][0]["dial"], "112");
  EXPECT_TRUE(hotlines["items"][0]["not_recently_verified"].get<bool>());
  EXPECT_EQ(test.api.Handle(ApiTestEnv::Make(Method::kGet, "/api/v1/knowledge/topics/none")).status, 404);
  EXPECT_EQ(test.api.Handle(ApiTestEnv::Make(Method::kGet, "/api/v1/knowledge/search?q=" + std::string(300, 'a'))).status, 400);
}

TEST(Api, DrainingAnswers503) {
  ApiTestEnv test;
  test.api.StartDraining();
  EXPECT_EQ(test.api.Handle(ApiTestEnv::Make(Method::kGet, "/healthz")).status, 503);
}

}  // namespace
}  // namespace vigil::http
