// An RFC 4180 CSV reader: quoted fields with commas, doubled quotes and line breaks inside
// quotes, CRLF or LF line ends, a UTF-8 byte-order mark. Each record keeps the physical line it
// starts on so that importers can name rows in their errors.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"

namespace vigil::codec::csv {

struct CsvRecord {
  int line = 0;  // 1-based physical line where the record starts
  std::vector<std::string> fields;
};

// Called now and then while reading (bytes consumed, total bytes) so long files can show progress.
using CsvProgress = std::function<void(std::size_t, std::size_t)>;

// Parses the whole text. Blank lines (outside quotes) are skipped. Errors (kInvalidArgument,
// reason "invalid-csv") name the line: a quote inside an unquoted field, text after a closing
// quote, a quoted field still open at the end of the file, a NUL byte.
[[nodiscard]] Result<std::vector<CsvRecord>> ParseCsv(std::string_view text,
                                                      const CsvProgress& progress = {});

// Writes one record, quoting fields that hold a comma, a quote, CR or LF, or leading/trailing
// spaces; a field that starts with =, +, - or @ followed by a non-digit is prefixed with ' so that
// spreadsheets do not run it as a formula. Ends with CRLF (RFC 4180).
void RenderCsvRecord(const std::vector<std::string>& fields, std::string& out);

// A field with surrounding spaces and tabs removed.
[[nodiscard]] std::string TrimField(std::string_view field);

// Lower-cased header name with surrounding spaces removed (for matching column names).
[[nodiscard]] std::string NormaliseHeader(std::string_view name);

}  // namespace vigil::codec::csv
