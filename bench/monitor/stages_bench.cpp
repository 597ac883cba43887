// Throughput of each monitor stage alone, one thread, on a corpus file (JSON Lines, e.g. from
// monitor_scan_corpus): the stages' public APIs called the way Pipeline::Run calls them (keep in
// step with pipeline.cpp; a cluster count differing from Pipeline::Run's is reported), each
// timed over all posts (CPU time of this thread). Prints Markdown rows and the measured mix of the
// corpus (detected languages, lure share, cluster share, linking memory per post). Not a test:
// bench/monitor/run.sh puts the figures into docs/benchmarks.md.
// Usage: monitor_stages_bench --in posts.jsonl --data DIR   stage table on stdout
//        monitor_stages_bench --phrases --data DIR          the lexicon's literal phrases, one a
//                                                           line (the grep yardstick's PHRASES)
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "app/monitor_runtime.hpp"
#include "codec/monitor/posts_input.hpp"
#include "core/monitor/identifiers.hpp"
#include "core/monitor/language.hpp"
#include "core/monitor/lexicon_matcher.hpp"
#include "core/monitor/linking.hpp"
#include "core/monitor/lookalike_lexicon.hpp"
#include "core/monitor/minhash.hpp"
#include "core/monitor/normalise.hpp"
#include "core/monitor/pipeline.hpp"
#include "core/monitor/risk.hpp"
#include "core/monitor/template.hpp"
#include "core/monitor/union_find.hpp"

namespace {

namespace fs = std::filesystem;
namespace mon = vigil::core::monitor;

// Posts per block for the stages whose per-post output is too large to keep for a million posts
// (folded texts with offset maps, signatures); as in the pipeline.
constexpr std::size_t kBlockPosts = 4096;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "monitor_stages_bench: %s\n", what.c_str());
  std::exit(1);
}

// The lexicon and identifier data under <data>/monitor, read by the loader `vigil monitor scan`
// and `vigil serve` use.
mon::PipelineOptions LoadOptions(const fs::path& data) {
  auto options = vigil::app::LoadMonitorOptions(data.string());
  if (!options) Fail(options.error().message);
  return std::move(*options);
}

// The literal phrases for `grep -F -f`: a stem's trailing '*' is dropped (grep finds the prefix
// anyway); a phrase with a stem inside ("młod* dziewczyn*") has no literal form and is left out.
int PrintPhrases(const mon::PipelineOptions& options) {
  std::set<std::string> phrases;
  std::size_t left_out = 0;
  for (const mon::LexiconEntry& entry : options.lexicon) {
    for (const mon::LexiconPattern& pattern : entry.patterns) {
      if (pattern.kind != mon::PatternKind::kPhrase) continue;
      std::string phrase = pattern.text;
      if (!phrase.empty() && phrase.back() == '*') phrase.pop_back();
      if (phrase.find('*') != std::string::npos) {
        ++left_out;
        continue;
      }
      if (!phrase.empty()) phrases.insert(phrase);
    }
  }
  for (const std::string& phrase : phrases) std::printf("%s\n", phrase.c_str());
  std::fprintf(stderr, "%zu literal phrases (%zu with a stem inside left out)\n", phrases.size(), left_out);
  return 0;
}

double CpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// Accumulates the CPU time of one stage over several calls (blocks).
struct StageClock {
  double seconds = 0;
  void Time(const std::function<void()>& run) {
    const double start = CpuSeconds();
    run();
    seconds += CpuSeconds() - start;
  }
};

// 1234567.8 -> "1,234,568".
std::string Grouped(double value) {
  std::string digits = std::to_string(static_cast<long long>(value + 0.5));
  for (int pos = static_cast<int>(digits.size()) - 3; pos > 0; pos -= 3) digits.insert(static_cast<std::size_t>(pos), ",");
  return digits;
}

