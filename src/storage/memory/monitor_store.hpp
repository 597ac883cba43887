// In-memory MonitorStore, for unit tests and the conformance suite. Keeps values in the clear
// (nothing leaves the process). Thread-safe behind one mutex.
#pragma once

#include <map>
#include <mutex>

#include "core/monitor/monitor_store.hpp"

namespace vigil::storage::memory {

class MemoryMonitorStore final : public core::monitor::MonitorStore {
 public:
  using MonitorStore::Holder;
  Result<std::vector<std::pair<std::string, std::string>>> FindKnownPosts(
      const std::vector<std::pair<std::string, std::string>>& keys) override;
  Result<std::int64_t> NextPostNumber() override;
  Result<std::map<std::uint32_t, std::vector<std::int64_t>>> FindBandPosts(
      const std::vector<std::uint32_t>& keys, std::size_t per_key) override;
  Result<std::map<std::int64_t, std::pair<std::int64_t, core::monitor::Signature>>> LoadSignatures(
      const std::vector<std::int64_t>& numbers) override;
  Result<std::vector<Holder>> FindIdentifierHolders(const std::vector<std::string>& hashes) override;
  Result<std::vector<core::monitor::PostRecord>> LoadGroups(const std::vector<std::int64_t>& groups) override;
  Result<std::vector<core::monitor::StoredEdge>> LoadEdges(const std::vector<std::int64_t>& groups) override;
  Status SaveBatch(const core::monitor::IngestWrite& write) override;
  Result<core::monitor::ClusterPage> ListClusters(const core::monitor::ClusterFilter& filter) override;
  Result<core::monitor::ClusterRecord> LoadCluster(std::int64_t id) override;
  Result<std::vector<core::monitor::PostRecord>> LoadMembers(std::int64_t id, std::size_t limit) override;
  Result<std::map<std::int64_t, core::monitor::PostContent>> LoadContents(
      const std::vector<std::int64_t>& numbers) override;
  Result<std::map<std::string, std::string>> LoadIdentifierValues(
      const std::vector<std::string>& hashes) override;
  Result<std::vector<core::monitor::Review>> LoadReviews(const std::vector<std::int64_t>& groups) override;
  Status SaveReview(const core::monitor::Review& review) override;

  // Makes the next SaveBatch fail with kUnavailable (a failing disk), for tests.
  void FailNextSave() { fail_next_save_ = true; }

 private:
  std::vector<core::monitor::PostRecord> MembersLocked(const std::vector<std::int64_t>& groups) const;

  std::mutex mutex_;
  std::map<std::int64_t, core::monitor::NewPost> posts_;  // by number
  std::map<std::pair<std::string, std::string>, std::int64_t> numbers_;
  std::multimap<std::uint32_t, std::int64_t> bands_;
  std::vector<core::monitor::StoredEdge> edges_;
  std::map<std::int64_t, core::monitor::ClusterRecord> clusters_;
  std::vector<core::monitor::Review> reviews_;  // oldest first
  bool fail_next_save_ = false;
};

}  // namespace vigil::storage::memory
