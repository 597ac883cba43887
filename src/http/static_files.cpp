#include "http/static_files.hpp"

#include <array>
#include <fstream>
#include <sstream>

#include "core/common/encoding.hpp"
#include "http/problem.hpp"

namespace vigil::http {
namespace {

bool EtagMatches(const Request& request, std::string_view etag) {
  auto header = request.Header("if-none-match");
  return header && header->find(etag) != std::string_view::npos;
}

}  // namespace

std::string_view StaticFiles::MimeType(std::string_view file_name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".xml", "application/xml"},
  }};
  for (const auto& [extension, type] : kTypes) {
    if (file_name.ends_with(extension)) return type;
  }
  return "application/octet-stream";
}

bool StaticFiles::IsSafeRelativePath(std::string_view relative) {
  std::size_t start = 0;
  while (start <= relative.size()) {
    const auto end = relative.find('/', start);
    const std::string_view segment =
        relative.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (segment == ".." || segment == ".") return false;
    if (segment.empty() && end != std::string_view::npos) return false;  // "//" or leading "/"
    for (char c : segment) {
      if (c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return true;
}

const StaticFiles::CachedFile* StaticFiles::Load(const std::filesystem::path& path) {
  std::error_code ec;
  const auto status = std::filesystem::symlink_status(path, ec);
  if (ec || !std::filesystem::is_regular_file(status)) return nullptr;
  const auto mtime = std::filesystem::last_write_time(path, ec);
  if (ec) return nullptr;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return nullptr;
  const std::string key = path.string();
  auto found = cache_.find(key);
  if (found != cache_.end() && found->second.mtime == mtime && found->second.size == size) {
    return &found->second;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return nullptr;
  std::ostringstream content;
  content << in.rdbuf();
  CachedFile file{mtime, size, content.str(), {}};
  file.etag = ContentTag(file.content);
  return &(cache_[key] = std::move(file));
}

Response StaticFiles::Serve(std::string_view relative, const Request& request) {
  if (!IsSafeRelativePath(relative)) {
    return ProblemResponse("invalid-path", "the path is not allowed", request.request_id);
  }
  std::string name(relative.empty() ? "index.html" : relative);
  const std::lock_guard lock(mutex_);
  const CachedFile* file = Load(root_ / name);
  // Client-side routes (no extension) get the app's entry page.
  if (file == nullptr && name.find('.') == std::string::npos) {
    name = "index.html";
    file = Load(root_ / name);
  }
  if (file == nullptr) {
    return ProblemResponse("not-found", "no such file", request.request_id);
  }
  Response response;
  response.SetHeader("Content-Type", std::string(MimeType(name)));
  response.SetHeader("Vary", "Accept-Encoding");
  // Vite puts content hashes in asset names, so those never change; the entry page does.
  response.SetHeader("Cache-Control", name.starts_with("assets/")
                                          ? "public, max-age=31536000, immutable"
                                          : "no-cache");
  const CachedFile* body = file;
  if (AcceptsGzip(request)) {
    if (const CachedFile* gz = Load(root_ / (name + ".gz")); gz != nullptr) {
      body = gz;
      response.SetHeader("Content-Encoding", "gzip");
    }
  }
  response.SetHeader("ETag", body->etag);
  if (EtagMatches(request, body->etag)) {
    response.status = 304;
    return response;
  }
  response.body = body->content;
  return response;
}

}  // namespace vigil::http
