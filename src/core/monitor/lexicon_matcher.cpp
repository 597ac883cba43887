#include "core/monitor/lexicon_matcher.hpp"

#include <hs/hs.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <thread>
#include <utility>

namespace vigil::core::monitor {
namespace {

// The database is compiled in byte mode and scans a folded copy of the text (FoldForScan) that
// has the same byte length as the original, so spans need no mapping back. UTF-8 mode, \p{L}
// classes and spelled-out case alternations all made compiling slow and the leftmost-start
// database large; in the folded copy a word boundary is one ASCII byte and case is already gone.
constexpr std::string_view kStartBoundary = R"((?:^|[^a-z0-9\x80-\xff]))";
constexpr std::string_view kEndBoundary = R"((?:$|[^a-z0-9\x80-\xff]))";
constexpr std::string_view kMidBoundary = R"([^a-z0-9\x80-\xff])";
constexpr std::string_view kLetter = R"([a-z\x80-\xff])";
constexpr std::string_view kSpace = R"((?:\s+))";
constexpr std::string_view kOneSpace = R"(\s)";

// The expressions with every kSpace as kOneSpace, or none when no expression has a kSpace. On a
// text where no two white space bytes are adjacent, `\s+` can only match one byte, so both forms
// report the same matches there.
std::vector<std::string> SingleSpaceForms(const std::vector<std::string>& expressions) {
  std::vector<std::string> out;
  bool any = false;
  for (std::string expression : expressions) {
    for (std::size_t pos = expression.find(kSpace); pos != std::string::npos; pos = expression.find(kSpace, pos)) {
      expression.replace(pos, kSpace.size(), kOneSpace);
      pos += kOneSpace.size();
      any = true;
    }
    out.push_back(std::move(expression));
  }
  if (!any) out.clear();
  return out;
}

// Whether two bytes of Vectorscan's \s ([\t\n\v\f\r ]) stand next to each other in `text`.
// Branch-free over the whole text.
bool HasWhiteSpaceRun(std::string_view text) {
  const auto space = [](unsigned char byte) {
    return static_cast<unsigned char>((byte == ' ') | (static_cast<unsigned char>(byte - '\t') <= '\r' - '\t'));
  };
  unsigned char any = 0;
  for (std::size_t pos = 0; pos + 1 < text.size(); ++pos) {
    any |= static_cast<unsigned char>(space(static_cast<unsigned char>(text[pos])) &
                                      space(static_cast<unsigned char>(text[pos + 1])));
  }
  return any != 0;
}
// U+2019 and U+02BC stand for the apostrophe inside Ukrainian words (об’єм, сім’я); a phrase's
// ASCII apostrophe matches all three (the fold keeps U+2019 as a letter: fold_for_scan.cpp).
constexpr std::string_view kApostrophes = "(?:'|\xE2\x80\x99|\xCA\xBC|`)";

std::string PhraseToRegex(const std::string& phrase) {
  std::string out = "{B}";
  bool in_space = false;
  for (char c : phrase) {
    if (c == ' ') {
      if (!in_space) out += "{S}";
      in_space = true;
      continue;
    }
    in_space = false;
    if (c == '*') {
      out += "{L}*";
    } else if (c == '\'') {
      out += kApostrophes;
    } else if (std::string_view(R"(\^$.|?+()[]{}/-)").find(c) != std::string_view::npos) {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out + "{B}";
}

void AppendUtf8(std::string& out, UChar32 code) {
  char buffer[4];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, code);
  out.append(buffer, static_cast<std::size_t>(length));
}

// Folds a pattern like the text, leaving escapes and placeholders alone. Non-ASCII characters
// inside [...] are refused: in byte mode a class holds bytes, not characters.
Result<std::string> FoldPattern(const std::string& source) {
  std::string out;
  bool in_class = false;
  int32_t pos = 0;
  const auto length = static_cast<int32_t>(source.size());
  while (pos < length) {
    const auto at = static_cast<std::size_t>(pos);
    const char c = source[at];
    if (c == '\\' && pos + 1 < length) {
      out += source.substr(at, 2);
      pos += 2;
      continue;
    }
    if (source.compare(at, 3, "{B}") == 0 || source.compare(at, 3, "{L}") == 0 ||
        source.compare(at, 3, "{S}") == 0) {
      out += source.substr(at, 3);
      pos += 3;
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x80) {
      if (!in_class && c == '[') in_class = true;
      else if (in_class && c == ']') in_class = false;
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      ++pos;
      continue;
    }
    if (in_class) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "non-ASCII characters inside [...] are not supported; use (?:a|b)",
                       "invalid-lexicon");
    }
    const int32_t start = pos;
    UChar32 code = 0;
    U8_NEXT(source.data(), pos, length, code);
    if (code < 0) {
      return MakeError(ErrorCode::kInvalidArgument, "the pattern is not valid UTF-8",
                       "invalid-lexicon");
    }
    const UChar32 lower = u_tolower(code);
    if (U8_LENGTH(lower) == pos - start) {
      AppendUtf8(out, lower);
    } else {
      out.append(source, at, static_cast<std::size_t>(pos - start));
    }
  }
  return out;
}


struct RawMatch {
  unsigned pattern;
  unsigned long long from;
  unsigned long long to;
};

int CollectMatch(unsigned id, unsigned long long from, unsigned long long to, unsigned /*flags*/,
                 void* context) {
  static_cast<std::vector<RawMatch>*>(context)->push_back({id, from, to});
  return 0;
}

bool IsSpaceByte(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// A phrase whose every word is a fixed string or a stem of word bytes followed by `*`, starting
// and ending with a word byte: its start follows from its end by walking back over its words,
// so it needs no start-tracking scan. Any other phrase (apostrophes, `*` inside a word, leading
// or trailing punctuation) gets an empty shape and is matched with start tracking.
PhraseShape ShapeOf(const std::string& phrase) {
  PhraseShape shape;
  std::size_t pos = 0;
  while (pos < phrase.size()) {
    while (pos < phrase.size() && phrase[pos] == ' ') ++pos;
    const std::size_t start = pos;
    while (pos < phrase.size() && phrase[pos] != ' ') ++pos;
    if (pos == start) break;
    std::string word = phrase.substr(start, pos - start);
    PhraseShape::Word part;
    if (word.back() == '*') {
      word.pop_back();
      part.stem = true;
    }
    if (word.empty() || word.find_first_of("*'`") != std::string::npos) return {};
    auto folded = FoldPattern(word);
    if (!folded || folded->size() != word.size()) return {};
    part.text = std::move(*folded);
    if (part.stem && !std::all_of(part.text.begin(), part.text.end(), IsFoldedWordByte)) return {};
    shape.tokens.push_back(std::move(part));
  }
  if (shape.tokens.empty() || !IsFoldedWordByte(shape.tokens.front().text.front()) ||
      (!shape.tokens.back().stem && !IsFoldedWordByte(shape.tokens.back().text.back()))) {
    return {};
  }
  return shape;
}

// The start of the phrase match that ends at `to` in `folded` (the end boundary byte, when the
// match took one, included), or nullopt when the shape is empty or the text does not fit it.
std::optional<unsigned long long> PhraseStart(const PhraseShape& shape, std::string_view folded,
                                              std::size_t to) {
  if (shape.tokens.empty() || to == 0 || to > folded.size()) return std::nullopt;
  // The phrase ends with a word byte: a non-word byte before `to` is the end boundary.
  std::size_t pos = IsFoldedWordByte(folded[to - 1]) ? to : to - 1;
  for (std::size_t idx = shape.tokens.size(); idx-- > 0;) {
    const PhraseShape::Word& word = shape.tokens[idx];
    if (idx + 1 < shape.tokens.size()) {
      const std::size_t space_end = pos;
      while (pos > 0 && IsSpaceByte(folded[pos - 1])) --pos;
      if (pos == space_end) return std::nullopt;
    }
    if (word.stem) {
      while (pos > 0 && IsFoldedWordByte(folded[pos - 1])) --pos;
    } else {
      if (pos < word.text.size()) return std::nullopt;
      pos -= word.text.size();
    }
    if (folded.compare(pos, word.text.size(), word.text) != 0) return std::nullopt;
  }
  return pos;
}


}  // namespace

Result<std::string> ExpandPattern(const LexiconPattern& pattern) {
  std::string source =
      pattern.kind == PatternKind::kPhrase ? PhraseToRegex(pattern.text) : pattern.text;
  for (std::string_view refused : {R"(\b)", R"(\B)", R"(\w)", R"(\W)", R"(\p)", R"(\P)"}) {
    if (pattern.kind == PatternKind::kRegex && source.find(refused) != std::string::npos) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "\"" + std::string(refused) +
                           "\" is not allowed (ASCII-only or too costly); use {B}, {L} or {S}",
                       "invalid-lexicon");
    }
  }
  auto folded = FoldPattern(source);
  if (!folded) return tl::unexpected(folded.error());
  source = std::move(*folded);
  std::string out;
  for (std::size_t pos = 0; pos < source.size();) {
    if (source[pos] == '\\' && pos + 1 < source.size()) {
      out += source.substr(pos, 2);
      pos += 2;
    } else if (source.compare(pos, 3, "{B}") == 0) {
      out += pos == 0 ? kStartBoundary : (pos + 3 == source.size() ? kEndBoundary : kMidBoundary);
      pos += 3;
    } else if (source.compare(pos, 3, "{L}") == 0) {
      out += kLetter;
      pos += 3;
    } else if (source.compare(pos, 3, "{S}") == 0) {
      out += kSpace;
      pos += 3;
    } else {
      out += source[pos++];
    }
  }
  return out;
}

