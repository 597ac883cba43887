#include "app/lexicon_cache.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/monitor/test_lexicon.hpp"

namespace vigil::app {
namespace {

namespace fs = std::filesystem;

core::monitor::PipelineOptions Options() {
  core::monitor::PipelineOptions options;
  options.lexicon = {core::monitor::PhraseEntry("en.a", "free-housing", "logistics", "free accommodation", 1.0)};
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
