# Script mode: writes OUT, a C++ file whose function NAME() returns the bytes of IN.
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" hex_len)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
math(EXPR size "${hex_len} / 2")
file(WRITE "${OUT}" "// Generated from ${IN}; do not edit.\n#include <string_view>\nnamespace vigil::embedded {\nnamespace {\nconst unsigned char kData[] = {${bytes} 0};\n}\nstd::string_view ${NAME}() { return {reinterpret_cast<const char*>(kData), ${size}}; }\n}\n")
