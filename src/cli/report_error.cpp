#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <utility>
#include <iostream>

#include "cli/commands.hpp"

namespace vigil::cli {

int ReportError(const Error& error) {
  std::cerr << "vigil: " << error.message << "\n";
  switch (error.code) {
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kNotFound:
      return kExitUsage;
    default:
      return kExitFailure;
  }
}

Result<std::string> ReadInputText(const std::string& path) {
  // Read straight into one string of the file's size: a stream copy would hold the text twice
  // and grow it by doubling (a million-post input is 600 MB).
  const bool standard_input = path == "-";
  const int fd = standard_input ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return MakeError(ErrorCode::kInvalidArgument, "cannot open " + path);
  std::string text;
  struct stat info {};
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
    text.reserve(static_cast<std::size_t>(info.st_size));
  }
  // Into the room left in the string; when it is full, into a small buffer first, so that the end
  // of a file read to its size costs no growth.
  char probe[1 << 16];
  bool failed = false;
  for (;;) {
    const std::size_t used = text.size();
    const std::size_t room = text.capacity() - used;
    ssize_t got = 0;
    if (room == 0) {
      got = ::read(fd, probe, sizeof probe);
      if (got > 0) text.append(probe, static_cast<std::size_t>(got));
    } else {
      text.resize(text.capacity());  // written below before it is read
      got = ::read(fd, text.data() + used, room);
      text.resize(used + static_cast<std::size_t>(std::max<ssize_t>(got, 0)));
    }
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      failed = got < 0;
      break;
    }
  }
  if (!standard_input) ::close(fd);
  if (failed) return MakeError(ErrorCode::kUnavailable, "cannot read " + (standard_input ? std::string("stdin") : path));
  return text;
}

Result<InputText> InputText::Open(const std::string& path) {
  InputText input;
  if (path != "-") {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return MakeError(ErrorCode::kInvalidArgument, "cannot open " + path);
    struct stat info {};
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
      void* mapped = ::mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (mapped != MAP_FAILED) {
        ::close(fd);
        input.mapped_ = static_cast<const char*>(mapped);
        input.size_ = static_cast<std::size_t>(info.st_size);
        return input;
      }
    }
    ::close(fd);
  }
  auto text = ReadInputText(path);
  if (!text) return tl::unexpected(text.error());
  input.read_ = std::move(*text);
  return input;
}

InputText::InputText(InputText&& other) noexcept
    : mapped_(std::exchange(other.mapped_, nullptr)), size_(std::exchange(other.size_, 0)), read_(std::move(other.read_)) {}

InputText::~InputText() { Release(); }

void InputText::Release() {
  if (mapped_ != nullptr) ::munmap(const_cast<char*>(mapped_), size_);
  mapped_ = nullptr;
  size_ = 0;
  read_.clear();
  read_.shrink_to_fit();
}

}  // namespace vigil::cli
