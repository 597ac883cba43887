// UTF-8 validation at memory speed for the monitor's large inputs and its report: simdjson's
// validator, which picks the processor's widest instructions at run time. It accepts exactly what
// vigil::IsValidUtf8 (core/common) accepts, the well-formed sequences of the Unicode Standard's
// table 3-7; that one stays for the core, which links no JSON library.
#pragma once

#include <string_view>

namespace vigil::codec::monitor {

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
[[nodiscard]] bool IsValidUtf8Fast(std::string_view text);

}  // namespace vigil::codec::monitor
