// Wiring of the monitor for `vigil serve` (and the pipeline options for `vigil monitor scan`):
// reads <data>/monitor (lure lexicon, phone overrides, shared hosts), builds the pipeline, opens
// the monitor store on the context's database and builds the monitor service.
#pragma once

#include <future>
#include <memory>
#include <optional>
#include <string>

#include "app/context.hpp"
#include "core/common/field_cipher.hpp"
#include "core/monitor/monitor_service.hpp"
#include "core/monitor/pipeline.hpp"
#include "log/log.hpp"
#include "storage/sqlite/monitor_store.hpp"

namespace vigil::app {

// The lexicon (every <data>/monitor/lexicon/*.yaml, validated), phone overrides and shared hosts.
// kInvalidArgument when there is no lexicon or a file has errors (naming the file).
[[nodiscard]] Result<core::monitor::PipelineOptions> LoadMonitorOptions(const std::string& data_dir);

class MonitorRuntime {
 public:
  // Reads and checks <data>/monitor now: kNotFound when <data>/monitor/lexicon does not exist
  // (the monitor is then off), kInvalidArgument for broken data files. The pipeline (compiling the
  // lexicon takes a second or two) is built on a background thread, so that the server listens at
  // once; `logger` hears when it is ready or why it could not be built.
  [[nodiscard]] static Result<std::unique_ptr<MonitorRuntime>> Open(Context& context, log::Logger& logger);
  ~MonitorRuntime();

  // The service, once the pipeline is built (waits for it); null when it could not be built.
  // Thread-safe.
  core::monitor::MonitorService* service();

 private:
  explicit MonitorRuntime(Context& context);

  Context& context_;
  FieldCipher cipher_;
  storage::sqlite::SqliteMonitorStore store_;
  std::optional<core::monitor::Pipeline> pipeline_;           // set by the build
  std::unique_ptr<core::monitor::MonitorService> service_;   // set by the build
  std::shared_future<void> built_;
};

}  // namespace vigil::app
