// The portal's languages (one URL prefix each) and Accept-Language negotiation for "/".
#pragma once

#include <array>
#include <string_view>

namespace vigil::http::portal {

struct PortalLanguage {
  std::string_view code;     // URL prefix and lang attribute
  std::string_view endonym;  // the language's name in itself, for the switcher
  bool rtl = false;
};

inline constexpr std::array<PortalLanguage, 6> kPortalLanguages = {{
    {"en", "English", false},
    {"uk", "Українська", false},
    {"ru", "Русский", false},
    {"pl", "Polski", false},
    {"ro", "Română", false},
    {"ar", "العربية", true},
}};

// The language with this code; null when the portal does not offer it.
[[nodiscard]] const PortalLanguage* FindLanguage(std::string_view code);

// The offered language the client prefers most, from an Accept-Language header: q-values
// respected, ties in header order, "uk-UA" matches "uk", "*" means English, q=0 refuses.
// English when nothing matches.
[[nodiscard]] std::string_view NegotiateLanguage(std::string_view accept_language);

}  // namespace vigil::http::portal
