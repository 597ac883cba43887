// The post half of the SQLite monitor store: posts with sealed contents, identifiers, signatures
// and band keys (looked up in memory), edges, and the batch write.
#include "storage/sqlite/monitor_store.hpp"

#include <algorithm>

#include "storage/sqlite/monitor_rows.hpp"

namespace vigil::storage::sqlite {
namespace {

using core::monitor::IngestWrite;
using core::monitor::NewPost;
using core::monitor::PostContent;
using core::monitor::PostRecord;
using core::monitor::Signature;
using core::monitor::StoredEdge;
using core::monitor::StoredIdentifier;
using namespace monitor_rows;

constexpr std::string_view kPostColumns =
    "SELECT post_no, group_no, source, post_id, posted_at, posted_at_s, language, region, location, "
    "risk_milli, categories FROM monitor_posts ";

std::string PostAad(std::int64_t number, std::string_view field) {
  return "monitor_posts:" + std::to_string(number) + ":" + std::string(field);
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

Status SqliteMonitorStore::RefreshBands() {
  auto stmt = db_.Prepare("SELECT post_no, bands FROM monitor_posts WHERE post_no > ? ORDER BY post_no");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, bands_through_);
  const std::size_t old_size = bands_.size();
  while (true) {
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    const std::int64_t number = stmt->ColumnInt(0);
    if (number > static_cast<std::int64_t>(UINT32_MAX)) {
      return MakeError(ErrorCode::kInternal, "monitor post numbers above 2^32 are not supported");
    }
    for (std::uint32_t key : Uint32sFromBytes(stmt->ColumnBlob(1))) {
      bands_.push_back(static_cast<std::uint64_t>(key) << 32 | static_cast<std::uint64_t>(number));
    }
    bands_through_ = number;
  }
  std::sort(bands_.begin() + static_cast<std::ptrdiff_t>(old_size), bands_.end());
  std::inplace_merge(bands_.begin(), bands_.begin() + static_cast<std::ptrdiff_t>(old_size), bands_.end());
  return {};
}

Result<std::map<std::uint32_t, std::vector<std::int64_t>>> SqliteMonitorStore::FindBandPosts(
    const std::vector<std::uint32_t>& keys, std::size_t per_key) {
  const std::lock_guard lock(db_.mutex());
  if (auto refreshed = RefreshBands(); !refreshed) return tl::unexpected(refreshed.error());
  std::map<std::uint32_t, std::vector<std::int64_t>> found;
  for (std::uint32_t key : keys) {
    const std::uint64_t low = static_cast<std::uint64_t>(key) << 32;
    auto first = std::lower_bound(bands_.begin(), bands_.end(), low);
    auto last = std::lower_bound(first, bands_.end(), low + (std::uint64_t{1} << 32));
    // Newest (highest number) first; a post listing a key twice counts once.
    for (auto it = last; it != first && found[key].size() < per_key;) {
      --it;
      const auto number = static_cast<std::int64_t>(*it & 0xFFFFFFFFULL);
      auto& list = found[key];
      if (list.empty() || list.back() != number) list.push_back(number);
    }
    if (found[key].empty()) found.erase(key);
  }
  return found;
}

Result<std::map<std::int64_t, std::pair<std::int64_t, Signature>>> SqliteMonitorStore::LoadSignatures(
    const std::vector<std::int64_t>& numbers) {
  const std::lock_guard lock(db_.mutex());
  std::map<std::int64_t, std::pair<std::int64_t, Signature>> found;
  auto read = ForEachRow(db_, "SELECT group_no, signature FROM monitor_posts WHERE post_no = ?", numbers,
                         [&](const Statement& stmt, std::int64_t number) -> Status {
                           found[number] = {stmt.ColumnInt(0), Uint32sFromBytes(stmt.ColumnBlob(1))};
                           return {};
                         });
  if (!read) return tl::unexpected(read.error());
  return found;
}

Result<std::vector<SqliteMonitorStore::Holder>> SqliteMonitorStore::FindIdentifierHolders(
    const std::vector<std::string>& hashes) {
  const std::lock_guard lock(db_.mutex());
  std::vector<Holder> holders;
  auto read = ForEachRow(db_,
                         "SELECT pi.post_no, p.group_no FROM monitor_post_identifiers pi "
                         "JOIN monitor_posts p ON p.post_no = pi.post_no WHERE pi.hash = ? AND pi.links = 1",
                         hashes, [&](const Statement& stmt, const std::string& hash) -> Status {
                           holders.push_back({hash, stmt.ColumnInt(0), stmt.ColumnInt(1)});
                           return {};
                         });
  if (!read) return tl::unexpected(read.error());
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
    auto read = ForEachRow(db_,
                           "SELECT i.type, pi.hash, i.masked, pi.links FROM monitor_post_identifiers pi "
                           "JOIN monitor_identifiers i ON i.hash = pi.hash WHERE pi.post_no = ? "
                           "ORDER BY i.type, pi.hash",
                           std::vector<std::int64_t>{post.number}, [&](const Statement& stmt, std::int64_t) -> Status {
                             post.identifiers.push_back({stmt.ColumnText(0), stmt.ColumnText(1), stmt.ColumnText(2),
                                                         "", stmt.ColumnInt(3) != 0});
                             return {};
                           });
    if (!read) return tl::unexpected(read.error());
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
  // Both ends of an edge are in one group: the edges leaving the group's posts are its own.
  auto read = ForEachRow(db_,
                         "SELECT e.earlier, e.later, e.similarity_micro FROM monitor_posts p "
                         "JOIN monitor_edges e ON e.earlier = p.post_no WHERE p.group_no = ?",
                         groups, [&](const Statement& stmt, std::int64_t) -> Status {
                           edges.push_back({stmt.ColumnInt(0), stmt.ColumnInt(1),
                                            static_cast<double>(stmt.ColumnInt(2)) / 1e6});
                           return {};
                         });
  if (!read) return tl::unexpected(read.error());
  return edges;
}

Status SqliteMonitorStore::InsertPost(const NewPost& post) {
  const PostRecord& record = post.record;
  auto stmt = db_.Prepare(
      "INSERT INTO monitor_posts(post_no, group_no, source, post_id, posted_at, posted_at_s, language, "
      "region, location, risk_milli, categories, text_sealed, title_sealed, url_sealed, signature, bands) "
      "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
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
  stmt->BindBlob(15, Uint32Bytes(post.signature)).BindBlob(16, Uint32Bytes(post.bands));
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
  return {};
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
    stmt->Bind(1, edge.earlier).Bind(2, edge.later).Bind(3, static_cast<std::int64_t>(edge.similarity * 1e6 + 0.5));
    if (auto ran = stmt->Run(); !ran) return ran;
  }
  for (const core::monitor::ClusterRecord& cluster : write.clusters) {
    if (auto written = WriteCluster(cluster); !written) return written;
  }
  return tx->Commit();
}

Result<std::vector<PostRecord>> SqliteMonitorStore::LoadMembers(std::int64_t id, std::size_t limit) {
  const std::lock_guard lock(db_.mutex());
  return SelectPosts("WHERE group_no = ? ORDER BY COALESCE(posted_at_s, 0), post_no", id, limit);
}

Result<std::map<std::int64_t, PostContent>> SqliteMonitorStore::LoadContents(
    const std::vector<std::int64_t>& numbers) {
  const std::lock_guard lock(db_.mutex());
  std::map<std::int64_t, PostContent> contents;
  auto read = ForEachRow(
      db_, "SELECT text_sealed, title_sealed, url_sealed FROM monitor_posts WHERE post_no = ?", numbers,
      [&](const Statement& stmt, std::int64_t number) -> Status {
        const auto open = [&](int column, std::string_view field) -> Result<std::optional<std::string>> {
          if (stmt.ColumnIsNull(column)) return std::nullopt;
          auto opened = cipher_.Open(stmt.ColumnBlob(column), PostAad(number, field));
          if (!opened) return MakeError(ErrorCode::kInternal, "a sealed monitor post field does not open");
          return std::optional<std::string>(std::move(*opened));
        };
        auto text = open(0, "text");
        auto title = open(1, "title");
        auto url = open(2, "url");
        if (!text || !title || !url || !*text) {
          return MakeError(ErrorCode::kInternal, "a sealed monitor post field does not open");
        }
        contents[number] = {std::move(**text), std::move(*title), std::move(*url)};
        return {};
      });
  if (!read) return tl::unexpected(read.error());
  return contents;
}

Result<std::map<std::string, std::string>> SqliteMonitorStore::LoadIdentifierValues(
    const std::vector<std::string>& hashes) {
  const std::lock_guard lock(db_.mutex());
  std::map<std::string, std::string> values;
  auto read = ForEachRow(db_, "SELECT value_sealed FROM monitor_identifiers WHERE hash = ?", hashes,
                         [&](const Statement& stmt, const std::string& hash) -> Status {
                           auto opened = cipher_.Open(stmt.ColumnBlob(0), "monitor_identifiers:" + hash);
                           if (!opened) {
                             return MakeError(ErrorCode::kInternal, "a sealed identifier value does not open");
                           }
                           values[hash] = std::move(*opened);
                           return {};
                         });
  if (!read) return tl::unexpected(read.error());
  return values;
}

}  // namespace vigil::storage::sqlite
