// Reading a password for `vigil user add|passwd`: from a prompt without echo when stdin is a
// terminal, else the first line of stdin. Never from a flag (it would show in `ps` and history).
#pragma once

#include <string>

#include "core/common/error.hpp"

namespace vigil::cli {

// kInvalidArgument when stdin is empty or the two prompted entries differ.
[[nodiscard]] Result<std::string> ReadNewPassword();

}  // namespace vigil::cli