Result<LexiconMatcher> LexiconMatcher::Build(std::vector<LexiconEntry> entries, std::string_view compiled,
                                             bool single_space_database) {
  LexiconMatcher matcher;
  std::vector<std::string> expressions;
  for (std::size_t entry_idx = 0; entry_idx < entries.size(); ++entry_idx) {
    const LexiconEntry& entry = entries[entry_idx];
    for (const auto& pattern : entry.patterns) {
      auto expanded = ExpandPattern(pattern);
      if (!expanded) {
        return MakeError(ErrorCode::kInvalidArgument,
                         entry.file + ":" + std::to_string(entry.line) + ": " + entry.id +
                             ": pattern \"" + pattern.text + "\": " + expanded.error().message,
                         "invalid-lexicon");
      }
      expressions.push_back(std::move(*expanded));
      matcher.pattern_entry_.push_back(entry_idx);
      matcher.shapes_.push_back(pattern.kind == PatternKind::kPhrase ? ShapeOf(pattern.text) : PhraseShape{});
    }
  }
  if (expressions.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "the lexicon has no patterns", "invalid-lexicon");
  }
  matcher.fingerprint_ = Fingerprint(expressions, matcher.shapes_) + (single_space_database ? "" : "-runs-only");
  matcher.has_space_runs_ =
      single_space_database && std::any_of(expressions.begin(), expressions.end(), [](const std::string& expression) {
        return expression.find(kSpace) != std::string::npos;
      });
  if (!compiled.empty() && matcher.Deserialize(compiled)) {
    matcher.entries_ = std::move(entries);
    return matcher;
  }
  // Every pattern goes into the ends-only database; the phrases whose start can be found by
  // walking back from the end (PhraseShape) stay out of the start-tracking one.
  std::vector<const char*> all_pointers, som_pointers;
  std::vector<unsigned> all_ids, som_ids;
  for (std::size_t idx = 0; idx < expressions.size(); ++idx) {
    all_pointers.push_back(expressions[idx].c_str());
    all_ids.push_back(static_cast<unsigned>(idx));
    if (matcher.shapes_[idx].tokens.empty()) {
      som_pointers.push_back(expressions[idx].c_str());
      som_ids.push_back(static_cast<unsigned>(idx));
    }
  }
  const auto compile = [&](const std::vector<const char*>& pointers, const std::vector<unsigned>& ids,
                           unsigned mode_flags, hs_database_t** target) -> Status {
    const std::vector<unsigned> flags(pointers.size(), mode_flags);
    hs_compile_error_t* compile_error = nullptr;
    if (hs_compile_multi(pointers.data(), flags.data(), ids.data(),
                         static_cast<unsigned>(pointers.size()), HS_MODE_BLOCK, nullptr, target,
                         &compile_error) == HS_SUCCESS) {
      return {};
    }
    std::string message = compile_error != nullptr ? compile_error->message : "unknown error";
    std::string where = "the lexicon";
    if (compile_error != nullptr && compile_error->expression >= 0) {
      const auto idx = static_cast<std::size_t>(ids[static_cast<std::size_t>(compile_error->expression)]);
      const LexiconEntry& entry = entries[matcher.pattern_entry_[idx]];
      where = entry.file + ":" + std::to_string(entry.line) + ": " + entry.id + ": pattern \"" +
              expressions[idx] + "\"";
    }
    hs_free_compile_error(compile_error);
    return MakeError(ErrorCode::kInvalidArgument, where + ": does not compile: " + message,
                     "invalid-lexicon");
  };
  // The two ends databases are compiled side by side (compiling is most of a cold start).
  const std::vector<std::string> single_space =
      matcher.has_space_runs_ ? SingleSpaceForms(expressions) : std::vector<std::string>{};
  Status single_done;
  std::thread single_thread;
  if (!single_space.empty()) {
    single_thread = std::thread([&] {
      std::vector<const char*> single_pointers;
      for (const std::string& expression : single_space) single_pointers.push_back(expression.c_str());
      single_done = compile(single_pointers, all_ids, 0, &matcher.ends_single_space_);
    });
  }
  Status ends_done = compile(all_pointers, all_ids, 0, &matcher.ends_);
  if (single_thread.joinable()) single_thread.join();
  if (!ends_done) return tl::unexpected(ends_done.error());
  if (!single_done) return tl::unexpected(single_done.error());
  if (!som_pointers.empty()) {
    if (auto done = compile(som_pointers, som_ids, HS_FLAG_SOM_LEFTMOST, &matcher.starts_); !done) {
      return tl::unexpected(done.error());
    }
  }
  matcher.entries_ = std::move(entries);
  return matcher;
}


