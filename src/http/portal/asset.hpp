// The portal's stylesheet and script: held in memory with a strong ETag and a gzip copy, served
// from the same origin; and gzip for the rendered pages.
#pragma once

#include <string>
#include <string_view>

#include "http/message.hpp"

namespace vigil::http::portal {

// gzip (RFC 1952) of `data` at zlib `level` (1 fastest to 9 smallest); empty on failure.
[[nodiscard]] std::string Gzip(std::string_view data, int level = 9);


struct Asset {
  std::string content_type;
  std::string content;
  std::string gzipped;
  std::string etag;  // quoted, from the content

  // A short version tag for cache-busting URLs ("/portal.css?v=...").
  [[nodiscard]] std::string Version() const { return etag.size() > 10 ? etag.substr(1, 8) : "0"; }
};

[[nodiscard]] Asset MakeAsset(std::string content_type, std::string content);

// 200 (gzip when accepted) or 304 on a matching If-None-Match; long-lived caching, since page
// links carry the version.
[[nodiscard]] Response ServeAsset(const Asset& asset, const Request& request);

// An HTML page: gzip when accepted, Vary: Accept-Encoding.
[[nodiscard]] Response HtmlResponse(int status, std::string html, const Request& request);

}  // namespace vigil::http::portal
