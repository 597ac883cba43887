#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/api_test_env.hpp"

namespace vigil::http {
namespace {

using core::access::Role;
using nlohmann::json;

TEST(WarnSeriesRoutes, ImportThenReadAndExport) {
  ApiTestEnv test;
  test.env.AddUser("ana", Role::kAnalyst);
  const auto session = test.SignIn("ana");
  const std::string body =
      R"({"format":"hxl","csv":"a,b,c,d\n#adm1+code,#indicator+code,#date,#value\nAF01,conflict-events,2024-01,3\nAF01,conflict-events,2024-02,0\n"})";
  const Response imported =
      test.Send(ApiTestEnv::Make(Method::kPost, "/api/v1/warn/series/import", body), session);
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(json::parse(imported.body).at("periods"), 2);
  const auto& audit = test.env.audit_store.entries().back();
  EXPECT_EQ(audit.event.action, "warn.series.import");
  EXPECT_EQ(audit.event.outcome, "ok");
  EXPECT_EQ(audit.event.object_id, "hxl");

  const Response points = test.Send(
      ApiTestEnv::Make(Method::kGet, "/api/v1/warn/series/AF01/conflict-events"), session);
  ASSERT_EQ(points.status, 200) << points.body;
  const json doc = json::parse(points.body);
  EXPECT_EQ(doc.at("unit"), "events");
  ASSERT_EQ(doc.at("points").size(), 2u);
  EXPECT_EQ(doc.at("points")[0].at("value"), 3);
  EXPECT_EQ(doc.at("points")[0].at("source"), "api import");

  const Response list =
      test.Send(ApiTestEnv::Make(Method::kGet, "/api/v1/warn/series?area=AF01"), session);
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(json::parse(list.body).at("items").size(), 1u);
  EXPECT_EQ(json::parse(list.body).at("items")[0].at("last_period"), "2024-02");

  const Response csv = test.Send(
      ApiTestEnv::Make(Method::kGet, "/api/v1/warn/series/AF01/conflict-events/export?format=hxl"),
      session);
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.Header("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(
      csv.body,
      "area,indicator,period,value,source\r\n#loc+code,#indicator+code,#date,#indicator+value+num,#"
      "meta+source\r\n"
      "AF01,conflict-events,2024-01,3,api import\r\nAF01,conflict-events,2024-02,0,api import\r\n");
}

TEST(WarnSeriesRoutes, BadRowsAre400NamingTheLineAndStoreNothing) {
  ApiTestEnv test;
  test.env.AddUser("ana", Role::kAnalyst);
  const auto session = test.SignIn("ana");
  const std::string body =
      R"({"format":"tidy","csv":"area,indicator,period,value\nAFG,conflict-events,2024-01,1\nAFG,conflict-events,2024-02,-1\n"})";
  const Response refused =
      test.Send(ApiTestEnv::Make(Method::kPost, "/api/v1/warn/series/import", body), session);
  ASSERT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(json::parse(refused.body).at("detail"), "line 3: value is negative");
  EXPECT_EQ(test.env.audit_store.entries().back().event.outcome, "error");
  const Response list =
      test.Send(ApiTestEnv::Make(Method::kGet, "/api/v1/warn/series?area=AFG"), session);
  EXPECT_TRUE(json::parse(list.body).at("items").empty());
  const Response missing =
      test.Send(ApiTestEnv::Make(Method::kGet, "/api/v1/warn/series/AFG/conflict-events"), session);
  EXPECT_EQ(missing.status, 404);
  const Response bad_format =
      test.Send(ApiTestEnv::Make(Method::kPost, "/api/v1/warn/series/import",
                                 R"({"format":"ucdp-ged","csv":""})"),
                session);
  EXPECT_EQ(bad_format.status, 400);
}

TEST(WarnSeriesRoutes, IndicatorsListTheCatalogue) {
  ApiTestEnv test;
  test.env.AddUser("viv", Role::kViewer);
  const auto session = test.SignIn("viv");
  const Response list =
      test.Send(ApiTestEnv::Make(Method::kGet, "/api/v1/warn/indicators"), session);
  ASSERT_EQ(list.status, 200);
  const json item = json::parse(list.body).at("items")[0];
  EXPECT_EQ(item.at("id"), "conflict-events");
  EXPECT_EQ(item.at("detector"), "noufaily");
  EXPECT_EQ(item.at("period"), "month");
  EXPECT_EQ(item.at("source").at("key"), "S5");
}

}  // namespace
}  // namespace vigil::http
