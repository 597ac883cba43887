// `vigil warn import`, `vigil warn export` and `vigil warn series`: early-warning series in and
// out of the database, through the same core entry point as the API.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/context.hpp"
#include "cli/commands.hpp"
#include "codec/csv/series_csv.hpp"
#include "codec/csv/series_import.hpp"
#include "core/warn/period.hpp"
#include "core/warn/series_import.hpp"

namespace vigil::cli {
namespace {

// Files above this size report their reading progress on stderr.
constexpr std::size_t kProgressFileBytes = 512 * 1024;

std::string BaseName(const std::string& path) {
  if (path == "-") return "stdin";
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

Result<codec::csv::SeriesFileOptions> ImportOptions(const WarnImportArgs& args,
                                                    codec::csv::SeriesFormat format) {
  codec::csv::SeriesFileOptions options;
  const std::string name = BaseName(args.file);
  switch (format) {
    case codec::csv::SeriesFormat::kTidy:
    case codec::csv::SeriesFormat::kHxl:
      options.source = name;
      break;
    case codec::csv::SeriesFormat::kUcdpGed:
      options.source = "ucdp-ged:" + name;
      break;
    case codec::csv::SeriesFormat::kIomDtm:
      options.source = "iom-dtm:" + name;
      break;
  }
  if (!args.level.empty()) {
    if (format != codec::csv::SeriesFormat::kUcdpGed) {
      return MakeError(ErrorCode::kInvalidArgument, "--level applies to --format ucdp-ged only");
    }
    if (args.level == "priogrid") {
      options.ucdp_level = codec::csv::UcdpLevel::kPrioGrid;
    } else if (args.level != "adm1") {
      return MakeError(ErrorCode::kInvalidArgument, "--level must be adm1 or priogrid");
    }
  }
  if (!args.admin_level.empty()) {
    if (format != codec::csv::SeriesFormat::kIomDtm) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "--admin-level applies to --format iom-dtm only");
    }
    if (args.admin_level != "0" && args.admin_level != "1" && args.admin_level != "2") {
      return MakeError(ErrorCode::kInvalidArgument, "--admin-level must be 0, 1 or 2");
    }
    options.dtm_admin_level = args.admin_level[0] - '0';
  }
  return options;
}

}  // namespace

int RunWarnImport(const app::Settings& settings, log::Logger& logger, const WarnImportArgs& args) {
  const auto format = codec::csv::ParseSeriesFormat(args.format);
  if (!format)
    return ReportError(
        {ErrorCode::kInvalidArgument, "--format must be tidy, hxl, ucdp-ged or iom-dtm"});
  auto options = ImportOptions(args, *format);
  if (!options) return ReportError(options.error());
  auto text = ReadInputText(args.file);
  if (!text) return ReportError(text.error());
  auto ctx = app::Context::Open(settings, logger);
  if (!ctx) return ReportError(ctx.error());
  auto catalogue = (*ctx)->WarnCatalogue();
  if (!catalogue) return ReportError(catalogue.error());

  codec::csv::CsvProgress progress;
  int reported_quarter = 0;
  if (text->size() > kProgressFileBytes) {
    progress = [&](std::size_t done, std::size_t total) {
      const int quarter = static_cast<int>(4 * done / std::max<std::size_t>(total, 1));
      if (quarter <= reported_quarter) return;
      reported_quarter = quarter;
      std::cerr << "vigil: read " << 25 * quarter << "% of " << BaseName(args.file) << "\n";
    };
  }
  auto file = codec::csv::ReadSeriesFile(*format, *text, **catalogue, *options, progress);
  if (!file) {
    std::cerr << "vigil: " << BaseName(args.file) << ": nothing imported\n";
    return ReportError(file.error());
  }
  if (progress) std::cerr << "vigil: writing " << file->series.size() << " series\n";
  auto summary = core::warn::SaveImportedSeries((*ctx)->series(), **catalogue, file->series);
  const core::access::AuditEvent event{
      "cli", "admin", "warn.series.import", "series", args.format, summary ? "ok" : "error", "cli"};
  if (auto recorded = (*ctx)->audit().Record(event); !recorded)
    return ReportError(recorded.error());
  if (!summary) return ReportError(summary.error());
  std::cout << "imported " << summary->series << " series, " << summary->periods << " periods from "
            << BaseName(args.file) << " (" << args.format << ")\n";
  for (const auto& note : file->notes) std::cout << "  " << note << "\n";
  return kExitOk;
}

int RunWarnExport(const app::Settings& settings, log::Logger& logger, const WarnExportArgs& args) {
  if (args.format != "csv" && args.format != "hxl") {
    return ReportError({ErrorCode::kInvalidArgument, "--format must be csv or hxl"});
  }
  auto ctx = app::Context::Open(settings, logger);
  if (!ctx) return ReportError(ctx.error());
  auto summaries =
      (*ctx)->series().List(args.area.empty() ? std::nullopt : std::optional(args.area));
  if (!summaries) return ReportError(summaries.error());
  std::vector<codec::csv::ExportSeries> series;
  for (const auto& summary : *summaries) {
    if (!args.indicator.empty() && summary.key.indicator != args.indicator) continue;
    auto observations = (*ctx)->series().Get(summary.key);
    if (!observations) return ReportError(observations.error());
    series.push_back({summary.key, std::move(*observations)});
  }
  if (series.empty()) return ReportError({ErrorCode::kNotFound, "no series matches"});
  const std::string text = args.format == "hxl" ? codec::csv::RenderHxlSeriesCsv(series)
                                                : codec::csv::RenderTidySeriesCsv(series);
  if (args.out.empty() || args.out == "-") {
    std::cout << text;
  } else {
    std::ofstream out(args.out, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) return ReportError({ErrorCode::kUnavailable, "cannot write " + args.out});
    std::cerr << "vigil: wrote " << series.size() << " series to " << args.out << "\n";
  }
  return kExitOk;
}

int RunWarnSeries(const app::Settings& settings, log::Logger& logger, const std::string& area) {
  auto ctx = app::Context::Open(settings, logger);
  if (!ctx) return ReportError(ctx.error());
  auto summaries = (*ctx)->series().List(area.empty() ? std::nullopt : std::optional(area));
  if (!summaries) return ReportError(summaries.error());
  std::cout << "area\tindicator\tperiod\tpoints\tfirst\tlast\n";
  for (const auto& summary : *summaries) {
    std::cout << summary.key.area << "\t" << summary.key.indicator << "\t"
              << core::warn::PeriodKindName(summary.key.period) << "\t" << summary.points << "\t"
              << summary.first_period << "\t" << summary.last_period << "\n";
  }
  return kExitOk;
}

}  // namespace vigil::cli
