// The public information portal: server-rendered pages under one prefix per language
// (/en/, /uk/, ..., /ar/), Accept-Language negotiation on "/", and the portal's stylesheet and
// script. No sign-in, no cookies; the search query is never logged (the access log carries the
// route pattern only).
#include <memory>

#include "http/portal/pages.hpp"
#include "http/portal/portal_files.hpp"
#include "http/routes.hpp"

namespace vigil::http {
namespace {

using portal::PageBody;
using portal::PageEnv;
using portal::PortalLanguage;

struct PortalState {
  portal::PortalFiles files;
  std::vector<codec::yaml::FileProblem> problems;
};

using PageRenderer = std::function<std::optional<PageBody>(const PageEnv&, const PortalLanguage&,
                                                           const RequestContext&)>;

Response Unavailable(const Request& request) {
  return portal::HtmlResponse(
      503,
      "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\"><head><meta charset=\"utf-8\">"
      "<title>Unavailable</title></head><body><main><h1>Unavailable</h1>"
      "<p>The information pages are not loaded on this server.</p></main></body></html>",
      request);
}

std::string SlugOf(std::string_view pattern, const PathParams& params) {
  std::string slug(pattern.substr(std::string_view("/{lang}/").size()));
  if (auto topic = params.find("topic"); topic != params.end()) {
    slug = "learn/" + portal::PercentEncode(topic->second);
  }
  return slug;
}

void AddPage(Router& router, const std::shared_ptr<PortalState>& state, const ApiServices& services,
             std::string pattern, std::string action, PageRenderer render) {
  router.Add({.method = Method::kGet,
              .pattern = pattern,
              .is_public = true,
              .action = std::move(action),
              .handler = [state, &services, pattern, render = std::move(render)](
                             const RequestContext& ctx) -> Result<Response> {
                if (!state->files.ready() || services.knowledge == nullptr) {
                  return Unavailable(ctx.request);
                }
                const PageEnv env{state->files.strings, *services.knowledge, state->files.exit_url,
                                  "/portal.css?v=" + state->files.css.Version(),
                                  "/portal.js?v=" + state->files.js.Version()};
                const PortalLanguage* lang = portal::FindLanguage(ctx.params.find("lang")->second);
                std::optional<PageBody> body;
                if (lang != nullptr) body = render(env, *lang, ctx);
                const bool found = body.has_value();
                if (!found) {
                  if (lang == nullptr) lang = &portal::kPortalLanguages[0];
                  body = portal::RenderNotFound(env, *lang);
                }
                const std::string slug = found ? SlugOf(pattern, ctx.params) : "";
                return portal::HtmlResponse(found ? 200 : 404,
                                            portal::RenderDocument(env, *lang, slug, *body),
                                            ctx.request);
              },
              .in_openapi = false});
}

std::optional<PageBody> TopicPage(const PageEnv& env, const PortalLanguage& lang,
                                  const std::string& topic, std::string_view nav_key) {
  auto view = env.knowledge.View(topic, std::string(lang.code));
  if (!view) return std::nullopt;
  return portal::RenderTopic(env, lang, *view, nav_key);
}

void AddAsset(Router& router, const std::shared_ptr<PortalState>& state, std::string pattern,
              bool css) {
  router.Add({.method = Method::kGet,
              .pattern = std::move(pattern),
              .is_public = true,
              .action = "portal.asset",
              .handler = [state, css](const RequestContext& ctx) -> Result<Response> {
                return portal::ServeAsset(css ? state->files.css : state->files.js, ctx.request);
              },
              .in_openapi = false});
}

}  // namespace

void RegisterPortalRoutes(Router& router, RouteDeps deps) {
  auto state = std::make_shared<PortalState>();
  state->files = portal::LoadPortalFiles(std::filesystem::path(deps.options.data_dir) / "portal",
                                         state->problems);
  const ApiServices& services = deps.services;

  router.Add({.method = Method::kGet,
              .pattern = "/",
              .is_public = true,
              .action = "portal.root",
              .handler = [](const RequestContext& ctx) -> Result<Response> {
                Response response;
                response.status = 302;
                const auto lang =
                    portal::NegotiateLanguage(ctx.request.Header("accept-language").value_or(""));
                response.SetHeader("Location", "/" + std::string(lang) + "/");
                response.SetHeader("Vary", "Accept-Language");
                return response;
              },
              .in_openapi = false});
  AddAsset(router, state, "/portal.css", true);
  AddAsset(router, state, "/portal.js", false);

  AddPage(router, state, services, "/{lang}/", "portal.home",
          [](const PageEnv& env, const PortalLanguage& lang, const RequestContext&) {
            return std::optional(portal::RenderHome(env, lang));
          });
  AddPage(router, state, services, "/{lang}/warning-signs", "portal.warning_signs",
          [](const PageEnv& env, const PortalLanguage& lang, const RequestContext&) {
            return TopicPage(env, lang, "warning_signs", "warning_signs");
          });
  AddPage(router, state, services, "/{lang}/rights", "portal.rights",
          [](const PageEnv& env, const PortalLanguage& lang, const RequestContext&) {
            return TopicPage(env, lang, "rights", "rights");
          });
  AddPage(router, state, services, "/{lang}/get-help", "portal.get_help",
          [&services](const PageEnv& env, const PortalLanguage& lang, const RequestContext&) {
            return std::optional(portal::RenderGetHelp(env, lang, services.clock->Now()));
          });
  AddPage(router, state, services, "/{lang}/learn", "portal.learn",
          [](const PageEnv& env, const PortalLanguage& lang, const RequestContext&) {
            return std::optional(portal::RenderLearnIndex(env, lang));
          });
  AddPage(router, state, services, "/{lang}/learn/{topic}", "portal.learn_topic",
          [](const PageEnv& env, const PortalLanguage& lang,
             const RequestContext& ctx) -> std::optional<PageBody> {
            const std::string& topic = ctx.params.find("topic")->second;
            auto view = env.knowledge.View(topic, std::string(lang.code));
            if (!view || view->topic.audience != "practitioner") return std::nullopt;
            return portal::RenderTopic(env, lang, *view, "learn");
          });
  AddPage(router, state, services, "/{lang}/search", "portal.search",
          [&services](const PageEnv& env, const PortalLanguage& lang,
                      const RequestContext& ctx) -> std::optional<PageBody> {
            const std::string query = ctx.request.QueryParam("q").value_or("");
            Result<std::vector<core::knowledge::SearchHit>> hits =
                std::vector<core::knowledge::SearchHit>{};
            if (!query.empty() && services.search != nullptr) {
              hits = services.search->Search(std::string(lang.code), query, 20);
            }
            return portal::RenderSearch(env, lang, query, hits);
          });
  AddPage(router, state, services, "/{lang}/about", "portal.about",
          [](const PageEnv& env, const PortalLanguage& lang, const RequestContext&) {
            return std::optional(portal::RenderAbout(env, lang));
          });
}

}  // namespace vigil::http
