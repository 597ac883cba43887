#include "core/monitor/pipeline.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <thread>

#include "core/common/byte_blocks.hpp"
#include "core/monitor/language.hpp"
#include "core/monitor/lexicon_matcher.hpp"
#include "core/monitor/lookalike_lexicon.hpp"
#include "core/monitor/union_find.hpp"

namespace vigil::core::monitor {
namespace {

// Posts handled between two calls of the near-duplicate index (and of `progress`): bounds the
// signatures held at once. Several workers share a block in chunks of kSharedChunkPosts.
constexpr std::size_t kBlockPosts = 4096;
constexpr std::size_t kSharedChunkPosts = 64;

bool ReadDigits(std::string_view text, std::size_t pos, std::size_t count, int& value) {
  if (pos + count > text.size()) return false;
  value = 0;
  for (std::size_t idx = pos; idx < pos + count; ++idx) {
    const char c = text[idx];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's civil-date algorithm).
std::int64_t DaysFromCivil(std::int64_t year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

using Work = PostAnalysis;

// The two compiled lexicons of Pipeline::CompiledLexicon (the lexicon, its look-alike form), or
// empty views when `compiled` is not of that shape.
void SplitCompiled(std::string_view compiled, std::string_view (&parts)[2]) {
  std::size_t pos = 0;
  for (auto& part : parts) {
    const auto block = ReadBlock(compiled, pos);
    if (!block) return;
    part = *block;
  }
}

}  // namespace

std::optional<std::int64_t> ParseRfc3339(std::string_view text) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (text.size() < 20 || !ReadDigits(text, 0, 4, year) || text[4] != '-' ||
      !ReadDigits(text, 5, 2, month) || text[7] != '-' || !ReadDigits(text, 8, 2, day) ||
      (text[10] != 'T' && text[10] != 't') || !ReadDigits(text, 11, 2, hour) || text[13] != ':' ||
      !ReadDigits(text, 14, 2, minute) || text[16] != ':' || !ReadDigits(text, 17, 2, second)) {
    return std::nullopt;
  }
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 ||
      day > kDays[month - 1] + (month == 2 && IsLeap(year) ? 1 : 0) || hour > 23 || minute > 59 ||
      second > 60) {
    return std::nullopt;
  }
  std::size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    const std::size_t digits_start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == digits_start) return std::nullopt;
  }
  int offset = 0;
  if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    int off_hour = 0, off_minute = 0;
    if (!ReadDigits(text, pos + 1, 2, off_hour) || pos + 3 >= text.size() || text[pos + 3] != ':' ||
        !ReadDigits(text, pos + 4, 2, off_minute) || off_hour > 23 || off_minute > 59) {
      return std::nullopt;
    }
    offset = (off_hour * 60 + off_minute) * 60 * (text[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  const std::int64_t days = DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return days * 86400 + hour * 3600 + minute * 60 + std::min(second, 59) - offset;
}

std::string FormatRfc3339(std::int64_t seconds) {
  std::int64_t days = seconds / 86400;
  std::int64_t rest = seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  // Inverse of DaysFromCivil.
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned day = doy - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0);
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ",
                static_cast<long long>(year), month, day, static_cast<long long>(rest / 3600),
                static_cast<long long>(rest / 60 % 60), static_cast<long long>(rest % 60));
  return buffer;
}

struct Pipeline::Impl {
  PipelineOptions options;
  LexiconMatcher matcher;
  LookalikeLexicon lookalike;
  MinHasher hasher;
  LinkOptions link;

  // One worker's stage objects (none of them is thread-safe).
  struct Worker {
    IdentifierExtractor extractor;
    LexiconScratch scratch;
    LexiconScratch lookalike_scratch;
    Normaliser normaliser;
    std::string folded;  // FoldForScan of the field at hand, shared by the lexicon and MinHash
  };

