// IdentifierWindowFinder::Find: the field cut into tokens (ordinary words and digit tokens read
// here from 64-byte chunks, the rest by identifier_windows.cpp), then the candidate windows around
// clusters of non-inert tokens, with their margins.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "core/monitor/identifier_letter_masks.hpp"
#include "core/monitor/identifier_windows.hpp"
#include "core/monitor/identifier_windows_bytes.hpp"

namespace vigil::core::monitor {
namespace {

using namespace window_bytes;  // NOLINT(google-build-using-namespace): the pre-filter's own tables
#if defined(__SSE2__)
using letter_masks::ChunkMasks;
using letter_masks::ReadChunkMasks;
#endif

// Whether the token of `length` bytes at `bytes` holds only digits and punctuation ScanToken
// steps over ("500", "1,400", "+48", "2024."; a full stop or colon only last, before a separator
// or the field's end): ScanToken makes it a chain token of `digits` digits.
bool DigitToken(const unsigned char* bytes, std::size_t length, int& digits) {
  digits = 0;
  for (std::size_t index = 0; index < length; ++index) {
    const ByteClass cls = kByteClasses[bytes[index]];
    if (cls == kDigitByte) {
      ++digits;
    } else if (cls != kPunctByte && !(index + 1 == length && (bytes[index] == '.' || bytes[index] == ':'))) {
      return false;
    }
  }
  return true;
}

constexpr int kPhoneDigits = 7;  // the phone stage's shortest number
// The margins around a live cluster, counted from its outermost non-inert token. Before it: the
// phone rules read two words back, a handle's Telegram mention 32 bytes. After it: a phone's
// next word, an e-mail marker's right-hand word. A chain of markers ("mail dot com dot ua")
// is non-inert and so lies inside the cluster or restarts the count.
constexpr int kMarginTokensBefore = 3;
constexpr std::uint32_t kMarginBytesBefore = 32;
constexpr int kMarginTokensAfter = 2;

}  // namespace

std::size_t IdentifierWindowFinder::ScanChunk(std::string_view field, std::size_t pos) {
#if defined(__SSE2__)
  const auto* bytes = reinterpret_cast<const unsigned char*>(field.data());
  const std::size_t size = field.size();
  // Near the field's end, a copy padded with zeros (no letter, no separator).
  unsigned char padded[64];
  const unsigned char* chunk = bytes + pos;
  const std::size_t valid = std::min<std::size_t>(64, size - pos);
  if (valid < 64) {
    std::memset(padded, 0, sizeof padded);
    std::memcpy(padded, bytes + pos, valid);
    chunk = padded;
  }
  const ChunkMasks masks = ReadChunkMasks(chunk);
  const std::uint64_t in_field = valid == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << valid) - 1;
  const std::uint64_t word_bytes = masks.letters | masks.other_chars;
  const std::uint64_t token_bytes = ~masks.separators & in_field;
  // Tokens run from a byte after a separator (or the chunk's first byte, a token start or a
  // separator) to a byte before a separator or the field's last byte.
  std::uint64_t starts = token_bytes & ((masks.separators << 1) | 1);
  const std::uint64_t before_separator = masks.separators >> 1;
  const std::uint64_t last_bytes = token_bytes & (before_separator | (valid < 64 ? std::uint64_t{1} << (valid - 1) : 0));
  for (; starts != 0; starts &= starts - 1) {
    const auto first = static_cast<unsigned>(std::countr_zero(starts));
    const std::uint64_t ends_after = last_bytes >> first;
    if (ends_after == 0) {  // the token runs past the chunk: the next chunk starts with it
      if (first > 0) return pos + first;
      return ScanOneToken(field, pos);
    }
    const unsigned last = first + static_cast<unsigned>(std::countr_zero(ends_after));
    // As ScanPlainToken's ordinary word, on the masks: letters (and other two-byte word
    // characters), perhaps one punctuation byte, then a separator; a letter that is no
    // look-alike; a first character and length that rule out every number word and marker.
    const auto length = static_cast<unsigned>(std::countr_zero(~(word_bytes >> first)));
    const unsigned word_end = first + length;
    int digits = 0;
    bool ordinary = length > 0 && ((before_separator >> last) & 1) != 0 &&
                    (word_end == last + 1 || (word_end == last && kWordEnds[chunk[last]] == 2));
    if (ordinary) {
      const std::uint64_t inside = ((std::uint64_t{1} << length) - 1) << first;
      bool plain = (masks.plain & inside) != 0;
      for (std::uint64_t others = masks.other_leads & inside; others != 0 && ordinary; others &= others - 1) {
        const auto lead = static_cast<std::size_t>(std::countr_zero(others));
        const std::uint8_t flags = chars_[static_cast<std::size_t>(DecodeTwoBytes(chunk[lead], chunk[lead + 1]))].flags;
        ordinary = (flags & kWordChar) != 0;
        plain = plain || (flags & kLookalike) == 0;
      }
      // Number words and markers by first character, last folded byte and length, then by shape.
      const unsigned head = chunk[first] < 0x80 ? chunk[first] : DecodeTwoBytes(chunk[first], chunk[first + 1]);
      const unsigned char tail =
          chunk[word_end - 1] < 0x80 ? LowerAscii(chunk[word_end - 1])
                                     : chars_[static_cast<std::size_t>(DecodeTwoBytes(chunk[word_end - 2], chunk[word_end - 1]))].folded[1];
      const bool may_be_special = (((special_lengths_[head] & special_ends_[tail]) >> length) & 1) != 0;
      if (ordinary && plain && may_be_special && SpecialShape(field, chunk + first, pos + first, length)) {
        // Likely a number word or marker: classified here as ScanPlainToken would (EndWord's
        // checks all pass), without reading the word again.
        Token token{static_cast<std::uint32_t>(pos + first), static_cast<std::uint32_t>(pos + last + 1),
                    TokenKind::kInert, false, false, false, 0};
        ClassifyWord(field, pos + first, pos + word_end, true, token);
        if (token.kind != TokenKind::kLive && (token.digits > 0 || !token.ordinary)) token.kind = TokenKind::kChain;
        if (token.kind != TokenKind::kInert) marked_.push_back(static_cast<std::uint32_t>(tokens_.size()));
        tokens_.push_back(token);
        continue;
      }
      ordinary = ordinary && plain;
    }
    if (ordinary) {
      tokens_.push_back(Token{static_cast<std::uint32_t>(pos + first), static_cast<std::uint32_t>(pos + last + 1),
                              TokenKind::kInert, true, false, false, 0});
    } else if (DigitToken(chunk + first, last - first + 1, digits)) {
      marked_.push_back(static_cast<std::uint32_t>(tokens_.size()));
      tokens_.push_back(Token{static_cast<std::uint32_t>(pos + first), static_cast<std::uint32_t>(pos + last + 1),
                              TokenKind::kChain, false, false, false, digits});
    } else {
      ScanOneToken(field, pos + first);
    }
  }
  return pos + valid;
#else
  (void)field;
  return pos;
#endif
}

