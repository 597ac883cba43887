// Web addresses for IdentifierExtractor: URLs and bare domains reduced to registered domain +
// path (public-suffix aware, libpsl's built-in list), and messenger links (t.me, wa.me, viber://,
// signal.me …) turned into messenger identifiers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/common/error.hpp"
#include "core/monitor/identifiers.hpp"
#include "core/monitor/normalise.hpp"
#include "core/monitor/phones.hpp"

struct psl_ctx_st;

namespace vigil::core::monitor {

class WebAddressFinder {
 public:
  // kInternal when libpsl has no built-in public suffix list.
  [[nodiscard]] static Result<WebAddressFinder> Create(const std::vector<std::string>& shared_hosts);

  // Appends the web and messenger identifiers of `folded` (= Fold(original)) to `out` and the
  // original span of every web address to `blocked`. Paths keep the case of `original`; hosts are
  // lower case. Query parameters used only for tracking (utm_*, fbclid, gclid …) are dropped.
  // Not thread-safe: keeps the public-suffix answers for the hosts it has seen (one finder per
  // IdentifierExtractor, which is not thread-safe either).
  void Find(std::string_view original, const MappedText& folded, const PhoneFinder& phones,
            std::vector<Identifier>& out, std::vector<ByteSpan>& blocked) const;

 private:
  WebAddressFinder(const psl_ctx_st* psl, std::unordered_set<std::string> shared_hosts)
      : psl_(psl), shared_hosts_(std::move(shared_hosts)) {}

  void Classify(std::string_view scheme, const std::string& host, std::string_view rest, ByteSpan span,
                const PhoneFinder& phones, std::vector<Identifier>& out) const;

  // libpsl's registrable domain of `host`, nullptr when it has none; remembered, because hosts
  // repeat a lot (t.me, wa.me, the same job sites) and libpsl splits and looks up every label.
  [[nodiscard]] const std::string* RegisteredDomain(const std::string& host) const;
  // Whether `top_level` is a listed ICANN public suffix (no "*" rule); remembered too.
  [[nodiscard]] bool IsListedTopLevel(std::string_view top_level) const;

  const psl_ctx_st* psl_;
  std::unordered_set<std::string> shared_hosts_;
  // The answers above; cleared when large, so a stream of distinct hosts cannot grow them
  // without bound. Only a cache: mutable, as Find is const.
  mutable std::unordered_map<std::string, std::optional<std::string>> registered_;
  mutable std::unordered_map<std::string, bool> top_levels_;
};

}  // namespace vigil::core::monitor