  Result<Worker> NewWorker() const {
    auto extractor = IdentifierExtractor::Create(options.identifiers);
    if (!extractor) return tl::unexpected(extractor.error());
    auto scratch = matcher.NewScratch();
    if (!scratch) return tl::unexpected(scratch.error());
    auto lookalike_scratch = lookalike.matcher().NewScratch();
    if (!lookalike_scratch) return tl::unexpected(lookalike_scratch.error());
    auto normaliser = Normaliser::Create();
    if (!normaliser) return tl::unexpected(normaliser.error());
    return Worker{std::move(*extractor), std::move(*scratch), std::move(*lookalike_scratch),
                  std::move(*normaliser), {}};
  }

  // Adds the hits of `found` (from `source`) not already found for the same entry at an
  // overlapping place.
  void AddHits(const LexiconMatcher& source, const std::vector<LexiconHit>& found, const char* field,
               std::size_t first, PostResult& result, std::vector<IndicatorHit>& risk_hits) const {
    std::vector<LexiconHit> added;
    for (const LexiconHit& hit : found) {
      const bool known = std::any_of(result.indicators.begin() + static_cast<long>(first), result.indicators.end(),
                                     [&](const IndicatorMatch& match) {
                                       return match.entry == hit.entry_id && match.span.start < hit.end &&
                                              hit.start < match.span.end;
                                     });
      if (known) continue;
      result.indicators.push_back({std::string(hit.indicator), std::string(hit.entry_id),
                                   std::string(hit.category), field, {hit.start, hit.end}});
      added.push_back(hit);
    }
    auto weighted = ToIndicatorHits(source, added);
    risk_hits.insert(risk_hits.end(), weighted.begin(), weighted.end());
  }

  Status Scan(const std::string& field_text, const char* field, Worker& worker, PostResult& result,
              std::vector<IndicatorHit>& risk_hits) const {
    FoldForScanInto(field_text, worker.folded);
    auto hits = matcher.ScanFolded(worker.folded, worker.scratch);
    if (!hits) return tl::unexpected(hits.error());
    const std::size_t first = result.indicators.size();
    AddHits(matcher, *hits, field, first, result, risk_hits);
    if (lookalike.Needed(worker.folded)) {
      auto lookalike_hits = lookalike.Scan(field_text, worker.normaliser, worker.lookalike_scratch);
      if (!lookalike_hits) return tl::unexpected(lookalike_hits.error());
      AddHits(lookalike.matcher(), *lookalike_hits, field, first, result, risk_hits);
      std::stable_sort(result.indicators.begin() + static_cast<long>(first), result.indicators.end(),
                       [](const IndicatorMatch& a, const IndicatorMatch& b) { return a.span.start < b.span.start; });
    }
    return {};
  }

  void AddIdentifiers(const std::string& field_text, const char* field, const Post& post,
                      Worker& worker, Work& work) const {
    for (Identifier& found : worker.extractor.Extract(field_text, post.region)) {
      std::string type(IdentifierTypeName(found.type));
      // A post holds a few identifiers: each (type, value) once, by a linear look.
      const bool seen = std::any_of(work.result.identifiers.begin(), work.result.identifiers.end(),
                                    [&](const PostIdentifierHit& hit) { return hit.type == type && hit.value == found.value; });
      if (seen) continue;
      // A bare shared host says nothing about who posted: reported, never linked.
      if (!(found.type == IdentifierType::kDomain && found.shared_host &&
            found.value.find('/') == std::string::npos)) {
        work.link_identifiers.push_back({type, found.value});
      }
      work.result.identifiers.push_back({std::move(type), std::move(found.value), field, found.span});
    }
  }

