#include "core/monitor/digit_words.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <unordered_map>
#include <vector>

namespace vigil::core::monitor {
namespace {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
using WordMap = std::unordered_map<std::string, std::string, StringHash, std::equal_to<>>;

// Number words, folded (lower case). Polish also without its diacritics, as people type them.
const WordMap& NumberWords() {
  static const auto* const kWords = new WordMap{
      // English
      {"zero", "0"}, {"one", "1"}, {"two", "2"}, {"three", "3"}, {"four", "4"}, {"five", "5"},
      {"six", "6"}, {"seven", "7"}, {"eight", "8"}, {"nine", "9"}, {"ten", "10"},
      {"eleven", "11"}, {"twelve", "12"}, {"thirteen", "13"}, {"fourteen", "14"},
      {"fifteen", "15"}, {"sixteen", "16"}, {"seventeen", "17"}, {"eighteen", "18"},
      {"nineteen", "19"}, {"twenty", "20"}, {"thirty", "30"}, {"forty", "40"}, {"fifty", "50"},
      {"sixty", "60"}, {"seventy", "70"}, {"eighty", "80"}, {"ninety", "90"},
      // Ukrainian
      {"нуль", "0"}, {"один", "1"}, {"одна", "1"}, {"одну", "1"}, {"два", "2"}, {"дві", "2"},
      {"три", "3"}, {"чотири", "4"}, {"п'ять", "5"}, {"шість", "6"}, {"сім", "7"},
      {"вісім", "8"}, {"дев'ять", "9"}, {"десять", "10"}, {"одинадцять", "11"},
      {"дванадцять", "12"}, {"тринадцять", "13"}, {"чотирнадцять", "14"},
      {"п'ятнадцять", "15"}, {"шістнадцять", "16"}, {"сімнадцять", "17"},
      {"вісімнадцять", "18"}, {"дев'ятнадцять", "19"}, {"двадцять", "20"}, {"тридцять", "30"},
      {"сорок", "40"}, {"п'ятдесят", "50"}, {"шістдесят", "60"}, {"сімдесят", "70"},
      {"вісімдесят", "80"}, {"дев'яносто", "90"}, {"сто", "100"}, {"двісті", "200"}, {"триста", "300"},
      {"чотириста", "400"}, {"п'ятсот", "500"}, {"шістсот", "600"}, {"сімсот", "700"},
      {"вісімсот", "800"}, {"дев'ятсот", "900"},
      // Russian (shared forms above: один, одна, два, три, сорок, нуль)
      {"ноль", "0"}, {"две", "2"}, {"четыре", "4"}, {"пять", "5"}, {"шесть", "6"},
      {"семь", "7"}, {"восемь", "8"}, {"девять", "9"}, {"одиннадцать", "11"},
      {"двенадцать", "12"}, {"тринадцать", "13"}, {"четырнадцать", "14"},
      {"пятнадцать", "15"}, {"шестнадцать", "16"}, {"семнадцать", "17"},
      {"восемнадцать", "18"}, {"девятнадцать", "19"}, {"двадцать", "20"}, {"тридцать", "30"},
      {"пятьдесят", "50"}, {"шестьдесят", "60"}, {"семьдесят", "70"}, {"восемьдесят", "80"},
      {"девяносто", "90"}, {"двести", "200"}, {"четыреста", "400"}, {"пятьсот", "500"},
      {"шестьсот", "600"}, {"семьсот", "700"}, {"восемьсот", "800"}, {"девятьсот", "900"},
      // Polish
      {"jeden", "1"}, {"jedna", "1"}, {"dwa", "2"}, {"dwie", "2"}, {"trzy", "3"},
      {"cztery", "4"}, {"pięć", "5"}, {"piec", "5"}, {"sześć", "6"}, {"szesc", "6"},
      {"siedem", "7"}, {"osiem", "8"}, {"dziewięć", "9"}, {"dziewiec", "9"},
      {"dziesięć", "10"}, {"dziesiec", "10"}, {"jedenaście", "11"}, {"jedenascie", "11"},
      {"dwanaście", "12"}, {"dwanascie", "12"}, {"trzynaście", "13"}, {"trzynascie", "13"},
      {"czternaście", "14"}, {"czternascie", "14"}, {"piętnaście", "15"},
      {"pietnascie", "15"}, {"szesnaście", "16"}, {"szesnascie", "16"},
      {"siedemnaście", "17"}, {"siedemnascie", "17"}, {"osiemnaście", "18"},
      {"osiemnascie", "18"}, {"dziewiętnaście", "19"}, {"dziewietnascie", "19"},
      {"dwadzieścia", "20"}, {"dwadziescia", "20"}, {"trzydzieści", "30"},
      {"trzydziesci", "30"}, {"czterdzieści", "40"}, {"czterdziesci", "40"},
      {"pięćdziesiąt", "50"}, {"piecdziesiat", "50"}, {"sześćdziesiąt", "60"},
      {"szescdziesiat", "60"}, {"siedemdziesiąt", "70"}, {"siedemdziesiat", "70"},
      {"osiemdziesiąt", "80"}, {"osiemdziesiat", "80"}, {"dziewięćdziesiąt", "90"},
      {"dziewiecdziesiat", "90"}, {"sto", "100"}, {"dwieście", "200"}, {"dwiescie", "200"},
      {"trzysta", "300"}, {"czterysta", "400"}, {"pięćset", "500"}, {"piecset", "500"},
      {"sześćset", "600"}, {"szescset", "600"}, {"siedemset", "700"}, {"osiemset", "800"},
      {"dziewięćset", "900"}, {"dziewiecset", "900"}};
  return *kWords;
}
}  // namespace

const std::vector<std::string>& NumberWordForms() {
  static const auto* const kForms = [] {
    auto* forms = new std::vector<std::string>;
    for (const auto& [key, value] : NumberWords()) {
      for (std::string_view apostrophe : {"'", "`", "\xCA\xBC", "\xE2\x80\x99"}) {
        std::string form;
        for (char c : key) form += c == '\'' ? std::string(apostrophe) : std::string(1, c);
        if (std::find(forms->begin(), forms->end(), form) == forms->end()) forms->push_back(std::move(form));
      }
    }
    return forms;
  }();
  return *kForms;
}

std::uint16_t WordShapeKey(std::string_view folded_word) {
  std::uint32_t head = 0;
  for (std::size_t index = 0; index < 4 && index < folded_word.size(); ++index) {
    head |= static_cast<std::uint32_t>(static_cast<unsigned char>(folded_word[index])) << (8 * index);
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(folded_word.data());
  const std::size_t size = folded_word.size();
  const std::uint32_t tail = size >= 2 ? (static_cast<std::uint32_t>(bytes[size - 2]) << 8) | bytes[size - 1] : 0;
  return WordShapeKey(head, static_cast<std::uint16_t>(tail), size);
}

// Most words fail the shape filter and are never hashed as strings.
bool MayBeNumberWord(std::string_view word) {
  static const auto* const kShapes = [] {
    auto* shapes = new std::vector<bool>(1 << 16, false);
    for (const std::string& form : NumberWordForms()) (*shapes)[WordShapeKey(form)] = true;
    return shapes;
  }();
  return word.size() >= 2 && (*kShapes)[WordShapeKey(word)];
}

namespace {

bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x02BC || c == '`'; }

// Look-alikes of 0 and 1 in folded text: o, Cyrillic о; l, i (from I), Ukrainian і.
char LookalikeDigit(UChar32 c) {
  if (c == 'o' || c == 0x043E) return '0';
  if (c == 'l' || c == 'i' || c == 0x0456) return '1';
  return 0;
}

enum class TokenKind { kDigits, kWord, kMixed, kLone, kOther };

struct Token {
  std::size_t start = 0;
  std::size_t end = 0;
  TokenKind kind = TokenKind::kOther;
  std::string value;  // digits for kDigits, kWord and kMixed (look-alikes replaced), kLone
  int real_digits = 0;
};

Token Classify(std::string_view text, std::size_t start, std::size_t end) {
  Token token{start, end};
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int lookalikes = 0;
  int chars = 0;
  bool other = false;
  for (auto pos = static_cast<int32_t>(start); pos < static_cast<int32_t>(end);) {
    UChar32 c = 0;
    U8_NEXT(bytes, pos, static_cast<int32_t>(end), c);
    ++chars;
    if (c >= '0' && c <= '9') {
      ++token.real_digits;
    } else if (LookalikeDigit(c) != 0) {
      ++lookalikes;
    } else {
      other = true;
      break;  // a word: only the dictionary can make it a number
    }
  }
  if (!other) {
    for (auto pos = static_cast<int32_t>(start); pos < static_cast<int32_t>(end);) {
      UChar32 c = 0;
      U8_NEXT(bytes, pos, static_cast<int32_t>(end), c);
      token.value.push_back(c >= '0' && c <= '9' ? static_cast<char>(c) : LookalikeDigit(c));
    }
    if (lookalikes == 0) {
      token.kind = TokenKind::kDigits;
    } else if (token.real_digits > 0) {
      token.kind = TokenKind::kMixed;
    } else if (chars == 1 || (chars <= 4 && token.value.find('1') == std::string::npos)) {
      // One look-alike, or up to four zero look-alikes ("ООО"): digits only between digit groups.
      token.kind = TokenKind::kLone;
    }
    return token;
  }
  if (!MayBeNumberWord(text.substr(start, end - start))) return token;
  if (auto value = NumberWordValue(text.substr(start, end - start))) {
    token.kind = TokenKind::kWord;
    token.value = std::move(*value);
  }
  return token;
}

// ICU's answers for the code points below U+0800 (ASCII, Latin, Greek, Cyrillic …), looked up
// once: Tokenise asks them for every character.
struct CharProperties {
  bool word = false;    // a letter, digit or combining mark: part of a token
  bool letter = false;  // an apostrophe before it belongs to the word
};

CharProperties PropertiesOf(UChar32 c) {
  static const auto* const kTable = [] {
    auto* table = new std::array<CharProperties, 0x800>;
    for (UChar32 code = 0; code < 0x800; ++code) {
      (*table)[static_cast<std::size_t>(code)] = {u_isalnum(code) != 0 || u_getCombiningClass(code) != 0,
                                                  u_isalpha(code) != 0};
    }
    return table;
  }();
  if (c >= 0 && c < 0x800) return (*kTable)[static_cast<std::size_t>(c)];
  if (c < 0) return {};
  return {u_isalnum(c) != 0 || u_getCombiningClass(c) != 0, u_isalpha(c) != 0};
}

// The number-like tokens of `text` only (kOther left out): a word between two of them leaves a
// gap no joiner run crosses (IsJoinerGap), so runs are found the same without it.
std::vector<Token> Tokenise(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(8);
  auto add = [&](std::size_t start, std::size_t end) {
    // A word whose first character is no digit or look-alike is a number only through the
    // dictionary (Classify): most words are ruled out by their shape before a Token is made.
    const auto first = static_cast<unsigned char>(text[start]);
    const auto second = start + 1 < end ? static_cast<unsigned char>(text[start + 1]) : 0;
    const bool digit_or_lookalike = (first >= '0' && first <= '9') || first == 'o' || first == 'l' || first == 'i' ||
                                    (first == 0xD0 && second == 0xBE) || (first == 0xD1 && second == 0x96);  // о і
    if (!digit_or_lookalike && !MayBeNumberWord(text.substr(start, end - start))) return;
    Token token = Classify(text, start, end);
    if (token.kind != TokenKind::kOther) tokens.push_back(std::move(token));
  };
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t pos = 0;
  int32_t token_start = -1;
  while (pos < length) {
    const int32_t char_start = pos;
    UChar32 c = 0;
    bool in_word = false;
    if (bytes[pos] < 0x80) {
      c = bytes[pos++];
      in_word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    } else {
      U8_NEXT(bytes, pos, length, c);
      in_word = PropertiesOf(c).word;
    }
    // An apostrophe belongs to the word when a letter follows it ("п'ять").
    if (!in_word && c >= 0 && IsApostrophe(c) && token_start >= 0 && pos < length) {
      int32_t peek = pos;
      UChar32 next = 0;
      U8_NEXT(bytes, peek, length, next);
      in_word = PropertiesOf(next).letter;
    }
    if (in_word && token_start < 0) token_start = char_start;
    if (!in_word && token_start >= 0) {
      add(static_cast<std::size_t>(token_start), static_cast<std::size_t>(char_start));
      token_start = -1;
    }
  }
  if (token_start >= 0) add(static_cast<std::size_t>(token_start), text.size());
  return tokens;
}

// Joiners allowed between the tokens of one run: at most three characters of space and light
// punctuation.
bool IsJoinerGap(std::string_view gap) {
  if (gap.empty() || gap.size() > 9) return false;
  int chars = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(gap.data());
  for (int32_t pos = 0; pos < static_cast<int32_t>(gap.size());) {
    UChar32 c = 0;
    U8_NEXT(bytes, pos, static_cast<int32_t>(gap.size()), c);
    ++chars;
    const bool joiner = c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' ||
                        c == '_' || c == '+' || c == ',' || c == 0x2013 || c == 0x2014 ||
                        c == '\t';
    if (!joiner) return false;
  }
  return chars <= 3;
}

bool IsNumberish(TokenKind kind) { return kind != TokenKind::kOther; }

// Joins the number words that make one number: hundreds, then tens or a teen, then a unit
// ("сто двадцять три" → 123, "сорок п'ять" → 45, "сто три" → 103); zero and units stand alone.
// `group_last` receives the last token joined. REQUIRES: tokens[at] is a converted word.
std::string ComposeNumber(const std::vector<Token>& tokens, const std::vector<bool>& converted, std::size_t first,
                          std::size_t last, std::size_t at, std::size_t& group_last) {
  group_last = at;
  auto word_at = [&](std::size_t index) -> int {
    if (index > last || !converted[index - first] || tokens[index].kind != TokenKind::kWord) return -1;
    return std::stoi(tokens[index].value);
  };
  const int head = std::stoi(tokens[at].value);
  if (head < 20) return tokens[at].value;
  int total = head;
  auto take_unit = [&] {
    const int unit = word_at(group_last + 1);
    if (unit >= 1 && unit <= 9) {
      total += unit;
      ++group_last;
    }
  };
  if (head >= 100) {
    const int next = word_at(group_last + 1);
    if (next >= 10 && next < 100) {
      total += next;
      ++group_last;
      if (next >= 20 && next % 10 == 0) take_unit();
    } else {
      take_unit();
    }
  } else if (head % 10 == 0) {
    take_unit();
  }
  return std::to_string(total);
}

}  // namespace

std::optional<std::string> NumberWordValue(std::string_view folded_word) {
  const auto& words = NumberWords();
  // Only typographic apostrophes need a rewritten key; most words are looked up as they are.
  const bool plain = folded_word.find("\xE2\x80\x99") == std::string_view::npos &&
                     folded_word.find("\xCA\xBC") == std::string_view::npos &&
                     folded_word.find('`') == std::string_view::npos;
  if (plain) {
    const auto found = words.find(folded_word);
    if (found == words.end()) return std::nullopt;
    return found->second;
  }
  std::string key;
  key.reserve(folded_word.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(folded_word.data());
  for (int32_t pos = 0; pos < static_cast<int32_t>(folded_word.size());) {
    const int32_t start = pos;
    UChar32 c = 0;
    U8_NEXT(bytes, pos, static_cast<int32_t>(folded_word.size()), c);
    if (IsApostrophe(c)) {
      key.push_back('\'');
    } else {
      key.append(folded_word.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(pos - start)));
    }
  }
  const auto found = words.find(key);
  if (found == words.end()) return std::nullopt;
  return found->second;
}

std::optional<MappedText> DeobfuscateDigitRunsIfAny(const MappedText& folded) {
  const std::string& text = folded.text();
  std::vector<Token> tokens = Tokenise(text);
  MappedText out;
  out.SetOriginalSize(folded.original_size());
  std::vector<bool> converted;  // per token of the current run: whether it becomes digits
  bool changed = false;    // `out` is reserved and written from the first conversion on
  std::size_t copied = 0;  // bytes of `text` already written to `out`
  std::size_t index = 0;
  while (index < tokens.size()) {
    if (!IsNumberish(tokens[index].kind)) {
      ++index;
      continue;
    }
    std::size_t last = index;  // the run is tokens[index..last]
    while (last + 1 < tokens.size() && IsNumberish(tokens[last + 1].kind) &&
           IsJoinerGap(std::string_view(text).substr(tokens[last].end, tokens[last + 1].start - tokens[last].end))) {
      ++last;
    }
    int numberish = 0;
    int words = 0;
    int digits = 0;
    for (std::size_t at = index; at <= last; ++at) {
      ++numberish;
      if (tokens[at].kind == TokenKind::kWord) ++words;
      digits += tokens[at].real_digits;
    }
    const bool convert_words = words > 0 && numberish >= 3;
    if (convert_words) {
      for (std::size_t at = index; at <= last; ++at) {
        if (tokens[at].kind == TokenKind::kWord) digits += static_cast<int>(tokens[at].value.size());
      }
    }
    const bool convert_lookalikes = digits >= 4;
    // Decide per token whether it becomes digits.
    converted.assign(last - index + 1, false);
    auto is_digit_like = [&](std::size_t at) {
      const TokenKind kind = tokens[at].kind;
      return kind == TokenKind::kDigits || (kind == TokenKind::kMixed && convert_lookalikes) ||
             (kind == TokenKind::kWord && convert_words);
    };
    for (std::size_t at = index; at <= last; ++at) {
      const TokenKind kind = tokens[at].kind;
      bool convert = (kind == TokenKind::kWord && convert_words) ||
                     (kind == TokenKind::kMixed && convert_lookalikes);
      if (kind == TokenKind::kLone && convert_lookalikes && at > index && at < last) {
        convert = is_digit_like(at - 1) && is_digit_like(at + 1);
      }
      converted[at - index] = convert;
    }
    for (std::size_t at = index; at <= last; ++at) {
      const Token& token = tokens[at];
      if (!converted[at - index]) continue;
      if (!changed) out.Reserve(text.size());
      changed = true;
      // Copy what precedes the token; drop the joiner when the previous token was converted too,
      // or when this token is converted and the previous one is a digit group.
      std::size_t copy_end = token.start;
      if (at > index && (converted[at - index - 1] || tokens[at - 1].kind == TokenKind::kDigits)) {
        copy_end = tokens[at - 1].end;
      }
      if (copy_end > copied) out.AppendSlice(folded, copied, copy_end);
      std::size_t group_last = at;
      const std::string value = token.kind == TokenKind::kWord
                                    ? ComposeNumber(tokens, converted, index, last, at, group_last)
                                    : token.value;
      const ByteSpan source = folded.ToOriginal(token.start, tokens[group_last].end);
      out.Append(value, static_cast<uint32_t>(source.start), static_cast<uint32_t>(source.end));
      copied = tokens[group_last].end;
      at = group_last;
      // Drop the joiner before a following digit group too, so the run reads as one number.
      if (at < last && !converted[at + 1 - index] && tokens[at + 1].kind == TokenKind::kDigits) {
        copied = tokens[at + 1].start;
      }
    }
    index = last + 1;
  }
  if (!changed) return std::nullopt;
  if (copied < text.size()) out.AppendSlice(folded, copied, text.size());
  return out;
}

MappedText DeobfuscateDigitRuns(const MappedText& folded) {
  std::optional<MappedText> changed = DeobfuscateDigitRunsIfAny(folded);
  return changed ? std::move(*changed) : folded;
}

}  // namespace vigil::core::monitor
