// Throughput of the monitor's identifier stage as `vigil monitor scan` runs it: IdentifierExtractor::
// Extract(field, region) on every title and text of a JSON Lines file (monitor_scan_corpus output),
// MB/s of CPU time on one thread, with data/monitor's phone overrides and shared hosts. Not a test.
// Usage: monitor_identifiers_bench POSTS.jsonl [rounds] [--dump FILE]
//   --dump writes every identifier found (post, field, type, value, span) to FILE, so two builds
//   can be compared byte for byte.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "codec/monitor/posts_input.hpp"
#include "codec/yaml/monitor_yaml.hpp"
#include "core/monitor/identifiers.hpp"

namespace {

using vigil::core::monitor::Identifier;
using vigil::core::monitor::IdentifierExtractor;
using vigil::core::monitor::IdentifierOptions;
using vigil::core::monitor::IdentifierTypeName;
using vigil::core::monitor::Post;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

double CpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// Runs the stage once over every field; `each` sees the identifiers of each field.
template <typename Each>
void RunOnce(IdentifierExtractor& extractor, const std::vector<Post>& posts, Each&& each) {
  for (std::size_t index = 0; index < posts.size(); ++index) {
    const Post& post = posts[index];
    if (post.title) each(index, "title", extractor.Extract(*post.title, post.region));
    each(index, "text", extractor.Extract(post.text, post.region));
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: monitor_identifiers_bench POSTS.jsonl [rounds] [--dump FILE]\n");
    return 2;
  }
  int rounds = 3;
  std::string dump_path;
  for (int arg = 2; arg < argc; ++arg) {
    if (std::strcmp(argv[arg], "--dump") == 0 && arg + 1 < argc) {
      dump_path = argv[++arg];
    } else {
      rounds = std::max(1, std::atoi(argv[arg]));
    }
  }
  auto input = vigil::codec::monitor::ReadPostsJsonLines(ReadFile(argv[1]), {});
  if (!input) {
    std::fprintf(stderr, "cannot read posts: %s\n", input.error().message.c_str());
    return 2;
  }
  const std::string root = VIGIL_SOURCE_DIR;
  auto overrides = vigil::codec::yaml::ParsePhoneOverridesYaml(
      "phone-overrides.yaml", ReadFile(root + "/data/monitor/phone-overrides.yaml"));
  auto hosts = vigil::codec::yaml::ParseSharedHostsYaml("shared-hosts.yaml",
                                                        ReadFile(root + "/data/monitor/shared-hosts.yaml"));
  if (!overrides || !hosts) {
    std::fprintf(stderr, "cannot read data/monitor\n");
    return 2;
  }
  IdentifierOptions options;
  options.phone_overrides = std::move(*overrides);
  options.shared_hosts = std::move(*hosts);
  const std::vector<Post>& posts = input->posts;
  double bytes = 0;
  for (const Post& post : posts) bytes += static_cast<double>(post.text.size() + (post.title ? post.title->size() : 0));
  std::printf("corpus: %zu posts, %.1f MB of fields\n", posts.size(), bytes / 1e6);

  // Each round has a new extractor, so its phone validation starts cold as in one scan (each
  // calling code left to libphonenumber until frequent, then its database compiled). The first
  // round warms ICU's data and, with --dump, records the output; the best timed round counts.
  auto new_extractor = [&]() {
    auto extractor = IdentifierExtractor::Create(options);
    if (!extractor) {
      std::fprintf(stderr, "%s\n", extractor.error().message.c_str());
      std::exit(2);
    }
    return std::move(*extractor);
  };
  std::size_t found = 0;
  std::ofstream dump;
  if (!dump_path.empty()) dump.open(dump_path, std::ios::binary);
  IdentifierExtractor first = new_extractor();
  RunOnce(first, posts, [&](std::size_t index, const char* field, const std::vector<Identifier>& identifiers) {
    found += identifiers.size();
    if (!dump.is_open()) return;
    for (const Identifier& identifier : identifiers) {
      dump << posts[index].id << '\t' << field << '\t' << IdentifierTypeName(identifier.type) << '\t'
           << identifier.value << '\t' << identifier.span.start << '-' << identifier.span.end
           << (identifier.shared_host ? "\tshared" : "") << '\n';
    }
  });
  double best = 1e30;
  for (int round = 0; round < rounds; ++round) {
    std::size_t sink = 0;
    IdentifierExtractor extractor = new_extractor();
    const double start = CpuSeconds();
    RunOnce(extractor, posts, [&](std::size_t, const char*, const std::vector<Identifier>& identifiers) {
      sink += identifiers.size();
    });
    best = std::min(best, CpuSeconds() - start);
    if (sink != found) return 3;
  }
  std::printf("identifiers: %zu (%.2f per post)\n", found, static_cast<double>(found) / static_cast<double>(posts.size()));
  std::printf("Extract(field, region): %.1f MB/s, %.0f posts/s, %.3f s CPU (best of %d)\n", bytes / best / 1e6,
              static_cast<double>(posts.size()) / best, best, rounds);
  return 0;
}