  // The per-post stages for posts[inputs[0..count)] into works[0..count), stage after stage over
  // the whole chunk rather than post after post: each stage's tables (CLD2's, the Vectorscan
  // database, libphonenumber's and ICU's) then stay in the processor's caches across the chunk
  // instead of pushing each other out at every post. The results are the same either way.
  // A failing post is named by its position in `posts` (counted from 1).
  Status ProcessChunk(const std::vector<Post>& posts, const std::size_t* inputs, std::size_t count,
                      Worker& worker, Work* works) const {
    const auto failed = [&](std::size_t at, const Error& error) -> Status {
      return MakeError(error.code, "post " + std::to_string(inputs[at] + 1) + ": " + error.message, error.reason);
    };
    for (std::size_t at = 0; at < count; ++at) {
      const Post& post = posts[inputs[at]];
      works[at].result.language = post.lang && !post.lang->empty()
                                      ? *post.lang
                                      : DetectLanguage(post.text, options.language_prefix_bytes).code;
    }
    std::vector<IndicatorHit> risk_hits;
    for (std::size_t at = 0; at < count; ++at) {
      const Post& post = posts[inputs[at]];
      Work& work = works[at];
      risk_hits.clear();
      if (post.title) {
        if (auto scanned = Scan(*post.title, "title", worker, work.result, risk_hits); !scanned) {
          return failed(at, scanned.error());
        }
      }
      if (auto scanned = Scan(post.text, "text", worker, work.result, risk_hits); !scanned) {
        return failed(at, scanned.error());
      }
      // worker.folded now holds the folded text.
      if (options.link_near_duplicates) work.signature = hasher.ComputeFolded(worker.folded);
      work.result.risk = ComputePostRisk(risk_hits, options.risk);
    }
    for (std::size_t at = 0; at < count; ++at) {
      const Post& post = posts[inputs[at]];
      if (post.title) AddIdentifiers(*post.title, "title", post, worker, works[at]);
      AddIdentifiers(post.text, "text", post, worker, works[at]);
    }
    return {};
  }
};

