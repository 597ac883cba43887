#include "storage/sqlite/monitor_store.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace vigil::storage::sqlite {
namespace {

using core::monitor::ClusterFilter;
using core::monitor::ClusterPage;
using core::monitor::ClusterRecord;
using core::monitor::IngestWrite;
using core::monitor::NewPost;
using core::monitor::PostContent;
using core::monitor::PostRecord;
using core::monitor::Review;
using core::monitor::Signature;
using core::monitor::StoredEdge;
using core::monitor::StoredIdentifier;

constexpr std::string_view kPostColumns =
    "SELECT post_no, group_no, source, post_id, posted_at, posted_at_s, language, region, location, "
    "risk_milli, categories FROM monitor_posts ";
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

std::int64_t Milli(double value) { return std::llround(value * 1000.0); }

std::string Json(const std::vector<std::string>& items) { return nlohmann::json(items).dump(); }

std::vector<std::string> Strings(const std::string& text) {
  const auto parsed = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> items;
  if (!parsed.is_array()) return items;
  for (const auto& item : parsed) {
    if (item.is_string()) items.push_back(item.get<std::string>());
  }
  return items;
}

// Signatures as little-endian uint32 values.
std::string SignatureBytes(const Signature& signature) {
  std::string bytes(signature.size() * 4, '\0');
  for (std::size_t idx = 0; idx < signature.size(); ++idx) {
    for (std::size_t byte = 0; byte < 4; ++byte) {
      bytes[idx * 4 + byte] = static_cast<char>((signature[idx] >> (8 * byte)) & 0xFF);
    }
  }
  return bytes;
}

Signature SignatureFromBytes(const std::string& bytes) {
  Signature signature(bytes.size() / 4);
  for (std::size_t idx = 0; idx < signature.size(); ++idx) {
    for (std::size_t byte = 0; byte < 4; ++byte) {
      signature[idx] |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[idx * 4 + byte])) << (8 * byte);
    }
  }
  return signature;
}

std::optional<std::string> OptionalText(const Statement& stmt, int column) {
  if (stmt.ColumnIsNull(column)) return std::nullopt;
  return stmt.ColumnText(column);
}

void BindOptional(Statement& stmt, int index, const std::optional<std::string>& value) {
  if (value) {
    stmt.Bind(index, *value);
  } else {
    stmt.BindNull(index);
  }
}

void BindOptional(Statement& stmt, int index, const std::optional<std::int64_t>& value) {
  if (value) {
    stmt.Bind(index, *value);
  } else {
    stmt.BindNull(index);
  }
}

std::string PostAad(std::int64_t number, std::string_view field) {
  return "monitor_posts:" + std::to_string(number) + ":" + std::string(field);
}

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

Result<std::vector<std::pair<std::string, std::string>>> SqliteMonitorStore::FindKnownPosts(
    const std::vector<std::pair<std::string, std::string>>& keys) {
  const std::lock_guard lock(db_.mutex());
  std::vector<std::pair<std::string, std::string>> known;
  for (const auto& key : keys) {
    auto stmt = db_.Prepare("SELECT 1 FROM monitor_posts WHERE source = ? AND post_id = ?");
    if (!stmt) return tl::unexpected(stmt.error());
    stmt->Bind(1, key.first).Bind(2, key.second);
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    if (*row) known.push_back(key);
  }
  return known;
}

Result<std::int64_t> SqliteMonitorStore::NextPostNumber() {
  const std::lock_guard lock(db_.mutex());
  auto stmt = db_.Prepare("SELECT COALESCE(MAX(post_no), 0) + 1 FROM monitor_posts");
  if (!stmt) return tl::unexpected(stmt.error());
  auto row = stmt->Step();
  if (!row) return tl::unexpected(row.error());
  return stmt->ColumnInt(0);
}

Result<std::map<std::uint32_t, std::vector<std::int64_t>>> SqliteMonitorStore::FindBandPosts(
    const std::vector<std::uint32_t>& keys, std::size_t per_key) {
  const std::lock_guard lock(db_.mutex());
  std::map<std::uint32_t, std::vector<std::int64_t>> found;
  for (std::uint32_t key : keys) {
    auto stmt = db_.Prepare(
        "SELECT post_no FROM monitor_bands WHERE band_key = ? ORDER BY post_no DESC LIMIT ?");
    if (!stmt) return tl::unexpected(stmt.error());
    stmt->Bind(1, static_cast<std::int64_t>(key)).Bind(2, static_cast<std::int64_t>(per_key));
    while (true) {
      auto row = stmt->Step();
      if (!row) return tl::unexpected(row.error());
      if (!*row) break;
      found[key].push_back(stmt->ColumnInt(0));
    }
  }
  return found;
}

