// Every lure-lexicon entry (data/monitor/lexicon/*.yaml) against its own test sentences: each
// "match" sentence must produce a hit of that entry, each "no_match" sentence must not, with the
// whole lexicon compiled into one database as in production.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "codec/csv/csv_reader.hpp"
#include "codec/yaml/lexicon_yaml.hpp"
#include "core/monitor/lexicon_matcher.hpp"

namespace vigil {
namespace {

std::vector<core::monitor::LexiconEntry> LoadLexicon() {
  std::vector<core::monitor::LexiconEntry> entries;
  const std::filesystem::path dir = std::filesystem::path(VIGIL_SOURCE_DIR) / "data/monitor/lexicon";
  std::vector<std::filesystem::path> files;
  for (const auto& item : std::filesystem::directory_iterator(dir)) {
    if (item.path().extension() == ".yaml") files.push_back(item.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = codec::yaml::ParseLexiconYaml(file.filename().string(), text.str());
    EXPECT_TRUE(parsed.has_value()) << parsed.error().message;
    if (parsed) entries.insert(entries.end(), parsed->begin(), parsed->end());
  }
  return entries;
}

TEST(LexiconEval, CoversEveryLureInEveryRequiredLanguage) {
  const auto entries = LoadLexicon();
  ASSERT_TRUE(core::monitor::ValidateLexicon(entries).has_value())
      << core::monitor::ValidateLexicon(entries).error().message;
  std::set<std::pair<std::string, std::string>> covered;
  for (const auto& entry : entries) covered.insert({entry.language, entry.indicator});
  for (const char* language : {"uk", "ru", "pl", "en", "ro", "de", "cs"}) {
    for (const auto& indicator : core::monitor::LureIndicators()) {
      EXPECT_EQ(covered.count({language, indicator.id}), 1u)
          << "no entry for " << indicator.id << " in " << language;
    }
  }
}

TEST(LexiconEval, EveryEntryMatchesItsPositivesAndNotItsNegatives) {
  auto matcher = core::monitor::LexiconMatcher::Build(LoadLexicon());
  ASSERT_TRUE(matcher.has_value()) << matcher.error().message;
  auto scratch = matcher->NewScratch();
  ASSERT_TRUE(scratch.has_value());
  std::size_t sentences = 0;
  for (std::size_t entry_idx = 0; entry_idx < matcher->entries().size(); ++entry_idx) {
    const auto& entry = matcher->entries()[entry_idx];
    auto hits_entry = [&](const std::string& sentence) {
      auto hits = matcher->Scan(sentence, *scratch);
      EXPECT_TRUE(hits.has_value()) << entry.id << ": " << hits.error().message;
      if (!hits) return false;
      for (const auto& hit : *hits) {
        if (hit.entry == entry_idx) return true;
      }
      return false;
    };
    for (const auto& sentence : entry.match) {
      ++sentences;
      EXPECT_TRUE(hits_entry(sentence)) << entry.file << ":" << entry.line << ": " << entry.id
                                        << " misses its match sentence: " << sentence;
    }
    for (const auto& sentence : entry.no_match) {
      ++sentences;
      EXPECT_FALSE(hits_entry(sentence)) << entry.file << ":" << entry.line << ": " << entry.id
                                         << " hits its no_match sentence: " << sentence;
    }
  }
  EXPECT_GE(sentences, 2 * matcher->entries().size());
  std::printf("lexicon: %zu entries, %zu patterns, %zu test sentences\n",
              matcher->entries().size(), matcher->pattern_count(), sentences);
}

// A smoke check against false alarms: legitimate English job ads (EMSCAD, fraudulent = 0; see
// tests/eval/README.md) should rarely hit a lure. EMSCAD's fraudulent ads are employment scams,
// not trafficking lures, so they are counted but not scored.
TEST(LexiconEval, FewHitsOnLegitimateEnglishJobAds) {
  auto matcher = core::monitor::LexiconMatcher::Build(LoadLexicon());
  ASSERT_TRUE(matcher.has_value()) << matcher.error().message;
  auto scratch = matcher->NewScratch();
  ASSERT_TRUE(scratch.has_value());
  std::ifstream in(std::string(VIGIL_SOURCE_DIR) + "/tests/eval/emscad_first500.csv", std::ios::binary);
  std::stringstream csv;
  csv << in.rdbuf();
  auto records = codec::csv::ParseCsv(csv.str());
  ASSERT_TRUE(records.has_value());
  std::size_t legitimate = 0, legitimate_hit = 0, fraudulent = 0, fraudulent_hit = 0;
  for (std::size_t row = 1; row < records->size(); ++row) {
    const auto& fields = (*records)[row].fields;
    ASSERT_EQ(fields.size(), 18u) << "line " << (*records)[row].line;
    // title, company_profile, description, requirements, benefits
    const std::string text = fields[1] + "\n" + fields[5] + "\n" + fields[6] + "\n" + fields[7] +
                             "\n" + fields[8];
    auto hits = matcher->Scan(text, *scratch);
    ASSERT_TRUE(hits.has_value());
    const bool fraud = fields[17].rfind('1', 0) == 0;
    (fraud ? fraudulent : legitimate) += 1;
    if (!hits->empty()) (fraud ? fraudulent_hit : legitimate_hit) += 1;
  }
  std::printf("lexicon on EMSCAD: %zu of %zu legitimate ads hit a lure (%.1f %%); %zu of %zu "
              "fraudulent\n",
              legitimate_hit, legitimate, 100.0 * static_cast<double>(legitimate_hit) / static_cast<double>(legitimate),
              fraudulent_hit, fraudulent);
  EXPECT_EQ(legitimate, 493u);
  EXPECT_LE(static_cast<double>(legitimate_hit), 0.03 * static_cast<double>(legitimate));
}

}  // namespace
}  // namespace vigil