std::size_t IdentifierWindowFinder::ScanOneToken(std::string_view field, std::size_t start) {
  Token& token = tokens_.emplace_back();
  if (!ScanPlainToken(field, start, token)) ScanToken(field, start, token);
  if (token.kind != TokenKind::kInert) marked_.push_back(static_cast<std::uint32_t>(tokens_.size() - 1));
  return token.end;
}

std::size_t IdentifierWindowFinder::ExpandLeft(std::size_t first) const {
  int inert = 0;
  std::uint32_t anchor = tokens_[first].start;
  for (std::size_t index = first; index-- > 0;) {
    const Token& token = tokens_[index];
    if (token.kind != TokenKind::kInert) {
      inert = 0;
      anchor = token.start;
    } else if (++inert >= kMarginTokensBefore && anchor - token.start >= kMarginBytesBefore) {
      return token.start;
    }
  }
  return 0;
}

std::size_t IdentifierWindowFinder::ExpandRight(std::size_t last) const {
  int inert = 0;
  for (std::size_t index = last + 1; index < tokens_.size(); ++index) {
    const Token& token = tokens_[index];
    if (token.kind != TokenKind::kInert) {
      inert = 0;
    } else if (++inert >= kMarginTokensAfter) {
      return token.end;
    }
  }
  return std::string_view::npos;
}

const std::vector<CandidateWindow>& IdentifierWindowFinder::Find(std::string_view field) {
  tokens_.clear();
  marked_.clear();
  windows_.clear();
  if (field.size() > UINT32_MAX) {  // token offsets are 32-bit: such a field is searched whole
    windows_.push_back({{0, field.size()}, true, true});
    return windows_;
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(field.data());
  std::size_t pos = 0;
  while (pos < field.size()) {
    // Most tokens are one word of letters, perhaps with a comma or full stop: read a chunk's
    // worth at once.
    if (plain_masks_) {
      pos = ScanChunk(field, pos);
      continue;
    }
    if (IsSeparator(bytes[pos])) {
      ++pos;
      continue;
    }
    pos = ScanOneToken(field, pos);
  }
  // Clusters: runs of consecutive non-inert tokens, found from their indices alone.
  for (std::size_t mark = 0; mark < marked_.size();) {
    const std::size_t first = marked_[mark];
    std::size_t after = first;
    bool live = false;
    int digits = 0;
    for (; mark < marked_.size() && marked_[mark] == after; ++mark, ++after) {
      live = live || tokens_[after].kind == TokenKind::kLive;
      digits += tokens_[after].digits;
    }
    if (live || digits >= kPhoneDigits) {
      const std::size_t start = ExpandLeft(first);
      const std::size_t right = ExpandRight(after - 1);
      const std::size_t end = right == std::string_view::npos ? field.size() : right;
      CandidateWindow window{{start, end}, false, false};
      auto add = [&](const Token& token) {
        window.digits_may_change = window.digits_may_change || token.convertible;
        window.emails_possible = window.emails_possible || token.email_mark;
      };
      for (std::size_t index = first; index > 0 && tokens_[index - 1].start >= start; --index) add(tokens_[index - 1]);
      for (std::size_t index = first; index < tokens_.size() && tokens_[index].end <= end; ++index) add(tokens_[index]);
      if (!windows_.empty() && start <= windows_.back().span.end) {
        CandidateWindow& last = windows_.back();
        last.span.end = std::max(last.span.end, end);
        last.digits_may_change = last.digits_may_change || window.digits_may_change;
        last.emails_possible = last.emails_possible || window.emails_possible;
      } else {
        windows_.push_back(window);
      }
    }
  }
  return windows_;
}

}  // namespace vigil::core::monitor
