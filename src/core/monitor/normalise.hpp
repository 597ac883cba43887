// Text normalisation for the monitor: case and compatibility folding, a confusable skeleton for
// look-alike-insensitive matching, and digit de-obfuscation for contact details. Every derived
// text keeps a map back to byte offsets in the original, so spans found on it point into the post.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/common/error.hpp"

namespace vigil::core::monitor {

// A half-open byte range [start, end).
struct ByteSpan {
  std::size_t start = 0;
  std::size_t end = 0;
  friend bool operator==(const ByteSpan&, const ByteSpan&) = default;
};

// A text derived from an original text; each byte remembers the original bytes it came from.
class MappedText {
 public:
  const std::string& text() const { return text_; }
  std::size_t original_size() const { return original_size_; }

  // The original range that produced bytes [start, end) of text(). It always covers whole source
  // characters (a folded "ﬁ" maps back to the one ligature). An empty range maps to an empty range
  // at the position of the next source character. REQUIRES: start <= end <= text().size().
  [[nodiscard]] ByteSpan ToOriginal(std::size_t start, std::size_t end) const;

  // Appends `piece`, produced by original bytes [original_start, original_end).
  void Append(std::string_view piece, std::uint32_t original_start, std::uint32_t original_end);
  // Appends printable ASCII `ascii`, lower-cased, that is original bytes from `original_start` on.
  void AppendAsciiLowered(std::string_view ascii, std::uint32_t original_start);
  // Appends `piece`, whose byte i was produced by original bytes [starts[i], ends[i]).
  void AppendMapped(std::string_view piece, const std::uint32_t* starts, const std::uint32_t* ends);
  // Appends bytes [start, end) of `source` (derived from the same original) with their map.
  void AppendSlice(const MappedText& source, std::size_t start, std::size_t end);
  void SetOriginalSize(std::size_t size) { original_size_ = static_cast<std::uint32_t>(size); }
  void Reserve(std::size_t bytes);
  // Empties the text and its map, keeping their memory.
  void Clear();

 private:
  std::string text_;
  std::vector<std::uint32_t> starts_;  // per byte of text_: start of its source piece
  std::vector<std::uint32_t> ends_;    // per byte of text_: end of its source piece
  std::uint32_t original_size_ = 0;
};

// Normalises post fields. Keeps per-character caches, so one instance per thread: NOT thread-safe.
// Movable, not copyable.
class Normaliser {
 public:
  // kInternal when ICU's normalisation or spoof data cannot be loaded.
  [[nodiscard]] static Result<Normaliser> Create();
  ~Normaliser();
  Normaliser(Normaliser&&) noexcept;
  Normaliser& operator=(Normaliser&&) noexcept;
  Normaliser(const Normaliser&) = delete;
  Normaliser& operator=(const Normaliser&) = delete;

  // NFKC case folding (full-width forms, ligatures and case collapse; "Ａ" → "a"), with format
  // characters (zero-width spaces and joiners, bidi marks, soft hyphens) and control characters
  // other than tab and newline removed. Invalid UTF-8 bytes are dropped. ASCII takes a table path;
  // other characters are folded once and cached.
  [[nodiscard]] MappedText Fold(std::string_view original);
  // Fold into `out`, replacing what it held but keeping its memory (for a caller that folds many
  // short texts, such as the identifier stage's windows).
  void FoldInto(std::string_view original, MappedText& out);

  // The confusable skeleton (ICU uspoof_getSkeleton, then NFKC case folding) of a folded text,
  // mapped to the same original: Latin and Cyrillic look-alikes give the same bytes ("pабота" and
  // "работа" match). Computed per character from a cache (ASCII from a table), so it costs about
  // as much as Fold. Matchers that compare skeletons must skeletonise their patterns too.
  [[nodiscard]] MappedText Skeleton(const MappedText& folded);

  // True when some word of the folded text mixes scripts (Latin with Cyrillic or Greek letters,
  // or letters with the digits 0 and 1): only then can a skeleton find what the folded text
  // misses. ASCII-only and single-script text answers false without further work.
  [[nodiscard]] bool NeedsSkeleton(std::string_view folded) const;

  // Contact-detail form of a folded text: digits written as words (en, uk, ru, pl; units, teens,
  // tens and hundreds, read as people dictate numbers: "сорок п'ять" → "45", "сто двадцять три"
  // → "123") become digits when at least three number tokens stand together; the look-alike
  // letters o/о → 0 and l/i/і → 1 become digits only inside a run that already holds at least four
  // digits, and only in tokens that hold a real digit, or that stand between two digit groups (one
  // look-alike, or up to four zero look-alikes: "О67 ООО 11 22"); so "ООО Ромашка" and
  // "sp. z o.o." never change. Separators inside converted runs are dropped; digit groups with
  // spaces or punctuation are left for the phone stage.
  [[nodiscard]] MappedText DeobfuscateDigits(const MappedText& folded) const;

 private:
  struct Impl;
  explicit Normaliser(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigil::core::monitor
