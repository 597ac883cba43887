#include "core/monitor/normalise.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/monitor/digit_words.hpp"

namespace vigil::core::monitor {

ByteSpan MappedText::ToOriginal(std::size_t start, std::size_t end) const {
  if (start >= end) {
    const std::size_t at = start < starts_.size() ? starts_[start] : original_size_;
    return {at, at};
  }
  return {starts_[start], ends_[end - 1]};
}

void MappedText::Append(std::string_view piece, std::uint32_t original_start,
                        std::uint32_t original_end) {
  text_.append(piece);
  // Pieces are mostly one to four bytes (a folded character): push_back stays inline where a
  // ranged insert would not.
  for (std::size_t index = 0; index < piece.size(); ++index) {
    starts_.push_back(original_start);
    ends_.push_back(original_end);
  }
}

void MappedText::AppendMapped(std::string_view piece, const std::uint32_t* starts, const std::uint32_t* ends) {
  text_.append(piece);
  starts_.insert(starts_.end(), starts, starts + piece.size());
  ends_.insert(ends_.end(), ends, ends + piece.size());
}

void MappedText::AppendSlice(const MappedText& source, std::size_t start, std::size_t end) {
  text_.append(source.text_, start, end - start);
  starts_.insert(starts_.end(), source.starts_.begin() + static_cast<std::ptrdiff_t>(start),
                 source.starts_.begin() + static_cast<std::ptrdiff_t>(end));
  ends_.insert(ends_.end(), source.ends_.begin() + static_cast<std::ptrdiff_t>(start),
               source.ends_.begin() + static_cast<std::ptrdiff_t>(end));
}

void MappedText::AppendAsciiLowered(std::string_view ascii, std::uint32_t original_start) {
  const std::size_t base = text_.size();
  text_.resize(base + ascii.size());
  starts_.resize(base + ascii.size());
  ends_.resize(base + ascii.size());
  // Through raw pointers: the compiler then knows the three outputs do not alias.
  char* text = text_.data() + base;
  std::uint32_t* starts = starts_.data() + base;
  std::uint32_t* ends = ends_.data() + base;
  for (std::size_t index = 0; index < ascii.size(); ++index) {
    const char c = ascii[index];
    text[index] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    starts[index] = original_start + static_cast<std::uint32_t>(index);
    ends[index] = original_start + static_cast<std::uint32_t>(index) + 1;
  }
}

void MappedText::Clear() {
  text_.clear();
  starts_.clear();
  ends_.clear();
  original_size_ = 0;
}

void MappedText::Reserve(std::size_t bytes) {
  text_.reserve(bytes);
  starts_.reserve(bytes);
  ends_.reserve(bytes);
}

namespace {

// A cached per-character result: the character's folded (or skeleton) form, and whether
// normalisation can interact across the point just before the character.
struct CharEntry {
  bool filled = false;
  bool boundary_before = true;
  std::string form;
};

// Cache over the Basic Multilingual Plane in a flat table, other planes in a map.
class CharCache {
 public:
  CharEntry& At(UChar32 c) {
    if (c < 0x10000) {
      if (bmp_.empty()) bmp_.resize(0x10000);
      return bmp_[static_cast<std::size_t>(c)];
    }
    return other_[c];
  }

 private:
  std::vector<CharEntry> bmp_;
  std::unordered_map<UChar32, CharEntry> other_;
};

std::string ToUtf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

bool IsDroppedChar(UChar32 c) {
  if (c == '\t' || c == '\n') return false;
  const int8_t type = u_charType(c);
  return type == U_CONTROL_CHAR || type == U_FORMAT_CHAR;
}

enum class LetterScript : std::uint8_t { kNone, kLatin, kCyrillic, kGreek, kOther, kLookalikeDigit };

LetterScript ScriptOf(UChar32 c) {
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return LetterScript::kLatin;
    if (c == '0' || c == '1') return LetterScript::kLookalikeDigit;
    return LetterScript::kNone;
  }
  if (!u_isalpha(c)) return LetterScript::kNone;
  if (c >= 0x0400 && c <= 0x052F) return LetterScript::kCyrillic;
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(c, &status)) {
    case USCRIPT_LATIN: return LetterScript::kLatin;
    case USCRIPT_CYRILLIC: return LetterScript::kCyrillic;
    case USCRIPT_GREEK: return LetterScript::kGreek;
    default: return LetterScript::kOther;
  }
}

