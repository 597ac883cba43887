// The `vigil` subcommands. Each takes parsed settings and arguments, calls the same core
// services as the HTTP API, prints its result, and returns the process exit code:
// 0 success, 2 unusable invocation or bad input, 1 any other failure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/settings.hpp"
#include "core/common/error.hpp"
#include "core/signals/detect.hpp"
#include "log/log.hpp"

namespace vigil::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// The whole of a file, or of stdin when `path` is "-". Errors name the path.
[[nodiscard]] Result<std::string> ReadInputText(const std::string& path);

// ReadInputText for large inputs: a regular file is mapped into memory (read-only, no copy, the
// pages read ahead in one call) instead of copied; stdin and other files are read. The text is
// valid until Release() or destruction.
class InputText {
 public:
  [[nodiscard]] static Result<InputText> Open(const std::string& path);
  InputText(InputText&& other) noexcept;
  InputText& operator=(InputText&&) = delete;
  ~InputText();
  std::string_view view() const { return mapped_ != nullptr ? std::string_view(mapped_, size_) : read_; }
  void Release();

 private:
  InputText() = default;
  const char* mapped_ = nullptr;
  std::size_t size_ = 0;
  std::string read_;
};

// A file written in pieces, for large outputs. It is opened without truncation and cut to the
// written length at the end: ext4 pushes a file that was truncated to zero and written again to
// disk when it is closed, a wait of about 0.3 s for a 700 MB report that nothing here needs.
// Errors name the path.
class OutputFile {
 public:
  [[nodiscard]] static Result<OutputFile> Create(const std::string& path);
  OutputFile(OutputFile&& other) noexcept;
  OutputFile& operator=(OutputFile&&) = delete;
  ~OutputFile();  // closes a file not finished (its content is then incomplete)
  void Write(std::string_view piece);  // a failure is reported by Finish
  [[nodiscard]] Status Finish();       // cuts the file to what was written and closes it

 private:
  OutputFile() = default;
  int fd_ = -1;
  std::string path_;
  std::uint64_t written_ = 0;
  bool failed_ = false;
};

// The one place that maps error codes to exit codes; also prints the error to stderr.
[[nodiscard]] int ReportError(const Error& error);

[[nodiscard]] int RunServe(const app::Settings& settings, log::Logger& logger);
[[nodiscard]] int RunDbMigrate(const app::Settings& settings, log::Logger& logger);
[[nodiscard]] int RunDbBackup(const app::Settings& settings, log::Logger& logger,
                              const std::string& target);
[[nodiscard]] int RunUserAdd(const app::Settings& settings, log::Logger& logger,
                             const std::string& name, const std::string& role);
[[nodiscard]] int RunUserList(const app::Settings& settings, log::Logger& logger);
[[nodiscard]] int RunUserDisable(const app::Settings& settings, log::Logger& logger,
                                 const std::string& name);
[[nodiscard]] int RunUserPasswd(const app::Settings& settings, log::Logger& logger,
                                const std::string& name);
[[nodiscard]] int RunTokenAdd(const app::Settings& settings, log::Logger& logger,
                              const std::string& name, const std::string& role);
[[nodiscard]] int RunAuditVerify(const app::Settings& settings, log::Logger& logger);
[[nodiscard]] int RunVersion();
// Exit 1 when the ruleset has errors (each printed with file and line).
[[nodiscard]] int RunRulesCheck(const app::Settings& settings, log::Logger& logger,
                                const std::string& path);
// Writes the XLSForm of `protocol` to `out` (default: <ruleset>-<protocol>.xlsx).
[[nodiscard]] int RunRulesExport(const app::Settings& settings, log::Logger& logger,
                                 const std::string& path, const std::string& protocol,
                                 const std::string& out);
