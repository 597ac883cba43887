#include "codec/csv/series_csv.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <set>

namespace vigil::codec::csv {
namespace {

using core::warn::SeriesRow;

tl::unexpected<Error> FileError(int line, const std::string& reason) {
  return MakeError(ErrorCode::kInvalidArgument,
                   (line > 0 ? "line " + std::to_string(line) + ": " : std::string()) + reason,
                   "invalid-series");
}

// An HXL hashtag: "#adm1 +code" → tag "adm1", attributes {"code"}.
struct Hashtag {
  std::string tag;
  std::set<std::string> attributes;
  bool Is(std::string_view name, std::initializer_list<std::string_view> with = {}) const {
    if (tag != name) return false;
    return std::all_of(with.begin(), with.end(), [&](std::string_view attr) {
      return attributes.contains(std::string(attr));
    });
  }
};

std::optional<Hashtag> ParseHashtag(std::string_view text) {
  std::string compact;
  for (const char c : text) {
    if (c != ' ' && c != '\t')
      compact += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (compact.size() < 2 || compact[0] != '#') return std::nullopt;
  Hashtag hashtag;
  std::size_t pos = 1;
  std::size_t next = compact.find('+', pos);
  hashtag.tag = compact.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
  while (next != std::string::npos) {
    pos = next + 1;
    next = compact.find('+', pos);
    hashtag.attributes.insert(
        compact.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
  }
  return hashtag;
}

bool IsHashtagRow(const CsvRecord& record) {
  bool any = false;
  for (const auto& field : record.fields) {
    std::string_view text = field;
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    if (text.empty()) continue;
    if (text.front() != '#') return false;
    any = true;
  }
  return any;
}

std::string Field(const CsvRecord& record, std::optional<std::size_t> column) {
  return column && *column < record.fields.size() ? record.fields[*column] : std::string();
}

}  // namespace

Result<std::vector<SeriesRow>> ParseTidySeriesCsv(std::string_view text,
                                                  const CsvProgress& progress) {
  auto records = ParseCsv(text, progress);
  if (!records) return tl::unexpected(records.error());
  if (records->empty())
    return FileError(0, "the file is empty (expected a header area,indicator,period,value)");
  const CsvRecord& header = records->front();
  std::map<std::string, std::size_t> columns;
  for (std::size_t col = 0; col < header.fields.size(); ++col) {
    const std::string name = NormaliseHeader(header.fields[col]);
    static const std::set<std::string> kKnown = {"area", "indicator", "period", "value", "source"};
    if (!kKnown.contains(name)) {
      return FileError(header.line,
                       "unknown column \"" + header.fields[col] +
                           "\" (expected area, indicator, period, value and optionally source)");
    }
    if (!columns.emplace(name, col).second)
      return FileError(header.line, "column " + name + " appears twice");
  }
  for (const char* required : {"area", "indicator", "period", "value"}) {
    if (!columns.contains(required))
      return FileError(header.line, std::string("column ") + required + " is missing");
  }
  const std::optional<std::size_t> source_col =
      columns.contains("source") ? std::optional(columns.at("source")) : std::nullopt;
  std::vector<SeriesRow> rows;
  rows.reserve(records->size() - 1);
  for (std::size_t idx = 1; idx < records->size(); ++idx) {
    const CsvRecord& record = (*records)[idx];
    if (record.fields.size() != header.fields.size()) {
      return FileError(record.line, "expected " + std::to_string(header.fields.size()) +
                                        " fields, found " + std::to_string(record.fields.size()));
    }
    rows.push_back({record.line, record.fields[columns.at("area")],
                    record.fields[columns.at("indicator")], record.fields[columns.at("period")],
                    record.fields[columns.at("value")], Field(record, source_col)});
  }
  return rows;
}

Result<std::vector<SeriesRow>> ParseHxlSeriesCsv(std::string_view text,
                                                 const CsvProgress& progress) {
  auto records = ParseCsv(text, progress);
  if (!records) return tl::unexpected(records.error());
  std::size_t tag_row = 0;
  while (tag_row < records->size() && tag_row < 25 && !IsHashtagRow((*records)[tag_row])) ++tag_row;
  if (tag_row >= records->size() || tag_row >= 25) {
    return FileError(0, "no HXL hashtag row (a row of #tags) in the first 25 rows");
  }
  const CsvRecord& tags = (*records)[tag_row];
  std::vector<std::pair<std::size_t, Hashtag>> parsed;
  for (std::size_t col = 0; col < tags.fields.size(); ++col) {
    if (auto hashtag = ParseHashtag(tags.fields[col])) parsed.emplace_back(col, *hashtag);
  }
  auto find = [&](std::string_view tag,
                  std::initializer_list<std::string_view> with) -> std::optional<std::size_t> {
    for (const auto& [col, hashtag] : parsed) {
      if (hashtag.Is(tag, with)) return col;
    }
    return std::nullopt;
  };
  // Most specific first.
  std::vector<std::size_t> area_cols;
  for (const char* tag : {"adm3", "adm2", "adm1", "country", "loc"}) {
    if (auto col = find(tag, {"code"})) area_cols.push_back(*col);
  }
  const auto indicator_col = find("indicator", {"code"});
  const auto period_col = find("date", {});
  std::optional<std::size_t> value_col = find("value", {});
  if (!value_col) value_col = find("indicator", {"value"});
  if (!value_col) value_col = find("indicator", {"num"});
  if (!value_col) {
    for (const auto& [col, hashtag] : parsed) {
      if (hashtag.attributes.contains("num") && col != indicator_col) {
        value_col = col;
        break;
      }
    }
  }
  const auto source_col = find("meta", {"source"});
  if (area_cols.empty())
    return FileError(
        tags.line,
        "no area column (#adm1+code, #adm2+code, #adm3+code, #country+code or #loc+code)");
  if (!indicator_col) return FileError(tags.line, "no #indicator+code column");
  if (!period_col) return FileError(tags.line, "no #date column");
  if (!value_col)
    return FileError(tags.line, "no value column (#value, #indicator+value or a +num tag)");

  std::vector<SeriesRow> rows;
  for (std::size_t idx = tag_row + 1; idx < records->size(); ++idx) {
    const CsvRecord& record = (*records)[idx];
    if (record.fields.size() > tags.fields.size()) {
      return FileError(record.line, "expected at most " + std::to_string(tags.fields.size()) +
                                        " fields, found " + std::to_string(record.fields.size()));
    }
    std::string area;
    for (const std::size_t col : area_cols) {
      area = Field(record, col);
      if (!area.empty()) break;
    }
    rows.push_back({record.line, area, Field(record, indicator_col), Field(record, period_col),
                    Field(record, value_col), Field(record, source_col)});
  }
  return rows;
}

std::string RenderNumber(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

namespace {

std::string RenderRows(const std::vector<ExportSeries>& series, bool hxl) {
  std::string out;
  RenderCsvRecord({"area", "indicator", "period", "value", "source"}, out);
  if (hxl)
    RenderCsvRecord(
        {"#loc+code", "#indicator+code", "#date", "#indicator+value+num", "#meta+source"}, out);
  for (const auto& one : series) {
    for (const auto& observation : one.observations) {
      RenderCsvRecord({one.key.area, one.key.indicator, observation.period,
                       RenderNumber(observation.value), observation.source},
                      out);
    }
  }
  return out;
}

}  // namespace

std::string RenderTidySeriesCsv(const std::vector<ExportSeries>& series) {
  return RenderRows(series, false);
}
std::string RenderHxlSeriesCsv(const std::vector<ExportSeries>& series) {
  return RenderRows(series, true);
}

}  // namespace vigil::codec::csv
