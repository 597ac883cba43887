// A tiny HTML writer for the server-rendered portal: every piece of text goes through an escaping
// function chosen by its context (element text, attribute value, URL component), so content from
// the data files or a query can never become markup.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace vigil::http::portal {

// Escapes & < > " ' for use as element text or inside a double-quoted attribute value.
[[nodiscard]] std::string EscapeText(std::string_view text);
[[nodiscard]] std::string EscapeAttribute(std::string_view text);
// Percent-encodes everything but RFC 3986 unreserved characters: for one path segment, one
// query value or a fragment.
[[nodiscard]] std::string PercentEncode(std::string_view text);

using Attribute = std::pair<std::string_view, std::string_view>;

// Builds a document in a string. Tag and attribute names are literals from our code (never
// data); attribute values and text are escaped. An attribute with an empty name is skipped, so
// optional attributes can be written inline.
class HtmlWriter {
 public:
  // <tag a="v" ...>
  HtmlWriter& Open(std::string_view tag, std::initializer_list<Attribute> attributes = {});
  // </tag>
  HtmlWriter& Close(std::string_view tag);
  // <tag a="v">text</tag>
  HtmlWriter& Element(std::string_view tag, std::initializer_list<Attribute> attributes,
                      std::string_view text);
  // <tag a="v"> with no end tag (meta, link, input, br).
  HtmlWriter& Void(std::string_view tag, std::initializer_list<Attribute> attributes);
  HtmlWriter& Text(std::string_view text);
  // Trusted markup written by our own code (doctype, inline SVG). REQUIRES: never data.
  HtmlWriter& Trusted(std::string_view markup);

  [[nodiscard]] const std::string& str() const { return out_; }
  [[nodiscard]] std::string Take() { return std::move(out_); }

 private:
  void WriteAttributes(std::initializer_list<Attribute> attributes);
  std::string out_;
};

}  // namespace vigil::http::portal
