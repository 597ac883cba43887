// The cluster and review half of the SQLite monitor store: cluster rows (lists as JSON, filtered
// with json_each), ranking, and append-only reviews with sealed notes.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "storage/sqlite/monitor_rows.hpp"
#include "storage/sqlite/monitor_store.hpp"

namespace vigil::storage::sqlite {
namespace {

using core::monitor::ClusterFilter;
using core::monitor::ClusterPage;
using core::monitor::ClusterRecord;
using core::monitor::Review;
using namespace monitor_rows;

constexpr std::string_view kClusterColumns =
    "SELECT id, size, risk_milli, reasons, languages, sources, cities, categories, first_seen, "
    "last_seen, status, shared FROM monitor_clusters c ";
// ?1 language, ?2 category, ?3 source, ?4 from, ?5 to, ?6 status; NULL: no filter.
constexpr std::string_view kClusterFilter =
    "WHERE (?1 IS NULL OR EXISTS (SELECT 1 FROM json_each(c.languages) WHERE value = ?1)) "
    "AND (?2 IS NULL OR EXISTS (SELECT 1 FROM json_each(c.categories) WHERE value = ?2)) "
    "AND (?3 IS NULL OR EXISTS (SELECT 1 FROM json_each(c.sources) WHERE value = ?3)) "
    "AND (?4 IS NULL OR c.last_seen >= ?4) AND (?5 IS NULL OR c.first_seen < ?5) "
    "AND (?6 IS NULL OR c.status = ?6) ";

std::string ReviewAad(const Review& review) {
  return "monitor_reviews:" + std::to_string(review.cluster) + ":" + std::to_string(review.at_ms) + ":" + review.by;
}

Result<ClusterRecord> ReadCluster(const Statement& stmt) {
  ClusterRecord cluster;
  cluster.id = stmt.ColumnInt(0);
  cluster.size = static_cast<std::size_t>(stmt.ColumnInt(1));
  cluster.risk = static_cast<double>(stmt.ColumnInt(2)) / 1000.0;
  const auto reasons = nlohmann::json::parse(stmt.ColumnText(3), nullptr, false);
  const auto shared = nlohmann::json::parse(stmt.ColumnText(11), nullptr, false);
  const auto status = core::monitor::ParseReviewStatus(stmt.ColumnText(10));
  if (!reasons.is_array() || !shared.is_array() || !status) {
    return MakeError(ErrorCode::kInternal, "the database holds a damaged monitor cluster");
  }
  for (const auto& reason : reasons) {
    cluster.reasons.push_back({reason.value("code", ""), reason.value("subject", ""),
                               reason.value("points", 0.0), reason.value("detail", "")});
  }
  cluster.languages = Strings(stmt.ColumnText(4));
  cluster.sources = Strings(stmt.ColumnText(5));
  cluster.cities = Strings(stmt.ColumnText(6));
  cluster.categories = Strings(stmt.ColumnText(7));
  if (!stmt.ColumnIsNull(8)) cluster.first_seen = stmt.ColumnInt(8);
  if (!stmt.ColumnIsNull(9)) cluster.last_seen = stmt.ColumnInt(9);
  cluster.status = *status;
  for (const auto& item : shared) {
    cluster.shared_identifiers.push_back({item.value("type", ""), item.value("hash", ""),
                                          item.value("masked", ""), item.value("posts", std::size_t{0})});
  }
  return cluster;
}

void BindFilter(Statement& stmt, const ClusterFilter& filter) {
  BindOptional(stmt, 1, filter.language);
  BindOptional(stmt, 2, filter.category);
  BindOptional(stmt, 3, filter.source);
  BindOptional(stmt, 4, filter.from);
  BindOptional(stmt, 5, filter.to);
  BindOptional(stmt, 6, filter.status ? std::optional<std::string>(core::monitor::ReviewStatusName(*filter.status))
                                      : std::nullopt);
}

}  // namespace

Status SqliteMonitorStore::WriteCluster(const ClusterRecord& cluster) {
  nlohmann::json reasons = nlohmann::json::array();
  for (const auto& reason : cluster.reasons) {
    reasons.push_back({{"code", reason.code}, {"subject", reason.subject}, {"points", reason.points},
                       {"detail", reason.detail}});
  }
  nlohmann::json shared = nlohmann::json::array();
  for (const auto& item : cluster.shared_identifiers) {
    shared.push_back({{"type", item.type}, {"hash", item.hash}, {"masked", item.masked}, {"posts", item.posts}});
  }
  auto stmt = db_.Prepare(
      "INSERT OR REPLACE INTO monitor_clusters(id, size, risk_milli, reasons, languages, sources, cities, "
      "categories, first_seen, last_seen, status, shared) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, cluster.id).Bind(2, static_cast<std::int64_t>(cluster.size)).Bind(3, Milli(cluster.risk))
      .Bind(4, reasons.dump()).Bind(5, Json(cluster.languages)).Bind(6, Json(cluster.sources))
      .Bind(7, Json(cluster.cities)).Bind(8, Json(cluster.categories));
  BindOptional(*stmt, 9, cluster.first_seen);
  BindOptional(*stmt, 10, cluster.last_seen);
  stmt->Bind(11, core::monitor::ReviewStatusName(cluster.status)).Bind(12, shared.dump());
  return stmt->Run();
}

Result<ClusterPage> SqliteMonitorStore::ListClusters(const ClusterFilter& filter) {
  const std::lock_guard lock(db_.mutex());
  ClusterPage page;
  {
    auto stmt = db_.Prepare("SELECT COUNT(*) FROM monitor_clusters c " + std::string(kClusterFilter));
    if (!stmt) return tl::unexpected(stmt.error());
    BindFilter(*stmt, filter);
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    page.total = static_cast<std::size_t>(stmt->ColumnInt(0));
  }
  auto stmt = db_.Prepare(std::string(kClusterColumns) + std::string(kClusterFilter) +
                          "ORDER BY c.risk_milli DESC, c.id LIMIT ?7 OFFSET ?8");
  if (!stmt) return tl::unexpected(stmt.error());
  BindFilter(*stmt, filter);
  stmt->Bind(7, static_cast<std::int64_t>(filter.limit)).Bind(8, static_cast<std::int64_t>(filter.offset));
  while (true) {
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    auto cluster = ReadCluster(*stmt);
    if (!cluster) return tl::unexpected(cluster.error());
    page.clusters.push_back(std::move(*cluster));
  }
  return page;
}

Result<ClusterRecord> SqliteMonitorStore::LoadCluster(std::int64_t id) {
  const std::lock_guard lock(db_.mutex());
  auto stmt = db_.Prepare(std::string(kClusterColumns) + "WHERE id = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, id);
  auto row = stmt->Step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return MakeError(ErrorCode::kNotFound, "no cluster with this id", "not-found");
  return ReadCluster(*stmt);
}

Result<std::vector<Review>> SqliteMonitorStore::LoadReviews(const std::vector<std::int64_t>& groups) {
  const std::lock_guard lock(db_.mutex());
  std::vector<std::pair<std::int64_t, Review>> found;  // (seq, review)
  auto read = ForEachRow(
      db_,
      "SELECT r.seq, r.cluster_id, r.status, r.note_sealed, r.by_user, r.at_ms FROM monitor_reviews r "
      "JOIN monitor_posts p ON p.post_no = r.cluster_id WHERE p.group_no = ?",
      groups, [&](const Statement& stmt, std::int64_t) -> Status {
        Review review;
        review.cluster = stmt.ColumnInt(1);
        const auto status = core::monitor::ParseReviewStatus(stmt.ColumnText(2));
        if (!status) return MakeError(ErrorCode::kInternal, "the database holds an unknown review status");
        review.status = *status;
        review.by = stmt.ColumnText(4);
        review.at_ms = stmt.ColumnInt(5);
        auto note = cipher_.Open(stmt.ColumnBlob(3), ReviewAad(review));
        if (!note) return MakeError(ErrorCode::kInternal, "a sealed review note does not open");
        review.note = std::move(*note);
        found.emplace_back(stmt.ColumnInt(0), std::move(review));
        return {};
      });
  if (!read) return tl::unexpected(read.error());
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<Review> reviews;
  for (auto& [seq, review] : found) reviews.push_back(std::move(review));
  return reviews;
}

Status SqliteMonitorStore::SaveReview(const Review& review) {
  const std::lock_guard lock(db_.mutex());
  auto tx = Transaction::Begin(db_);
  if (!tx) return tl::unexpected(tx.error());
  {
    auto exists = db_.Prepare("SELECT 1 FROM monitor_clusters WHERE id = ?");
    if (!exists) return tl::unexpected(exists.error());
    exists->Bind(1, review.cluster);
    auto row = exists->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) return MakeError(ErrorCode::kNotFound, "no cluster with this id", "not-found");
  }
  auto update = db_.Prepare("UPDATE monitor_clusters SET status = ? WHERE id = ?");
  if (!update) return tl::unexpected(update.error());
  update->Bind(1, core::monitor::ReviewStatusName(review.status)).Bind(2, review.cluster);
  if (auto ran = update->Run(); !ran) return ran;
  auto stmt = db_.Prepare(
      "INSERT INTO monitor_reviews(cluster_id, status, note_sealed, by_user, at_ms) VALUES(?,?,?,?,?)");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, review.cluster).Bind(2, core::monitor::ReviewStatusName(review.status))
      .BindBlob(3, cipher_.Seal(review.note, ReviewAad(review))).Bind(4, review.by).Bind(5, review.at_ms);
  if (auto ran = stmt->Run(); !ran) return ran;
  return tx->Commit();
}

}  // namespace vigil::storage::sqlite
