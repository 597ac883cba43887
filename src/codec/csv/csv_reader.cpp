#include "codec/csv/csv_reader.hpp"

namespace vigil::codec::csv {
namespace {

tl::unexpected<Error> CsvError(int line, const std::string& reason) {
  return MakeError(ErrorCode::kInvalidArgument, "line " + std::to_string(line) + ": " + reason,
                   "invalid-csv");
}

bool IsBlank(const CsvRecord& record) {
  return record.fields.size() == 1 && record.fields[0].empty();
}

}  // namespace

Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, const CsvProgress& progress) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<CsvRecord> records;
  CsvRecord record{1, {}};
  std::string field;
  int line = 1;
  bool quoted = false;       // inside a quoted field
  bool after_quote = false;  // a quoted field just closed; only , or a line end may follow
  bool field_started = false;
  constexpr std::size_t kProgressStep = 256 * 1024;
  std::size_t next_report = kProgressStep;

  auto end_field = [&] {
    record.fields.push_back(std::move(field));
    field.clear();
    after_quote = false;
    field_started = false;
  };
  auto end_record = [&] {
    end_field();
    if (!IsBlank(record)) records.push_back(std::move(record));
    record = CsvRecord{line, {}};
  };

  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (progress && pos >= next_report) {
      progress(pos, text.size());
      next_report += kProgressStep;
    }
    if (c == '\0') return CsvError(line, "NUL byte in the file");
    if (quoted) {
      if (c == '"') {
        if (pos + 1 < text.size() && text[pos + 1] == '"') {
          field += '"';
          ++pos;
        } else {
          quoted = false;
          after_quote = true;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == ',') {
      end_field();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') ++pos;
      ++line;
      end_record();
    } else if (after_quote) {
      return CsvError(line, "text after a closing quote (a quote inside a field must be doubled)");
    } else if (c == '"') {
      if (field_started) return CsvError(line, "a quote inside an unquoted field");
      quoted = true;
      field_started = true;
    } else {
      field += c;
      field_started = true;
    }
  }
  if (quoted)
    return CsvError(record.line, "a quoted field is not closed before the end of the file");
  if (!field.empty() || !record.fields.empty() || after_quote) end_record();
  if (progress) progress(text.size(), text.size());
  return records;
}

void RenderCsvRecord(const std::vector<std::string>& fields, std::string& out) {
  for (std::size_t idx = 0; idx < fields.size(); ++idx) {
    if (idx > 0) out += ',';
    std::string value = fields[idx];
    if (!value.empty() &&
        (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@') &&
        !(value.size() > 1 && ((value[1] >= '0' && value[1] <= '9') || value[1] == '.'))) {
      value.insert(0, 1, '\'');
    }
    const bool needs_quotes = value.find_first_of(",\"\r\n") != std::string::npos ||
                              (!value.empty() && (value.front() == ' ' || value.back() == ' '));
    if (!needs_quotes) {
      out += value;
      continue;
    }
    out += '"';
    for (const char c : value) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += "\r\n";
}

std::string TrimField(std::string_view field) {
  while (!field.empty() && (field.front() == ' ' || field.front() == '\t')) field.remove_prefix(1);
  while (!field.empty() && (field.back() == ' ' || field.back() == '\t')) field.remove_suffix(1);
  return std::string(field);
}

std::string NormaliseHeader(std::string_view name) {
  std::string out = TrimField(name);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace vigil::codec::csv
