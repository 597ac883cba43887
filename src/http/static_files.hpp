// Serves the built web app from a folder: no path traversal, MIME types by extension, strong
// ETags with 304 answers, precompressed .gz siblings, and index.html for client-side routes.
#pragma once

#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace vigil::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}

  // Answers a GET/HEAD for `relative` (already percent-decoded, relative to the root).
  // 404 problem when the file is missing or outside the root.
  [[nodiscard]] Response Serve(std::string_view relative, const Request& request);

  // The Content-Type for a file name, by extension; application/octet-stream when unknown.
  [[nodiscard]] static std::string_view MimeType(std::string_view file_name);
  // True when `relative` is safe to join to the root: no "..", ".", empty segments after the
  // first, backslashes, NUL or control characters.
  [[nodiscard]] static bool IsSafeRelativePath(std::string_view relative);

 private:
  struct CachedFile {
    std::filesystem::file_time_type mtime;
    std::uintmax_t size = 0;
    std::string content;
    std::string etag;
  };
  // Loads (or returns the cached copy of) a regular file under the root; null when missing.
  const CachedFile* Load(const std::filesystem::path& path);

  std::filesystem::path root_;
  std::mutex mutex_;
  std::map<std::string, CachedFile> cache_;
};

}  // namespace vigil::http
