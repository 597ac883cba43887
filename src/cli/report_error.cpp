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

}  // namespace vigil::cli
