#include "storage/sqlite/assessment_store.hpp"

#include <nlohmann/json.hpp>

#include "codec/json/identify_json.hpp"

namespace vigil::storage::sqlite {
namespace {

using core::identify::ReferralLevel;
using core::identify::StoredAssessment;

std::string AssociatedData(const std::string& id) { return "identify_assessments:" + id; }

ReferralLevel ParseLevel(const std::string& text) {
  for (ReferralLevel level : {ReferralLevel::kUrgent, ReferralLevel::kRefer,
                              ReferralLevel::kContinue, ReferralLevel::kInform}) {
    if (core::identify::ReferralLevelName(level) == text) return level;
  }
  return ReferralLevel::kInform;
}

}  // namespace

Result<std::string> SqliteAssessmentStore::SaveAssessment(const StoredAssessment& record) {
  const std::string id = RandomHex(random_, 16);
  nlohmann::json payload = nlohmann::json::parse(
      codec::json::RenderScreeningRequest(record.ruleset_id, record.request));
  if (!record.notes.empty()) payload["notes"] = record.notes;
  const std::string sealed = cipher_.Seal(payload.dump(), AssociatedData(id));
  const std::lock_guard lock(db_.mutex());
  auto stmt = db_.Prepare(
      "INSERT INTO identify_assessments(id, created_ms, actor, ruleset_id, ruleset_sha256, level, "
      "sealed) VALUES(?,?,?,?,?,?,?)");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, id)
      .Bind(2, record.created_ms)
      .Bind(3, record.actor)
      .Bind(4, record.ruleset_id)
      .Bind(5, record.ruleset_sha256)
      .Bind(6, core::identify::ReferralLevelName(record.level))
      .BindBlob(7, sealed);
  if (auto ran = stmt->Run(); !ran) return tl::unexpected(ran.error());
  return id;
}

Result<StoredAssessment> SqliteAssessmentStore::LoadAssessment(const std::string& id) {
  std::string sealed;
  StoredAssessment record;
  {
    const std::lock_guard lock(db_.mutex());
    auto stmt = db_.Prepare(
        "SELECT created_ms, actor, ruleset_id, ruleset_sha256, level, sealed FROM "
        "identify_assessments WHERE id = ?");
    if (!stmt) return tl::unexpected(stmt.error());
    stmt->Bind(1, id);
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) return MakeError(ErrorCode::kNotFound, "assessment not found");
    record.id = id;
    record.created_ms = stmt->ColumnInt(0);
    record.actor = stmt->ColumnText(1);
    record.ruleset_id = stmt->ColumnText(2);
    record.ruleset_sha256 = stmt->ColumnText(3);
    record.level = ParseLevel(stmt->ColumnText(4));
    sealed = stmt->ColumnBlob(5);
  }
  auto opened = cipher_.Open(sealed, AssociatedData(id));
  if (!opened) return MakeError(ErrorCode::kInternal, "a stored assessment does not decrypt");
  auto document = codec::json::ParseScreeningDocument(*opened);
  if (!document) return MakeError(ErrorCode::kInternal, "a stored assessment is unreadable");
  record.request = std::move(document->request);
  record.notes = std::move(document->notes);
  return record;
}

}  // namespace vigil::storage::sqlite