Result<std::map<std::int64_t, std::pair<std::int64_t, Signature>>> SqliteMonitorStore::LoadSignatures(
    const std::vector<std::int64_t>& numbers) {
  const std::lock_guard lock(db_.mutex());
  std::map<std::int64_t, std::pair<std::int64_t, Signature>> found;
  for (std::int64_t number : numbers) {
    auto stmt = db_.Prepare("SELECT group_no, signature FROM monitor_posts WHERE post_no = ?");
    if (!stmt) return tl::unexpected(stmt.error());
    stmt->Bind(1, number);
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    if (*row) found[number] = {stmt->ColumnInt(0), SignatureFromBytes(stmt->ColumnBlob(1))};
  }
  return found;
}

Result<std::vector<SqliteMonitorStore::Holder>> SqliteMonitorStore::FindIdentifierHolders(
    const std::vector<std::string>& hashes) {
  const std::lock_guard lock(db_.mutex());
  std::vector<Holder> holders;
  for (const std::string& hash : hashes) {
    auto stmt = db_.Prepare(
        "SELECT pi.post_no, p.group_no FROM monitor_post_identifiers pi "
        "JOIN monitor_posts p ON p.post_no = pi.post_no WHERE pi.hash = ? AND pi.links = 1");
    if (!stmt) return tl::unexpected(stmt.error());
    stmt->Bind(1, hash);
    while (true) {
      auto row = stmt->Step();
      if (!row) return tl::unexpected(row.error());
      if (!*row) break;
      holders.push_back({hash, stmt->ColumnInt(0), stmt->ColumnInt(1)});
    }
  }
  return holders;
}

Result<std::vector<PostRecord>> SqliteMonitorStore::SelectPosts(std::string_view where_and_order,
                                                                std::int64_t key, std::size_t limit) {
  std::vector<PostRecord> posts;
  {
    auto stmt = db_.Prepare(std::string(kPostColumns) + std::string(where_and_order) + " LIMIT ?");
    if (!stmt) return tl::unexpected(stmt.error());
    stmt->Bind(1, key).Bind(2, static_cast<std::int64_t>(limit));
    while (true) {
      auto row = stmt->Step();
      if (!row) return tl::unexpected(row.error());
      if (!*row) break;
      PostRecord post;
      post.number = stmt->ColumnInt(0);
      post.group = stmt->ColumnInt(1);
      post.source = stmt->ColumnText(2);
      post.id = stmt->ColumnText(3);
      post.posted_at = stmt->ColumnText(4);
      if (!stmt->ColumnIsNull(5)) post.posted_at_seconds = stmt->ColumnInt(5);
      post.language = stmt->ColumnText(6);
      post.region = OptionalText(*stmt, 7);
      post.location = OptionalText(*stmt, 8);
      post.risk = static_cast<double>(stmt->ColumnInt(9)) / 1000.0;
      post.categories = Strings(stmt->ColumnText(10));
      posts.push_back(std::move(post));
    }
  }
  for (PostRecord& post : posts) {
    auto stmt = db_.Prepare(
        "SELECT i.type, pi.hash, i.masked, pi.links FROM monitor_post_identifiers pi "
        "JOIN monitor_identifiers i ON i.hash = pi.hash WHERE pi.post_no = ? ORDER BY i.type, pi.hash");
    if (!stmt) return tl::unexpected(stmt.error());
    stmt->Bind(1, post.number);
    while (true) {
      auto row = stmt->Step();
      if (!row) return tl::unexpected(row.error());
      if (!*row) break;
      post.identifiers.push_back(
          {stmt->ColumnText(0), stmt->ColumnText(1), stmt->ColumnText(2), "", stmt->ColumnInt(3) != 0});
    }
  }
  return posts;
}

Result<std::vector<PostRecord>> SqliteMonitorStore::LoadGroups(const std::vector<std::int64_t>& groups) {
  const std::lock_guard lock(db_.mutex());
  std::vector<PostRecord> posts;
  for (std::int64_t group : groups) {
    auto members = SelectPosts("WHERE group_no = ? ORDER BY post_no", group, SIZE_MAX >> 1);
    if (!members) return tl::unexpected(members.error());
    posts.insert(posts.end(), members->begin(), members->end());
  }
  return posts;
}

