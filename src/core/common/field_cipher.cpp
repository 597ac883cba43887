#include "core/common/field_cipher.hpp"

#include <sodium.h>

namespace vigil {

std::string FieldCipher::Seal(std::string_view plaintext, std::string_view associated_data) const {
  constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  std::string sealed(kNonce + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  auto* out = reinterpret_cast<unsigned char*>(sealed.data());
  randombytes_buf(out, kNonce);
  unsigned long long length = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      out + kNonce, &length, reinterpret_cast<const unsigned char*>(plaintext.data()),
      plaintext.size(), reinterpret_cast<const unsigned char*>(associated_data.data()),
      associated_data.size(), nullptr, out, key_.data());
  sealed.resize(kNonce + length);
  return sealed;
}

Result<std::string> FieldCipher::Open(std::string_view sealed, std::string_view associated_data) const {
  constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  if (sealed.size() < kNonce + crypto_aead_xchacha20poly1305_ietf_ABYTES) {
    return MakeError(ErrorCode::kInvalidArgument, "an encrypted field is truncated");
  }
  const auto* in = reinterpret_cast<const unsigned char*>(sealed.data());
  std::string plaintext(sealed.size() - kNonce - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  unsigned long long length = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plaintext.data()), &length, nullptr, in + kNonce,
          sealed.size() - kNonce, reinterpret_cast<const unsigned char*>(associated_data.data()),
          associated_data.size(), in, key_.data()) != 0) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "an encrypted field does not open: altered, moved or under another key");
  }
  plaintext.resize(length);
  return plaintext;
}

}  // namespace vigil
