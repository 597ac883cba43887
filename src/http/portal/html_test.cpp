#include "http/portal/html.hpp"

#include <gtest/gtest.h>

namespace vigil::http::portal {
namespace {

TEST(PortalHtml, EscapesScriptTagInText) {
  EXPECT_EQ(EscapeText("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
}

TEST(PortalHtml, EscapesQuotesAndAmpersand) {
  EXPECT_EQ(EscapeText(R"(a & "b" 'c')"), "a &amp; &quot;b&quot; &#39;c&#39;");
  EXPECT_EQ(EscapeAttribute(R"("><img src=x onerror=alert(1)>)"),
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
}

TEST(PortalHtml, KeepsUtf8Untouched) {
  EXPECT_EQ(EscapeText("торгівля людьми — الاتجار"), "торгівля людьми — الاتجار");
}

TEST(PortalHtml, PercentEncodesUrlComponents) {
  EXPECT_EQ(PercentEncode("a b&c=d/e?\"'<"), "a%20b%26c%3Dd%2Fe%3F%22%27%3C");
  EXPECT_EQ(PercentEncode("робота"), "%D1%80%D0%BE%D0%B1%D0%BE%D1%82%D0%B0");
  EXPECT_EQ(PercentEncode("Az09-._~"), "Az09-._~");
}

TEST(PortalHtml, WriterEscapesAttributesAndText) {
  HtmlWriter html;
  html.Open("p", {{"class", "note"}, {"title", R"(" onmouseover="x)"}})
      .Text("<b>bold</b> & 'quoted'")
      .Close("p");
  EXPECT_EQ(
      html.str(),
      R"(<p class="note" title="&quot; onmouseover=&quot;x">&lt;b&gt;bold&lt;/b&gt; &amp; &#39;quoted&#39;</p>)");
}

TEST(PortalHtml, WriterSkipsAttributesWithoutName) {
  HtmlWriter html;
  html.Element("a", {{"href", "/en/"}, {"", "ignored"}}, "Home");
  EXPECT_EQ(html.str(), R"(<a href="/en/">Home</a>)");
}

TEST(PortalHtml, DataItemWithMarkupStaysText) {
  // A knowledge item whose body someone filled with markup.
  const std::string body = R"x(High pay <b>no</b> experience<img src=x onerror="alert(1)">)x";
  HtmlWriter html;
  html.Element("p", {}, body).Void("input", {{"value", body}});
  EXPECT_EQ(html.str().find("<b>"), std::string::npos);
  EXPECT_EQ(html.str().find("<img"), std::string::npos);
  EXPECT_NE(html.str().find("&lt;b&gt;no&lt;/b&gt;"), std::string::npos);
}

}  // namespace
}  // namespace vigil::http::portal
