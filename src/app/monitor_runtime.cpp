#include "app/monitor_runtime.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/lexicon_cache.hpp"
#include "codec/yaml/lexicon_yaml.hpp"
#include "codec/yaml/monitor_yaml.hpp"

namespace vigil::app {
namespace {

namespace fs = std::filesystem;

Result<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kInvalidArgument, "cannot read " + path.string());
  std::stringstream text;
  text << in.rdbuf();
  if (in.bad()) return MakeError(ErrorCode::kUnavailable, "cannot read " + path.string());
  return text.str();
}

}  // namespace

Result<core::monitor::PipelineOptions> LoadMonitorOptions(const std::string& data_dir) {
  core::monitor::PipelineOptions options;
  const fs::path root = fs::path(data_dir) / "monitor";
  std::error_code error;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(root / "lexicon", error), end; !error && it != end; it.increment(error)) {
    if (it->path().extension() == ".yaml") files.push_back(it->path());
  }
  if (error || files.empty()) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "no lure lexicon in " + (root / "lexicon").string() + " (set --data)");
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    auto text = ReadFile(file);
    if (!text) return tl::unexpected(text.error());
    auto entries = codec::yaml::ParseLexiconYaml(file.filename().string(), *text);
    if (!entries) return tl::unexpected(entries.error());
    options.lexicon.insert(options.lexicon.end(), entries->begin(), entries->end());
  }
  if (auto valid = core::monitor::ValidateLexicon(options.lexicon); !valid) return tl::unexpected(valid.error());
  auto overrides_text = ReadFile(root / "phone-overrides.yaml");
  if (!overrides_text) return tl::unexpected(overrides_text.error());
  auto overrides = codec::yaml::ParsePhoneOverridesYaml("phone-overrides.yaml", *overrides_text);
  if (!overrides) return tl::unexpected(overrides.error());
  options.identifiers.phone_overrides = std::move(*overrides);
  auto hosts_text = ReadFile(root / "shared-hosts.yaml");
  if (!hosts_text) return tl::unexpected(hosts_text.error());
  auto hosts = codec::yaml::ParseSharedHostsYaml("shared-hosts.yaml", *hosts_text);
  if (!hosts) return tl::unexpected(hosts.error());
  options.identifiers.shared_hosts = std::move(*hosts);
  return options;
}

MonitorRuntime::MonitorRuntime(Context& context)
    : context_(context), cipher_(context.keys().fields), store_(context.db(), cipher_) {}

MonitorRuntime::~MonitorRuntime() {
  if (built_.valid()) built_.wait();
}

Result<std::unique_ptr<MonitorRuntime>> MonitorRuntime::Open(Context& context, log::Logger& logger) {
  const fs::path lexicon = fs::path(context.settings().data) / "monitor" / "lexicon";
  if (!fs::is_directory(lexicon)) {
    return MakeError(ErrorCode::kNotFound, "no folder " + lexicon.string());
  }
  auto options = LoadMonitorOptions(context.settings().data);
  if (!options) return tl::unexpected(options.error());
  std::unique_ptr<MonitorRuntime> runtime(new MonitorRuntime(context));
  MonitorRuntime* self = runtime.get();
  self->built_ = std::async(std::launch::async, [self, &logger, options = std::move(*options)]() mutable {
                   auto pipeline = CreateCachedPipeline(std::move(options), DefaultCacheDir());
                   if (!pipeline) {
                     logger.Error("the monitor pipeline could not be built; its routes answer 503",
                                  {{"problem", std::string_view(pipeline.error().message)}});
                     return;
                   }
                   self->pipeline_.emplace(std::move(*pipeline));
                   self->service_ = std::make_unique<core::monitor::MonitorService>(
                       *self->pipeline_, self->store_, self->context_.audit(), self->context_.clock(),
                       self->context_.keys().monitor_identifiers);
                   logger.Info("monitor loaded");
                 }).share();
  return runtime;
}

core::monitor::MonitorService* MonitorRuntime::service() {
  built_.wait();
  return service_.get();
}

}  // namespace vigil::app
