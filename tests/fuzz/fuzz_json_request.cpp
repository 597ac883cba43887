// libFuzzer target for the JSON request decoding (sign-in, user creation, screening answers): any bytes must give a value or a clean
// error, never a crash, an exception, a leak or undefined behaviour.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "codec/json/access_json.hpp"
#include "codec/json/identify_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  auto sign_in = vigil::codec::json::ParseSignInRequest(body);
  if (!sign_in && sign_in.error().reason.empty()) __builtin_trap();
  auto create = vigil::codec::json::ParseCreateUserRequest(body);
  if (!create && create.error().reason.empty()) __builtin_trap();
  auto screening = vigil::codec::json::ParseScreeningDocument(body);
  if (!screening && screening.error().reason.empty()) __builtin_trap();
  return 0;
}
