#include "app/lexicon_cache.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace vigil::app {
namespace fs = std::filesystem;

std::string DefaultCacheDir() {
  if (const char* dir = std::getenv("VIGIL_CACHE_DIR"); dir != nullptr) return dir;
  if (const char* dir = std::getenv("XDG_CACHE_HOME"); dir != nullptr && *dir != '\0') {
    return (fs::path(dir) / "vigil").string();
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return (fs::path(home) / ".cache" / "vigil").string();
  }
  return "";
}

Result<core::monitor::Pipeline> CreateCachedPipeline(core::monitor::PipelineOptions options,
                                                     const std::string& cache_dir) {
  if (cache_dir.empty()) return core::monitor::Pipeline::Create(std::move(options));
  const fs::path file = fs::path(cache_dir) / "lexicon.hsdb";
  {
    std::ifstream in(file, std::ios::binary);
    if (in) options.compiled_lexicon.assign(std::istreambuf_iterator<char>(in), {});
  }
  auto pipeline = core::monitor::Pipeline::Create(std::move(options));
  if (!pipeline || pipeline->lexicon_reused()) return pipeline;
  // Written next to its final name and renamed: a reader never sees half a file.
  std::error_code error;
  fs::create_directories(cache_dir, error);
  const fs::path partial = file.string() + "." + std::to_string(::getpid()) + ".tmp";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    const std::string compiled = pipeline->CompiledLexicon();
    out.write(compiled.data(), static_cast<std::streamsize>(compiled.size()));
    if (!out) {
      out.close();
      fs::remove(partial, error);
      return pipeline;
    }
  }
  fs::rename(partial, file, error);
  if (error) fs::remove(partial, error);
  return pipeline;
}

}  // namespace vigil::app
