// `vigil knowledge check` through the real binary: the shipped content checks clean, and a
// broken copy is refused with file and line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cli/run_vigil.hpp"

namespace vigil {
namespace {

namespace fs = std::filesystem;
using testing_support::RunVigil;

const std::string kData = std::string(VIGIL_SOURCE_DIR) + "/data";

TEST(KnowledgeCli, ShippedContentChecksClean) {
  auto run = RunVigil("knowledge check --data " + kData);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("knowledge OK: 11 topics"), std::string::npos) << run.output;
  EXPECT_EQ(run.output.find(": error:"), std::string::npos) << run.output;
}

TEST(KnowledgeCli, BrokenReferenceIsNamedWithFileAndLine) {
  const fs::path dir = fs::temp_directory_path() / ("vigil-knowledge-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "knowledge");
  fs::copy(kData + "/knowledge/en", dir / "knowledge" / "en", fs::copy_options::recursive);
  std::ofstream(dir / "knowledge" / "en" / "extra.yaml")
      << "lang: en\ntopic: extra\ntitle: \"x\"\naudience: public\nsummary: \"x\"\nitems:\n"
         "  - id: extra.one\n    title: \"x\"\n    body: \"x\"\n    source: \"s\"\n    status: verified\n"
         "    see_also: [extra.none]\n";
  auto run = RunVigil("knowledge check --data " + dir.string());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.output.find("knowledge/en/extra.yaml:12: error: extra.one: see_also \"extra.none\" does not exist"),
            std::string::npos)
      << run.output;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace vigil
