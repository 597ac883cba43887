// Length-prefixed byte blocks: a 64-bit length in the machine's byte order, then the bytes. For
// caches that one build of Vigil writes and reads back on the same machine (the compiled lure
// lexicon), never for data exchanged with others.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace vigil {

inline void AppendBlock(std::string_view block, std::string& out) {
  const auto size = static_cast<std::uint64_t>(block.size());
  out.append(reinterpret_cast<const char*>(&size), sizeof size);
  out += block;
}

// The block at `pos` in `data` (`pos` then moves past it), or nullopt when the bytes are cut short.
[[nodiscard]] inline std::optional<std::string_view> ReadBlock(std::string_view data, std::size_t& pos) {
  std::uint64_t size = 0;
  if (pos > data.size() || data.size() - pos < sizeof size) return std::nullopt;
  std::memcpy(&size, data.data() + pos, sizeof size);
  if (size > data.size() - pos - sizeof size) return std::nullopt;
  const std::string_view block = data.substr(pos + sizeof size, static_cast<std::size_t>(size));
  pos += sizeof size + static_cast<std::size_t>(size);
  return block;
}

}  // namespace vigil