Pipeline::Pipeline(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;
Pipeline::~Pipeline() = default;

Result<Pipeline> Pipeline::Create(PipelineOptions options) {
  if (auto valid = ValidateIdentifierOptions(options.identifiers); !valid) {
    return tl::unexpected(valid.error());
  }
  std::string_view compiled[2];
  SplitCompiled(options.compiled_lexicon, compiled);
  auto matcher = LexiconMatcher::Build(options.lexicon, compiled[0]);
  if (!matcher) return tl::unexpected(matcher.error());
  auto lookalike = LookalikeLexicon::Build(options.lexicon, compiled[1]);
  if (!lookalike) return tl::unexpected(lookalike.error());
  options.compiled_lexicon.clear();
  MinHasher hasher(options.minhash);
  LinkOptions link;
  link.shared_hosts = options.identifiers.shared_hosts;
  link.link_near_duplicates = options.link_near_duplicates;
  auto impl = std::unique_ptr<Impl>(
      new Impl{std::move(options), std::move(*matcher), std::move(*lookalike), std::move(hasher), std::move(link)});
  // Fail early (not in the middle of a run) when a worker's libraries cannot be set up.
  if (auto worker = impl->NewWorker(); !worker) return tl::unexpected(worker.error());
  return Pipeline(std::move(impl));
}

const PipelineOptions& Pipeline::options() const { return impl_->options; }
std::string Pipeline::CompiledLexicon() const {
  std::string out;
  AppendBlock(impl_->matcher.Serialize(), out);
  AppendBlock(impl_->lookalike.matcher().Serialize(), out);
  return out;
}
bool Pipeline::lexicon_reused() const { return impl_->matcher.reused() && impl_->lookalike.matcher().reused(); }

Result<std::vector<PostAnalysis>> Pipeline::Analyse(const std::vector<Post>& posts) const {
  auto worker = impl_->NewWorker();
  if (!worker) return tl::unexpected(worker.error());
  std::vector<PostAnalysis> out(posts.size());
  std::vector<std::size_t> inputs(posts.size());
  for (std::size_t idx = 0; idx < posts.size(); ++idx) inputs[idx] = idx;
  if (auto done = impl_->ProcessChunk(posts, inputs.data(), posts.size(), *worker, out.data()); !done) {
    return tl::unexpected(done.error());
  }
  for (std::size_t idx = 0; idx < posts.size(); ++idx) out[idx].result.input_index = idx;
  return out;
}

Result<PipelineResult> Pipeline::Run(const std::vector<Post>& posts, int threads,
                                     const std::function<void(std::size_t, std::size_t)>& progress) const {
  const Impl& impl = *impl_;
  PipelineResult out;

  // (source, id) once: the first occurrence is kept. An open-addressing table of post indices
  // (no node or key allocated per post).
  std::vector<std::size_t> accepted;
  accepted.reserve(posts.size());
  {
    constexpr std::uint32_t kEmpty = UINT32_MAX;
    std::vector<std::uint32_t> table(std::bit_ceil(posts.size() * 2 + 16), kEmpty);
    const std::size_t mask = table.size() - 1;
    for (std::size_t idx = 0; idx < posts.size(); ++idx) {
      const Post& post = posts[idx];
      const std::size_t hash = std::hash<std::string_view>{}(post.source) * 0x9E3779B97F4A7C15ULL ^
                               std::hash<std::string_view>{}(post.id);
      std::size_t slot = (hash ^ (hash >> 29)) & mask;
      bool repeat = false;
      while (table[slot] != kEmpty) {
        const Post& earlier = posts[table[slot]];
        if (earlier.source == post.source && earlier.id == post.id) {
          repeat = true;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (repeat) {
        ++out.duplicates;
        continue;
      }
      table[slot] = static_cast<std::uint32_t>(idx);
      accepted.push_back(idx);
    }
  }

  const std::size_t workers_wanted =
      std::max<std::size_t>(1, std::min<std::size_t>(static_cast<std::size_t>(std::max(threads, 1)),
                                                     std::max<std::size_t>(1, accepted.size())));
  std::vector<Impl::Worker> workers;
  for (std::size_t idx = 0; idx < workers_wanted; ++idx) {
    auto worker = impl.NewWorker();
    if (!worker) return tl::unexpected(worker.error());
    workers.push_back(std::move(*worker));
  }

  NearDuplicateIndex index(impl.options.minhash);
  if (impl.options.link_near_duplicates && accepted.size() > index.MaxPosts()) {
    return MakeError(ErrorCode::kInvalidArgument,
                     std::to_string(accepted.size()) + " posts in one scan; the near-duplicate index takes at most " +
                         std::to_string(index.MaxPosts()) + ": split the input",
                     "too-many-posts");
  }
  if (impl.options.link_near_duplicates) index.Reserve(accepted.size());
  std::vector<NearDuplicateEdge> edges;
  DisjointSets groups(accepted.size());
  std::vector<LinkPost> link_posts(accepted.size());
  out.posts.resize(accepted.size());

  // Links the posts of a processed block, in input order: the index and the link inputs see the
  // same sequence whatever the threads.
  auto link_block = [&](std::vector<Work>& block, std::size_t begin) {
    for (std::size_t pos = 0; pos < block.size(); ++pos) {
      const std::size_t at = begin + pos;
      const Post& post = posts[accepted[at]];
      Work& work = block[pos];
      if (impl.options.link_near_duplicates) {
        // The next post's signature was computed a block ago and has left the near caches.
        if (pos + 1 < block.size()) {
          const Signature& next = block[pos + 1].signature;
          for (std::size_t at = 0; at < next.size(); at += 64 / sizeof(std::uint32_t)) __builtin_prefetch(&next[at]);
        }
        // Only edges that join two near-duplicate groups are kept: the clusters are the same,
        // and a family of k copies keeps k - 1 edges instead of up to k² / 2.
        // Candidates already in the post's group are not verified (their edge would not be kept).
        index.AddLinking(
            work.signature, [&](std::size_t earlier) { return groups.Find(earlier) == groups.Find(at); },
            [&](const NearDuplicateEdge& edge) {
              if (groups.Union(edge.earlier, edge.later)) edges.push_back(edge);
            });
      }
      LinkPost& link = link_posts[at];
      link.source = post.source;
      link.id = post.id;
      link.posted_at = ParseRfc3339(post.posted_at);
      link.language = work.result.language == "und" ? "" : work.result.language;
      link.city = post.location.value_or("");
      link.identifiers = std::move(work.link_identifiers);
      work.result.input_index = accepted[at];
      out.posts[at] = std::move(work.result);
    }
  };

  // Blocks are processed by all workers taking chunks in turn, while the calling thread first
  // links the block before (linking is sequential). A stage runs over a whole chunk before the
  // next starts, so large chunks reload each library's tables less often (one worker takes the
  // whole block: 1.3 s less on a million posts than chunks of 64). Several workers take a share
  // of what is left, down to kSharedChunkPosts, so that they finish a block close together.
  const std::size_t shares = 2 * workers.size();
  std::vector<Work> current, previous;
  std::size_t previous_begin = 0;
  for (std::size_t begin = 0; begin <= accepted.size(); begin += kBlockPosts) {
    const std::size_t end = std::min(accepted.size(), begin + kBlockPosts);
    current.assign(end - begin, Work{});
    std::vector<Status> statuses(workers.size());
    std::atomic<std::size_t> next_chunk{0};
    auto run_chunks = [&](std::size_t worker) {
      for (;;) {
        std::size_t from = next_chunk.load();
        std::size_t count = 0;
        do {
          if (from >= current.size()) return;
          const std::size_t left = current.size() - from;
          count = workers.size() == 1 ? left : std::min(left, std::max(kSharedChunkPosts, left / shares));
        } while (!next_chunk.compare_exchange_weak(from, from + count));
        if (auto done = impl.ProcessChunk(posts, &accepted[begin + from], count, workers[worker], &current[from]);
            !done) {
          statuses[worker] = done;
          next_chunk = current.size();  // the others stop too
          return;
        }
      }
    };
    std::vector<std::thread> running;
    if (!current.empty()) {
      for (std::size_t worker = 1; worker < workers.size(); ++worker) running.emplace_back(run_chunks, worker);
    }
    if (!previous.empty()) {
      link_block(previous, previous_begin);
      if (progress) progress(previous_begin + previous.size(), accepted.size());
    }
    run_chunks(0);
    for (auto& thread : running) thread.join();
    for (const Status& status : statuses) {
      if (!status) return tl::unexpected(status.error());
    }
    std::swap(previous, current);
    previous_begin = begin;
  }
  if (!previous.empty()) link_block(previous, previous_begin);
  if (progress) progress(accepted.size(), accepted.size());

  Linking linking = LinkPosts(link_posts, edges, impl.link);
  std::vector<RiskScore> post_risks;
  post_risks.reserve(out.posts.size());
  for (const PostResult& post : out.posts) post_risks.push_back(post.risk);
  out.clusters.resize(linking.clusters.size());
  for (std::size_t idx = 0; idx < linking.clusters.size(); ++idx) {
    ClusterResult& result = out.clusters[idx];
    result.risk = ComputeClusterRisk(linking.clusters[idx], link_posts, post_risks, impl.options.risk);
    for (std::size_t member : linking.clusters[idx].members) out.posts[member].cluster = linking.clusters[idx].id;
    result.cluster = std::move(linking.clusters[idx]);
  }
  // Templates (quadratic per cluster) are independent: the workers share them by stride.
  const std::size_t template_members = std::max<std::size_t>(2, impl.options.template_max_members);
  auto explain = [&](std::size_t first) {
    for (std::size_t idx = first; idx < out.clusters.size(); idx += workers.size()) {
      ClusterResult& result = out.clusters[idx];
      std::vector<std::string_view> texts;
      texts.reserve(std::min(result.cluster.members.size(), template_members));
      for (std::size_t member : result.cluster.members) {
        if (texts.size() == template_members) break;
        texts.push_back(posts[out.posts[member].input_index].text);
      }
      result.explanation = ComputeTemplate(texts, impl.options.template_max_words);
    }
  };
  std::vector<std::thread> running;
  for (std::size_t worker = 1; worker < workers.size() && worker < out.clusters.size(); ++worker) {
    running.emplace_back(explain, worker);
  }
  explain(0);
  for (auto& thread : running) thread.join();
  return out;
}

}  // namespace vigil::core::monitor
