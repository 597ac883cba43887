// Scans a post's text for every lexicon entry at once: all patterns are compiled into ONE
// Vectorscan database (block mode) that reports where matches end, so a scan costs one pass over
// the text however many entries there are. Tracking match starts makes a database ~2.5x slower
// and far slower to compile, so starts are found another way: a phrase whose words are fixed
// strings or stems (almost all of them) has its start found by walking back over its words from
// the end; only regular expressions and irregular phrases go into a second, start-tracking
// database, scanned (up to the last end) only when one of them matched. Case and punctuation are
// folded in a same-length copy of the text, so spans are byte offsets into the original.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"
#include "core/monitor/lexicon.hpp"

struct hs_database;
struct hs_scratch;

namespace vigil::core::monitor {

struct LexiconHit {
  std::size_t entry = 0;  // index into LexiconMatcher::entries()
  std::string_view entry_id;
  std::string_view indicator;
  std::string_view category;
  std::size_t start = 0;  // byte offsets into the scanned text, [start, end)
  std::size_t end = 0;
};

// The words of a phrase pattern, for finding a match's start from its end (internal).
struct PhraseShape {
  struct Word {
    std::string text;   // folded
    bool stem = false;  // `text*`: the word may go on with more letters
  };
  std::vector<Word> tokens;  // empty: the start needs the start-tracking database
};

// Per-thread scan memory. Create one per thread with LexiconMatcher::NewScratch().
class LexiconScratch {
 public:
  LexiconScratch() = default;
  LexiconScratch(LexiconScratch&&) noexcept;
  LexiconScratch& operator=(LexiconScratch&&) noexcept;
  ~LexiconScratch();

 private:
  friend class LexiconMatcher;
  hs_scratch* scratch_ = nullptr;
};

// A copy of `text` with exactly the same byte length: letters lower-cased where the lower case has
// the same UTF-8 length (ASCII, Cyrillic, Latin with diacritics), white space and punctuation
// (NBSP, «», „“, dashes, …; not U+2019, an apostrophe in Ukrainian words) replaced by as many
// ASCII spaces as they had bytes; invalid UTF-8 bytes copied unchanged. This is what the
// database scans.
[[nodiscard]] std::string FoldForScan(std::string_view text);
// True for the bytes that make words in folded text: ASCII letters and digits, and every byte of
// a non-ASCII character (the fold turned punctuation into spaces).
[[nodiscard]] inline bool IsFoldedWordByte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x80 || (byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9');
}

// IsFoldedWordByte's ASCII part for eight bytes at once: bit 7 set in each byte of `chunk` that is
// 'a'..'z' or '0'..'9', clear in every other byte (those from 0x80 included). Bit 7 of
// (b & 0x7F) + 0x1F is set from 'a' on, of + 0x05 from '{' on, of + 0x50 from '0' on, of + 0x46
// from ':' on; no byte carries into the next.
[[nodiscard]] inline std::uint64_t AsciiAlnumFlags(std::uint64_t chunk) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  const std::uint64_t low = chunk & ~kHigh;
  const std::uint64_t letter = (low + kOnes * 0x1F) & ~(low + kOnes * 0x05);
  const std::uint64_t digit = (low + kOnes * 0x50) & ~(low + kOnes * 0x46);
  return (letter | digit) & ~chunk & kHigh;
}

// FoldForScan into `out` (resized to text.size()), reusing its memory.
void FoldForScanInto(std::string_view text, std::string& out);

// Expands a pattern to the Vectorscan expression that is compiled (placeholders replaced, phrases
// escaped and wrapped in word boundaries). kInvalidArgument when the pattern uses a construct the
// lexicon refuses (\b, \B, \w, \W, \p, \P).
[[nodiscard]] Result<std::string> ExpandPattern(const LexiconPattern& pattern);

class LexiconMatcher {
 public:
  // Compiles every pattern of `entries` into one database. kInvalidArgument (reason
  // "invalid-lexicon") names the file, line, entry and pattern that does not compile; the entries
  // are not validated here (see ValidateLexicon). `compiled`, when given, is an earlier
  // Serialize() output: it is used instead of compiling (about a second) when it was made from
  // the same patterns by the same Vectorscan on this kind of processor, and ignored otherwise.
  // `single_space_database` adds the faster database for texts without white space runs (see
  // ends_single_space_); a matcher that scans few texts can do without its compiling time.
  [[nodiscard]] static Result<LexiconMatcher> Build(std::vector<LexiconEntry> entries,
                                                    std::string_view compiled = {},
                                                    bool single_space_database = true);

  // The compiled databases with a fingerprint of the patterns, for Build's `compiled`.
  [[nodiscard]] std::string Serialize() const;
  // True when Build used its `compiled` argument instead of compiling.
  bool reused() const { return reused_; }

  LexiconMatcher(LexiconMatcher&&) noexcept;
  LexiconMatcher& operator=(LexiconMatcher&&) noexcept;
  ~LexiconMatcher();

  // Scan memory for one thread; kInternal when Vectorscan cannot allocate it.
  [[nodiscard]] Result<LexiconScratch> NewScratch() const;

  // The hits of every entry in `text`, ordered by start then entry; overlapping hits of one
  // entry are merged into the leftmost. Spans exclude the boundary characters around a phrase.
  // kInvalidArgument when `text` is not valid UTF-8 (repair it first). Thread-safe when each
  // thread passes its own scratch. The hits point into entries(): they live as long as `*this`.
  [[nodiscard]] Result<std::vector<LexiconHit>> Scan(std::string_view text,
                                                     LexiconScratch& scratch) const;
  // Scan of a text already folded by FoldForScan (callers that fold once for several stages).
  [[nodiscard]] Result<std::vector<LexiconHit>> ScanFolded(std::string_view folded,
                                                           LexiconScratch& scratch) const;

  const std::vector<LexiconEntry>& entries() const { return entries_; }
  std::size_t pattern_count() const { return pattern_entry_.size(); }

 private:
  LexiconMatcher() = default;
  // Loads Serialize() output made for fingerprint_; false (nothing changed) when it does not fit.
  bool Deserialize(std::string_view compiled);
  static std::string Fingerprint(const std::vector<std::string>& expressions,
                                 const std::vector<PhraseShape>& shapes);

  std::vector<LexiconEntry> entries_;
  std::vector<std::size_t> pattern_entry_;  // expression id -> entry index
  std::vector<PhraseShape> shapes_;         // expression id -> its words (empty: not walkable)
  std::string fingerprint_;                 // of the expressions and shapes (Serialize)
  bool reused_ = false;
  bool has_space_runs_ = false;    // ends_single_space_ wanted and some expression has a run
  hs_database* ends_ = nullptr;    // every pattern, match ends only (the fast scan)
  hs_database* starts_ = nullptr;  // patterns without a shape, leftmost starts (or none)
  // ends_ with each run of white space ("(?:\s+)", from a phrase's space or {S}) as one white
  // space byte: on a text without two white space bytes in a row (most posts) it reports the same
  // matches, about twice as fast (a repeat costs Vectorscan more than the rest of a phrase). None
  // when no pattern has such a run.
  hs_database* ends_single_space_ = nullptr;
};

}  // namespace vigil::core::monitor
