// `vigil monitor scan`: reads posts (JSON Lines or mapped CSV), runs the monitor pipeline and
// writes the JSON or HTML report. Logs and errors name lines and counts, never post content or
// identifier values.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <sstream>

#include "app/lexicon_cache.hpp"
#include "app/monitor_runtime.hpp"
#include "cli/commands.hpp"
#include "codec/csv/csv_reader.hpp"
#include "codec/monitor/posts_input.hpp"
#include "codec/monitor/scan_report.hpp"
#include "core/monitor/masking.hpp"
#include "core/monitor/pipeline.hpp"
#include "core/monitor/trends.hpp"

namespace vigil::cli {
namespace {

namespace fs = std::filesystem;

// A one-line bar on stderr, redrawn at most every 100 ms; only on a terminal.
class ProgressBar {
 public:
  explicit ProgressBar(bool enabled) : enabled_(enabled) {}
  void Show(const char* phase, std::size_t done, std::size_t total, const char* unit) {
    if (!enabled_ || total == 0) return;
    const auto now = std::chrono::steady_clock::now();
    if (done < total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const int width = 30;
    const int filled = static_cast<int>(static_cast<double>(done) / static_cast<double>(total) * width);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(width, '.');
    std::fprintf(stderr, "\r%-8s [%s] %3d%% %zu/%zu %s", phase, bar.c_str(),
                 static_cast<int>(100.0 * static_cast<double>(done) / static_cast<double>(total)), done, total, unit);
    if (done >= total) std::fputc('\n', stderr);
    std::fflush(stderr);
  }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point last_{};
};

// The search terms of a --terms file: one per line; blank lines and lines starting with # skipped.
Result<std::vector<std::string>> ReadTermList(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kInvalidArgument, "cannot read the terms file " + path);
  std::vector<std::string> terms;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    const std::size_t end = line.find_last_not_of(" \t");
    terms.push_back(line.substr(start, end - start + 1));
  }
  if (terms.empty()) return MakeError(ErrorCode::kInvalidArgument, "the terms file " + path + " lists no term");
  return terms;
}

// Runs above this many input bytes get a progress bar (when stderr is a terminal).
constexpr std::size_t kLongRunBytes = 4 << 20;

}  // namespace

