#include <fstream>
#include <iostream>
#include <sstream>

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
  std::stringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
    return text.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kInvalidArgument, "cannot open " + path);
  text << in.rdbuf();
  if (in.bad()) return MakeError(ErrorCode::kUnavailable, "cannot read " + path);
  return text.str();
}

}  // namespace vigil::cli