void PrintRow(const char* stage, double seconds, double bytes, std::size_t posts, const char* note = "") {
  std::printf("| %s | %.2f | %.1f | %s | %s |\n", stage, seconds, bytes / seconds / 1e6,
              Grouped(static_cast<double>(posts) / seconds).c_str(), note);
}

}  // namespace

int main(int argc, char** argv) {
  std::string in, data = "data";
  bool phrases = false;
  for (int arg = 1; arg < argc; ++arg) {
    if (std::strcmp(argv[arg], "--phrases") == 0) {
      phrases = true;
    } else if (std::strcmp(argv[arg], "--in") == 0 && arg + 1 < argc) {
      in = argv[++arg];
    } else if (std::strcmp(argv[arg], "--data") == 0 && arg + 1 < argc) {
      data = argv[++arg];
    } else {
      Fail("usage: monitor_stages_bench (--in posts.jsonl | --phrases) [--data DIR]");
    }
  }
  const double setup_start = CpuSeconds();
  mon::PipelineOptions options = LoadOptions(data);
  if (phrases) return PrintPhrases(options);
  if (in.empty()) Fail("--in posts.jsonl is required");
  auto matcher = mon::LexiconMatcher::Build(options.lexicon);
  if (!matcher) Fail(matcher.error().message);
  auto lookalike = mon::LookalikeLexicon::Build(options.lexicon);
  if (!lookalike) Fail(lookalike.error().message);
  const double setup_seconds = CpuSeconds() - setup_start;
  auto scratch = matcher->NewScratch();
  auto lookalike_scratch = lookalike->matcher().NewScratch();
  auto normaliser = mon::Normaliser::Create();
  auto extractor = mon::IdentifierExtractor::Create(options.identifiers);
  if (!scratch || !lookalike_scratch || !normaliser || !extractor) Fail("cannot set up the stages");

  const std::string file = ReadFile(in);
  const double file_bytes = static_cast<double>(file.size());
  std::printf("| stage (one thread, timed alone over all posts) | CPU s | MB/s | posts/s | note |\n|---|---|---|---|---|\n");
  StageClock clock;
  vigil::Result<vigil::codec::monitor::PostsInput> input;
  clock.Time([&] { input = vigil::codec::monitor::ReadPostsJsonLines(file, {}); });
  if (!input) Fail(input.error().message);
  const std::vector<mon::Post>& posts = input->posts;
  const std::size_t count = posts.size();
  if (count == 0) Fail("no posts in " + in);
  double bytes = 0;
  for (const mon::Post& post : posts) bytes += static_cast<double>(post.text.size() + (post.title ? post.title->size() : 0));
  PrintRow("read JSON Lines (codec/monitor/posts_input)", clock.seconds, file_bytes, count, "MB/s of the file");

  std::vector<std::string> languages(count);
  StageClock language;
  language.Time([&] {
    for (std::size_t idx = 0; idx < count; ++idx) {
      languages[idx] = mon::DetectLanguage(posts[idx].text, options.language_prefix_bytes).code;
    }
  });
  PrintRow("language (DetectLanguage, pipeline prefix)", language.seconds, bytes, count);

  // As Pipeline::Run: per block of posts, each field folded once (FoldForScanInto) and scanned
  // for lures, the text's fold hashed into a signature, then the signatures fed to the index in
  // input order, with a union-find of near-duplicate groups.
  std::vector<std::vector<mon::LexiconHit>> hits(count);
  mon::MinHasher hasher(options.minhash);
  mon::NearDuplicateIndex index(options.minhash);
  index.Reserve(count);
  mon::UnionFind groups(count);
  std::vector<mon::NearDuplicateEdge> edges;
  std::vector<std::string> folded_titles(kBlockPosts), folded_texts(kBlockPosts);
  std::vector<mon::Signature> signatures(kBlockPosts);
  StageClock scan_fold, lexicon, lookalike_scan, minhash, near_duplicates;
  std::size_t lookalike_fields = 0;
  for (std::size_t begin = 0; begin < count; begin += kBlockPosts) {
    const std::size_t size = std::min(kBlockPosts, count - begin);
    scan_fold.Time([&] {
      for (std::size_t pos = 0; pos < size; ++pos) {
        const mon::Post& post = posts[begin + pos];
        if (post.title) mon::FoldForScanInto(*post.title, folded_titles[pos]);
        mon::FoldForScanInto(post.text, folded_texts[pos]);
      }
    });
    lexicon.Time([&] {
      for (std::size_t pos = 0; pos < size; ++pos) {
        auto& post_hits = hits[begin + pos];
        if (posts[begin + pos].title) {
          auto found = matcher->ScanFolded(folded_titles[pos], *scratch);
          if (!found) Fail(found.error().message);
          post_hits = std::move(*found);
        }
        auto found = matcher->ScanFolded(folded_texts[pos], *scratch);
        if (!found) Fail(found.error().message);
        post_hits.insert(post_hits.end(), found->begin(), found->end());
      }
    });
    // The second, skeleton scan of the fields that need it (look-alike letters), as Pipeline does.
    lookalike_scan.Time([&] {
      for (std::size_t pos = 0; pos < size; ++pos) {
        const mon::Post& post = posts[begin + pos];
        for (const auto& [field, folded] : {std::pair{post.title ? &*post.title : nullptr, &folded_titles[pos]},
                                            std::pair{&post.text, &folded_texts[pos]}}) {
          if (field == nullptr || !lookalike->Needed(*folded)) continue;
          ++lookalike_fields;
          auto found = lookalike->Scan(*field, *normaliser, *lookalike_scratch);
          if (!found) Fail(found.error().message);
          hits[begin + pos].insert(hits[begin + pos].end(), found->begin(), found->end());
        }
      }
    });
    minhash.Time([&] {
      for (std::size_t pos = 0; pos < size; ++pos) signatures[pos] = hasher.ComputeFolded(folded_texts[pos]);
    });
    near_duplicates.Time([&] {
      for (std::size_t pos = 0; pos < size; ++pos) {
        const std::size_t at = begin + pos;
        index.AddLinking(
            signatures[pos], [&](std::size_t earlier) { return groups.Find(earlier) == groups.Find(at); },
            [&](const mon::NearDuplicateEdge& edge) {
              if (groups.Union(edge.earlier, edge.later)) edges.push_back(edge);
            });
      }
    });
  }
  PrintRow("fold for scanning (FoldForScanInto)", scan_fold.seconds, bytes, count, "shared by lexicon and MinHash");
  PrintRow("lure lexicon scan (LexiconMatcher::ScanFolded)", lexicon.seconds, bytes, count);
  const std::string lookalike_note = std::to_string(lookalike_fields) + " fields need it";
  PrintRow("look-alike lexicon scan (LookalikeLexicon::Needed, Scan)", lookalike_scan.seconds, bytes, count,
           lookalike_note.c_str());

  std::vector<mon::RiskScore> post_risks(count);
  StageClock risk;
  risk.Time([&] {
    for (std::size_t idx = 0; idx < count; ++idx) {
      post_risks[idx] = mon::ComputePostRisk(mon::ToIndicatorHits(*matcher, hits[idx]), options.risk);
    }
  });
  PrintRow("post risk (ToIndicatorHits, ComputePostRisk)", risk.seconds, bytes, count);

  // Normalisation of whole texts (the identifier stage folds and de-obfuscates only the windows
  // around contact candidates), then the identifier stage as the pipeline calls it.
  StageClock fold, digits, needs_skeleton, skeleton;
  std::size_t skeletons = 0, sink = 0;  // sink: results used, so no stage is optimised away
  std::vector<mon::MappedText> folded(kBlockPosts);
  for (std::size_t begin = 0; begin < count; begin += kBlockPosts) {
    const std::size_t size = std::min(kBlockPosts, count - begin);
    fold.Time([&] {
      for (std::size_t pos = 0; pos < size; ++pos) folded[pos] = normaliser->Fold(posts[begin + pos].text);
    });
    digits.Time([&] {
      for (std::size_t pos = 0; pos < size; ++pos) sink += normaliser->DeobfuscateDigits(folded[pos]).text().size();
    });
    std::vector<bool> needed(size);
    needs_skeleton.Time([&] {
      for (std::size_t pos = 0; pos < size; ++pos) needed[pos] = normaliser->NeedsSkeleton(folded[pos].text());
    });
    skeletons += static_cast<std::size_t>(std::count(needed.begin(), needed.end(), true));
    skeleton.Time([&] {
      for (std::size_t pos = 0; pos < size; ++pos) {
        if (needed[pos]) sink += normaliser->Skeleton(folded[pos]).text().size();
      }
    });
  }
  PrintRow("normalise: NFKC case fold (Normaliser::Fold)", fold.seconds, bytes, count, "whole text; not called by Pipeline");
  PrintRow("normalise: digit de-obfuscation (DeobfuscateDigits)", digits.seconds, bytes, count, "whole text; not called by Pipeline");
  PrintRow("normalise: needs-skeleton check (NeedsSkeleton)", needs_skeleton.seconds, bytes, count, "whole text; not called by Pipeline");
  const std::string skeleton_note = std::to_string(skeletons) + " posts need one; whole text; not called by Pipeline";
  PrintRow("normalise: skeleton where needed (Skeleton)", skeleton.seconds, bytes, count, skeleton_note.c_str());

  std::vector<std::vector<mon::PostIdentifier>> link_identifiers(count);
  std::size_t with_phone = 0;
  StageClock identifiers;
  identifiers.Time([&] {
    for (std::size_t idx = 0; idx < count; ++idx) {
      std::set<std::pair<std::string, std::string>> seen;
      bool phone = false;
      for (const std::string* field : {posts[idx].title ? &*posts[idx].title : nullptr, &posts[idx].text}) {
        if (field == nullptr) continue;
        for (mon::Identifier& found : extractor->Extract(*field, posts[idx].region)) {
          std::string type(mon::IdentifierTypeName(found.type));
          if (!seen.emplace(type, found.value).second) continue;
          phone = phone || found.type == mon::IdentifierType::kPhone;
          if (!(found.type == mon::IdentifierType::kDomain && found.shared_host && found.value.find('/') == std::string::npos)) {
            link_identifiers[idx].push_back({std::move(type), std::move(found.value)});
          }
        }
      }
      with_phone += phone ? 1 : 0;
    }
  });
  PrintRow("identifiers (IdentifierExtractor::Extract, whole)", identifiers.seconds, bytes, count);

  PrintRow("MinHash signature (MinHasher::ComputeFolded)", minhash.seconds, bytes, count);
  PrintRow("near-duplicate index (NearDuplicateIndex::AddLinking)", near_duplicates.seconds, bytes, count);

  std::vector<mon::LinkPost> link_posts(count);
  for (std::size_t idx = 0; idx < count; ++idx) {
    mon::LinkPost& link = link_posts[idx];
    link.source = posts[idx].source;
    link.id = posts[idx].id;
    link.posted_at = mon::ParseRfc3339(posts[idx].posted_at);
    link.language = languages[idx] == "und" ? "" : languages[idx];
    link.city = posts[idx].location.value_or("");
    link.identifiers = std::move(link_identifiers[idx]);
  }
  mon::LinkOptions link_options;
  link_options.shared_hosts = options.identifiers.shared_hosts;
  mon::Linking linking;
  StageClock link;
  link.Time([&] { linking = mon::LinkPosts(link_posts, edges, link_options); });
  PrintRow("linking (LinkPosts)", link.seconds, bytes, count);

  StageClock cluster_risk, templates;
  std::size_t clustered = 0;
  cluster_risk.Time([&] {
    for (const mon::Cluster& cluster : linking.clusters) {
      clustered += cluster.members.size();
      if (mon::ComputeClusterRisk(cluster, link_posts, post_risks, options.risk).total < 0) Fail("negative risk");
    }
  });
  PrintRow("cluster risk (ComputeClusterRisk)", cluster_risk.seconds, bytes, count);
  templates.Time([&] {
    for (const mon::Cluster& cluster : linking.clusters) {
      std::vector<std::string_view> texts;
      for (std::size_t member : cluster.members) {
        if (texts.size() == std::max<std::size_t>(2, options.template_max_members)) break;
        texts.push_back(posts[member].text);
      }
      sink += mon::ComputeTemplate(texts, options.template_max_words).slots;
    }
  });
  PrintRow("cluster templates (ComputeTemplate)", templates.seconds, bytes, count);
  const double pipeline_seconds = language.seconds + scan_fold.seconds + lexicon.seconds + lookalike_scan.seconds + risk.seconds + identifiers.seconds + minhash.seconds +
                                  near_duplicates.seconds + link.seconds + cluster_risk.seconds + templates.seconds;
  PrintRow("**sum of the pipeline's stages** (without reading)", pipeline_seconds, bytes, count);
  // The same stages joined by Pipeline::Run on one thread: the difference to the sum is the
  // pipeline's own work (duplicate check, per-post results, moving data between stages).
  auto pipeline = mon::Pipeline::Create(options);
  if (!pipeline) Fail(pipeline.error().message);
  vigil::Result<mon::PipelineResult> result;
  StageClock whole;
  whole.Time([&] { result = pipeline->Run(posts, 1); });
  if (!result) Fail(result.error().message);
  PrintRow("**Pipeline::Run, 1 thread** (the stages together)", whole.seconds, bytes, count);
  if (result->clusters.size() != linking.clusters.size()) {
    std::printf("\nWARNING: the stages above found %zu clusters, Pipeline::Run %zu: this benchmark no longer calls "
                "the stages as the pipeline does.\n", linking.clusters.size(), result->clusters.size());
  }
  // Pipeline::Run shares the per-post stages and the templates among its threads; the index,
  // linking and cluster risk run on one thread in input order. Its own work between stages
  // (Run minus the sum) is counted with the shared part.
  const double serial = near_duplicates.seconds + link.seconds + cluster_risk.seconds;
  std::printf("\nAmdahl bound: %.1f s of Pipeline::Run's %.1f s run on one thread only (near-duplicate index, "
              "linking, cluster risk), so 2 threads give at most %.2fx.\n",
              serial, whole.seconds, whole.seconds / (serial + (whole.seconds - serial) / 2));
  std::printf("Setup (lexicon read, compiled into Vectorscan with its look-alike form): %.2f s CPU. MB/s are of the posts' text "
              "(%.1f MB, %.0f bytes a post) unless noted.\n",
              setup_seconds, bytes / 1e6, bytes / static_cast<double>(count));

  std::map<std::string, std::size_t> per_language;
  for (const std::string& code : languages) ++per_language[code];
  std::size_t lured = 0;
  for (const auto& post_hits : hits) lured += post_hits.empty() ? 0 : 1;
  const auto share = [count](std::size_t part) { return 100.0 * static_cast<double>(part) / static_cast<double>(count); };
  std::printf("Measured mix: %zu posts; detected languages", count);
  for (const auto& [code, posts_in] : per_language) std::printf(" %s %zu", code.c_str(), posts_in);
  std::printf("; posts with a lexicon hit %zu (%.2f %%); posts with a phone %.1f %%; %zu near-duplicate edges kept; "
              "%zu clusters holding %zu posts (%.2f %%).\n",
              lured, share(lured), share(with_phone), edges.size(), linking.clusters.size(), clustered, share(clustered));
  std::printf("Linking state: near-duplicate index %.1f MB = %.0f bytes per post (target <= 1024).\n",
              static_cast<double>(index.MemoryBytes()) / 1e6,
              static_cast<double>(index.MemoryBytes()) / static_cast<double>(count));
  std::fprintf(stderr, "checksum %zu\n", sink);
  return 0;
}