int RunMonitorScan(const app::Settings& settings, log::Logger& logger, const MonitorScanArgs& args) {
  if (args.format != "json" && args.format != "html") {
    return ReportError({ErrorCode::kInvalidArgument, "--format must be json or html"});
  }
  if (args.threads < 1 || args.threads > 256) {
    return ReportError({ErrorCode::kInvalidArgument, "--threads must be between 1 and 256"});
  }
  std::string input_format = args.input_format;
  if (input_format.empty()) {
    const bool csv_name = args.in.size() > 4 && args.in.compare(args.in.size() - 4, 4, ".csv") == 0;
    input_format = (!args.map.empty() || csv_name) ? "csv" : "jsonl";
  }
  if (input_format != "jsonl" && input_format != "csv") {
    return ReportError({ErrorCode::kInvalidArgument, "--input-format must be jsonl or csv"});
  }
  if (input_format == "jsonl" && !args.map.empty()) {
    return ReportError({ErrorCode::kInvalidArgument, "--map applies to CSV input only"});
  }
  auto map = codec::monitor::ParseColumnMap(args.map);
  if (!map) return ReportError(map.error());
  if (args.max_text_bytes < 1) {
    return ReportError({ErrorCode::kInvalidArgument, "--max-text-bytes must be at least 1"});
  }

  std::optional<core::monitor::LexiconMatcher> terms;
  if (!args.terms.empty()) {
    if (args.counts_out.empty()) {
      return ReportError({ErrorCode::kInvalidArgument, "--terms needs --counts-out (the terms are counted per day there)"});
    }
    auto list = ReadTermList(args.terms);
    if (!list) return ReportError(list.error());
    auto matcher = core::monitor::BuildTermMatcher(*list);
    if (!matcher) return ReportError({matcher.error().code, args.terms + ": " + matcher.error().message});
    terms.emplace(std::move(*matcher));
  }

  const auto setup_started = std::chrono::steady_clock::now();
  auto options = app::LoadMonitorOptions(settings.data);
  if (!options) return ReportError(options.error());
  auto pipeline = app::CreateCachedPipeline(std::move(*options), app::DefaultCacheDir());
  if (!pipeline) return ReportError(pipeline.error());

  const auto started = std::chrono::steady_clock::now();
  auto text = InputText::Open(args.in);
  if (!text) return ReportError(text.error());
  ProgressBar bar(isatty(STDERR_FILENO) != 0 && text->view().size() >= kLongRunBytes);
  codec::monitor::InputOptions input_options;
  input_options.strict = args.strict;
  input_options.max_text_bytes = static_cast<std::size_t>(args.max_text_bytes);
  const auto read_progress = [&bar](std::size_t done, std::size_t total) { bar.Show("reading", done, total, "bytes"); };
  auto input = input_format == "csv"
                   ? codec::monitor::ReadPostsCsv(text->view(), *map, args.in == "-" ? "stdin" : fs::path(args.in).filename().string(),
                                                  input_options, read_progress)
                   : codec::monitor::ReadPostsJsonLines(text->view(), input_options, read_progress, args.threads);
  if (!input) return ReportError(input.error());
  text->Release();
  for (const auto& problem : input->invalid) {
    std::cerr << "vigil: line " << problem.line << " skipped: " << problem.reason << "\n";
  }
  if (!args.region.empty()) {
    for (auto& post : input->posts) {
      if (!post.region) post.region = args.region;
    }
  }

  const auto read_done = std::chrono::steady_clock::now();
  auto result = pipeline->Run(input->posts, args.threads, [&bar](std::size_t done, std::size_t total) {
    bar.Show("scanning", done, total, "posts");
  });
  if (!result) return ReportError(result.error());
  const auto scan_done = std::chrono::steady_clock::now();
  const double seconds = std::chrono::duration<double>(scan_done - started).count();
  const codec::monitor::ScanReport report{*input, *result, seconds};
  // The HTML masks every writing of every identifier, not only the one the pipeline reported;
  // without an extractor it is not written at all.
  codec::monitor::IdentifierPlaces places;
  std::optional<core::monitor::IdentifierExtractor> extractor;
  if (args.format == "html" && !args.show_identifiers) {
    auto made = core::monitor::IdentifierExtractor::Create(pipeline->options().identifiers);
    if (!made) return ReportError(made.error());
    extractor.emplace(std::move(*made));
    places = [&extractor](const core::monitor::Post& post, std::string_view field) {
      std::vector<core::monitor::ByteSpan> spans;
      for (const auto& found : core::monitor::FindIdentifierOccurrences(*extractor, field, post.region)) {
        spans.push_back(found.span);
      }
      return spans;
    };
  }
  // The JSON goes out in pieces (a million-post report is about 700 MB).
  const auto write = [&](const std::function<void(std::string_view)>& sink) {
    if (args.format == "html") {
      sink(codec::monitor::RenderScanHtml(report, args.show_identifiers, places));
    } else {
      codec::monitor::WriteScanJson(report, args.threads, sink);
    }
  };
  if (args.out.empty() || args.out == "-") {
    write([](std::string_view piece) { std::cout.write(piece.data(), static_cast<std::streamsize>(piece.size())); });
    std::cout.flush();
  } else {
    auto out = OutputFile::Create(args.out);
    if (!out) return ReportError(out.error());
    write([&out](std::string_view piece) { out->Write(piece); });
    if (auto written = out->Finish(); !written) return ReportError(written.error());
  }
  if (!args.counts_out.empty()) {
    std::size_t undated = 0;
    const auto counts = core::monitor::DailyCategoryCounts(input->posts, *result, undated, terms ? &*terms : nullptr);
    if (!counts) return ReportError(counts.error());
    std::string csv;
    codec::csv::RenderCsvRecord({"date", "term", "count"}, csv);
    for (const auto& count : *counts) {
      codec::csv::RenderCsvRecord({count.date, count.term, std::to_string(static_cast<long long>(count.count))}, csv);
    }
    std::ofstream out(args.counts_out, std::ios::binary | std::ios::trunc);
    out << csv;
    out.close();
    if (!out) return ReportError({ErrorCode::kUnavailable, "cannot write " + args.counts_out});
    if (undated > 0) std::cerr << "vigil: " << undated << " post(s) without an RFC 3339 date left out of the counts\n";
  }
  logger.Info("monitor scan", {{"posts", static_cast<std::int64_t>(result->posts.size())},
                               {"invalid_lines", static_cast<std::int64_t>(input->invalid.size())},
                               {"duplicates", static_cast<std::int64_t>(result->duplicates)},
                               {"clusters", static_cast<std::int64_t>(result->clusters.size())},
                               {"threads", static_cast<std::int64_t>(args.threads)},
                               {"setup_seconds", std::chrono::duration<double>(started - setup_started).count()},
                               {"read_seconds", std::chrono::duration<double>(read_done - started).count()},
                               {"scan_seconds", std::chrono::duration<double>(scan_done - read_done).count()},
                               {"write_seconds", std::chrono::duration<double>(std::chrono::steady_clock::now() - scan_done).count()}});
  // The command ends the process right after. A large scan's posts and results (millions of
  // strings and vectors) are left for the operating system to take back at once instead of
  // being freed one by one, which would add a noticeable moment after the report is written.
  // They stay reachable (no leak is reported); a second scan in the same process frees the first.
  constexpr std::size_t kLeftToExitPosts = 100'000;
  if (input->posts.size() >= kLeftToExitPosts) {
    struct LeftToExit {
      codec::monitor::PostsInput input;
      core::monitor::PipelineResult result;
    };
    static LeftToExit* left_to_exit = nullptr;
    delete left_to_exit;
    left_to_exit = new LeftToExit{std::move(*input), std::move(*result)};
  }
  return kExitOk;
}

}  // namespace vigil::cli
