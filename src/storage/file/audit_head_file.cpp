#include "storage/file/audit_head_file.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace vigil::storage::file {

using core::access::AuditHead;

Result<std::optional<AuditHead>> FileAuditHeadStore::LoadHead() {
  std::ifstream in(path_);
  if (!in) {
    if (!std::filesystem::exists(path_)) return std::optional<AuditHead>();
    return MakeError(ErrorCode::kUnavailable, "cannot read the audit head file " + path_);
  }
  AuditHead head;
  if (!(in >> head.seq >> head.hash) || head.seq < 1 || head.hash.size() != 64) {
    return MakeError(ErrorCode::kInvalidArgument, "the audit head file " + path_ + " is malformed");
  }
  return std::optional<AuditHead>(head);
}

Status FileAuditHeadStore::SaveHead(const AuditHead& head) {
  const std::lock_guard lock(mutex_);
  // Another process (a CLI command beside the server) may have written a later head.
  if (auto current = LoadHead(); current && *current && (*current)->seq >= head.seq) return {};
  const std::string temp = path_ + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::trunc);
    out << head.seq << ' ' << head.hash << '\n';
    out.flush();
    if (!out) {
      std::remove(temp.c_str());
      return MakeError(ErrorCode::kUnavailable, "cannot write the audit head file " + path_);
    }
  }
  if (std::rename(temp.c_str(), path_.c_str()) != 0) {
    std::remove(temp.c_str());
    return MakeError(ErrorCode::kUnavailable, "cannot replace the audit head file " + path_);
  }
  return {};
}

}  // namespace vigil::storage::file
