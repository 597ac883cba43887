#include "core/knowledge/search.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace vigil::core::knowledge {

std::vector<std::string> QueryWords(const std::string& folded) {
  constexpr std::size_t kMaxWords = 8;
  std::vector<std::string> words;
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(folded);
  icu::UnicodeString word;
  auto flush = [&] {
    if (!word.isEmpty() && words.size() < kMaxWords) {
      std::string out;
      word.toUTF8String(out);
      words.push_back(out);
    }
    word.remove();
  };
  for (int32_t pos = 0; pos < text.length();) {
    const UChar32 c = text.char32At(pos);
    pos += U16_LENGTH(c);
    if (u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK || u_charType(c) == U_COMBINING_SPACING_MARK) {
      word.append(c);
    } else {
      flush();
    }
  }
  flush();
  return words;
}

}  // namespace vigil::core::knowledge
