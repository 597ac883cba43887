#include "core/monitor/masking.hpp"

#include <algorithm>

namespace vigil::core::monitor {
namespace {

constexpr std::string_view kDot = "\xE2\x80\xA2";  // "•"

std::string Dots(std::size_t count) {
  std::string out;
  for (std::size_t idx = 0; idx < count; ++idx) out += kDot;
  return out;
}

bool IsNumberType(std::string_view type) {
  return type == "phone" || type == "whatsapp" || type == "viber" || type == "signal";
}

std::string Hidden(std::string_view type) { return "[" + std::string(type) + "-hidden]"; }

// The last label of a host ("ua" of "olx.ua"), or "" when it has no dot.
std::string_view TopLevel(std::string_view host) {
  const std::size_t dot = host.rfind('.');
  return dot == std::string_view::npos ? std::string_view() : host.substr(dot + 1);
}

std::string MaskNumber(std::string_view type, std::string_view value) {
  if (value.size() < 7 || value.front() != '+') return Hidden(type);
  const std::string_view digits = value.substr(1);
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return Hidden(type);
  }
  // Leading digits show the country (and no more), the last two tell numbers apart in a list.
  const std::size_t lead = std::min<std::size_t>(3, digits.size() - 5);
  return "+" + std::string(digits.substr(0, lead)) + Dots(digits.size() - lead - 2) +
         std::string(digits.substr(digits.size() - 2));
}

std::string FirstAsciiOrDot(std::string_view text) {
  if (text.empty()) return "";
  const auto c = static_cast<unsigned char>(text.front());
  return c < 0x80 && c > 0x20 ? std::string(1, text.front()) : std::string(kDot);
}

}  // namespace

std::string MaskIdentifier(std::string_view type, std::string_view value) {
  if (IsNumberType(type)) return MaskNumber(type, value);
  if (type == "email") {
    const std::size_t at = value.rfind('@');
    if (at == std::string_view::npos) return Hidden(type);
    const std::string_view top = TopLevel(value.substr(at + 1));
    return Dots(3) + "@" + Dots(3) + (top.empty() ? "" : "." + std::string(top));
  }
  if (type == "telegram" || type == "handle") {
    const std::string_view name = !value.empty() && value.front() == '@' ? value.substr(1) : value;
    if (name.empty()) return Hidden(type);
    return "@" + FirstAsciiOrDot(name) + Dots(3);
  }
  if (type == "domain") {
    const std::size_t slash = value.find('/');
    const std::string_view top = TopLevel(value.substr(0, slash));
    if (top.empty()) return Hidden(type);
    return Dots(3) + "." + std::string(top) + (slash == std::string_view::npos ? "" : "/" + Dots(3));
  }
  return Hidden(type);
}

std::vector<IdentifierOccurrence> FindIdentifierOccurrences(IdentifierExtractor& extractor,
                                                            std::string_view field,
                                                            const std::optional<std::string>& region,
                                                            int max_passes) {
  std::string work(field);
  std::vector<IdentifierOccurrence> found;
  for (int pass = 0; pass < max_passes; ++pass) {
    bool added = false;
    for (Identifier& identifier : extractor.Extract(work, region)) {
      const ByteSpan span = identifier.span;
      if (span.start >= span.end || span.end > work.size()) continue;
      std::fill(work.begin() + static_cast<std::ptrdiff_t>(span.start),
                work.begin() + static_cast<std::ptrdiff_t>(span.end), ' ');
      found.push_back({std::string(IdentifierTypeName(identifier.type)), std::move(identifier.value), span});
      added = true;
    }
    if (!added) break;
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end > b.span.end;
  });
  std::vector<IdentifierOccurrence> out;
  for (auto& occurrence : found) {
    if (!out.empty() && occurrence.span.start < out.back().span.end) continue;
    out.push_back(std::move(occurrence));
  }
  return out;
}

