#include "core/monitor/identifier_windows.hpp"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <algorithm>
#include <string>

#include "core/monitor/digit_words.hpp"

namespace vigil::core::monitor {
namespace {

// CharInfo flags.
constexpr std::uint8_t kKnown = 1;      // folds to one known, ASCII-free two-byte character
constexpr std::uint8_t kWordChar = 2;   // its fold is a letter or digit (a word character)
constexpr std::uint8_t kLetter = 4;     // its fold is a letter (an apostrophe before it joins)
constexpr std::uint8_t kLookalike = 8;  // its fold is Cyrillic о or Ukrainian і

constexpr int kPhoneDigits = 7;          // the phone stage's shortest number
constexpr int kMarginTokens = 4;         // inert tokens on either side of a live cluster
constexpr std::uint32_t kMarginBytes = 64;

bool IsSeparator(unsigned char byte) { return byte == ' ' || byte == '\n' || byte == '\t'; }
bool IsAsciiAlnum(unsigned char byte) {
  return (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z');
}

UChar32 DecodeTwoBytes(unsigned char lead, unsigned char trail) {
  return static_cast<UChar32>(((lead & 0x1F) << 6) | (trail & 0x3F));
}

// The e-mail markers written as words (folded): those for "@" may create an address by
// themselves, those for "." matter only near an "@" (see UnmaskEmails).
struct MarkerWord {
  std::string_view text;
  bool at;
};
constexpr MarkerWord kMarkerWords[] = {{"собака", true}, {"małpa", true}, {"malpa", true}, {"равлик", true},
                                       {"dot", false},   {"точка", false}, {"крапка", false}, {"kropka", false}};

// One word of a token (letters and digits, with apostrophes between letters) while it is read:
// its folded length and first and last two folded bytes, enough to rule out number words and
// markers without folding it.
struct WordShape {
  std::size_t start = 0;   // in the field
  std::size_t length = 0;  // folded bytes
  unsigned char head[2] = {0, 0};
  unsigned char tail[2] = {0, 0};
  bool digit_like = true;  // only digits and look-alike letters
  int lookalikes = 0;

  void Add(unsigned char byte) {
    if (length < 2) head[length] = byte;
    tail[0] = tail[1];
    tail[1] = byte;
    ++length;
  }
};

}  // namespace

Result<IdentifierWindowFinder> IdentifierWindowFinder::Create(Normaliser& normaliser) {
  IdentifierWindowFinder finder;
  for (UChar32 code = 0x80; code < 0x800; ++code) {
    const char bytes[2] = {static_cast<char>(0xC0 | (code >> 6)), static_cast<char>(0x80 | (code & 0x3F))};
    const MappedText folded = normaliser.Fold(std::string_view(bytes, 2));
    const std::string& text = folded.text();
    // Characters that fold to ASCII, change length, vanish, or may combine with a neighbour are
    // left unknown: a token holding one is always looked at with the real fold.
    if (text.size() != 2 || static_cast<unsigned char>(text[0]) < 0xC2 || static_cast<unsigned char>(text[0]) > 0xDF ||
        u_getCombiningClass(code) != 0 || u_getIntPropertyValue(code, UCHAR_NFKC_QUICK_CHECK) != UNORM_YES) {
      continue;
    }
    const UChar32 target = DecodeTwoBytes(static_cast<unsigned char>(text[0]), static_cast<unsigned char>(text[1]));
    if (u_getCombiningClass(target) != 0) continue;
    CharInfo& info = finder.chars_[static_cast<std::size_t>(code)];
    info.flags = kKnown;
    if (u_isalnum(target)) info.flags |= kWordChar;
    if (u_isalpha(target)) info.flags |= kLetter;
    if (target == 0x043E || target == 0x0456) info.flags |= kLookalike;
    info.folded[0] = static_cast<std::uint8_t>(text[0]);
    info.folded[1] = static_cast<std::uint8_t>(text[1]);
  }
  return finder;
}

std::size_t IdentifierWindowFinder::FoldWord(std::string_view field, std::size_t start, std::size_t end,
                                             char* out) const {
  std::size_t length = 0;
  for (std::size_t pos = start; pos < end; ++pos) {
    const auto byte = static_cast<unsigned char>(field[pos]);
    if (byte < 0x80) {
      out[length++] = static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
    } else {
      const CharInfo& info = chars_[static_cast<std::size_t>(DecodeTwoBytes(byte, static_cast<unsigned char>(field[++pos])))];
      out[length++] = static_cast<char>(info.folded[0]);
      out[length++] = static_cast<char>(info.folded[1]);
    }
  }
  return length;
}

IdentifierWindowFinder::Token IdentifierWindowFinder::ScanToken(std::string_view field, std::size_t start) const {
  const auto* bytes = reinterpret_cast<const unsigned char*>(field.data());
  const std::size_t size = field.size();
  Token token{static_cast<std::uint32_t>(start), 0, TokenKind::kInert, 0};
  bool chain = false;     // a number word, look-alike or dot marker: may join a digit run
  bool ordinary = false;  // at least one ordinary word
  bool live = false;
  WordShape word;
  bool in_word = false;
  auto finish_word = [&](std::size_t end) {
    if (!in_word) return;
    in_word = false;
    if (word.digit_like) {
      if (word.lookalikes > 0) chain = true;
      token.digits += word.lookalikes;  // its digits are counted as they are read
      return;
    }
    const bool marker = std::any_of(std::begin(kMarkerWords), std::end(kMarkerWords), [&](const MarkerWord& each) {
      return each.text.size() == word.length && static_cast<unsigned char>(each.text[0]) == word.head[0] &&
             static_cast<unsigned char>(each.text[1]) == word.head[1];
    });
    if (!marker && !MayBeNumberWord(word.head[0], word.head[1], word.tail[0], word.tail[1], word.length)) {
      ordinary = true;
      return;
    }
    char folded[64];
    if (word.length > sizeof folded) {
      ordinary = true;
      return;
    }
    const std::string_view text(folded, FoldWord(field, word.start, end, folded));
    for (const MarkerWord& each : kMarkerWords) {
      if (text == each.text) {
        (each.at ? live : chain) = true;
        return;
      }
    }
    if (auto value = NumberWordValue(text)) {
      chain = true;
      token.digits += static_cast<int>(value->size());
    } else {
      ordinary = true;
    }
  };
  auto add_word_char = [&](std::size_t at) {
    if (!in_word) {
      in_word = true;
      word = WordShape{};
      word.start = at;
    }
  };
  std::size_t pos = start;
  while (pos < size && !live) {
    const unsigned char byte = bytes[pos];
    if (IsSeparator(byte)) break;
    const unsigned char next = pos + 1 < size ? bytes[pos + 1] : 0;
    if (byte < 0x80) {
      if (IsAsciiAlnum(byte)) {
        add_word_char(pos);
        const auto lower = static_cast<unsigned char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
        word.Add(lower);
        if (byte <= '9') {
          ++token.digits;
        } else if (lower == 'o' || lower == 'l' || lower == 'i') {
          ++word.lookalikes;
        } else {
          word.digit_like = false;
        }
        ++pos;
        continue;
      }
      // An apostrophe between letters belongs to the word ("п'ять").
      if ((byte == '\'' || byte == '`') && in_word) {
        const bool letter_next = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') ||
                                 (next >= 0xC2 && next <= 0xDF && pos + 2 < size &&
                                  (chars_[static_cast<std::size_t>(DecodeTwoBytes(next, bytes[pos + 2]))].flags & kLetter) != 0);
        if (letter_next) {
          word.Add(byte);
          word.digit_like = false;
          ++pos;
          continue;
        }
      }
      finish_word(pos);
      live = byte == '@' || (byte == '.' && IsAsciiAlnum(next)) || (byte == ':' && next == '/') ||
             ((byte == '(' || byte == '[' || byte == '{') &&
              (next == 'a' || next == 'A' || next == 'd' || next == 'D' || next == '@' || next == '.')) ||
             byte < 0x20 || byte == 0x7F;
      ++pos;
      continue;
    }
    if (byte >= 0xC2 && byte <= 0xDF && (next & 0xC0) == 0x80) {
      const CharInfo& info = chars_[static_cast<std::size_t>(DecodeTwoBytes(byte, next))];
      if (info.flags == 0) {
        live = true;
      } else if ((info.flags & kWordChar) != 0) {
        add_word_char(pos);
        word.Add(info.folded[0]);
        word.Add(info.folded[1]);
        if ((info.flags & kLookalike) != 0) {
          ++word.lookalikes;
        } else {
          word.digit_like = false;
        }
      } else {
        finish_word(pos);
      }
      pos += 2;
      continue;
    }
    live = true;  // three- and four-byte characters, invalid bytes
  }
  if (live) {
    token.kind = TokenKind::kLive;
    while (pos < size && !IsSeparator(bytes[pos])) ++pos;
  } else {
    finish_word(pos);
    if (live) {
      token.kind = TokenKind::kLive;
    } else if (chain || token.digits > 0 || !ordinary) {
      token.kind = TokenKind::kChain;
    }
  }
  token.end = static_cast<std::uint32_t>(pos);
  return token;
}

std::size_t IdentifierWindowFinder::ExpandLeft(std::size_t first) const {
  int inert = 0;
  std::uint32_t anchor = tokens_[first].start;
  for (std::size_t index = first; index-- > 0;) {
    const Token& token = tokens_[index];
    if (token.kind != TokenKind::kInert) {
      inert = 0;
      anchor = token.start;
    } else if (++inert >= kMarginTokens && anchor - token.start >= kMarginBytes) {
      return token.start;
    }
  }
  return 0;
}

std::size_t IdentifierWindowFinder::ExpandRight(std::size_t last) const {
  int inert = 0;
  std::uint32_t anchor = tokens_[last].end;
  for (std::size_t index = last + 1; index < tokens_.size(); ++index) {
    const Token& token = tokens_[index];
    if (token.kind != TokenKind::kInert) {
      inert = 0;
      anchor = token.end;
    } else if (++inert >= kMarginTokens && token.end - anchor >= kMarginBytes) {
      return token.end;
    }
  }
  return std::string_view::npos;
}

const std::vector<ByteSpan>& IdentifierWindowFinder::Find(std::string_view field) {
  tokens_.clear();
  windows_.clear();
  const auto* bytes = reinterpret_cast<const unsigned char*>(field.data());
  std::size_t pos = 0;
  while (pos < field.size()) {
    if (IsSeparator(bytes[pos])) {
      ++pos;
      continue;
    }
    tokens_.push_back(ScanToken(field, pos));
    pos = tokens_.back().end;
  }
  for (std::size_t first = 0; first < tokens_.size();) {
    if (tokens_[first].kind == TokenKind::kInert) {
      ++first;
      continue;
    }
    std::size_t after = first;
    bool live = false;
    int digits = 0;
    for (; after < tokens_.size() && tokens_[after].kind != TokenKind::kInert; ++after) {
      live = live || tokens_[after].kind == TokenKind::kLive;
      digits += tokens_[after].digits;
    }
    if (live || digits >= kPhoneDigits) {
      const std::size_t start = ExpandLeft(first);
      const std::size_t right = ExpandRight(after - 1);
      const std::size_t end = right == std::string_view::npos ? field.size() : right;
      if (!windows_.empty() && start <= windows_.back().end) {
        windows_.back().end = std::max(windows_.back().end, end);
      } else {
        windows_.push_back({start, end});
      }
    }
    first = after;
  }
  return windows_;
}

}  // namespace vigil::core::monitor
