// Contact identifiers in post fields: phone numbers (E.164), e-mail addresses (also with "@" and
// "." written out: "(at)", "[dot]", "małpa", "собака"), web addresses
// reduced to registered domain + path, messenger links (Telegram, WhatsApp, Viber, Signal) and
// @handles. They are what links posts of one recruiter across sources.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"
#include "core/monitor/normalise.hpp"

namespace vigil::core::monitor {

enum class IdentifierType { kPhone, kEmail, kDomain, kTelegram, kWhatsapp, kViber, kSignal, kHandle };

// The stable name used in outputs: "phone", "email", "domain", "telegram", "whatsapp", "viber",
// "signal", "handle".
[[nodiscard]] std::string_view IdentifierTypeName(IdentifierType type);

struct Identifier {
  IdentifierType type = IdentifierType::kPhone;
  // Normalised: phones "+380501234567"; e-mails lower case; domains "olx.ua/d/obyavlenie/x";
  // Telegram user names lower case without "@" (invite links keep their case: "+AbCd");
  // WhatsApp/Viber/Signal numbers in E.164, their group links as "host/path#fragment";
  // handles "@name" lower case.
  std::string value;
  ByteSpan span;  // [start, end) bytes in the original field
  // For kDomain: the registered domain is a shared host (a social network, link shortener or
  // messenger), so the domain alone says nothing about who posted. Linking may use the value only
  // when it carries a path; never the bare domain.
  bool shared_host = false;
};

// A numbering range that libphonenumber's packaged metadata rejects although it is in use (for
// example +380 77, opened after the metadata was built). Each entry carries its source.
struct PhoneOverride {
  int country_code = 0;          // e.g. 380
  std::string national_prefix;   // leading digits of the national significant number, e.g. "77"
  int national_length = 0;       // digits of the national significant number, e.g. 9
  std::string source;            // where the range is documented
  bool verified = false;         // false: the entry is marked `unverified` in its file
};

struct IdentifierOptions {
  // Regions (ISO 3166-1 alpha-2) tried, in order, after the post's own region hint for numbers
  // written without a country code.
  std::vector<std::string> fallback_regions;
  std::vector<PhoneOverride> phone_overrides;
  // Registered domains (e.g. "facebook.com", "bit.ly") that must never link posts by domain alone.
  std::vector<std::string> shared_hosts;
};

// Checks the overrides and shared hosts: country codes 1–999, national prefixes of digits,
// lengths 4–17 beyond the prefix, a source on each; hosts non-empty, lower case, without scheme.
// kInvalidArgument naming the entry (by index) and the field.
[[nodiscard]] Status ValidateIdentifierOptions(const IdentifierOptions& options);

// Finds identifiers in post fields. Holds a Normaliser and caches: one instance per thread,
// NOT thread-safe. Movable.
class IdentifierExtractor {
 public:
  // kInvalidArgument when the options are invalid (ValidateIdentifierOptions); kInternal when
  // ICU or libpsl data cannot be loaded.
  [[nodiscard]] static Result<IdentifierExtractor> Create(IdentifierOptions options);
  ~IdentifierExtractor();
  IdentifierExtractor(IdentifierExtractor&&) noexcept;
  IdentifierExtractor& operator=(IdentifierExtractor&&) noexcept;

  // Identifiers in `field` (a post's text or title), ordered by span start, each value once
  // per type (the first occurrence's span). `region` is the post's hint for national numbers.
  // Digits inside web addresses, e-mails, prices ("1 500 000 грн"), dates ("12.05.2024"), times
  // and numbers introduced as ids ("ID 48123456", "№ 1234567") never give phones.
  [[nodiscard]] std::vector<Identifier> Extract(std::string_view field,
                                                const std::optional<std::string>& region);

  // The same on forms the caller already computed with a Normaliser: `folded` = Fold(field),
  // `digits` = DeobfuscateDigits(folded).
  [[nodiscard]] std::vector<Identifier> Extract(std::string_view field, const MappedText& folded,
                                                const MappedText& digits,
                                                const std::optional<std::string>& region);

 private:
  struct Impl;
  explicit IdentifierExtractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigil::core::monitor
