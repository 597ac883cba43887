// The deployment's key file: 32 random bytes (hex) that root every secret. Created with mode
// 0600 when missing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/common/error.hpp"

namespace vigil::storage::file {

struct KeyFile {
  std::vector<std::uint8_t> master;
  bool created = false;            // true when this call made the file
  bool readable_by_others = false; // group or other may read it: the operator should fix that
};

// Reads the key file at `path`, or creates it (mode 0600, parent folders made) when missing.
// kInvalidArgument when the file exists but does not hold 64 hex digits; kUnavailable when it
// cannot be read or written.
[[nodiscard]] Result<KeyFile> LoadOrCreateKeyFile(const std::string& path);

}  // namespace vigil::storage::file
