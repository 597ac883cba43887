#include "app/lexicon_cache.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace vigil::app {
namespace {

namespace fs = std::filesystem;

core::monitor::PipelineOptions Options() {
  core::monitor::LexiconEntry entry;
  entry.id = "en.a";
  entry.language = "en";
  entry.indicator = "free-housing";
  entry.category = "logistics";
  entry.weight = 1.0;
  entry.source = "test";
  entry.verification = "unverified";
  entry.patterns = {{core::monitor::PatternKind::kPhrase, "free accommodation"}};
  core::monitor::PipelineOptions options;
  options.lexicon = {entry};
  return options;
}

TEST(LexiconCache, SecondPipelineReusesTheSavedLexiconAndADamagedFileIsCompiledOver) {
  const fs::path dir = fs::temp_directory_path() / ("vigil-lexicon-cache-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  auto first = CreateCachedPipeline(Options(), dir.string());
  ASSERT_TRUE(first.has_value()) << first.error().message;
  EXPECT_FALSE(first->lexicon_reused());
  ASSERT_TRUE(fs::exists(dir / "lexicon.hsdb"));
  auto second = CreateCachedPipeline(Options(), dir.string());
  ASSERT_TRUE(second.has_value());
  EXPECT_TRUE(second->lexicon_reused());
  { std::ofstream(dir / "lexicon.hsdb", std::ios::trunc) << "not a database"; }
  auto third = CreateCachedPipeline(Options(), dir.string());
  ASSERT_TRUE(third.has_value());
  EXPECT_FALSE(third->lexicon_reused());
  auto fourth = CreateCachedPipeline(Options(), dir.string());
  ASSERT_TRUE(fourth.has_value());
  EXPECT_TRUE(fourth->lexicon_reused());  // the compile replaced the damaged file
  fs::remove_all(dir);
}

}  // namespace
}  // namespace vigil::app
