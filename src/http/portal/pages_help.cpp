// The "Get help" page (emergency numbers, then hotlines by country) and the search page.
#include <algorithm>

#include "http/portal/pages.hpp"

namespace vigil::http::portal {
namespace {

std::string_view Str(const PageEnv& env, const PortalLanguage& lang, std::string_view key) {
  return env.strings.Get(lang.code, key);
}

std::string CountryName(const PageEnv& env, const PortalLanguage& lang, const std::string& code) {
  const std::string key = "country_" + code;
  const std::string_view name = env.strings.Get(lang.code, key);
  return name == key ? code : std::string(name);
}

void WriteHotline(HtmlWriter& html, const PageEnv& env, const PortalLanguage& lang,
                  const core::knowledge::Hotline& hotline, TimePoint now,
                  std::string_view heading_tag) {
  html.Open("li", {{"class", "hotline"}, {"id", hotline.id}});
  html.Element(heading_tag, {{"lang", "en"}, {"dir", "auto"}}, hotline.organisation);
  html.Open("p", {{"class", "numbers"}});
  for (const auto& number : hotline.numbers) {
    const std::string tel = number.e164.value_or(number.dial);
    std::string href = "tel:";
    for (char c : tel) {
      if ((c >= '0' && c <= '9') || c == '+') href.push_back(c);
    }
    html.Open("a", {{"class", "tel"}, {"href", href}, {"dir", "ltr"}})
        .Text(number.dial)
        .Close("a")
        .Text(" ");
  }
  html.Close("p");
  html.Open("dl", {{"class", "fields"}});
  if (!hotline.languages.empty()) {
    std::string joined;
    for (const auto& language : hotline.languages)
      joined += (joined.empty() ? "" : ", ") + language;
    html.Element("dt", {}, Str(env, lang, "hotline_languages")).Element("dd", {}, joined);
  }
  if (hotline.hours) {
    html.Element("dt", {}, Str(env, lang, "hotline_hours"));
    html.Element("dd", {{"lang", "en"}, {"dir", "ltr"}}, *hotline.hours);
  }
  if (hotline.free) {
    html.Element("dt", {}, Str(env, lang, "hotline_cost"));
    html.Element("dd", {}, Str(env, lang, *hotline.free ? "hotline_free" : "hotline_not_free"));
  }
  html.Close("dl");
  if (core::knowledge::NotRecentlyVerified(hotline, now)) {
    html.Element("p", {{"class", "note unverified"}}, Str(env, lang, "not_verified"));
  } else if (hotline.verified_on) {
    html.Open("p", {{"class", "source"}}).Text(Str(env, lang, "verified_on")).Text(" ");
    html.Element("span", {{"dir", "ltr"}}, *hotline.verified_on).Close("p");
  }
  html.Open("p", {{"class", "source"}}).Text(Str(env, lang, "source")).Text(" ");
  html.Element("span", {{"lang", "en"}, {"dir", "ltr"}}, hotline.source).Close("p");
  html.Close("li");
}

}  // namespace

PageBody RenderGetHelp(const PageEnv& env, const PortalLanguage& lang, TimePoint now) {
  HtmlWriter html;
  html.Element("h1", {}, Str(env, lang, "get_help_title"));
  html.Element("p", {{"class", "lead"}}, Str(env, lang, "get_help_lead"));
  const auto hotlines = env.knowledge.Hotlines();
  html.Element("h2", {}, Str(env, lang, "emergency_heading"));
  html.Open("ul", {{"class", "hotlines"}});
  for (const auto& hotline : hotlines) {
    if (hotline.emergency) WriteHotline(html, env, lang, hotline, now, "h3");
  }
  html.Close("ul");
  html.Element("h2", {}, Str(env, lang, "by_country_heading"));
  std::vector<std::string> countries;
  for (const auto& hotline : hotlines) {
    if (!hotline.emergency &&
        std::find(countries.begin(), countries.end(), hotline.country) == countries.end()) {
      countries.push_back(hotline.country);
    }
  }
  for (const std::string& country : countries) {
    html.Open("section", {{"class", "country"}});
    html.Element("h3", {{"class", "country-name"}}, CountryName(env, lang, country));
    html.Open("ul", {{"class", "hotlines"}});
    for (const auto& hotline : hotlines) {
      if (!hotline.emergency && hotline.country == country) {
        WriteHotline(html, env, lang, hotline, now, "h4");
      }
    }
    html.Close("ul").Close("section");
  }
  html.Element("h2", {}, Str(env, lang, "nearby_heading"));
  html.Element("p", {}, Str(env, lang, "nearby_services"));
  html.Element("p", {{"class", "print-hint"}}, Str(env, lang, "print_hint"));
  return {std::string(Str(env, lang, "get_help_title")), "get_help", html.Take()};
}

PageBody RenderSearch(const PageEnv& env, const PortalLanguage& lang, std::string_view query,
                      const Result<std::vector<core::knowledge::SearchHit>>& hits) {
  HtmlWriter html;
  html.Element("h1", {}, Str(env, lang, "search_title"));
  html.Open("form", {{"class", "search"},
                     {"role", "search"},
                     {"method", "get"},
                     {"action", "/" + std::string(lang.code) + "/search"}});
  html.Element("label", {{"for", "q"}}, Str(env, lang, "search_label"));
  html.Open("div", {{"class", "search-row"}});
  html.Void(
      "input",
      {{"type", "search"}, {"id", "q"}, {"name", "q"}, {"value", query}, {"maxlength", "200"}});
  html.Element("button", {{"type", "submit"}}, Str(env, lang, "search_button"));
  html.Close("div").Close("form");
  if (!query.empty()) {
    html.Open("section", {{"aria-labelledby", "results"}});
    html.Open("h2", {{"id", "results"}}).Text(Str(env, lang, "search_results")).Text(" ");
    html.Element("q", {{"dir", "auto"}}, query).Close("h2");
    if (!hits) {
      html.Element("p", {{"class", "note"}}, Str(env, lang, "search_too_long"));
    } else if (hits->empty()) {
      html.Element("p", {}, Str(env, lang, "search_none"));
    } else {
      html.Open("ol", {{"class", "results"}});
      for (const auto& hit : *hits) {
        auto view = env.knowledge.View(hit.topic, std::string(lang.code));
        if (!view) continue;
        for (std::size_t idx = 0; idx < view->topic.items.size(); ++idx) {
          const auto& item = view->topic.items[idx];
          if (item.id != hit.item) continue;
          const bool english = view->fallback[idx];
          html.Open("li", {{english ? "lang" : "", "en"}, {english ? "dir" : "", "ltr"}});
          html.Element("a", {{"href", ItemHref(lang.code, item.id)}}, item.title);
          std::string excerpt = item.body.substr(0, item.body.find('\n'));
          if (excerpt.size() > 200) {
            excerpt.resize(200);
            // Do not cut a UTF-8 sequence in half.
            while (!excerpt.empty() &&
                   (static_cast<unsigned char>(excerpt.back()) & 0xC0) == 0x80) {
              excerpt.pop_back();
            }
            if (!excerpt.empty()) excerpt.pop_back();
            excerpt += "…";
          }
          html.Element("p", {}, excerpt);
          html.Element("p", {{"class", "source"}}, view->topic.title);
          html.Close("li");
        }
      }
      html.Close("ol");
    }
    html.Close("section");
  }
  return {std::string(Str(env, lang, "search_title")), "search", html.Take()};
}

}  // namespace vigil::http::portal
