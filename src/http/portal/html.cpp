#include "http/portal/html.hpp"

namespace vigil::http::portal {

std::string EscapeText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

// Same set as text: values are always written double-quoted, and escaping quotes of both kinds
// keeps a value safe even if a caller's markup changes quoting.
std::string EscapeAttribute(std::string_view text) {
  return EscapeText(text);
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' ||
                            byte == '_' || byte == '~';
    if (unreserved) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0x0f]);
    }
  }
  return out;
}

void HtmlWriter::WriteAttributes(std::initializer_list<Attribute> attributes) {
  for (const auto& [name, value] : attributes) {
    if (name.empty()) continue;
    out_ += ' ';
    out_ += name;
    out_ += "=\"";
    out_ += EscapeAttribute(value);
    out_ += '"';
  }
}

HtmlWriter& HtmlWriter::Open(std::string_view tag, std::initializer_list<Attribute> attributes) {
  out_ += '<';
  out_ += tag;
  WriteAttributes(attributes);
  out_ += '>';
  return *this;
}

HtmlWriter& HtmlWriter::Close(std::string_view tag) {
  out_ += "</";
  out_ += tag;
  out_ += '>';
  return *this;
}

HtmlWriter& HtmlWriter::Element(std::string_view tag, std::initializer_list<Attribute> attributes,
                                std::string_view text) {
  Open(tag, attributes);
  Text(text);
  return Close(tag);
}

HtmlWriter& HtmlWriter::Void(std::string_view tag, std::initializer_list<Attribute> attributes) {
  return Open(tag, attributes);
}

HtmlWriter& HtmlWriter::Text(std::string_view text) {
  out_ += EscapeText(text);
  return *this;
}

HtmlWriter& HtmlWriter::Trusted(std::string_view markup) {
  out_ += markup;
  return *this;
}

}  // namespace vigil::http::portal
