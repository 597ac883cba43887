#include "cli/password_input.hpp"

#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace vigil::cli {
namespace {

std::string ReadLineWithoutEcho(const char* prompt) {
  std::cerr << prompt << std::flush;
  termios saved{};
  const bool is_terminal = tcgetattr(STDIN_FILENO, &saved) == 0;
  if (is_terminal) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (is_terminal) tcsetattr(STDIN_FILENO, TCSANOW, &saved);
  std::cerr << "\n";
  return line;
}

void StripLineEnd(std::string& line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
}

}  // namespace

Result<std::string> ReadNewPassword() {
  if (isatty(STDIN_FILENO) == 0) {
    std::string line;
    if (!std::getline(std::cin, line)) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "no password on stdin: pipe it as the first line");
    }
    StripLineEnd(line);
    return line;
  }
  std::string first = ReadLineWithoutEcho("New password: ");
  std::string second = ReadLineWithoutEcho("Repeat the password: ");
  StripLineEnd(first);
  StripLineEnd(second);
  if (first != second) {
    return MakeError(ErrorCode::kInvalidArgument, "the two passwords differ");
  }
  return first;
}

}  // namespace vigil::cli