// The end of the run of printable ASCII from `pos` that Fold copies lowered: it stops before a
// control character, and one byte before a non-ASCII character (which may combine with it).
int32_t PrintableAsciiRunEnd(const uint8_t* bytes, int32_t pos, int32_t length) {
  int32_t end = pos;
#if defined(__SSE2__)
  const __m128i low = _mm_set1_epi8(0x1F);
  const __m128i high = _mm_set1_epi8(0x7F);
  for (; end + 16 <= length; end += 16) {
    // Signed compares: bytes from 0x80 on are negative, so below 0x20 as well.
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + end));
    const __m128i outside = _mm_or_si128(_mm_cmpgt_epi8(_mm_add_epi8(low, _mm_set1_epi8(1)), block),
                                         _mm_cmpeq_epi8(block, high));
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(outside));
    if (mask != 0) {
      end += std::countr_zero(mask);
      break;
    }
  }
#endif
  while (end < length && bytes[end] >= 0x20 && bytes[end] < 0x7F) ++end;
  return end < length && bytes[end] >= 0x80 ? end - 1 : end;
}

}  // namespace

struct Normaliser::Impl {
  const icu::Normalizer2* casefold = nullptr;
  USpoofChecker* spoof = nullptr;
  CharCache fold_cache;
  CharCache skeleton_cache;
  std::array<std::string, 128> ascii_skeleton;

  ~Impl() {
    if (spoof != nullptr) uspoof_close(spoof);
  }

  // The fold of a character below U+0800 as FoldShortRun reads it, filled from FoldEntry on
  // first use.
  struct ShortFold {
    std::uint8_t state = 0;  // 0 not filled yet, 1 its form fits `form`, 2 it does not
    bool boundary_before = true;
    std::uint8_t size = 0;
    char form[4] = {0, 0, 0, 0};
  };
  std::array<ShortFold, 0x800> short_folds{};

  const ShortFold& ShortFoldOf(UChar32 c) {
    ShortFold& fold = short_folds[static_cast<std::size_t>(c)];
    if (fold.state != 0) return fold;
    const CharEntry& entry = FoldEntry(c);
    fold.boundary_before = entry.boundary_before;
    fold.state = entry.form.size() <= sizeof fold.form ? 1 : 2;
    if (fold.state == 1) {
      fold.size = static_cast<std::uint8_t>(entry.form.size());
      std::copy(entry.form.begin(), entry.form.end(), fold.form);
    }
    return fold;
  }

  // FoldInto's loop for a run of two-byte characters, and ASCII characters just before one, that
  // each make a segment of their own (the character after each is ASCII, the end, or a two-byte
  // character with a boundary before it): their forms from the table, written a block at a time.
  // Returns where the run ends (`pos` when the character at `pos` is not such a character); the
  // ASCII and general paths read on from there.
  int32_t FoldShortRun(const uint8_t* bytes, int32_t pos, int32_t length, MappedText& out) {
    constexpr int kBlockChars = 64;
    char text[kBlockChars * 4];
    std::uint32_t starts[kBlockChars * 4];
    std::uint32_t ends[kBlockChars * 4];
    std::size_t filled = 0;
    int chars = 0;
    auto two_byte_at = [&](int32_t at) {
      return at + 1 < length && bytes[at] >= 0xC2 && bytes[at] <= 0xDF && (bytes[at + 1] & 0xC0) == 0x80;
    };
    auto decode = [&](int32_t at) { return static_cast<UChar32>(((bytes[at] & 0x1F) << 6) | (bytes[at + 1] & 0x3F)); };
    while (pos < length) {
      UChar32 c = bytes[pos];
      int32_t next = pos + 1;
      if (c < 0x80) {
        if (next == length || bytes[next] < 0x80) break;  // ASCII before ASCII: FoldInto's run
      } else if (two_byte_at(pos)) {
        c = decode(pos);
        next = pos + 2;
      } else {
        break;
      }
      const ShortFold& fold = ShortFoldOf(c);
      if (fold.state != 1) break;
      if (next < length && bytes[next] >= 0x80 && (!two_byte_at(next) || !ShortFoldOf(decode(next)).boundary_before)) break;
      for (std::size_t index = 0; index < fold.size; ++index) {
        text[filled] = fold.form[index];
        starts[filled] = static_cast<std::uint32_t>(pos);
        ends[filled] = static_cast<std::uint32_t>(next);
        ++filled;
      }
      pos = next;
      if (++chars == kBlockChars) {
        out.AppendMapped(std::string_view(text, filled), starts, ends);
        filled = 0;
        chars = 0;
      }
    }
    if (filled > 0) out.AppendMapped(std::string_view(text, filled), starts, ends);
    return pos;
  }

