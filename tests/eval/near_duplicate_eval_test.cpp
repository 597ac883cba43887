// The generated near-duplicate benchmark (issue 5, quality item): families of posts copied from
// one base text with 0, 1, 3 and 8 % of their words substituted plus a three-word slot (city,
// contact word, random word), mixed with unrelated posts, once in Latin and once in Cyrillic
// pseudo-words drawn from a Zipf vocabulary. Seeded; scored by the adjusted Rand index over all
// posts and by per-post recall (a family post is recalled when its cluster holds another member
// of its family). Thresholds: ARI >= 0.95 and recall at 8 % >= 0.95 in both scripts.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "core/monitor/linking.hpp"
#include "core/monitor/minhash.hpp"

namespace vigil {
namespace {

using core::monitor::LinkPost;

class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t Below(std::size_t bound) { return static_cast<std::size_t>(Next() % bound); }
  double Unit() { return static_cast<double>(Next() >> 11) / 9007199254740992.0; }

 private:
  std::uint64_t state_;
};

struct Corpus {
  std::vector<std::string> texts;
  std::vector<long> family;  // family id, or -(index + 1) for an unrelated post
  std::vector<int> rate;     // substitution rate in % of the post's family, -1 if none
};

class Generator {
 public:
  Generator(bool cyrillic, std::uint64_t seed) : random_(seed) {
    const std::vector<std::string> latin = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "be",
                                            "da", "go", "pi", "ze", "ul", "or", "an"};
    const std::vector<std::string> cyr = {"ка", "ло", "ми", "не", "ру", "са", "то", "ві", "бе",
                                          "да", "го", "пі", "зе", "ул", "ор", "ан"};
    const auto& syllables = cyrillic ? cyr : latin;
    while (vocabulary_.size() < 8000) {
      std::string word;
      const std::size_t length = 2 + random_.Below(3);
      for (std::size_t idx = 0; idx < length; ++idx) word += syllables[random_.Below(syllables.size())];
      vocabulary_.push_back(word);
    }
    double total = 0;
    for (std::size_t rank = 1; rank <= vocabulary_.size(); ++rank) {
      total += 1.0 / static_cast<double>(rank);
      cumulative_.push_back(total);
    }
    for (double& value : cumulative_) value /= total;
  }

  const std::string& Word() {
    const double u = random_.Unit();
    const auto pos = std::lower_bound(cumulative_.begin(), cumulative_.end(), u) - cumulative_.begin();
    return vocabulary_[std::min<std::size_t>(static_cast<std::size_t>(pos), vocabulary_.size() - 1)];
  }

  std::vector<std::string> Text() {
    std::vector<std::string> words;
    const std::size_t length = 40 + random_.Below(81);
    for (std::size_t idx = 0; idx < length; ++idx) words.push_back(Word());
    return words;
  }

  std::string Copy(const std::vector<std::string>& base, int rate_percent) {
    std::vector<std::string> words = base;
    const auto changes = static_cast<std::size_t>(
        std::lround(static_cast<double>(words.size()) * rate_percent / 100.0));
    std::vector<std::size_t> positions(words.size());
    for (std::size_t idx = 0; idx < positions.size(); ++idx) positions[idx] = idx;
    for (std::size_t idx = 0; idx < changes; ++idx) {
      std::swap(positions[idx], positions[idx + random_.Below(positions.size() - idx)]);
      std::string replacement = Word();
      while (replacement == words[positions[idx]]) replacement = Word();
      words[positions[idx]] = replacement;
    }
    // The slot: a city, a contact word and a random word, always after the fifth word.
    static const std::vector<std::string> kCities = {"Kyiv", "Lviv", "Odesa", "Warszawa", "Praha",
                                                     "Berlin", "Chisinau", "Kraków"};
    words.insert(words.begin() + 5, {kCities[random_.Below(kCities.size())], "contact", Word()});
    std::string text;
    for (const auto& word : words) text += (text.empty() ? "" : " ") + word;
    return text;
  }

  Corpus Build() {
    Corpus corpus;
    long family_id = 0;
    for (int rate : {0, 1, 3, 8}) {
      for (int count = 0; count < 40; ++count, ++family_id) {
        const auto base = Text();
        const std::size_t size = 3 + random_.Below(10);
        for (std::size_t copy = 0; copy < size; ++copy) {
          corpus.texts.push_back(Copy(base, rate));
          corpus.family.push_back(family_id);
          corpus.rate.push_back(rate);
        }
      }
    }
    // About 80 % unrelated posts, as in the reference benchmark (monitoring.md §1.5).
    const std::size_t unrelated = corpus.texts.size() * 4;
    for (std::size_t idx = 0; idx < unrelated; ++idx) {
      corpus.texts.push_back(Copy(Text(), 0));
      corpus.family.push_back(-static_cast<long>(corpus.texts.size()));
      corpus.rate.push_back(-1);
    }
    // Shuffle so that families arrive interleaved with everything else.
    for (std::size_t idx = corpus.texts.size(); idx > 1; --idx) {
      const std::size_t other = random_.Below(idx);
      std::swap(corpus.texts[idx - 1], corpus.texts[other]);
      std::swap(corpus.family[idx - 1], corpus.family[other]);
      std::swap(corpus.rate[idx - 1], corpus.rate[other]);
    }
    return corpus;
  }

