// Identifier linking on the EMSCAD placeholders (issue 5, quality item): the identifier patterns
// and fields come from emscad_identifiers.yaml, near-duplicate linking is off, and the clusters
// from LinkPosts are compared pair by pair with the ground truth: posts are truly linked when a
// chain of shared placeholders joins them (found here by a plain scan and a breadth-first search,
// independent of the configuration and of the union-find under test).
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <queue>
#include <regex>
#include <set>
#include <sstream>

#include "codec/csv/csv_reader.hpp"
#include "core/monitor/linking.hpp"

namespace vigil {
namespace {

std::string ReadFile(const std::string& relative) {
  std::ifstream in(std::string(VIGIL_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every "#KIND_<64 hex>#" token in `text`, found without regular expressions.
std::vector<std::string> Placeholders(const std::string& text) {
  std::vector<std::string> found;
  for (std::size_t pos = text.find('#'); pos != std::string::npos; pos = text.find('#', pos + 1)) {
    for (std::string kind : {"URL_", "EMAIL_", "PHONE_"}) {
      if (text.compare(pos + 1, kind.size(), kind) != 0) continue;
      const std::size_t hex = pos + 1 + kind.size();
      if (hex + 65 > text.size() || text[hex + 64] != '#') continue;
      bool all_hex = true;
      for (std::size_t idx = hex; idx < hex + 64; ++idx) all_hex = all_hex && std::isxdigit(static_cast<unsigned char>(text[idx]));
      if (all_hex) found.push_back(text.substr(pos, 66 + kind.size()));
    }
  }
  return found;
}

TEST(EmscadLinkingEval, PairwisePrecisionAndRecallAgainstThePlaceholders) {
  const YAML::Node config = YAML::Load(ReadFile("tests/eval/emscad_identifiers.yaml"));
  auto records = codec::csv::ParseCsv(ReadFile("tests/eval/emscad_first500.csv"));
  ASSERT_TRUE(records.has_value()) << records.error().message;
  ASSERT_EQ(records->size(), 501u);
  const auto& header = records->front().fields;
  std::vector<std::size_t> columns;
  for (const auto& field : config["fields"]) {
    const auto column = std::find(header.begin(), header.end(), field.as<std::string>());
    ASSERT_NE(column, header.end()) << field.as<std::string>();
    columns.push_back(static_cast<std::size_t>(column - header.begin()));
  }
  std::vector<std::pair<std::string, std::regex>> patterns;
  for (const auto& pattern : config["patterns"]) {
    patterns.emplace_back(pattern["type"].as<std::string>(), std::regex(pattern["regex"].as<std::string>()));
  }
  core::monitor::LinkOptions options;
  options.link_near_duplicates = config["link_near_duplicates"].as<bool>();

  std::vector<core::monitor::LinkPost> posts;
  std::vector<std::set<std::string>> truth_tokens;
  for (std::size_t row = 1; row < records->size(); ++row) {
    const auto& fields = (*records)[row].fields;
    core::monitor::LinkPost post;
    post.source = "emscad";
    post.id = fields[0];
    std::set<std::string> tokens;
    for (std::size_t column : columns) {
      const std::string& text = fields[column];
      for (const auto& [type, regex] : patterns) {
        for (auto it = std::sregex_iterator(text.begin(), text.end(), regex); it != std::sregex_iterator(); ++it) {
          post.identifiers.push_back({type, it->str()});
        }
      }
      for (auto& token : Placeholders(text)) tokens.insert(std::move(token));
    }
    posts.push_back(std::move(post));
    truth_tokens.push_back(std::move(tokens));
  }
  const auto linking = core::monitor::LinkPosts(posts, {}, options);

  // Ground truth: connected components of the post - placeholder graph.
  std::map<std::string, std::vector<std::size_t>> holders;
  for (std::size_t idx = 0; idx < truth_tokens.size(); ++idx) {
    for (const auto& token : truth_tokens[idx]) holders[token].push_back(idx);
  }
  std::vector<long> truth(posts.size(), -1);
  for (std::size_t start = 0; start < posts.size(); ++start) {
    if (truth[start] >= 0) continue;
    std::queue<std::size_t> queue;
    queue.push(start);
    truth[start] = static_cast<long>(start);
    while (!queue.empty()) {
      const std::size_t post = queue.front();
      queue.pop();
      for (const auto& token : truth_tokens[post]) {
        for (std::size_t other : holders[token]) {
          if (truth[other] < 0) {
            truth[other] = static_cast<long>(start);
            queue.push(other);
          }
        }
      }
    }
  }
  double true_pairs = 0, predicted_pairs = 0, correct_pairs = 0;
  for (std::size_t a = 0; a < posts.size(); ++a) {
    for (std::size_t b = a + 1; b < posts.size(); ++b) {
      const bool same_truth = truth[a] == truth[b];
      const bool same_predicted = linking.cluster_of[a] && linking.cluster_of[a] == linking.cluster_of[b];
      true_pairs += same_truth ? 1 : 0;
      predicted_pairs += same_predicted ? 1 : 0;
      correct_pairs += (same_truth && same_predicted) ? 1 : 0;
    }
  }
  ASSERT_GT(true_pairs, 0);
  const double precision = predicted_pairs > 0 ? correct_pairs / predicted_pairs : 1.0;
  const double recall = correct_pairs / true_pairs;
  std::printf("EMSCAD linking (%zu posts, %zu clusters, %zu placeholders): %.0f true pairs, "
              "%.0f predicted, pairwise precision %.4f, recall %.4f\n",
              posts.size(), linking.clusters.size(), holders.size(), true_pairs, predicted_pairs,
              precision, recall);
  EXPECT_DOUBLE_EQ(precision, 1.0);
  EXPECT_GE(recall, 0.99);
}

}  // namespace
}  // namespace vigil
