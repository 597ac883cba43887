// The audit trail: an append-only log of who read or changed protected data, chained by a keyed
// BLAKE2b hash so that edits, deletions and truncation are detectable without trusting the
// database. The chain head is also kept outside the database (AuditHeadStore).
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/access/keys.hpp"
#include "core/access/types.hpp"
#include "core/common/clock.hpp"
#include "core/common/error.hpp"

namespace vigil::core::access {

// What happened; filled by the caller.
struct AuditEvent {
  std::string actor;        // user or token name; "cli" for local commands; "unknown" otherwise
  std::string role;         // the actor's role, or "" when unauthenticated
  std::string action;       // e.g. "user.create", "session.create"
  std::string object_type;  // e.g. "user"
  std::string object_id;    // an id, never a personal detail
  std::string outcome;      // "ok", "denied", "forbidden", "error"
  std::string request_id;
};

struct AuditEntry {
  std::int64_t seq = 0;  // 1, 2, 3, ... without gaps
  std::int64_t time_ms = 0;
  AuditEvent event;
  std::string prev_hash;  // hex; 64 zeros for the first entry
  std::string hash;       // hex keyed BLAKE2b-256 over prev_hash and the entry
};

struct AuditHead {
  std::int64_t seq = 0;
  std::string hash;
};

class AuditStore {
 public:
  virtual ~AuditStore() = default;
  // Appends one entry atomically: inside the store's write lock (or transaction), calls `seal`
  // with the last stored entry (nullopt when empty) and stores what it returns.
  [[nodiscard]] virtual Result<AuditEntry> AppendAudit(
      const std::function<AuditEntry(const std::optional<AuditEntry>& last)>& seal) = 0;
  // Entries with seq > after_seq in seq order, at most `limit`.
  [[nodiscard]] virtual Result<std::vector<AuditEntry>> LoadAudit(std::int64_t after_seq,
                                                                  std::size_t limit) = 0;
};

// Where the chain head lives outside the database (a file beside the key file in production).
class AuditHeadStore {
 public:
  virtual ~AuditHeadStore() = default;
  // nullopt when no head has been saved yet.
  [[nodiscard]] virtual Result<std::optional<AuditHead>> LoadHead() = 0;
  // Saves `head` unless a head with a higher seq is already saved (concurrent writers).
  [[nodiscard]] virtual Status SaveHead(const AuditHead& head) = 0;
};

// The result of recomputing the chain.
struct AuditVerifyReport {
  std::int64_t entries_checked = 0;
  bool ok = true;
  std::optional<std::int64_t> first_broken_seq;  // the first entry that fails, when known
  std::string problem;                           // what is wrong, in words
};

inline constexpr std::string_view kAuditGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// Computes the keyed hash of `entry` (its seq, time, event and prev_hash). Pure.
[[nodiscard]] std::string ComputeAuditHash(const Key& audit_key, const AuditEntry& entry);

class AuditLog {
 public:
  AuditLog(AuditStore& store, AuditHeadStore& head_store, const Clock& clock, Key audit_key)
      : store_(store), head_store_(head_store), clock_(clock), key_(audit_key) {}

  // Appends `event` to the chain and advances the head. Thread-safe.
  [[nodiscard]] Result<AuditEntry> Record(const AuditEvent& event);
  // Recomputes the whole chain and compares it with the head kept outside the database.
  // Returns an error only when the stores cannot be read; a broken chain is a report with ok=false.
  [[nodiscard]] Result<AuditVerifyReport> Verify();
  // Reads entries with seq > after_seq (at most `limit`), recording the read itself first.
  [[nodiscard]] Result<std::vector<AuditEntry>> ReadEntries(const Actor& reader,
                                                           std::int64_t after_seq,
                                                           std::size_t limit);

 private:
  AuditStore& store_;
  AuditHeadStore& head_store_;
  const Clock& clock_;
  Key key_;
  std::mutex mutex_;
};

}  // namespace vigil::core::access
