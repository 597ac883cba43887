// The identifier stage's pre-filter: one pass over a post field's raw bytes finds the windows that
// may hold a contact identifier, so folding, digit de-obfuscation and the finders run on those
// windows only, and a field without a candidate costs that one pass (no ICU, no allocation).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"
#include "core/monitor/normalise.hpp"

namespace vigil::core::monitor {

// A byte range of a field that may hold identifiers.
struct CandidateWindow {
  ByteSpan span;
  // False when no token in it holds a number word, a look-alike letter (o, l, i, о, і) next to
  // digits only, or a character the pre-filter does not know: digit de-obfuscation then leaves
  // the window's fold as it is.
  bool digits_may_change = true;
  // False when no token in it holds an "@", an e-mail marker ("(at)", "[.]", "собака") or a
  // character the pre-filter does not know: then its fold holds no "@" and no e-mail or handle.
  bool emails_possible = true;
};

// Finds candidate windows. Keeps scratch space: NOT thread-safe (one per IdentifierExtractor).
//
// A field is split into tokens at spaces, tabs and newlines. A token is *inert* when it holds
// only letters whose folded form is known and ASCII-free (Latin, Cyrillic, Greek … up to U+07FF)
// and light punctuation, and every word in it is an ordinary word: not a number word, not a
// look-alike of digits ("o", "і"), not an e-mail marker ("собака", "dot"). No identifier rule can
// produce anything from an inert token, and digit runs and number-word runs stop at one. The other
// tokens form clusters; a cluster is *live* when it holds an "@", a dot before an ASCII letter or
// digit, "://", a bracketed marker ("(at)", "[.]"), an "@" written as a word, a character the
// table does not know (folding may turn it into anything), or enough digits, look-alikes and
// number words for a phone (7). Each live cluster gets a window reaching over three inert tokens
// and 32 bytes before it and two inert tokens after it — what the context rules read: two words
// before a number and one after, 32 bytes before a handle, one word on either side of an e-mail
// marker (a chain of markers, "mail dot com dot ua", is non-inert itself) — and windows that
// touch merge. Windows start and end at token boundaries next to ASCII whitespace, where folding
// cannot join characters, so each window folds to the matching slice of the whole field's fold.
class IdentifierWindowFinder {
 public:
  // Builds the per-character table with `normaliser` (each character of U+0080–U+07FF folded
  // once). kInternal when folding fails.
  [[nodiscard]] static Result<IdentifierWindowFinder> Create(Normaliser& normaliser);

  // The candidate windows of `field`, ascending and disjoint, as byte ranges of `field`; empty
  // when nothing in it can be an identifier. The reference stays valid until the next call.
  [[nodiscard]] const std::vector<CandidateWindow>& Find(std::string_view field);

 private:
  // The bytes that separate tokens.
  static bool IsSeparator(unsigned char byte) { return byte == ' ' || byte == '\n' || byte == '\t'; }

  // What a two-byte character is to the pre-filter; `flags` 0 for characters it does not know.
  struct CharInfo {
    std::uint8_t flags = 0;
    std::uint8_t folded[2] = {0, 0};  // its fold (two bytes) when known
  };
  // Ordered: a token's kind only rises while it is read.
  enum class TokenKind : std::uint8_t { kInert, kChain, kLive };
  struct Token {
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    TokenKind kind = TokenKind::kInert;
    bool ordinary = false;     // holds an ordinary word (no number word, look-alike or marker)
    bool convertible = false;  // digit de-obfuscation may change it (see CandidateWindow)
    bool email_mark = false;   // an "@", an e-mail marker or an unknown character
    int digits = 0;         // digits, look-alike letters and number-word digits it may contribute
  };
  // Number words and markers are at most this long (folded bytes); longer words are ordinary.
  static constexpr std::size_t kMaxSpecialWord = 48;

  IdentifierWindowFinder() = default;
  // Reads the token starting at `start` (not a separator), up to the next separator, into `token`.
  void ScanToken(std::string_view field, std::size_t start, Token& token) const;
  // ScanToken's result for a token that is one word of ASCII letters and Cyrillic (leads 0xD0,
  // 0xD1), perhaps followed by one punctuation byte, read sixteen bytes at once; false (token
  // untouched or partly set) for any other token or too near the field's end.
  bool ScanPlainToken(std::string_view field, std::size_t start, Token& token) const;
  // Appends to tokens_ (and marked_) the tokens that start in the 64 bytes from `pos` (a token
  // start or a separator) and end there: ordinary words, digit tokens and likely number words
  // straight from the chunk's masks (with what ScanPlainToken and ScanToken would record), the
  // others through ScanOneToken; returns the position after them, or the start of a token that
  // runs past the chunk. Requires plain_masks_ (and SSE2).
  std::size_t ScanChunk(std::string_view field, std::size_t pos);
  // Appends the token at `start` (not a separator), read by ScanPlainToken or ScanToken, marking it
  // when it is not inert; returns its end.
  std::size_t ScanOneToken(std::string_view field, std::size_t start);
  // Whether the plain word [start, start + length) of `field` (3 to kMaxSpecialWord bytes; `word`
  // points at it, four bytes readable) has a number word's or marker's WordShapeKey.
  [[nodiscard]] bool SpecialShape(std::string_view field, const unsigned char* word, std::size_t start,
                                  std::size_t length) const;
  // Records in `token` what the word [start, end) of `field` is, as ClassifyWord, with the cheap
  // checks first: most words are ordinary.
  void EndWord(std::string_view field, std::size_t start, std::size_t end, bool plain, Token& token) const;
  // False when no number word or marker starts with the fold of the word's first character (known,
  // at least two bytes long when not ASCII) and has its length.
  [[nodiscard]] bool MayBeSpecialStart(const unsigned char* word, std::size_t length) const;
  // WordShapeKey of the fold of the word [start, end) of `field` (known characters, at least two
  // bytes), from its first four and last two folded bytes.
  [[nodiscard]] std::uint16_t ShapeKey(std::string_view field, std::size_t start, std::size_t end) const;
  // Folds the word at [start, end) of `field` (ASCII and known characters only) into `out`;
  // returns its length.
  std::size_t FoldWord(std::string_view field, std::size_t start, std::size_t end, char* out) const;
  // Records in `token` what the word [start, end) of `field` is; `plain` when it holds a letter
  // that is no look-alike.
  void ClassifyWord(std::string_view field, std::size_t start, std::size_t end, bool plain, Token& token) const;
  std::size_t ExpandLeft(std::size_t first) const;
  std::size_t ExpandRight(std::size_t last) const;

  std::array<CharInfo, 0x800> chars_{};  // by code point
  std::vector<bool> special_words_;      // WordShapeKey of the number words and markers
  std::vector<bool> special_starts_;     // by (first character, length) of the same
  bool cyrillic_letters_ = false;        // U+0400–U+047F are all known word characters
  bool plain_masks_ = false;             // ... and only О о І і among them are look-alikes (SSE2 builds)
  // By a word's raw first character (code point below U+0800): bit n set when a number word or
  // marker of n bytes (3 to kMaxSpecialWord) starts with its fold. 0 for unknown characters.
  std::array<std::uint64_t, 0x800> special_lengths_{};
  // By a word's last folded byte: bit n set when a number word or marker of n bytes ends with it.
  std::array<std::uint64_t, 256> special_ends_{};
  std::vector<Token> tokens_;            // scratch
  std::vector<std::uint32_t> marked_;    // scratch: the indices of the non-inert tokens, ascending
  std::vector<CandidateWindow> windows_;  // scratch, returned by Find
};

}  // namespace vigil::core::monitor
