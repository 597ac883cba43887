#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace vigil::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("vigil-static-" + std::to_string(::getpid()));
    fs::create_directories(root_ / "assets");
    Write(root_ / "index.html", "<!doctype html><title>Vigil</title>");
    Write(root_ / "assets" / "app-1.js", "console.log(1)");
    Write(root_ / "assets" / "app-1.js.gz", "GZIPPED");
    Write(root_.parent_path() / "secret.txt", "secret");
  }
  void TearDown() override { fs::remove_all(root_); }
  static void Write(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }
  Request Get(std::string accept_encoding = {}) {
    Request request;
    request.request_id = "r";
    if (!accept_encoding.empty()) request.headers.emplace_back("accept-encoding", accept_encoding);
    return request;
  }
  fs::path root_;
};

TEST_F(StaticFilesTest, ServesWithMimeTypeEtagAndCaching) {
  StaticFiles files(root_);
  Response response = files.Serve("assets/app-1.js", Get());
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "console.log(1)");
  EXPECT_EQ(response.Header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(response.Header("Cache-Control"), "public, max-age=31536000, immutable");
  const std::string etag(*response.Header("ETag"));
  Request again = Get();
  again.headers.emplace_back("if-none-match", etag);
  Response cached = files.Serve("assets/app-1.js", again);
  EXPECT_EQ(cached.status, 304);
  EXPECT_TRUE(cached.body.empty());
}

TEST_F(StaticFilesTest, ServesPrecompressedSiblings) {
  StaticFiles files(root_);
  Response response = files.Serve("assets/app-1.js", Get("gzip, br"));
  EXPECT_EQ(response.body, "GZIPPED");
  EXPECT_EQ(response.Header("Content-Encoding"), "gzip");
  EXPECT_EQ(response.Header("Vary"), "Accept-Encoding");
  EXPECT_EQ(response.Header("Content-Type"), "text/javascript; charset=utf-8");
}

TEST_F(StaticFilesTest, HonoursGzipRefusedWithQZero) {
  StaticFiles files(root_);
  EXPECT_EQ(files.Serve("assets/app-1.js", Get("gzip;q=0, identity")).body, "console.log(1)");
  EXPECT_EQ(files.Serve("assets/app-1.js", Get("br, gzip; q=0.000")).body, "console.log(1)");
  EXPECT_EQ(files.Serve("assets/app-1.js", Get("gzip;q=0.5")).body, "GZIPPED");
  EXPECT_EQ(files.Serve("assets/app-1.js", Get("*")).body, "GZIPPED");
  EXPECT_EQ(files.Serve("assets/app-1.js", Get("xgzip")).body, "console.log(1)");
  EXPECT_EQ(files.Serve("assets/app-1.js", Get("br, , gzip ;q=1")).body, "GZIPPED");
}

TEST_F(StaticFilesTest, ClientRoutesGetTheEntryPageButMissingFilesDoNot) {
  StaticFiles files(root_);
  EXPECT_EQ(files.Serve("", Get()).Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(files.Serve("identify/next", Get()).body, "<!doctype html><title>Vigil</title>");
  EXPECT_EQ(files.Serve("assets/missing.js", Get()).status, 404);
}

TEST_F(StaticFilesTest, NeverLeavesTheRoot) {
  StaticFiles files(root_);
  for (const char* path : {"../secret.txt", "assets/../../secret.txt", "/etc/passwd",
                           "assets\\..\\x", "a//b", "./index.html"}) {
    EXPECT_EQ(files.Serve(path, Get()).status, 400) << path;
  }
  fs::create_symlink(root_.parent_path() / "secret.txt", root_ / "link.txt");
  EXPECT_EQ(files.Serve("link.txt", Get()).status, 404);
}

TEST(StaticFiles, MimeTypesByExtension) {
  EXPECT_EQ(StaticFiles::MimeType("a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(StaticFiles::MimeType("a.svg"), "image/svg+xml");
  EXPECT_EQ(StaticFiles::MimeType("a.woff2"), "font/woff2");
  EXPECT_EQ(StaticFiles::MimeType("a.unknown"), "application/octet-stream");
}

}  // namespace
}  // namespace vigil::http
