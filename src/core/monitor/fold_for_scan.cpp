// FoldForScan: the same-length fold of a text that the lexicon's databases scan (declared in
// lexicon_matcher.hpp). Case folded where the lower-case form has the same byte length, white
// space and punctuation outside ASCII turned into spaces, ASCII punctuation kept.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "core/monitor/lexicon_matcher.hpp"
#include "core/monitor/sse_bytes.hpp"


namespace vigil::core::monitor {
namespace {

#if defined(__SSE2__)
using sse_bytes::InRange;
using sse_bytes::Splat;
#endif

// U+2019 stands for the apostrophe inside Ukrainian words (об’єм): kept as a letter rather than
// turned into a space, so that a phrase's apostrophe can match it.
constexpr UChar32 kRightQuote = 0x2019;

// The folded form of one code point, appended to `out` with exactly `length` bytes.
void AppendFolded(std::string& out, UChar32 code, int32_t length) {
  if (code != kRightQuote && (u_isUWhiteSpace(code) || u_ispunct(code))) {
    out.append(static_cast<std::size_t>(length), ' ');
    return;
  }
  UChar32 folded = u_tolower(code);
  if (U8_LENGTH(folded) != length) folded = code;
  char buffer[4];
  int32_t written = 0;
  U8_APPEND_UNSAFE(buffer, written, folded);
  out.append(buffer, static_cast<std::size_t>(written));
}

// Folded forms of every two-byte character (U+0080..U+07FF: Latin with diacritics, Greek,
// Cyrillic, Armenian, Hebrew, Arabic): the two output bytes, computed once with ICU. Posts are
// mostly ASCII and two-byte letters, so the per-character ICU calls are left for the rest.
struct TwoByteFolds {
  std::array<char, 2 * 0x800> bytes{};
  TwoByteFolds() {
    for (UChar32 code = 0x80; code < 0x800; ++code) {
      std::string out;
      AppendFolded(out, code, 2);
      bytes[static_cast<std::size_t>(code) * 2] = out[0];
      bytes[static_cast<std::size_t>(code) * 2 + 1] = out[1];
    }
  }
};

const TwoByteFolds& Folds() {
  static const TwoByteFolds folds;
  return folds;
}

#if defined(__SSE2__)
// Folds the sixteen bytes at `from` into `to` and returns how many of them, from the first, are
// folded right: all sixteen when they are ASCII and whole Cyrillic letters of U+0400..U+045F
// (leads 0xD0 and 0xD1) only, else the bytes before the first other character (or before a
// letter cut by the block's end); the bytes after those are written but not to be used. In that
// range the fold is the lower case, which moves by fixed steps: U+0410..U+041F +0x20 in the
// second byte, U+0420..U+042F to 0xD1 and -0x20, U+0400..U+040F to 0xD1 and +0x10, the rest
// unchanged.
int FoldAsciiAndCyrillic16(const char* from, char* to) {
  __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(from));
  const __m128i upper_ascii = InRange(block, 'A', 26);
  const int non_ascii = _mm_movemask_epi8(block);
  if (non_ascii == 0) {
    block = _mm_add_epi8(block, _mm_and_si128(upper_ascii, Splat(0x20)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(to), block);
    return 16;
  }
  const __m128i d0 = _mm_cmpeq_epi8(block, Splat(0xD0));
  const __m128i d1 = _mm_cmpeq_epi8(block, Splat(0xD1));
  // Second bytes: after a 0xD0 any of 0x80..0xBF, after a 0xD1 only 0x80..0x9F (U+0440..U+045F).
  const __m128i d0_trail = _mm_and_si128(_mm_slli_si128(d0, 1), InRange(block, 0x80, 0x40));
  const __m128i d1_trail = _mm_and_si128(_mm_slli_si128(d1, 1), InRange(block, 0x80, 0x20));
  const __m128i trails = _mm_or_si128(d0_trail, d1_trail);
  // Every non-ASCII byte is such a second byte or the lead before one.
  const __m128i leads = _mm_srli_si128(trails, 1);
  const int other = non_ascii & ~_mm_movemask_epi8(_mm_or_si128(trails, leads));
  const __m128i plus_20 = _mm_and_si128(d0_trail, InRange(block, 0x90, 0x10));
  const __m128i minus_20 = _mm_and_si128(d0_trail, InRange(block, 0xA0, 0x10));
  const __m128i plus_10 = _mm_and_si128(d0_trail, InRange(block, 0x80, 0x10));
  const __m128i next_lead = _mm_srli_si128(_mm_or_si128(minus_20, plus_10), 1);  // 0xD0 -> 0xD1
  __m128i delta = _mm_and_si128(_mm_or_si128(upper_ascii, plus_20), Splat(0x20));
  delta = _mm_sub_epi8(delta, _mm_and_si128(minus_20, Splat(0x20)));
  delta = _mm_add_epi8(delta, _mm_and_si128(plus_10, Splat(0x10)));
  delta = _mm_sub_epi8(delta, next_lead);  // next_lead lanes are -1
  _mm_storeu_si128(reinterpret_cast<__m128i*>(to), _mm_add_epi8(block, delta));
  return other == 0 ? 16 : std::countr_zero(static_cast<unsigned>(other));
}
#endif

}  // namespace

void FoldForScanInto(std::string_view text, std::string& out) {
  const TwoByteFolds& folds = Folds();
  out.resize(text.size());
  char* to = out.data();
  const auto length = static_cast<int32_t>(text.size());
  int32_t pos = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time as far as they are ASCII and common Cyrillic letters; any other
  // character one at a time below, then blocks again from the character after it.
  bool after_other = false;  // the block test stopped at the character at `pos`
#endif
  while (pos < length) {
#if defined(__SSE2__)
    if (!after_other && pos + 16 <= length) {
      const int folded = FoldAsciiAndCyrillic16(text.data() + pos, to + pos);
      pos += folded;
      after_other = folded < 16;
      continue;
    }
    after_other = false;
#endif
    const auto byte = static_cast<unsigned char>(text[static_cast<std::size_t>(pos)]);
    if (byte < 0x80) {
      to[pos] = (byte >= 'A' && byte <= 'Z') ? static_cast<char>(byte - 'A' + 'a') : static_cast<char>(byte);
      ++pos;
      continue;
    }
    if (byte >= 0xC2 && byte <= 0xDF && pos + 1 < length) {
      const auto next = static_cast<unsigned char>(text[static_cast<std::size_t>(pos) + 1]);
      if ((next & 0xC0) == 0x80) {
        const std::size_t code = (static_cast<std::size_t>(byte & 0x1F) << 6) | (next & 0x3F);
        to[pos] = folds.bytes[code * 2];
        to[pos + 1] = folds.bytes[code * 2 + 1];
        pos += 2;
        continue;
      }
    }
    const int32_t start = pos;
    UChar32 code = 0;
    U8_NEXT(text.data(), pos, length, code);
    std::string piece;
    if (code < 0) {
      piece.assign(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(pos - start)));
    } else {
      AppendFolded(piece, code, pos - start);
    }
    std::copy(piece.begin(), piece.end(), to + start);
  }
}

std::string FoldForScan(std::string_view text) {
  std::string out;
  FoldForScanInto(text, out);
  return out;
}

}  // namespace vigil::core::monitor
