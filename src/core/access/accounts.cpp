#include "core/access/accounts.hpp"

namespace vigil::core::access {
namespace {

constexpr std::string_view kTokenPrefix = "vgl_";
constexpr std::size_t kTokenBytes = 32;

}  // namespace

Status ValidateAccountName(std::string_view name) {
  if (name.empty() || name.size() > 64) {
    return MakeError(ErrorCode::kInvalidArgument, "the name must be 1 to 64 characters long");
  }
  for (char c : name) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                         (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!allowed) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "the name may hold only letters a-z, digits, '.', '_' and '-'");
    }
  }
  return {};
}

void AccountService::Audit(const Actor& actor, std::string_view action,
                           std::string_view object_type, std::string_view object_id, bool ok) {
  // An audit failure must not be silent, but it must not undo the change either: the
  // change is committed already. It surfaces through `vigil audit verify` and the log.
  (void)audit_.Record({actor.name, actor.role, std::string(action), std::string(object_type),
                       std::string(object_id), ok ? "ok" : "error", actor.request_id});
}

Result<User> AccountService::AddUser(const Actor& actor, std::string_view name, Role role,
                                     std::string_view password) {
  auto refuse = [&](const Error& error) {
    Audit(actor, "user.create", "user", "", false);
    return tl::unexpected(error);
  };
  if (auto valid = ValidateAccountName(name); !valid) return refuse(valid.error());
  if (auto valid = ValidatePassword(password); !valid) return refuse(valid.error());
  auto hash = hasher_.Hash(password);
  if (!hash) return tl::unexpected(hash.error());
  User user;
  user.name = std::string(name);
  user.role = role;
  user.password_hash = std::move(*hash);
  user.created_ms = ToUnixMillis(clock_.Now());
  auto created = users_.CreateUser(user);
  Audit(actor, "user.create", "user", created ? std::to_string(created->id) : "", created.has_value());
  return created;
}

Result<std::vector<User>> AccountService::ListUsers(const Actor& actor, std::int64_t after_id,
                                                    std::size_t limit) {
  auto listed = users_.ListUsers(after_id, limit);
  Audit(actor, "user.list", "user", "", listed.has_value());
  return listed;
}

Result<User> AccountService::DisableUser(const Actor& actor, std::string_view name) {
  auto refuse = [&](const Error& error, const std::string& object_id) {
    Audit(actor, "user.disable", "user", object_id, false);
    return tl::unexpected(error);
  };
  auto user = users_.LoadUserByName(name);
  if (!user) return refuse(user.error(), "");
  const std::string id = std::to_string(user->id);
  if (user->name == actor.name) {
    return refuse({ErrorCode::kConflict, "you cannot disable your own account"}, id);
  }
  if (user->role == Role::kAdmin && !user->disabled) {
    // Never leave the deployment without an active admin.
    bool other_admin = false;
    for (std::int64_t after = 0;;) {
      auto page = users_.ListUsers(after, 500);
      if (!page) return refuse(page.error(), id);
      for (const User& other : *page) {
        other_admin |= other.id != user->id && other.role == Role::kAdmin && !other.disabled;
        after = other.id;
      }
      if (page->size() < 500 || other_admin) break;
    }
    if (!other_admin) return refuse({ErrorCode::kConflict, "this is the last active admin"}, id);
  }
  if (auto saved = users_.SaveUserDisabled(user->id, true); !saved) return refuse(saved.error(), id);
  if (auto ended = sessions_.DeleteUserSessions(user->id); !ended) return refuse(ended.error(), id);
  user->disabled = true;
  Audit(actor, "user.disable", "user", std::to_string(user->id), true);
  return user;
}

Status AccountService::SetPassword(const Actor& actor, std::string_view name,
                                   std::string_view password) {
  auto refuse = [&](const Error& error, const std::string& object_id) -> Status {
    Audit(actor, "user.password", "user", object_id, false);
    return tl::unexpected(error);
  };
  if (auto valid = ValidatePassword(password); !valid) return refuse(valid.error(), "");
  auto user = users_.LoadUserByName(name);
  if (!user) return refuse(user.error(), "");
  const std::string id = std::to_string(user->id);
  auto hash = hasher_.Hash(password);
  if (!hash) return refuse(hash.error(), id);
  if (auto saved = users_.SavePasswordHash(user->id, *hash); !saved) return refuse(saved.error(), id);
  if (auto ended = sessions_.DeleteUserSessions(user->id); !ended) return refuse(ended.error(), id);
  Audit(actor, "user.password", "user", std::to_string(user->id), true);
  return {};
}

Result<NewApiToken> AccountService::AddToken(const Actor& actor, std::string_view name,
                                             Role role) {
  if (auto valid = ValidateAccountName(name); !valid) return tl::unexpected(valid.error());
  NewApiToken token;
  token.secret = std::string(kTokenPrefix) + RandomToken(random_, kTokenBytes);
  token.record.name = std::string(name);
  token.record.role = role;
  token.record.token_hash = KeyedHashHex(keys_.secrets, token.secret);
  token.record.created_ms = ToUnixMillis(clock_.Now());
  auto created = tokens_.CreateToken(token.record);
  Audit(actor, "token.create", "token", created ? std::to_string(created->id) : "",
        created.has_value());
  if (!created) return tl::unexpected(created.error());
  token.record = *created;
  return token;
}

}  // namespace vigil::core::access
