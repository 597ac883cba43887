// `vigil warn detect`: runs one detector on a series file and prints the points of the evaluated
// range as JSON or CSV. Parameters carry the names of the R functions (see docs/warn.md).
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "codec/csv/csv_reader.hpp"
#include "codec/csv/detect_series.hpp"
#include "codec/json/warn_json.hpp"
#include "core/signals/detect.hpp"

namespace vigil::cli {
namespace {

using core::signals::Parameter;

std::string FormatNumber(const std::optional<double>& value) {
  if (!value) return "";
  std::ostringstream out;
  out.precision(15);
  out << *value;
  return out.str();
}

void RenderCsv(const core::signals::Detection& detection, const std::vector<std::string>& periods, std::ostream& out) {
  std::string text;
  codec::csv::RenderCsvRecord({"index", "period", "observed", "expected", "upper", "alarm", "score"}, text);
  for (const auto& point : detection.points) {
    codec::csv::RenderCsvRecord({std::to_string(point.index), periods[static_cast<std::size_t>(point.index - 1)],
                                 FormatNumber(point.observed), FormatNumber(point.expected), FormatNumber(point.upper),
                                 point.alarm ? "1" : "0", FormatNumber(point.score)},
                                text);
  }
  out << text;
}

}  // namespace

Result<std::vector<Parameter>> ParseDetectorArguments(const std::vector<std::string>& extras) {
  std::vector<Parameter> params;
  for (std::size_t i = 0; i < extras.size(); ++i) {
    const std::string& item = extras[i];
    if (item.rfind("--", 0) != 0 || item.size() <= 2) {
      return MakeError(ErrorCode::kInvalidArgument, "unexpected argument " + item + " (parameters are --name=value)",
                       "unknown-parameter");
    }
    const std::string body = item.substr(2);
    const auto eq = body.find('=');
    if (eq != std::string::npos) {
      params.push_back({body.substr(0, eq), body.substr(eq + 1)});
      continue;
    }
    if (i + 1 >= extras.size() || extras[i + 1].rfind("--", 0) == 0) {
      return MakeError(ErrorCode::kInvalidArgument, "parameter --" + body + " needs a value", "invalid-parameter");
    }
    params.push_back({body, extras[++i]});
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (params[i].name == params[j].name) {
        return MakeError(ErrorCode::kInvalidArgument, "parameter --" + params[i].name + " is given twice",
                         "invalid-parameter");
      }
    }
  }
  return params;
}

int RunWarnDetect(const app::Settings& /*settings*/, log::Logger& /*logger*/, const WarnDetectArgs& args) {
  const auto method = core::signals::ParseMethod(args.method);
  if (!method) {
    std::string names;
    for (const auto name : core::signals::MethodNames()) names += (names.empty() ? "" : ", ") + std::string(name);
    return ReportError({ErrorCode::kInvalidArgument, "--method must be one of " + names});
  }
  if (args.format != "json" && args.format != "csv") {
    return ReportError({ErrorCode::kInvalidArgument, "--format must be json or csv"});
  }
  if (args.frequency < 1 || args.frequency > 366) {
    return ReportError({ErrorCode::kInvalidArgument, "--frequency must be from 1 to 366"});
  }
  auto params = ParseDetectorArguments(args.extras);
  if (!params) return ReportError(params.error());
  auto text = ReadInputText(args.in);
  if (!text) return ReportError(text.error());
  auto series = codec::csv::ParseDetectSeries(*text, args.frequency);
  if (!series) return ReportError(series.error());
  core::signals::DetectInput input{.observed = series->observed, .population = series->population,
                                   .frequency = args.frequency};
  auto detection = core::signals::Detect(*method, *params, input);
  if (!detection) return ReportError(detection.error());
  if (args.format == "csv") {
    // CSV has no place for notes; JSON carries them in "notes".
    for (const std::string& note : detection->notes) std::cerr << "note: " << note << "\n";
    RenderCsv(*detection, series->periods, std::cout);
  } else {
    std::cout << codec::json::RenderDetection(*detection, series->periods) << "\n";
  }
  return kExitOk;
}

}  // namespace vigil::cli
