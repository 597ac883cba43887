#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

#include "cli/commands.hpp"

namespace vigil::cli {

Result<OutputFile> OutputFile::Create(const std::string& path) {
  OutputFile file;
  file.fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
  if (file.fd_ < 0) return MakeError(ErrorCode::kUnavailable, "cannot write " + path);
  file.path_ = path;
  return file;
}

OutputFile::OutputFile(OutputFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      path_(std::move(other.path_)),
      written_(other.written_),
      failed_(other.failed_) {}

OutputFile::~OutputFile() {
  if (fd_ >= 0) ::close(fd_);
}

void OutputFile::Write(std::string_view piece) {
  while (!failed_ && !piece.empty()) {
    const ssize_t done = ::write(fd_, piece.data(), piece.size());
    if (done < 0 && errno == EINTR) continue;
    if (done <= 0) {
      failed_ = true;
      break;
    }
    written_ += static_cast<std::uint64_t>(done);
    piece.remove_prefix(static_cast<std::size_t>(done));
  }
}

Status OutputFile::Finish() {
  // Whatever an earlier, longer content left beyond the new end goes; a pipe or a device has no
  // length to cut.
  struct stat info {};
  if (!failed_ && ::fstat(fd_, &info) == 0 && S_ISREG(info.st_mode) &&
      ::ftruncate(fd_, static_cast<off_t>(written_)) != 0) {
    failed_ = true;
  }
  if (::close(std::exchange(fd_, -1)) != 0) failed_ = true;
  if (failed_) return MakeError(ErrorCode::kUnavailable, "cannot write " + path_);
  return {};
}

}  // namespace vigil::cli
