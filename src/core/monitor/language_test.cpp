#include "core/monitor/language.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "core/monitor/language_letters.hpp"

namespace vigil::core::monitor {
namespace {

TEST(Language, DecisiveLettersSkipCld2) {
  const LanguageGuess uk = DetectLanguage(
      "Терміново потрібні працівники на склад у Польщі. Житло надаємо безкоштовно, досвід роботи не "
      "потрібен, оплата щотижня. Пишіть нам, і ми все розповімо про умови та дорогу.");
  EXPECT_EQ(uk.code, "uk");
  EXPECT_EQ(uk.method, LanguageMethod::kScript);
  const LanguageGuess pl = DetectLanguage(
      "Szukamy osób do pracy przy pakowaniu owoców w Holandii. Zapewniamy zakwaterowanie i transport, "
      "znajomość języka nie jest wymagana, wypłata co tydzień.");
  EXPECT_EQ(pl.code, "pl");
  EXPECT_EQ(pl.method, LanguageMethod::kScript);
}

TEST(Language, Cld2DecidesWhenLettersDoNot) {
  // Polish typed without diacritics, Russian without ы/э/ъ/ё, and English: the letters cannot tell.
  const LanguageGuess pl = DetectLanguage(
      "Szukamy osob do pracy przy pakowaniu owocow w Holandii. Zapewniamy zakwaterowanie i transport, "
      "znajomosc jezyka nie jest wymagana, wyplata co tydzien.");
  EXPECT_EQ(pl.code, "pl");
  EXPECT_EQ(pl.method, LanguageMethod::kCld2);
  const LanguageGuess ru = DetectLanguage(
      "Требуются девушки для работы в ресторане за границей. Опыт не нужен, жильё и билеты за счёт "
      "работодателя, зарплата высокая, выезд на этой неделе.");
  EXPECT_EQ(ru.code, "ru");
  const LanguageGuess en = DetectLanguage(
      "Warehouse staff needed in the Netherlands, housing provided, no experience and no language needed.");
  EXPECT_EQ(en.code, "en");
  EXPECT_EQ(en.method, LanguageMethod::kCld2);
}

TEST(Language, ShortTextsFallBackToTheirLetters) {
  EXPECT_EQ(DetectLanguage("Дякуємо!").code, "uk");
  EXPECT_EQ(DetectLanguage("Дякуємо!").method, LanguageMethod::kScript);
  EXPECT_EQ(DetectLanguage("Їдемо").code, "uk");
  EXPECT_EQ(DetectLanguage("Спасибо!").code, "ru");
  EXPECT_EQ(DetectLanguage("Dzięki!").code, "pl");
  EXPECT_EQ(DetectLanguage("Mulțumesc!").code, "ro");
  EXPECT_EQ(DetectLanguage("Děkuji!").code, "cs");
  EXPECT_EQ(DetectLanguage("Grüße").code, "de");
  EXPECT_EQ(DetectLanguage("Thanks!").code, "en");
}

TEST(Language, NoLettersIsUndetermined) {
  const LanguageGuess guess = DetectLanguage("+380 50 123 45 67 !!!");
  EXPECT_EQ(guess.code, "und");
  EXPECT_EQ(guess.method, LanguageMethod::kNone);
  EXPECT_EQ(DetectLanguage("").code, "und");
}

TEST(Language, ReadsOnlyABoundedPrefix) {
  // Ukrainian first, then a long Polish tail the prefix never reaches.
  std::string text = "Дякуємо за роботу!";
  for (int repeat = 0; repeat < 200; ++repeat) text += " Szukamy pracowników do pracy w magazynie w Polsce.";
  EXPECT_EQ(DetectLanguage(text, 24).code, "uk");
  // A cut in the middle of a two-byte letter is moved back to the letter's start.
  EXPECT_EQ(DetectLanguage("Їжа", 3).code, "uk");
}

TEST(Language, InvalidUtf8FallsBackToLetters) {
  EXPECT_EQ(DetectLanguage(std::string("Дякуємо \xFF\xFE за все")).code, "uk");
}

TEST(Language, PlainEnglishCountsWholeFunctionWordsAnywhere) {
  EXPECT_TRUE(PlainEnglish("The AND wItH"));
  EXPECT_FALSE(PlainEnglish("the and"));
  EXPECT_FALSE(PlainEnglish("thee andy within, others"));  // longer words are not function words
  EXPECT_FALSE(PlainEnglish("the and with \xC3\xA9"));       // a letter beyond ASCII: CLD2 decides
  EXPECT_TRUE(PlainEnglish("the and with \xE2\x80\x94 \xC2\xA0"));  // signs do not count
  // The words read sixty-four bytes at a time: each position of the three words against the
  // chunks' edges, after a word longer than a chunk, and cut by the end of the text.
  for (std::size_t lead = 0; lead < 140; ++lead) {
    const std::string padding(lead, lead % 3 == 0 ? 'x' : '.');
    EXPECT_TRUE(PlainEnglish(padding + " the, and;with")) << lead;
    EXPECT_FALSE(PlainEnglish(padding + " the, and;withx")) << lead;
    EXPECT_FALSE(PlainEnglish(std::string(lead + 1, 'x') + "the and with")) << lead;  // "x…xthe"
    EXPECT_FALSE(PlainEnglish(padding + "the, and, wit")) << lead;
  }
}

TEST(Language, BlockwiseLetterCountMatchesOneByOne) {
  // Pieces that land anywhere in the sixteen-byte blocks: ASCII, every Cyrillic letter of leads
  // 0xD0 and 0xD1 (the Ukrainian and Russian ones among them), other two-byte letters and signs,
  // three- and four-byte characters, and invalid UTF-8 (stray continuations, cut sequences).
  std::vector<std::string> pieces = {"a", "Z", "o", " ", ".", "7", "\n", "ґ", "Ґ", "ą", "ș", "Ä", "ß", "«", "é",
                                     "Ω", "ђ", "€", "ệ", "😀", "\x80", "\xD0", "\xD1 ", "\xE2\x82", "\xFF", "\xC0\xAF"};
  for (int code = 0x400; code < 0x480; ++code) {
    pieces.push_back({static_cast<char>(0xC0 | (code >> 6)), static_cast<char>(0x80 | (code & 0x3F))});
  }
  std::mt19937 random(20261128);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const std::size_t target = random() % 1200;
    // Mostly one kind of text at a time (runs of ASCII or of Cyrillic), as posts are.
    const std::size_t first = random() % pieces.size();
    const std::size_t spread = 1 + random() % pieces.size();
    while (text.size() < target) text += pieces[(first + random() % spread) % pieces.size()];
    const LetterCounts blockwise = CountLetters(text);
    const LetterCounts reference = CountLettersOneByOne(text);
    ASSERT_EQ(blockwise, reference) << "round " << round << ": latin " << blockwise.latin << "/" << reference.latin
                                    << " cyrillic " << blockwise.cyrillic << "/" << reference.cyrillic << " uk "
                                    << blockwise.ukrainian << "/" << reference.ukrainian << " ru " << blockwise.russian
                                    << "/" << reference.russian;
  }
  // Counts beyond what one lane holds (255 blocks).
  std::string long_text;
  for (int repeat = 0; repeat < 600; ++repeat) long_text += "Їжаки ёжики ab ";
  const LetterCounts counts = CountLetters(long_text);
  EXPECT_EQ(counts, CountLettersOneByOne(long_text));
  EXPECT_EQ(counts.ukrainian, 600);
  EXPECT_EQ(counts.russian, 600);
  EXPECT_EQ(counts.cyrillic, 600 * 10);
  EXPECT_EQ(counts.latin, 600 * 2);
}

}  // namespace
}  // namespace vigil::core::monitor