Result<std::vector<StoredEdge>> SqliteMonitorStore::LoadEdges(const std::vector<std::int64_t>& groups) {
  const std::lock_guard lock(db_.mutex());
  std::vector<StoredEdge> edges;
  for (std::int64_t group : groups) {
    // Both ends of an edge are in one group: the edges leaving the group's posts are its own.
    auto stmt = db_.Prepare(
        "SELECT e.earlier, e.later, e.similarity_micro FROM monitor_posts p "
        "JOIN monitor_edges e ON e.earlier = p.post_no WHERE p.group_no = ?");
    if (!stmt) return tl::unexpected(stmt.error());
    stmt->Bind(1, group);
    while (true) {
      auto row = stmt->Step();
      if (!row) return tl::unexpected(row.error());
      if (!*row) break;
      edges.push_back({stmt->ColumnInt(0), stmt->ColumnInt(1), static_cast<double>(stmt->ColumnInt(2)) / 1e6});
    }
  }
  return edges;
}

Status SqliteMonitorStore::InsertPost(const NewPost& post) {
  const PostRecord& record = post.record;
  auto stmt = db_.Prepare(
      "INSERT INTO monitor_posts(post_no, group_no, source, post_id, posted_at, posted_at_s, language, "
      "region, location, risk_milli, categories, text_sealed, title_sealed, url_sealed, signature) "
      "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, record.number).Bind(2, record.group).Bind(3, record.source).Bind(4, record.id)
      .Bind(5, record.posted_at);
  BindOptional(*stmt, 6, record.posted_at_seconds);
  stmt->Bind(7, record.language);
  BindOptional(*stmt, 8, record.region);
  BindOptional(*stmt, 9, record.location);
  stmt->Bind(10, Milli(record.risk)).Bind(11, Json(record.categories));
  stmt->BindBlob(12, cipher_.Seal(post.content.text, PostAad(record.number, "text")));
  const auto seal_optional = [&](int index, const std::optional<std::string>& value, std::string_view field) {
    if (value) {
      stmt->BindBlob(index, cipher_.Seal(*value, PostAad(record.number, field)));
    } else {
      stmt->BindNull(index);
    }
  };
  seal_optional(13, post.content.title, "title");
  seal_optional(14, post.content.url, "url");
  stmt->BindBlob(15, SignatureBytes(post.signature));
  if (auto ran = stmt->Run(); !ran) {
    if (Database::IsUniqueViolation(ran.error())) {
      return MakeError(ErrorCode::kConflict, "a post of the batch is stored already", "conflict");
    }
    return ran;
  }
  for (const StoredIdentifier& identifier : record.identifiers) {
    auto known = db_.Prepare(
        "INSERT OR IGNORE INTO monitor_identifiers(hash, type, masked, value_sealed) VALUES(?,?,?,?)");
    if (!known) return tl::unexpected(known.error());
    known->Bind(1, identifier.hash).Bind(2, identifier.type).Bind(3, identifier.masked)
        .BindBlob(4, cipher_.Seal(identifier.value, "monitor_identifiers:" + identifier.hash));
    if (auto ran = known->Run(); !ran) return ran;
    auto held = db_.Prepare(
        "INSERT OR IGNORE INTO monitor_post_identifiers(post_no, hash, links) VALUES(?,?,?)");
    if (!held) return tl::unexpected(held.error());
    held->Bind(1, record.number).Bind(2, identifier.hash).Bind(3, std::int64_t{identifier.links ? 1 : 0});
    if (auto ran = held->Run(); !ran) return ran;
  }
  for (std::uint32_t key : post.bands) {
    auto band = db_.Prepare("INSERT OR IGNORE INTO monitor_bands(band_key, post_no) VALUES(?,?)");
    if (!band) return tl::unexpected(band.error());
    band->Bind(1, static_cast<std::int64_t>(key)).Bind(2, record.number);
    if (auto ran = band->Run(); !ran) return ran;
  }
  return {};
}

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

Status SqliteMonitorStore::SaveBatch(const IngestWrite& write) {
  const std::lock_guard lock(db_.mutex());
  auto tx = Transaction::Begin(db_);
  if (!tx) return tl::unexpected(tx.error());
  for (const auto& [from, to] : write.regroup) {
    auto moved = db_.Prepare("UPDATE monitor_posts SET group_no = ? WHERE group_no = ?");
    if (!moved) return tl::unexpected(moved.error());
    moved->Bind(1, to).Bind(2, from);
    if (auto ran = moved->Run(); !ran) return ran;
    auto gone = db_.Prepare("DELETE FROM monitor_clusters WHERE id = ?");
    if (!gone) return tl::unexpected(gone.error());
    gone->Bind(1, from);
    if (auto ran = gone->Run(); !ran) return ran;
  }
  for (const NewPost& post : write.posts) {
    if (auto inserted = InsertPost(post); !inserted) return inserted;
  }
  for (const StoredEdge& edge : write.edges) {
    auto stmt = db_.Prepare(
        "INSERT OR IGNORE INTO monitor_edges(earlier, later, similarity_micro) VALUES(?,?,?)");
    if (!stmt) return tl::unexpected(stmt.error());
    stmt->Bind(1, edge.earlier).Bind(2, edge.later).Bind(3, std::llround(edge.similarity * 1e6));
    if (auto ran = stmt->Run(); !ran) return ran;
  }
  for (const ClusterRecord& cluster : write.clusters) {
    if (auto written = WriteCluster(cluster); !written) return written;
  }
  return tx->Commit();
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

Result<std::vector<PostRecord>> SqliteMonitorStore::LoadMembers(std::int64_t id, std::size_t limit) {
  const std::lock_guard lock(db_.mutex());
  return SelectPosts("WHERE group_no = ? ORDER BY COALESCE(posted_at_s, 0), post_no", id, limit);
}

Result<std::map<std::int64_t, PostContent>> SqliteMonitorStore::LoadContents(
    const std::vector<std::int64_t>& numbers) {
  const std::lock_guard lock(db_.mutex());
  std::map<std::int64_t, PostContent> contents;
  for (std::int64_t number : numbers) {
    auto stmt = db_.Prepare("SELECT text_sealed, title_sealed, url_sealed FROM monitor_posts WHERE post_no = ?");
    if (!stmt) return tl::unexpected(stmt.error());
    stmt->Bind(1, number);
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) continue;
    PostContent content;
    const auto open = [&](int column, std::string_view field) -> Result<std::optional<std::string>> {
      if (stmt->ColumnIsNull(column)) return std::nullopt;
      auto opened = cipher_.Open(stmt->ColumnBlob(column), PostAad(number, field));
      if (!opened) return MakeError(ErrorCode::kInternal, "a sealed monitor post field does not open");
      return std::optional<std::string>(std::move(*opened));
    };
    auto text = open(0, "text");
    auto title = open(1, "title");
    auto url = open(2, "url");
    if (!text || !title || !url || !*text) {
      return MakeError(ErrorCode::kInternal, "a sealed monitor post field does not open");
    }
    content.text = std::move(**text);
    content.title = std::move(*title);
    content.url = std::move(*url);
    contents[number] = std::move(content);
  }
  return contents;
}

Result<std::map<std::string, std::string>> SqliteMonitorStore::LoadIdentifierValues(
    const std::vector<std::string>& hashes) {
  const std::lock_guard lock(db_.mutex());
  std::map<std::string, std::string> values;
  for (const std::string& hash : hashes) {
    auto stmt = db_.Prepare("SELECT value_sealed FROM monitor_identifiers WHERE hash = ?");
    if (!stmt) return tl::unexpected(stmt.error());
    stmt->Bind(1, hash);
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) continue;
    auto opened = cipher_.Open(stmt->ColumnBlob(0), "monitor_identifiers:" + hash);
    if (!opened) return MakeError(ErrorCode::kInternal, "a sealed identifier value does not open");
    values[hash] = std::move(*opened);
  }
  return values;
}

