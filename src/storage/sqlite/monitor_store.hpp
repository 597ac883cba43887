// SQLite adapter of the MonitorStore port (0005_monitor.sql). Post contents, raw identifier
// values and review notes are sealed with the field cipher, each bound to its row. The band keys
// of the near-duplicate index are stored per post and looked up in memory.
#pragma once

#include <cstdint>
#include <vector>

#include "core/common/field_cipher.hpp"
#include "core/monitor/monitor_store.hpp"
#include "storage/sqlite/database.hpp"

namespace vigil::storage::sqlite {

class SqliteMonitorStore final : public core::monitor::MonitorStore {
 public:
  SqliteMonitorStore(Database& db, const FieldCipher& cipher) : db_(db), cipher_(cipher) {}
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

 private:
  Result<std::vector<core::monitor::PostRecord>> SelectPosts(std::string_view where_and_order,
                                                             std::int64_t key, std::size_t limit);
  Status InsertPost(const core::monitor::NewPost& post);
  Status WriteCluster(const core::monitor::ClusterRecord& cluster);
  // Reads the band keys of posts stored since the last call (by this or another connection).
  Status RefreshBands();

  Database& db_;
  const FieldCipher& cipher_;
  // Every stored (band key << 32 | post number), sorted: 8 bytes per band and post. Guarded by
  // db_.mutex().
  std::vector<std::uint64_t> bands_;
  std::int64_t bands_through_ = 0;  // the highest post number read into bands_
};

}  // namespace vigil::storage::sqlite
