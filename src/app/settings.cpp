#include "app/settings.hpp"

#include <charconv>

namespace vigil::app {

Result<ListenAddress> ParseListen(std::string_view text) {
  auto bad = [&text](std::string_view why) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "--listen \"" + std::string(text) + "\" is not HOST:PORT (" + std::string(why) + ")");
  };
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return bad("no port");
  std::string_view host = text.substr(0, colon);
  const std::string_view port_text = text.substr(colon + 1);
  if (host.front() == '[') {
    if (host.back() != ']' || host.size() < 3) return bad("unclosed IPv6 bracket");
    host = host.substr(1, host.size() - 2);
  } else if (host.find(':') != std::string_view::npos) {
    return bad("put IPv6 addresses in brackets");
  }
  unsigned port = 0;
  const auto* end = port_text.data() + port_text.size();
  const auto parsed = std::from_chars(port_text.data(), end, port);
  if (port_text.empty() || parsed.ec != std::errc() || parsed.ptr != end || port > 65535) {
    return bad("the port must be a number from 0 to 65535");
  }
  return ListenAddress{std::string(host), static_cast<std::uint16_t>(port)};
}

}  // namespace vigil::app
