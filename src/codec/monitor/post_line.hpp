// The fast path of JSON Lines input: one post object read without building a JSON tree. It
// accepts only the common, well-formed shape (a flat object whose members are strings, null, or
// an integer id) with every required field usable; for anything else it declines, and the caller
// parses the line with the full JSON library, which also words the error. So a line is read the
// same way whichever path takes it.
#pragma once

#include <string_view>

#include "core/monitor/post.hpp"

namespace vigil::codec::monitor {

// Fills `post` from `line` (valid UTF-8) and returns true, or returns false (post unspecified)
// when the line is not of the fast shape or would be rejected.
[[nodiscard]] bool ReadPostLineFast(std::string_view line, core::monitor::Post& post);

}  // namespace vigil::codec::monitor
