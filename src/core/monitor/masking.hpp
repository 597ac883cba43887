// Showing posts without their contact details: masked forms of identifiers, every occurrence of
// every identifier in a field (the extractor reports each value once), and a field cut into
// plain, lure-phrase and identifier segments for the review queue.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/monitor/identifiers.hpp"
#include "core/monitor/pipeline.hpp"

namespace vigil::core::monitor {

// A display form that never holds the raw value: phones (and WhatsApp/Viber/Signal numbers) keep
// the "+" and up to three leading digits and the last two ("+380•••••••67"); e-mails keep only the
// top-level domain ("•••@•••.com"); Telegram names and handles their first character ("@i•••");
// domains their top-level domain ("•••.ua/•••"); anything else "[TYPE hidden]". Never contains
// a space, so a masked value stays one word in a template.
[[nodiscard]] std::string MaskIdentifier(std::string_view type, std::string_view value);

// One place where an identifier is written in a field.
struct IdentifierOccurrence {
  std::string type;   // IdentifierTypeName
  std::string value;  // normalised
  ByteSpan span;
};

// Every occurrence of every identifier in `field`, ordered by start, not overlapping. Found by
// extracting, blanking what was found (same length, so offsets hold) and extracting again, at most
// `max_passes` times.
[[nodiscard]] std::vector<IdentifierOccurrence> FindIdentifierOccurrences(
    IdentifierExtractor& extractor, std::string_view field,
    const std::optional<std::string>& region, int max_passes = 32);

// Runs of at least `min_digits` digits, with spaces, dots, dashes or brackets between them (and a
// "+" just before): how a phone number looks even when the phone stage did not accept it (a range
// its metadata does not know, a typo). Masked views hide these too; prices ("1 500") stay.
[[nodiscard]] std::vector<ByteSpan> LongDigitRuns(std::string_view text, std::size_t min_digits = 7);

struct Segment {
  enum class Kind { kPlain, kIndicator, kIdentifier };
  Kind kind = Kind::kPlain;
  std::string text;       // an identifier's masked value unless raw
  std::string indicator;  // kIndicator: the lure indicator id
  std::string category;   // kIndicator
  std::string type;       // kIdentifier
};

// `field` cut into segments: identifiers (masked unless `raw`) win over lure phrases that overlap
// them; of overlapping phrases the first wins. Unless `raw`, LongDigitRuns outside identifiers
// become identifier segments of type "number" ("[number hidden]"). `indicators` may hold hits of other fields: only
// those with `field_name` are used. Concatenating the segments' text gives the field with its
// identifiers masked (or the field itself when `raw`).
[[nodiscard]] std::vector<Segment> BuildSegments(std::string_view field, std::string_view field_name,
                                                 const std::vector<IdentifierOccurrence>& identifiers,
                                                 const std::vector<IndicatorMatch>& indicators,
                                                 bool raw);

// The segments' texts joined.
[[nodiscard]] std::string JoinSegments(const std::vector<Segment>& segments);

}  // namespace vigil::core::monitor
