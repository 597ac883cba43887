// IOM Displacement Tracking Matrix (DTM) rounds → a monthly IDP stock series ("idp-stock", in
// individuals) per admin area. Rounds come at irregular intervals; the rule that turns them into
// one value per month is documented in docs/warn.md ("IOM DTM rounds") and restated here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "codec/csv/csv_reader.hpp"
#include "core/warn/series_check.hpp"

namespace vigil::codec::csv {

struct DtmImport {
  std::vector<core::warn::ImportedSeries> series;  // one per area
  std::int64_t rows = 0;                           // data rows read
  std::int64_t rows_used = 0;                      // rows at the chosen admin level(s)
  std::int64_t rounds = 0;                         // area × operation × round stocks formed
  std::int64_t months_observed = 0;                // area-months with a round
  std::int64_t months_carried = 0;                 // area-months filled from an earlier round
  std::int64_t rounds_superseded = 0;  // rounds dropped for a later one in the same month
};

// Reads a DTM export (columns adminLevel, admin0Pcode, admin1Pcode, admin2Pcode,
// numPresentIdpInd, reportingDate, roundNumber, operation, assessmentType; an HXL row under the
// header is skipped). `admin_level` keeps only rows of that level (0, 1 or 2); nullopt keeps all.
// Area ids are the P-codes: admin0Pcode (ISO3) at level 0, admin1Pcode at 1, admin2Pcode at 2.
// The rule, per area:
//  1. a round's stock = Σ numPresentIdpInd over the rows with the same operation, assessment
//     type, round number and reporting date (DTM splits a round by reason and origin);
//  2. within one operation, a baseline assessment (BA) round replaces site assessment (SA) rounds
//     of the same month (SA counts only people in sites, a part of what BA counts);
//  3. several rounds of one operation in a month → the one with the latest reporting date
//     (then the highest round number);
//  4. the month's stock = Σ over operations (each operation follows a different crisis);
//  5. months without a round between the area's first and last round carry the last stock
//     forward, and their source says "carried forward from YYYY-MM".
// Errors (kInvalidArgument) name the line and the column.
[[nodiscard]] Result<DtmImport> ParseIomDtm(std::string_view text, std::optional<int> admin_level,
                                            const std::string& source,
                                            const CsvProgress& progress = {});

}  // namespace vigil::codec::csv
