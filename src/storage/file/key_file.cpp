#include "storage/file/key_file.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/common/encoding.hpp"

namespace vigil::storage::file {
namespace {

constexpr std::size_t kKeyBytes = 32;

Result<KeyFile> ReadKeyFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return MakeError(ErrorCode::kUnavailable, "cannot read the key file " + path);
  std::string text;
  std::getline(in, text);
  auto bytes = DecodeHex(text);
  if (!bytes || bytes->size() != kKeyBytes) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "the key file " + path + " does not hold a 32-byte key in hex");
  }
  KeyFile key;
  key.master = std::move(*bytes);
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0) key.readable_by_others = (info.st_mode & 0077) != 0;
  return key;
}

}  // namespace

Result<KeyFile> LoadOrCreateKeyFile(const std::string& path) {
  if (std::filesystem::exists(path)) return ReadKeyFile(path);

  const auto parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  std::array<std::uint8_t, kKeyBytes> master{};
  randombytes_buf(master.data(), master.size());
  const std::string text = EncodeHex(master) + "\n";
  // O_EXCL: if another process creates the file at the same moment, use theirs.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return ReadKeyFile(path);
    return MakeError(ErrorCode::kUnavailable,
                     "cannot create the key file " + path + ": " + std::strerror(errno));
  }
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                       ::fsync(fd) == 0;
  ::close(fd);
  if (!written) {
    std::filesystem::remove(path, ec);
    return MakeError(ErrorCode::kUnavailable, "cannot write the key file " + path);
  }
  KeyFile key;
  key.master.assign(master.begin(), master.end());
  key.created = true;
  sodium_memzero(master.data(), master.size());
  return key;
}

}  // namespace vigil::storage::file