  CharEntry& FoldEntry(UChar32 c) {
    CharEntry& entry = fold_cache.At(c);
    if (entry.filled) return entry;
    entry.filled = true;
    entry.boundary_before = casefold->hasBoundaryBefore(c);
    if (IsDroppedChar(c)) return entry;
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString folded = casefold->normalize(icu::UnicodeString(c), status);
    entry.form = U_SUCCESS(status) ? ToUtf8(folded) : ToUtf8(icu::UnicodeString(c));
    return entry;
  }

  std::string ComputeSkeleton(UChar32 c) const {
    char utf8[U8_MAX_LENGTH];
    int32_t length = 0;
    U8_APPEND_UNSAFE(utf8, length, c);
    std::array<char, 64> buffer{};
    UErrorCode status = U_ZERO_ERROR;
    const int32_t size = uspoof_getSkeletonUTF8(spoof, 0, utf8, length, buffer.data(),
                                                static_cast<int32_t>(buffer.size()), &status);
    if (U_FAILURE(status)) return std::string(utf8, static_cast<std::size_t>(length));
    // Prototypes can be capitals or compatibility forms: fold them like the text.
    const icu::UnicodeString skeleton = icu::UnicodeString::fromUTF8(icu::StringPiece(buffer.data(), size));
    const icu::UnicodeString folded = casefold->normalize(skeleton, status);
    return U_SUCCESS(status) ? ToUtf8(folded) : ToUtf8(skeleton);
  }

  const std::string& SkeletonOf(UChar32 c) {
    if (c < 0x80) return ascii_skeleton[static_cast<std::size_t>(c)];
    CharEntry& entry = skeleton_cache.At(c);
    if (!entry.filled) {
      entry.filled = true;
      entry.form = ComputeSkeleton(c);
    }
    return entry.form;
  }
};

Normaliser::Normaliser(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Normaliser::~Normaliser() = default;
Normaliser::Normaliser(Normaliser&&) noexcept = default;
Normaliser& Normaliser::operator=(Normaliser&&) noexcept = default;

Result<Normaliser> Normaliser::Create() {
  auto impl = std::make_unique<Impl>();
  UErrorCode status = U_ZERO_ERROR;
  impl->casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) return MakeError(ErrorCode::kInternal, "ICU NFKC case folding data is missing");
  impl->spoof = uspoof_open(&status);
  if (U_FAILURE(status)) return MakeError(ErrorCode::kInternal, "ICU confusable data is missing");
  for (UChar32 c = 0; c < 0x80; ++c) {
    impl->ascii_skeleton[static_cast<std::size_t>(c)] =
        IsDroppedChar(c) ? std::string() : impl->ComputeSkeleton(c);
  }
  return Normaliser(std::move(impl));
}

MappedText Normaliser::Fold(std::string_view original) {
  MappedText out;
  FoldInto(original, out);
  return out;
}

