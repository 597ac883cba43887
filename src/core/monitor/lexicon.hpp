// The lure lexicon: phrases and patterns that mark deceptive recruitment offers, one entry per
// language and lure, each with its indicator, category, weight, source and test sentences. Read
// from data/monitor/lexicon/*.yaml by codec/yaml; checked here so every reader gets the same rules.
#pragma once

#include <string>
#include <vector>

#include "core/common/error.hpp"

namespace vigil::core::monitor {

// How a pattern is written in the lexicon.
enum class PatternKind {
  // A literal phrase. Matching is caseless; a space matches any run of white space; a `*` at the
  // end of a word matches the rest of that word (a stem, e.g. "молод*"); an apostrophe matches
  // ' ’ ʼ and `; the phrase must start and end at word boundaries.
  kPhrase,
  // A Vectorscan regular expression in byte mode, matched against the folded text (lower case,
  // punctuation as spaces; see FoldForScan), with three placeholders expanded before compiling:
  // {B} a word boundary (start or end of text, or an ASCII non-alphanumeric byte), {L} one
  // letter byte (ASCII letter or any byte of a non-ASCII character), {S} a run of white space.
  // `\b`, `\w` and `\p{…}` are refused (ASCII-only or too costly), and so are non-ASCII
  // characters inside [...] (a class holds bytes); write (?:ą|ę) instead.
  kRegex,
};

struct LexiconPattern {
  PatternKind kind = PatternKind::kPhrase;
  std::string text;
};

struct LexiconEntry {
  std::string id;         // unique across the lexicon, e.g. "uk.pay-unrealistic"
  std::string language;   // BCP 47 primary tag of the file, e.g. "uk"
  std::string indicator;  // lure indicator id, one of LureIndicators()
  std::string category;   // the indicator's category (fixed by LureIndicators())
  std::vector<std::string> ilo;  // ILO 2009 indicator ids the lure relates to (may be empty)
  double weight = 0.0;           // points a hit adds to a post's risk, (0, 10]
  std::string source;            // where the lure is described (reference section or document)
  std::string verification;      // "unverified" until checked against real posts
  std::vector<LexiconPattern> patterns;
  std::vector<std::string> match;     // sentences that must match this entry
  std::vector<std::string> no_match;  // sentences that must not match this entry
  std::string file;  // where the entry was read, for error messages
  int line = 0;
};

struct LureIndicator {
  const char* id;
  const char* category;
  const char* description;
};

// The lure indicators the lexicon may use, each with its fixed category (issue 5, reference
// monitoring.md §3.4). Categories group indicators for the per-category caps of the risk score.
[[nodiscard]] const std::vector<LureIndicator>& LureIndicators();

// Checks every entry: id unique and non-empty, indicator known and category equal to the
// indicator's, ILO ids shaped like "DR-02", weight in (0, 10], source non-empty, verification
// "verified" or "unverified", at least one pattern, one match and one no_match sentence.
// kInvalidArgument (reason "invalid-lexicon") lists every problem as "<file>:<line>: <id>: …".
[[nodiscard]] Status ValidateLexicon(const std::vector<LexiconEntry>& entries);

}  // namespace vigil::core::monitor