 private:
  Random random_;
  std::vector<std::string> vocabulary_;
  std::vector<double> cumulative_;
};

double Pairs(double n) { return n * (n - 1) / 2.0; }

double AdjustedRandIndex(const std::vector<long>& truth, const std::vector<long>& predicted) {
  std::map<std::pair<long, long>, double> cells;
  std::map<long, double> rows;
  std::map<long, double> cols;
  for (std::size_t idx = 0; idx < truth.size(); ++idx) {
    ++cells[{truth[idx], predicted[idx]}];
    ++rows[truth[idx]];
    ++cols[predicted[idx]];
  }
  double index = 0, row_sum = 0, col_sum = 0;
  for (const auto& [key, n] : cells) index += Pairs(n);
  for (const auto& [key, n] : rows) row_sum += Pairs(n);
  for (const auto& [key, n] : cols) col_sum += Pairs(n);
  const double expected = row_sum * col_sum / Pairs(static_cast<double>(truth.size()));
  const double maximum = (row_sum + col_sum) / 2.0;
  return (index - expected) / (maximum - expected);
}

struct Scores {
  double ari = 0;
  std::map<int, double> recall;  // by substitution rate
  double precision = 0;          // share of clustered posts whose cluster is all one family
};

Scores Evaluate(const Corpus& corpus) {
  core::monitor::MinHashOptions options;
  core::monitor::MinHasher hasher(options);
  core::monitor::NearDuplicateIndex index(options);
  std::vector<core::monitor::NearDuplicateEdge> edges;
  for (const auto& text : corpus.texts) {
    auto added = index.Add(hasher.Compute(text));
    edges.insert(edges.end(), added.begin(), added.end());
  }
  std::vector<LinkPost> posts(corpus.texts.size());
  const auto linking = core::monitor::LinkPosts(posts, edges, {});
  std::vector<long> predicted(corpus.texts.size());
  for (std::size_t idx = 0; idx < predicted.size(); ++idx) {
    predicted[idx] = linking.cluster_of[idx]
                         ? static_cast<long>(linking.clusters[*linking.cluster_of[idx]].id)
                         : -static_cast<long>(idx + 1);
  }
  Scores scores;
  scores.ari = AdjustedRandIndex(corpus.family, predicted);
  std::map<int, std::pair<double, double>> recalled;  // rate -> (recalled, total)
  for (std::size_t idx = 0; idx < predicted.size(); ++idx) {
    if (corpus.rate[idx] < 0) continue;
    bool found = false;
    if (linking.cluster_of[idx]) {
      for (std::size_t other : linking.clusters[*linking.cluster_of[idx]].members) {
        found = found || (other != idx && corpus.family[other] == corpus.family[idx]);
      }
    }
    recalled[corpus.rate[idx]].first += found ? 1 : 0;
    recalled[corpus.rate[idx]].second += 1;
  }
  for (const auto& [rate, counts] : recalled) scores.recall[rate] = counts.first / counts.second;
  double clustered = 0, pure = 0;
  for (const auto& cluster : linking.clusters) {
    bool one_family = true;
    for (std::size_t member : cluster.members) {
      one_family = one_family && corpus.family[member] == corpus.family[cluster.members[0]];
    }
    clustered += static_cast<double>(cluster.members.size());
    pure += one_family ? static_cast<double>(cluster.members.size()) : 0;
  }
  scores.precision = clustered > 0 ? pure / clustered : 1.0;
  return scores;
}

void CheckScript(bool cyrillic) {
  const Corpus corpus = Generator(cyrillic, cyrillic ? 7 : 3).Build();
  const Scores scores = Evaluate(corpus);
  std::printf("near-duplicates (%s, %zu posts): ARI %.4f, cluster purity %.4f, recall at 0/1/3/8 %%: "
              "%.4f %.4f %.4f %.4f\n",
              cyrillic ? "Cyrillic" : "Latin", corpus.texts.size(), scores.ari, scores.precision,
              scores.recall.at(0), scores.recall.at(1), scores.recall.at(3), scores.recall.at(8));
  EXPECT_GE(scores.ari, 0.95);
  EXPECT_GE(scores.recall.at(8), 0.95);
  EXPECT_GE(scores.recall.at(0), 0.99);
}

TEST(NearDuplicateEval, LatinFamiliesAt8PercentSubstitution) { CheckScript(false); }
TEST(NearDuplicateEval, CyrillicFamiliesAt8PercentSubstitution) { CheckScript(true); }

}  // namespace
}  // namespace vigil
