// The records of the access domain: users, sessions, API tokens, and who is acting (Principal).
#pragma once

#include <cstdint>
#include <string>

#include "core/access/role.hpp"

namespace vigil::core::access {

struct User {
  std::int64_t id = 0;
  std::string name;
  Role role = Role::kViewer;
  std::string password_hash;  // libsodium crypto_pwhash_str output (Argon2id)
  bool disabled = false;
  std::int64_t created_ms = 0;
};

// A server-side session. The cookie holds a random token; only its keyed hash is stored.
struct Session {
  std::string id_hash;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::int64_t created_ms = 0;
  std::int64_t last_seen_ms = 0;
  std::int64_t expires_ms = 0;  // absolute expiry
};

// A machine client's credential; only the keyed hash of the token is stored.
struct ApiToken {
  std::int64_t id = 0;
  std::string name;
  Role role = Role::kViewer;
  std::string token_hash;
  bool disabled = false;
  std::int64_t created_ms = 0;
};

// Who is making a request, after authentication.
struct Principal {
  std::string name;
  Role role = Role::kViewer;
  std::int64_t user_id = 0;       // 0 for API tokens
  bool via_token = false;         // true: Bearer token, no CSRF needed
  std::string session_id_hash;    // empty for API tokens
  std::string csrf_token;         // empty for API tokens
};

// Who asks for an action, for the audit trail: a principal, or "cli" for local commands.
struct Actor {
  std::string name;
  std::string role;
  std::string request_id;
};

}  // namespace vigil::core::access
