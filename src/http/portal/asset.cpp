#include "http/portal/asset.hpp"

#include <sodium.h>
#include <zlib.h>

#include <array>
#include <memory>

#include "core/common/encoding.hpp"

namespace vigil::http::portal {

namespace {

// One deflate state per thread and level, reset between uses: initialising zlib allocates a few
// hundred KiB, and freeing that on every request costs more than the compression itself.
class Deflater {
 public:
  explicit Deflater(int level) {
    // 15 + 16: a gzip header and trailer rather than zlib's.
    ok_ = deflateInit2(&stream_, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK;
  }
  ~Deflater() {
    if (ok_) deflateEnd(&stream_);
  }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  std::string Compress(std::string_view data) {
    if (!ok_ || deflateReset(&stream_) != Z_OK) return {};
    std::string out(deflateBound(&stream_, data.size()) + 32, '\0');
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream_.avail_in = static_cast<uInt>(data.size());
    stream_.next_out = reinterpret_cast<Bytef*>(out.data());
    stream_.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream_, Z_FINISH);
    out.resize(stream_.total_out);
    return result == Z_STREAM_END ? out : std::string();
  }

 private:
  z_stream stream_{};
  bool ok_ = false;
};

}  // namespace

std::string Gzip(std::string_view data, int level) {
  if (level < 1 || level > 9) return {};
  thread_local std::array<std::unique_ptr<Deflater>, 10> deflaters;
  auto& deflater = deflaters[static_cast<std::size_t>(level)];
  if (!deflater) deflater = std::make_unique<Deflater>(level);
  return deflater->Compress(data);
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
    // Pages are compressed per request: a middle level costs a third of the best one and
    // gives nearly the same size (docs/benchmarks.md).
    std::string compressed = Gzip(html, 5);
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
