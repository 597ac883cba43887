// The lexicon's Vectorscan databases as objects: scratch space, moving and freeing them, and
// saving and reloading them (LexiconMatcher::Serialize / Build), so that a run does not spend a
// second compiling the same lexicon again. The core only turns databases into bytes and back;
// where the bytes are kept is the caller's business.
#include <hs/hs.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "core/common/byte_blocks.hpp"
#include "core/monitor/lexicon_matcher.hpp"

namespace vigil::core::monitor {
namespace {

constexpr std::string_view kMagic = "vigil-lexicon-2\n";

void AppendDatabase(const hs_database_t* database, std::string& out) {
  char* bytes = nullptr;
  std::size_t length = 0;
  if (database == nullptr || hs_serialize_database(database, &bytes, &length) != HS_SUCCESS) {
    AppendBlock({}, out);  // empty: no database
    return;
  }
  AppendBlock(std::string_view(bytes, length), out);
  std::free(bytes);  // hs_serialize_database allocates with the default (malloc) allocator
}

// Reads one AppendDatabase block at `pos`; false when the bytes are cut short or not a database.
bool ReadDatabase(std::string_view data, std::size_t& pos, hs_database_t** database) {
  const auto block = ReadBlock(data, pos);
  if (!block) return false;
  *database = nullptr;
  return block->empty() || hs_deserialize_database(block->data(), block->size(), database) == HS_SUCCESS;
}

}  // namespace

std::string LexiconMatcher::Fingerprint(const std::vector<std::string>& expressions,
                                        const std::vector<PhraseShape>& shapes) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  const std::string_view version = hs_version();
  XXH3_128bits_update(state, version.data(), version.size());
  for (std::size_t idx = 0; idx < expressions.size(); ++idx) {
    // The shape decides which database holds the pattern.
    const char kind = shapes[idx].tokens.empty() ? 'S' : 'E';
    XXH3_128bits_update(state, &kind, 1);
    XXH3_128bits_update(state, expressions[idx].data(), expressions[idx].size() + 1);
  }
  const XXH128_hash_t hash = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(hash.high64),
                static_cast<unsigned long long>(hash.low64));
  return hex;
}

std::string LexiconMatcher::Serialize() const {
  std::string out(kMagic);
  out += fingerprint_;
  out += '\n';
  AppendDatabase(ends_, out);
  AppendDatabase(starts_, out);
  AppendDatabase(ends_single_space_, out);
  return out;
}

bool LexiconMatcher::Deserialize(std::string_view compiled) {
  const std::size_t header = kMagic.size() + fingerprint_.size() + 1;
  if (compiled.size() < header || compiled.substr(0, kMagic.size()) != kMagic ||
      compiled.substr(kMagic.size(), fingerprint_.size()) != fingerprint_ ||
      compiled[header - 1] != '\n') {
    return false;
  }
  std::size_t pos = header;
  hs_database_t* ends = nullptr;
  hs_database_t* starts = nullptr;
  hs_database_t* single_space = nullptr;
  const auto discard = [&] {
    for (hs_database_t* database : {ends, starts, single_space}) {
      if (database != nullptr) hs_free_database(database);
    }
    return false;
  };
  // A database from another Vectorscan build or processor is refused by hs_deserialize_database.
  if (!ReadDatabase(compiled, pos, &ends) || ends == nullptr || !ReadDatabase(compiled, pos, &starts) ||
      !ReadDatabase(compiled, pos, &single_space) || pos != compiled.size()) {
    return discard();
  }
  const bool needs_starts = std::any_of(shapes_.begin(), shapes_.end(),
                                        [](const PhraseShape& shape) { return shape.tokens.empty(); });
  if (needs_starts != (starts != nullptr) || has_space_runs_ != (single_space != nullptr)) return discard();
  ends_ = ends;
  starts_ = starts;
  ends_single_space_ = single_space;
  reused_ = true;
  return true;
}

LexiconScratch::LexiconScratch(LexiconScratch&& other) noexcept
    : scratch_(std::exchange(other.scratch_, nullptr)) {}
LexiconScratch& LexiconScratch::operator=(LexiconScratch&& other) noexcept {
  if (this != &other) {
    if (scratch_ != nullptr) hs_free_scratch(scratch_);
    scratch_ = std::exchange(other.scratch_, nullptr);
  }
  return *this;
}
LexiconScratch::~LexiconScratch() {
  if (scratch_ != nullptr) hs_free_scratch(scratch_);
}

LexiconMatcher::LexiconMatcher(LexiconMatcher&& other) noexcept
    : entries_(std::move(other.entries_)),
      pattern_entry_(std::move(other.pattern_entry_)),
      shapes_(std::move(other.shapes_)),
      fingerprint_(std::move(other.fingerprint_)),
      reused_(other.reused_),
      has_space_runs_(other.has_space_runs_),
      ends_(std::exchange(other.ends_, nullptr)),
      starts_(std::exchange(other.starts_, nullptr)),
      ends_single_space_(std::exchange(other.ends_single_space_, nullptr)) {}
LexiconMatcher& LexiconMatcher::operator=(LexiconMatcher&& other) noexcept {
  if (this != &other) {
    if (ends_ != nullptr) hs_free_database(ends_);
    if (starts_ != nullptr) hs_free_database(starts_);
    if (ends_single_space_ != nullptr) hs_free_database(ends_single_space_);
    entries_ = std::move(other.entries_);
    pattern_entry_ = std::move(other.pattern_entry_);
    shapes_ = std::move(other.shapes_);
    fingerprint_ = std::move(other.fingerprint_);
    reused_ = other.reused_;
    has_space_runs_ = other.has_space_runs_;
    ends_ = std::exchange(other.ends_, nullptr);
    starts_ = std::exchange(other.starts_, nullptr);
    ends_single_space_ = std::exchange(other.ends_single_space_, nullptr);
  }
  return *this;
}
LexiconMatcher::~LexiconMatcher() {
  if (ends_ != nullptr) hs_free_database(ends_);
  if (starts_ != nullptr) hs_free_database(starts_);
  if (ends_single_space_ != nullptr) hs_free_database(ends_single_space_);
}

Result<LexiconScratch> LexiconMatcher::NewScratch() const {
  LexiconScratch scratch;
  // One scratch serves both databases: the second call grows it as needed.
  if (hs_alloc_scratch(ends_, &scratch.scratch_) != HS_SUCCESS ||
      (starts_ != nullptr && hs_alloc_scratch(starts_, &scratch.scratch_) != HS_SUCCESS) ||
      (ends_single_space_ != nullptr && hs_alloc_scratch(ends_single_space_, &scratch.scratch_) != HS_SUCCESS)) {
    return MakeError(ErrorCode::kInternal, "cannot allocate Vectorscan scratch space");
  }
  return scratch;
}

}  // namespace vigil::core::monitor
