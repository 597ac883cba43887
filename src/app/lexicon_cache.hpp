// The monitor pipeline with its compiled lexicon kept between runs: compiling the lure lexicon
// takes a second or more, as long as scanning 20,000 posts. The databases are saved in a cache
// folder and reused while the lexicon, the Vectorscan version and the processor are the same
// (LexiconMatcher checks; a stale or damaged file is simply compiled over).
#pragma once

#include <string>

#include "core/common/error.hpp"
#include "core/monitor/pipeline.hpp"

namespace vigil::app {

// $VIGIL_CACHE_DIR, else $XDG_CACHE_HOME/vigil, else $HOME/.cache/vigil; "" when none is set.
[[nodiscard]] std::string DefaultCacheDir();

// Pipeline::Create with <cache_dir>/lexicon.hsdb read first and written after a compile (both
// best effort: a cache that cannot be read or written only costs the compile). No cache when
// `cache_dir` is empty.
[[nodiscard]] Result<core::monitor::Pipeline> CreateCachedPipeline(core::monitor::PipelineOptions options,
                                                                   const std::string& cache_dir);

}  // namespace vigil::app
