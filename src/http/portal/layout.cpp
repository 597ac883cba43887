// The frame every portal page shares.
#include "http/portal/pages.hpp"

namespace vigil::http::portal {
namespace {

// A shield, drawn inline (the portal loads no images).
constexpr std::string_view kLogo =
    R"(<svg class="logo" aria-hidden="true" focusable="false" width="28" height="28" viewBox="0 0 24 24"><path fill="currentColor" d="M12 2 4 5v6c0 5 3.4 9.7 8 11 4.6-1.3 8-6 8-11V5l-8-3zm0 2.2 6 2.2V11c0 4-2.6 7.8-6 8.9C8.6 18.8 6 15 6 11V6.4l6-2.2z"/></svg>)";

struct NavEntry {
  std::string_view key;   // nav_key and strings key suffix
  std::string_view slug;  // path after /{lang}/
};
constexpr NavEntry kNav[] = {{"home", ""},
                             {"warning_signs", "warning-signs"},
                             {"get_help", "get-help"},
                             {"rights", "rights"},
                             {"learn", "learn"},
                             {"search", "search"},
                             {"about", "about"}};

void WriteHeader(HtmlWriter& html, const PageEnv& env, const PortalLanguage& lang,
                 std::string_view slug, std::string_view nav_key) {
  auto s = [&](std::string_view key) { return env.strings.Get(lang.code, key); };
  const std::string home = "/" + std::string(lang.code) + "/";
  html.Open("header", {{"class", "site-header"}}).Open("div", {{"class", "top"}});
  html.Open("a", {{"class", "brand"}, {"href", home}}).Trusted(kLogo);
  html.Element("span", {}, s("site_name")).Close("a");
  html.Open("a", {{"id", "leave"},
                  {"class", "leave"},
                  {"href", env.exit_url},
                  {"rel", "nofollow noreferrer"}});
  html.Element("span", {{"class", "visually-hidden"}}, s("leave_prefix"));
  html.Text(s("leave")).Close("a").Close("div");

  html.Open("nav", {{"class", "langs"}, {"aria-label", s("languages_label")}}).Open("ul");
  for (const PortalLanguage& other : kPortalLanguages) {
    const std::string href = "/" + std::string(other.code) + "/" + std::string(slug);
    const bool current = other.code == lang.code;
    html.Open("li").Open("a", {{"href", href},
                               {"lang", other.code},
                               {"hreflang", other.code},
                               {"dir", other.rtl ? "rtl" : "ltr"},
                               {current ? "aria-current" : "", "true"}});
    html.Text(other.endonym).Close("a").Close("li");
  }
  html.Close("ul").Close("nav");

  html.Open("nav", {{"class", "nav"}, {"aria-label", s("main_nav_label")}}).Open("ul");
  for (const NavEntry& entry : kNav) {
    const std::string href = home + std::string(entry.slug);
    const std::string label_key = "nav_" + std::string(entry.key);
    html.Open("li").Open("a",
                         {{"href", href}, {entry.key == nav_key ? "aria-current" : "", "page"}});
    html.Text(s(label_key)).Close("a").Close("li");
  }
  html.Close("ul").Close("nav").Close("header");
}

}  // namespace

std::string RenderDocument(const PageEnv& env, const PortalLanguage& lang, std::string_view slug,
                           const PageBody& body) {
  auto s = [&](std::string_view key) { return env.strings.Get(lang.code, key); };
  HtmlWriter html;
  html.Trusted("<!DOCTYPE html>\n");
  html.Open("html", {{"lang", lang.code}, {"dir", lang.rtl ? "rtl" : "ltr"}});
  html.Open("head").Void("meta", {{"charset", "utf-8"}});
  html.Void("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
  html.Element("title", {}, body.title + " – " + std::string(s("site_name")));
  html.Void("meta", {{"name", "referrer"}, {"content", "no-referrer"}});
  html.Void("link", {{"rel", "stylesheet"}, {"href", env.css_href}});
  html.Element("script", {{"src", env.js_href}, {"defer", ""}}, "");
  html.Close("head");
  html.Open("body");
  html.Element("a", {{"class", "skip"}, {"href", "#main"}}, s("skip"));
  WriteHeader(html, env, lang, slug, body.nav_key);
  html.Open("main", {{"id", "main"}, {"tabindex", "-1"}});
  html.Trusted(body.html);  // built by HtmlWriter in the page renderers
  html.Close("main");
  html.Open("footer", {{"class", "site-footer"}});
  html.Element("p", {{"class", "leave-note"}}, s("leave_note"));
  html.Open("p").Element("a", {{"href", "/" + std::string(lang.code) + "/about"}}, s("nav_about"));
  html.Close("p").Close("footer");
  html.Close("body").Close("html");
  return html.Take();
}

}  // namespace vigil::http::portal
