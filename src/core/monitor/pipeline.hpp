// The monitor pipeline: joins the pure stages (language, lure lexicon, identifiers, MinHash,
// linking, risk, template) into one pass over a batch of posts. Per-post stages may run on
// several threads over contiguous chunks; the near-duplicate index and linking then consume the
// per-post results in input order, so the result never depends on the thread count.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"
#include "core/monitor/identifiers.hpp"
#include "core/monitor/lexicon.hpp"
#include "core/monitor/linking.hpp"
#include "core/monitor/minhash.hpp"
#include "core/monitor/normalise.hpp"
#include "core/monitor/post.hpp"
#include "core/monitor/risk.hpp"
#include "core/monitor/template.hpp"

namespace vigil::core::monitor {

struct PipelineOptions {
  std::vector<LexiconEntry> lexicon;  // validated by the caller (ValidateLexicon)
  // An earlier Pipeline::CompiledLexicon(): reused when it was made from the same lexicon (see
  // LexiconMatcher::Build); empty or stale, the lexicon is compiled.
  std::string compiled_lexicon;
  IdentifierOptions identifiers;      // its shared_hosts also keep domains from linking
  MinHashOptions minhash;
  bool link_near_duplicates = true;
  RiskOptions risk;
  std::size_t language_prefix_bytes = 1024;
  std::size_t template_max_words = 400;
  // The template of a large cluster is computed from its first members (input order) only: its
  // cost grows with members × words², and a slot lists one value per member used.
  std::size_t template_max_members = 64;
};

// One lure phrase found in a post.
struct IndicatorMatch {
  std::string indicator;  // lure indicator id (LureIndicators())
  std::string entry;      // lexicon entry id, e.g. "uk.pay-unrealistic"
  std::string category;
  std::string field;      // "text" or "title"
  ByteSpan span;          // [start, end) bytes in the original field
};

struct PostIdentifierHit {
  std::string type;   // IdentifierTypeName
  std::string value;  // normalised value
  std::string field;  // "text" or "title" (the first field it was seen in)
  ByteSpan span;      // first occurrence in that field
};

struct PostResult {
  std::size_t input_index = 0;  // index into the posts given to Run
  std::string language;         // ISO 639-1, "und" when unknown
  std::vector<IndicatorMatch> indicators;  // title hits first, then text, each by start
  std::vector<PostIdentifierHit> identifiers;  // each (type, value) once
  RiskScore risk;
  std::optional<std::size_t> cluster;  // the cluster id (smallest member position), or none
};

// The per-post stages' output for one post, for callers that link posts themselves (the server
// links each ingested batch against what it stored before).
struct PostAnalysis {
  PostResult result;
  Signature signature;  // empty when near-duplicate linking is off or the text has no words
  std::vector<PostIdentifier> link_identifiers;  // those that may link posts (no bare shared host)
};

struct ClusterResult {
  Cluster cluster;  // members are positions in PipelineResult::posts
  RiskScore risk;
  ClusterTemplate explanation;  // from the first min(members, template_max_members) members
};

struct PipelineResult {
  std::vector<PostResult> posts;        // accepted posts in input order (duplicates dropped)
  std::vector<ClusterResult> clusters;  // ordered by id
  std::size_t duplicates = 0;           // posts whose (source, id) came earlier
};

// Seconds since 1970-01-01 UTC for an RFC 3339 date-time ("2024-05-01T10:00:00Z",
// "2024-05-01T12:00:00.5+02:00"); nullopt when the text is not one.
[[nodiscard]] std::optional<std::int64_t> ParseRfc3339(std::string_view text);
// "YYYY-MM-DDTHH:MM:SSZ" for seconds since 1970-01-01 UTC.
[[nodiscard]] std::string FormatRfc3339(std::int64_t seconds);

class Pipeline {
 public:
  // kInvalidArgument when the lexicon does not compile or the identifier options are invalid;
  // kInternal when ICU, libpsl or Vectorscan cannot be set up.
  [[nodiscard]] static Result<Pipeline> Create(PipelineOptions options);
  Pipeline(Pipeline&&) noexcept;
  Pipeline& operator=(Pipeline&&) noexcept;
  ~Pipeline();

  // Runs every stage over `posts` (valid UTF-8 fields expected; codecs repair or reject).
  // kInvalidArgument ("too-many-posts") past the near-duplicate index's NearDuplicateIndex::MaxPosts()
  // (51 million posts with the defaults), before any work.
  // `threads` >= 1 workers share the per-post stages; the result is the same for any value.
  // `progress`, when set, is called from the calling thread with (posts done, posts in all).
  [[nodiscard]] Result<PipelineResult> Run(
      const std::vector<Post>& posts, int threads = 1,
      const std::function<void(std::size_t, std::size_t)>& progress = {}) const;

  // The per-post stages only (language, lure indicators, risk, identifiers, signature), one result
  // per post in order; no duplicate check, no linking. Thread-safe (const).
  [[nodiscard]] Result<std::vector<PostAnalysis>> Analyse(const std::vector<Post>& posts) const;

  const PipelineOptions& options() const;

  // The compiled lexicon, to give as PipelineOptions::compiled_lexicon next time; and whether
  // this pipeline reused one instead of compiling.
  [[nodiscard]] std::string CompiledLexicon() const;
  bool lexicon_reused() const;

 private:
  struct Impl;
  explicit Pipeline(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigil::core::monitor
