#include "core/access/audit.hpp"

#include <sodium.h>

#include <array>
#include <string_view>

#include "core/common/encoding.hpp"

namespace vigil::core::access {
namespace {

// Length-prefixed fields, so that no two different entries serialise to the same bytes.
void AppendField(std::string& out, std::string_view field) {
  const auto size = static_cast<std::uint32_t>(field.size());
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>(size >> shift));
  out.append(field);
}

constexpr std::size_t kPageSize = 1000;

}  // namespace

std::string ComputeAuditHash(const Key& audit_key, const AuditEntry& entry) {
  std::string message;
  message.reserve(256);
  AppendField(message, "vigil-audit-v1");
  AppendField(message, entry.prev_hash);
  AppendField(message, std::to_string(entry.seq));
  AppendField(message, std::to_string(entry.time_ms));
  const AuditEvent& event = entry.event;
  for (std::string_view field : {std::string_view(event.actor), std::string_view(event.role),
                                 std::string_view(event.action),
                                 std::string_view(event.object_type),
                                 std::string_view(event.object_id),
                                 std::string_view(event.outcome),
                                 std::string_view(event.request_id)}) {
    AppendField(message, field);
  }
  return KeyedHashHex(audit_key, message);
}

Result<AuditEntry> AuditLog::Record(const AuditEvent& event) {
  const std::lock_guard lock(mutex_);
  const std::int64_t now_ms = ToUnixMillis(clock_.Now());
  auto stored = store_.AppendAudit([&](const std::optional<AuditEntry>& last) {
    AuditEntry entry;
    entry.seq = last ? last->seq + 1 : 1;
    entry.time_ms = now_ms;
    entry.event = event;
    entry.prev_hash = last ? last->hash : std::string(kAuditGenesisHash);
    entry.hash = ComputeAuditHash(key_, entry);
    return entry;
  });
  if (!stored) return tl::unexpected(stored.error());
  if (auto saved = head_store_.SaveHead({stored->seq, stored->hash}); !saved) {
    return tl::unexpected(saved.error());
  }
  return stored;
}

Result<std::vector<AuditEntry>> AuditLog::ReadEntries(const Actor& reader,
                                                     std::int64_t after_seq, std::size_t limit) {
  auto recorded =
      Record({reader.name, reader.role, "audit.read", "audit", "", "ok", reader.request_id});
  if (!recorded) return tl::unexpected(recorded.error());
  return store_.LoadAudit(after_seq, limit);
}

Result<AuditVerifyReport> AuditLog::Verify() {
  AuditVerifyReport report;
  auto fail = [&report](std::int64_t seq, std::string problem) {
    report.ok = false;
    report.first_broken_seq = seq;
    report.problem = std::move(problem);
  };

  auto head = head_store_.LoadHead();
  if (!head) return tl::unexpected(head.error());

  std::int64_t expected_seq = 1;
  std::string prev_hash(kAuditGenesisHash);
  std::optional<std::string> hash_at_head;
  for (;;) {
    auto page = store_.LoadAudit(expected_seq - 1, kPageSize);
    if (!page) return tl::unexpected(page.error());
    for (const AuditEntry& entry : *page) {
      if (entry.seq != expected_seq) {
        fail(expected_seq, "entry " + std::to_string(expected_seq) +
                               " is missing (deleted); the next stored entry is " +
                               std::to_string(entry.seq));
        return report;
      }
      if (entry.prev_hash != prev_hash) {
        fail(entry.seq, "entry " + std::to_string(entry.seq) +
                            " does not link to the entry before it");
        return report;
      }
      if (!ConstantTimeEquals(ComputeAuditHash(key_, entry), entry.hash)) {
        fail(entry.seq, "entry " + std::to_string(entry.seq) +
                            " was altered: its hash does not match its contents");
        return report;
      }
      if (*head && (*head)->seq == entry.seq) hash_at_head = entry.hash;
      prev_hash = entry.hash;
      ++expected_seq;
      ++report.entries_checked;
    }
    if (page->size() < kPageSize) break;
    // A store that ignores after_seq would loop forever; entries must advance.
    if (page->empty()) break;
  }

  const std::int64_t last_seq = expected_seq - 1;
  if (!*head) {
    if (last_seq > 0) {
      fail(1, "the chain head kept outside the database is missing");
    }
    return report;
  }
  if ((*head)->seq > last_seq) {
    fail(last_seq + 1, "the log was truncated: the head records entry " +
                           std::to_string((*head)->seq) + " but the last stored entry is " +
                           std::to_string(last_seq));
    return report;
  }
  if (!hash_at_head || !ConstantTimeEquals(*hash_at_head, (*head)->hash)) {
    fail((*head)->seq, "entry " + std::to_string((*head)->seq) +
                           " does not match the chain head kept outside the database");
  }
  // Entries after the head are accepted: a writer may stop between its commit and the head
  // update, and later entries still had to be chained with the key.
  return report;
}

}  // namespace vigil::core::access
