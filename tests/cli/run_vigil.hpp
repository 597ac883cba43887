// Runs the real `vigil` binary for CLI tests and captures its output and exit code.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace vigil::testing_support {

struct CommandResult {
  int exit_code;
  std::string output;  // stdout and stderr together
};

// `stdin_text` is passed as the first line of stdin when not empty.
inline CommandResult RunVigil(const std::string& args, const std::string& stdin_text = "") {
  const std::string command =
      (stdin_text.empty() ? "" : "printf '%s\\n' '" + stdin_text + "' | ") +
      std::string(VIGIL_BINARY) + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  std::string output;
  std::array<char, 512> buffer{};
  while (fgets(buffer.data(), buffer.size(), pipe) != nullptr) output += buffer.data();
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

}  // namespace vigil::testing_support