Result<std::vector<LexiconHit>> LexiconMatcher::Scan(std::string_view text,
                                                     LexiconScratch& scratch) const {
  return ScanFolded(FoldForScan(text), scratch);
}

Result<std::vector<LexiconHit>> LexiconMatcher::ScanFolded(std::string_view folded,
                                                           LexiconScratch& scratch) const {
  std::vector<RawMatch> ends;
  const hs_database_t* fast =
      ends_single_space_ != nullptr && !HasWhiteSpaceRun(folded) ? ends_single_space_ : ends_;
  if (hs_scan(fast, folded.data(), static_cast<unsigned>(folded.size()), 0, scratch.scratch_,
              CollectMatch, &ends) != HS_SUCCESS) {
    return MakeError(ErrorCode::kInternal, "the Vectorscan scan failed");
  }
  if (ends.empty()) return std::vector<LexiconHit>{};
  std::vector<RawMatch> raw;
  unsigned long long needs_starts = 0;  // bytes the start-tracking scan must read (0: none)
  for (const RawMatch& match : ends) {
    const auto start = PhraseStart(shapes_[match.pattern], folded, static_cast<std::size_t>(match.to));
    if (start) {
      raw.push_back({match.pattern, *start, match.to});
    } else if (shapes_[match.pattern].tokens.empty()) {
      needs_starts = std::max(needs_starts, match.to);
    }
  }
  if (needs_starts > 0 && starts_ != nullptr &&
      hs_scan(starts_, folded.data(), static_cast<unsigned>(needs_starts), 0, scratch.scratch_,
              CollectMatch, &raw) != HS_SUCCESS) {
    return MakeError(ErrorCode::kInternal, "the Vectorscan scan failed");
  }
  std::vector<LexiconHit> hits;
  hits.reserve(raw.size());
  for (const auto& match : raw) {
    auto start = static_cast<std::size_t>(match.from);
    auto end = static_cast<std::size_t>(match.to);
    // Leading and trailing boundary bytes belong to the surroundings, not to the phrase.
    if (start < end && !IsFoldedWordByte(folded[start])) ++start;
    if (start < end && !IsFoldedWordByte(folded[end - 1])) --end;
    if (start >= end) continue;
    const std::size_t entry_idx = pattern_entry_[match.pattern];
    const LexiconEntry& entry = entries_[entry_idx];
    hits.push_back({entry_idx, entry.id, entry.indicator, entry.category, start, end});
  }
  std::sort(hits.begin(), hits.end(), [](const LexiconHit& a, const LexiconHit& b) {
    if (a.entry != b.entry) return a.entry < b.entry;
    if (a.start != b.start) return a.start < b.start;
    return a.end > b.end;
  });
  std::vector<LexiconHit> merged;
  for (const auto& hit : hits) {
    if (!merged.empty() && merged.back().entry == hit.entry && hit.start < merged.back().end) {
      merged.back().end = std::max(merged.back().end, hit.end);
      continue;
    }
    merged.push_back(hit);
  }
  std::sort(merged.begin(), merged.end(), [](const LexiconHit& a, const LexiconHit& b) {
    return a.start != b.start ? a.start < b.start : a.entry < b.entry;
  });
  return merged;
}

}  // namespace vigil::core::monitor
