#include "http/portal/language.hpp"

#include <cctype>
#include <charconv>
#include <string>

#include "http/message.hpp"

namespace vigil::http::portal {
namespace {

std::string Lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The q-value of one Accept-Language item's parameters; 1 when absent, -1 when malformed.
double QualityOf(std::string_view params) {
  for (std::string_view param : SplitList(params, ';')) {
    if (!param.starts_with("q=") && !param.starts_with("Q=")) continue;
    const std::string_view value = param.substr(2);
    double quality = 0;
    const auto parsed = std::from_chars(value.data(), value.data() + value.size(), quality);
    if (parsed.ec != std::errc() || quality < 0 || quality > 1) return -1;
    return quality;
  }
  return 1;
}

}  // namespace

const PortalLanguage* FindLanguage(std::string_view code) {
  for (const PortalLanguage& language : kPortalLanguages) {
    if (language.code == code) return &language;
  }
  return nullptr;
}

std::string_view NegotiateLanguage(std::string_view accept_language) {
  std::string_view best = "en";
  double best_quality = 0;
  for (std::string_view item : SplitList(accept_language, ',')) {
    const auto semicolon = item.find(';');
    std::string tag = Lowercase(item.substr(0, semicolon));
    while (!tag.empty() && tag.back() == ' ') tag.pop_back();
    const double quality =
        semicolon == std::string_view::npos ? 1 : QualityOf(item.substr(semicolon + 1));
    if (quality <= best_quality) continue;
    const std::string primary = tag.substr(0, tag.find('-'));
    const PortalLanguage* language = primary == "*" ? FindLanguage("en") : FindLanguage(primary);
    if (language == nullptr) continue;
    best = language->code;
    best_quality = quality;
  }
  return best;
}

}  // namespace vigil::http::portal
