// Wiring of the monitor for `vigil serve` (and the pipeline options for `vigil monitor scan`):
// reads <data>/monitor (lure lexicon, phone overrides, shared hosts), builds the pipeline, opens
// the monitor store on the context's database and builds the monitor service.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "app/context.hpp"
#include "core/common/field_cipher.hpp"
#include "core/monitor/monitor_service.hpp"
#include "core/monitor/pipeline.hpp"
#include "storage/sqlite/monitor_store.hpp"

namespace vigil::app {

// The lexicon (every <data>/monitor/lexicon/*.yaml, validated), phone overrides and shared hosts.
// kInvalidArgument when there is no lexicon or a file has errors (naming the file).
[[nodiscard]] Result<core::monitor::PipelineOptions> LoadMonitorOptions(const std::string& data_dir);

class MonitorRuntime {
 public:
  // kNotFound when <data>/monitor/lexicon does not exist (the monitor is then off); other errors
  // for broken data files or a pipeline that cannot be built.
  [[nodiscard]] static Result<std::unique_ptr<MonitorRuntime>> Open(Context& context);

  core::monitor::MonitorService& service() { return *service_; }

 private:
  MonitorRuntime(Context& context, core::monitor::Pipeline pipeline);

  core::monitor::Pipeline pipeline_;
  FieldCipher cipher_;
  storage::sqlite::SqliteMonitorStore store_;
  std::unique_ptr<core::monitor::MonitorService> service_;
};

}  // namespace vigil::app
