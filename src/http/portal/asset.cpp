#include "http/portal/asset.hpp"

#include <sodium.h>
#include <zlib.h>

#include <array>

#include "core/common/encoding.hpp"

namespace vigil::http::portal {

std::string Gzip(std::string_view data) {
  z_stream stream{};
  // 15 + 16: a gzip header and trailer rather than zlib's.
  if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    return {};
  }
  std::string out(deflateBound(&stream, data.size()) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return result == Z_STREAM_END ? out : std::string();
}

Asset MakeAsset(std::string content_type, std::string content) {
  std::string tag = ContentTag(content);
  Asset asset{std::move(content_type), std::move(content), {}, std::move(tag)};
  asset.gzipped = Gzip(asset.content);
  return asset;
}

Response ServeAsset(const Asset& asset, const Request& request) {
  Response response;
  response.SetHeader("Content-Type", asset.content_type);
  response.SetHeader("Vary", "Accept-Encoding");
  response.SetHeader("Cache-Control", "public, max-age=31536000, immutable");
  response.SetHeader("ETag", asset.etag);
  auto if_none_match = request.Header("if-none-match");
  if (if_none_match && if_none_match->find(asset.etag) != std::string_view::npos) {
    response.status = 304;
    return response;
  }
  if (AcceptsGzip(request) && !asset.gzipped.empty()) {
    response.SetHeader("Content-Encoding", "gzip");
    response.body = asset.gzipped;
  } else {
    response.body = asset.content;
  }
  return response;
}

Response HtmlResponse(int status, std::string html, const Request& request) {
  Response response;
  response.status = status;
  response.SetHeader("Content-Type", "text/html; charset=utf-8");
  response.SetHeader("Vary", "Accept-Encoding");
  if (AcceptsGzip(request)) {
    std::string compressed = Gzip(html);
    if (!compressed.empty()) {
      response.SetHeader("Content-Encoding", "gzip");
      response.body = std::move(compressed);
      return response;
    }
  }
  response.body = std::move(html);
  return response;
}

}  // namespace vigil::http::portal