Result<std::vector<Review>> SqliteMonitorStore::LoadReviews(const std::vector<std::int64_t>& groups) {
  const std::lock_guard lock(db_.mutex());
  std::vector<std::pair<std::int64_t, Review>> found;  // (seq, review)
  for (std::int64_t group : groups) {
    auto stmt = db_.Prepare(
        "SELECT r.seq, r.cluster_id, r.status, r.note_sealed, r.by_user, r.at_ms FROM monitor_reviews r "
        "JOIN monitor_posts p ON p.post_no = r.cluster_id WHERE p.group_no = ?");
    if (!stmt) return tl::unexpected(stmt.error());
    stmt->Bind(1, group);
    while (true) {
      auto row = stmt->Step();
      if (!row) return tl::unexpected(row.error());
      if (!*row) break;
      Review review;
      review.cluster = stmt->ColumnInt(1);
      const auto status = core::monitor::ParseReviewStatus(stmt->ColumnText(2));
      if (!status) return MakeError(ErrorCode::kInternal, "the database holds an unknown review status");
      review.status = *status;
      review.by = stmt->ColumnText(4);
      review.at_ms = stmt->ColumnInt(5);
      auto note = cipher_.Open(stmt->ColumnBlob(3), ReviewAad(review));
      if (!note) return MakeError(ErrorCode::kInternal, "a sealed review note does not open");
      review.note = std::move(*note);
      found.emplace_back(stmt->ColumnInt(0), std::move(review));
    }
  }
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
