// SQLite adapter for the identify AssessmentStore: the request and notes are sealed as one
// JSON document, bound to the row id.
#pragma once

#include "core/common/field_cipher.hpp"
#include "core/common/random.hpp"
#include "core/identify/catalog.hpp"
#include "storage/sqlite/database.hpp"

namespace vigil::storage::sqlite {

class SqliteAssessmentStore final : public core::identify::AssessmentStore {
 public:
  SqliteAssessmentStore(Database& db, const FieldCipher& cipher, Random& random)
      : db_(db), cipher_(cipher), random_(random) {}
  Result<std::string> SaveAssessment(const core::identify::StoredAssessment& record) override;
  Result<core::identify::StoredAssessment> LoadAssessment(const std::string& id) override;

 private:
  Database& db_;
  const FieldCipher& cipher_;
  Random& random_;
};

}  // namespace vigil::storage::sqlite
