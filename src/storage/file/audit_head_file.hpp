// The audit chain head kept in a file outside the database (beside the key file), so that a
// truncated log is noticed even by someone who can rewrite the database.
#pragma once

#include <mutex>
#include <string>

#include "core/access/audit.hpp"

namespace vigil::storage::file {

class FileAuditHeadStore final : public core::access::AuditHeadStore {
 public:
  explicit FileAuditHeadStore(std::string path) : path_(std::move(path)) {}
  // nullopt when the file does not exist; kInvalidArgument when it is malformed.
  Result<std::optional<core::access::AuditHead>> LoadHead() override;
  // Replaces the file atomically (write to a temporary file, then rename).
  Status SaveHead(const core::access::AuditHead& head) override;

 private:
  std::string path_;
  std::mutex mutex_;
};

}  // namespace vigil::storage::file
