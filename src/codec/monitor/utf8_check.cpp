#include "codec/monitor/utf8_check.hpp"

#include <simdjson.h>

namespace vigil::codec::monitor {

bool IsValidUtf8Fast(std::string_view text) { return simdjson::validate_utf8(text.data(), text.size()); }

}  // namespace vigil::codec::monitor