std::vector<ByteSpan> LongDigitRuns(std::string_view text, std::size_t min_digits) {
  const auto digit = [&](std::size_t at) { return text[at] >= '0' && text[at] <= '9'; };
  const auto joiner = [&](std::size_t at) {
    return text[at] == ' ' || text[at] == '-' || text[at] == '.' || text[at] == '(' || text[at] == ')';
  };
  std::vector<ByteSpan> runs;
  for (std::size_t pos = 0; pos < text.size();) {
    if (!digit(pos)) {
      ++pos;
      continue;
    }
    std::size_t end = pos, last_digit = pos, digits = 0;
    while (end < text.size() && (digit(end) || joiner(end))) {
      if (digit(end)) {
        ++digits;
        last_digit = end;
      }
      ++end;
    }
    if (digits >= min_digits) runs.push_back({pos > 0 && text[pos - 1] == '+' ? pos - 1 : pos, last_digit + 1});
    pos = end;
  }
  return runs;
}

std::vector<Segment> BuildSegments(std::string_view field, std::string_view field_name,
                                   const std::vector<IdentifierOccurrence>& identifiers,
                                   const std::vector<IndicatorMatch>& indicators, bool raw) {
  struct Piece {
    ByteSpan span;
    const IdentifierOccurrence* identifier = nullptr;
    const IndicatorMatch* indicator = nullptr;  // neither: a long digit run (masked views)
  };
  std::vector<Piece> pieces;
  for (const auto& occurrence : identifiers) {
    if (occurrence.span.end <= field.size()) pieces.push_back({occurrence.span, &occurrence, nullptr});
  }
  std::vector<const IndicatorMatch*> hits;
  for (const auto& hit : indicators) {
    if (hit.field == field_name && hit.span.start < hit.span.end && hit.span.end <= field.size()) {
      hits.push_back(&hit);
    }
  }
  std::sort(hits.begin(), hits.end(),
            [](const auto* a, const auto* b) { return a->span.start < b->span.start; });
  const auto overlaps = [&pieces](const ByteSpan& span) {
    return std::any_of(pieces.begin(), pieces.end(), [&span](const Piece& piece) {
      return span.start < piece.span.end && piece.span.start < span.end;
    });
  };
  if (!raw) {
    for (const ByteSpan& run : LongDigitRuns(field)) {
      if (!overlaps(run)) pieces.push_back({run, nullptr, nullptr});
    }
  }
  for (const auto* hit : hits) {
    if (!overlaps(hit->span)) pieces.push_back({hit->span, nullptr, hit});
  }
  std::sort(pieces.begin(), pieces.end(),
            [](const Piece& a, const Piece& b) { return a.span.start < b.span.start; });

  std::vector<Segment> segments;
  std::size_t pos = 0;
  for (const Piece& piece : pieces) {
    if (piece.span.start > pos) {
      segments.push_back({Segment::Kind::kPlain, std::string(field.substr(pos, piece.span.start - pos)), "", "", ""});
    }
    const std::string_view written = field.substr(piece.span.start, piece.span.end - piece.span.start);
    if (piece.identifier != nullptr) {
      segments.push_back({Segment::Kind::kIdentifier,
                          raw ? std::string(written) : MaskIdentifier(piece.identifier->type, piece.identifier->value),
                          "", "", piece.identifier->type});
    } else if (piece.indicator != nullptr) {
      segments.push_back({Segment::Kind::kIndicator, std::string(written), piece.indicator->indicator,
                          piece.indicator->category, ""});
    } else {
      segments.push_back({Segment::Kind::kIdentifier, MaskIdentifier("number", ""), "", "", "number"});
    }
    pos = piece.span.end;
  }
  if (pos < field.size()) segments.push_back({Segment::Kind::kPlain, std::string(field.substr(pos)), "", "", ""});
  return segments;
}

std::string JoinSegments(const std::vector<Segment>& segments) {
  std::string out;
  for (const auto& segment : segments) out += segment.text;
  return out;
}

}  // namespace vigil::core::monitor