void Normaliser::FoldInto(std::string_view original, MappedText& out) {
  out.Clear();
  out.SetOriginalSize(original.size());
  out.Reserve(original.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(original.data());
  const auto length = static_cast<int32_t>(original.size());
  // The character after a segment, decoded while looking for the segment's end.
  int32_t peeked_start = -1;
  int32_t peeked_end = -1;
  UChar32 peeked = 0;
  CharEntry* peeked_entry = nullptr;
  int32_t pos = 0;
  while (pos < length) {
    const uint8_t byte = bytes[pos];
    // ASCII fast path, a whole run at a time; the last ASCII byte before a non-ASCII character
    // may take a combining mark, so it goes through the general path.
    if (byte < 0x80 && (pos + 1 == length || bytes[pos + 1] < 0x80)) {
      const int32_t end = PrintableAsciiRunEnd(bytes, pos, length);
      if (end > pos) {
        out.AppendAsciiLowered(original.substr(static_cast<std::size_t>(pos), static_cast<std::size_t>(end - pos)),
                               static_cast<uint32_t>(pos));
        pos = end;
        continue;
      }
      if (!IsDroppedChar(byte)) {
        const char folded = static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
        out.Append(std::string_view(&folded, 1), static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + 1));
      }
      ++pos;
      continue;
    }
    if (byte < 0xE0) {  // most non-ASCII text (Cyrillic, Greek, Latin-1) and the ASCII before it
      const int32_t end = impl_->FoldShortRun(bytes, pos, length, out);
      if (end > pos) {
        pos = end;
        continue;
      }
    }
    const int32_t start = pos;
    UChar32 c = 0;
    CharEntry* entry = nullptr;
    if (start == peeked_start) {  // decoded already while looking for the previous boundary
      c = peeked;
      pos = peeked_end;
      entry = peeked_entry;
    } else {
      U8_NEXT(bytes, pos, length, c);
      if (c < 0) continue;  // invalid UTF-8: dropped
      entry = &impl_->FoldEntry(c);
    }
    // Extend to the next normalisation boundary: a base letter with its combining marks. ASCII
    // always starts a new segment.
    int32_t end = pos;
    bool single = true;
    while (end < length && bytes[end] >= 0x80) {
      int32_t next_pos = end;
      UChar32 next = 0;
      U8_NEXT(bytes, next_pos, length, next);
      if (next < 0) break;
      CharEntry& next_entry = impl_->FoldEntry(next);
      if (next_entry.boundary_before) {
        peeked_start = end;
        peeked_end = next_pos;
        peeked = next;
        peeked_entry = &next_entry;
        break;
      }
      end = next_pos;
      single = false;
    }
    if (single) {
      out.Append(entry->form, static_cast<uint32_t>(start), static_cast<uint32_t>(end));
    } else {
      UErrorCode status = U_ZERO_ERROR;
      const icu::UnicodeString segment = icu::UnicodeString::fromUTF8(
          icu::StringPiece(original.data() + start, end - start));
      icu::UnicodeString folded = impl_->casefold->normalize(segment, status);
      if (U_FAILURE(status)) folded = segment;
      icu::UnicodeString kept;
      for (int32_t index = 0; index < folded.length();) {
        const UChar32 part = folded.char32At(index);
        index += U16_LENGTH(part);
        if (!IsDroppedChar(part)) kept.append(part);
      }
      out.Append(ToUtf8(kept), static_cast<uint32_t>(start), static_cast<uint32_t>(end));
    }
    pos = end;
  }
}

MappedText Normaliser::Skeleton(const MappedText& folded) {
  MappedText out;
  out.SetOriginalSize(folded.original_size());
  const std::string& text = folded.text();
  out.Reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t pos = 0;
  while (pos < length) {
    const int32_t start = pos;
    UChar32 c = 0;
    U8_NEXT(bytes, pos, length, c);
    if (c < 0) continue;
    const ByteSpan source = folded.ToOriginal(static_cast<std::size_t>(start), static_cast<std::size_t>(pos));
    out.Append(impl_->SkeletonOf(c), static_cast<uint32_t>(source.start), static_cast<uint32_t>(source.end));
  }
  return out;
}

bool Normaliser::NeedsSkeleton(std::string_view folded) const {
  const auto* bytes = reinterpret_cast<const uint8_t*>(folded.data());
  const auto length = static_cast<int32_t>(folded.size());
  bool all_ascii = true;
  for (int32_t pos = 0; pos < length; ++pos) {
    if (bytes[pos] >= 0x80) {
      all_ascii = false;
      break;
    }
  }
  unsigned seen = 0;  // bit per LetterScript within the current word
  unsigned letters = 0;
  int32_t pos = 0;
  while (pos < length) {
    UChar32 c = 0;
    U8_NEXT(bytes, pos, length, c);
    const LetterScript script = c < 0 ? LetterScript::kNone : ScriptOf(c);
    if (script == LetterScript::kNone) {
      seen = letters = 0;
      continue;
    }
    if (script != LetterScript::kLookalikeDigit) ++letters;
    seen |= 1U << static_cast<unsigned>(script);
    const unsigned scripts = static_cast<unsigned>(__builtin_popcount(seen));
    // ASCII text can only mix letters with 0/1 ("z0lot0"); other text can also mix scripts.
    if (scripts >= 2 && letters > 0 && (!all_ascii || (seen & (1U << static_cast<unsigned>(LetterScript::kLookalikeDigit))))) {
      return true;
    }
  }
  return false;
}

MappedText Normaliser::DeobfuscateDigits(const MappedText& folded) const {
  return DeobfuscateDigitRuns(folded);
}

}  // namespace vigil::core::monitor