// Exit 1 when the content has errors; notes (missing or outdated translations) are listed.
[[nodiscard]] int RunKnowledgeCheck(const app::Settings& settings, log::Logger& logger);
[[nodiscard]] int RunScreen(const app::Settings& settings, log::Logger& logger,
                            const std::string& answers_path, const std::string& ruleset_id,
                            const std::string& format);

struct WarnDetectArgs {
  std::string method;
  std::string in;
  int frequency = 52;
  std::string format = "json";
  std::vector<std::string> extras;  // the detector's R-named parameters, as given
};
// Turns `--name=value` / `--name value` arguments into detector parameters.
[[nodiscard]] Result<std::vector<core::signals::Parameter>> ParseDetectorArguments(
    const std::vector<std::string>& extras);
[[nodiscard]] int RunWarnDetect(const app::Settings& settings, log::Logger& logger, const WarnDetectArgs& args);

// `vigil warn run`: progress on stderr, the per-area levels and opened alerts on stdout.
[[nodiscard]] int RunWarnRun(const app::Settings& settings, log::Logger& logger);
// `vigil warn areas import FILE`: validates and stores admin boundaries (all or none).
[[nodiscard]] int RunWarnAreasImport(const app::Settings& settings, log::Logger& logger,
                                     const std::string& path);
// `vigil warn webhook-secret`: prints the signing secret derived from the key file, for the
// receiver's configuration (used when no --warn-webhook-secret is set).
[[nodiscard]] int RunWarnWebhookSecret(const app::Settings& settings, log::Logger& logger);

struct WarnImportArgs {
  std::string format;       // tidy, hxl, ucdp-ged, iom-dtm
  std::string level;        // ucdp-ged: adm1 (default) or priogrid
  std::string admin_level;  // iom-dtm: 0, 1 or 2; empty for every level
  std::string file;         // "-" for stdin
};
// `vigil warn import`: exit 2 naming the line and reason on bad input, with nothing written.
[[nodiscard]] int RunWarnImport(const app::Settings& settings, log::Logger& logger, const WarnImportArgs& args);
struct WarnExportArgs {
  std::string area;       // empty: every area
  std::string indicator;  // empty: every indicator
  std::string format = "csv";  // csv (tidy) or hxl
  std::string out;        // empty or "-": stdout
};
[[nodiscard]] int RunWarnExport(const app::Settings& settings, log::Logger& logger, const WarnExportArgs& args);
// `vigil warn series [--area A]`: one tab-separated line per stored series.
[[nodiscard]] int RunWarnSeries(const app::Settings& settings, log::Logger& logger, const std::string& area);

struct MonitorScanArgs {
  std::string in;                 // file, or "-" for stdin
  std::string input_format;       // jsonl or csv; empty: csv for *.csv or with --map, else jsonl
  std::string format = "json";    // json or html
  std::string out;                // empty or "-": stdout
  int threads = 1;
  bool strict = false;
  std::vector<std::string> map;   // CSV column mapping, "id=job_id,text=description"
  bool show_identifiers = false;  // HTML: raw identifier values instead of their type
  long long max_text_bytes = 64 * 1024;
  std::string region;             // region hint for posts that carry none
  std::string counts_out;         // optional: daily counts per lure category (date,term,count)
  std::string terms;              // optional: file of search terms also counted per day
};
// `vigil monitor scan`: exit 2 on an unusable invocation or (with --strict) an invalid line.
[[nodiscard]] int RunMonitorScan(const app::Settings& settings, log::Logger& logger, const MonitorScanArgs& args);

struct MonitorTrendsArgs {
  std::string in;
  std::string method = "ears-c2";
  std::string format = "json";
  std::vector<std::string> extras;  // the detector's R-named parameters, as given
};
// `vigil monitor trends`: surges per term in a date,term,count file.
[[nodiscard]] int RunMonitorTrends(const app::Settings& settings, log::Logger& logger, const MonitorTrendsArgs& args);

// Parses argv with CLI11 and runs the chosen subcommand.
[[nodiscard]] int Run(int argc, char** argv);

}  // namespace vigil::cli
