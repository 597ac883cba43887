#include "core/monitor/identifier_windows.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/monitor/identifiers.hpp"

namespace vigil::core::monitor {
namespace {

IdentifierWindowFinder MakeFinder() {
  auto normaliser = Normaliser::Create();
  EXPECT_TRUE(normaliser.has_value());
  auto finder = IdentifierWindowFinder::Create(*normaliser);
  EXPECT_TRUE(finder.has_value());
  return std::move(*finder);
}

std::string Prose() {
  return "Шукаємо працівників на склад у Польщі, житло та дорогу оплачуємо. Досвід не потрібен, знання мови "
         "теж. Warehouse staff needed in the Netherlands, housing provided. Praca w magazynie w Holandii, "
         "zakwaterowanie zapewnione. Зарплата від 1 200 євро на місяць, виплати щотижня. ";
}

TEST(IdentifierWindows, ProseWithoutContactsHasNoWindow) {
  IdentifierWindowFinder finder = MakeFinder();
  EXPECT_TRUE(finder.Find("").empty());
  EXPECT_TRUE(finder.Find(Prose()).empty());
  // Prices, years and short numbers cannot make a phone; "i", "о" and "one" alone neither.
  EXPECT_TRUE(finder.Find("Wynagrodzenie 4 500 zł netto, od 2024 roku, i o one.").empty());
}

TEST(IdentifierWindows, EachKindOfCandidateOpensAWindow) {
  IdentifierWindowFinder finder = MakeFinder();
  const std::string prose = Prose();
  for (const std::string contact :
       {"050 123 45 67", "один два три чотири п'ять шість сім", "anna@mail.com", "anna (at) mail (dot) com",
        "anna собака mail", "t.me/job_1", "viber://chat", "O5O 1234567", "\xEF\xBC\x90\xEF\xBC\x95", "@hr_1"}) {
    const std::string field = prose + contact + " " + prose;
    const std::vector<CandidateWindow> windows = finder.Find(field);
    ASSERT_EQ(windows.size(), 1U) << contact;
    EXPECT_LE(windows[0].span.start, prose.size()) << contact;
    EXPECT_GE(windows[0].span.end, prose.size() + contact.size()) << contact;
    // The window leaves most of the prose out, and starts and ends next to whitespace.
    EXPECT_LT(windows[0].span.end - windows[0].span.start, field.size() / 2) << contact;
    EXPECT_EQ(field[windows[0].span.end], ' ') << contact;
    EXPECT_EQ(field[windows[0].span.start - 1], ' ') << contact;
  }
}

// De-obfuscation is skipped only where nothing could become a digit, the e-mail search only where
// no "@" or e-mail marker can be.
TEST(IdentifierWindows, WindowsSayWhatTheirSearchNeeds) {
  IdentifierWindowFinder finder = MakeFinder();
  const std::string prose = Prose();
  struct Case {
    std::string contact;
    bool digits_may_change;
    bool emails_possible;
  };
  const std::vector<Case> cases = {{"050 123 45 67", false, false},
                                   {"O5O 1234567", true, false},
                                   {"нуль п'ять нуль 1234567", true, false},
                                   {"050 і 1234567", true, false},
                                   {"t.me/job_1", false, false},
                                   {"anna@mail.com", false, true},
                                   {"anna (at) mail (dot) com", false, true},
                                   {"anna собака mail", false, true},
                                   {"\xEF\xBC\x90\xEF\xBC\x95", true, true},
                                   {"anna\xEF\xBC\xA0mail.com", true, true}};
  for (const Case& each : cases) {
    const std::vector<CandidateWindow> windows = finder.Find(prose + each.contact + " " + prose);
    ASSERT_EQ(windows.size(), 1U) << each.contact;
    EXPECT_EQ(windows[0].digits_may_change, each.digits_may_change) << each.contact;
    EXPECT_EQ(windows[0].emails_possible, each.emails_possible) << each.contact;
  }
}

// Folding drops malformed bytes and may join what they separate, so a token holding one is always
// looked at, also when it sits inside a long run of letters.
TEST(IdentifierWindows, MalformedBytesInsideLongWordsOpenAWindow) {
  IdentifierWindowFinder finder = MakeFinder();
  const std::string prose = Prose();
  for (const std::string word : {"Оплачуємооплачуємооплачуємо\xD0\xD0\x80оплата", "Warehousewarehousestaff\x80needed",
                                 "оплачуємооплачуємооплачуємо\xD0"}) {
    const std::string field = prose + word + " " + prose;
    const std::vector<CandidateWindow> windows = finder.Find(field);
    ASSERT_EQ(windows.size(), 1U) << word;
    EXPECT_LE(windows[0].span.start, prose.size());
    EXPECT_GE(windows[0].span.end, prose.size() + word.size());
  }
}

// The pre-filter may only save work: the identifiers found through windows are those found on
// the whole field, with the same spans.
TEST(IdentifierWindows, WindowsFindWhatTheWholeFieldHolds) {
  auto normaliser = Normaliser::Create();
  ASSERT_TRUE(normaliser.has_value());
  IdentifierOptions options;
  options.fallback_regions = {"UA", "PL"};
  options.shared_hosts = {"facebook.com"};
  auto extractor = IdentifierExtractor::Create(options);
  ASSERT_TRUE(extractor.has_value());
  const std::string prose = Prose();
  const std::vector<std::string> fields = {
      "Тел/tel: +380 67 123 45 67, t.me/job_12 " + prose + "пишіть @hr_77 або telegram @john_doe",
      prose + "дзвоніть нуль п'ять нуль один два три чотири п'ять шість сім " + prose + "anna (at) mail (dot) com",
      prose + "ціна 1 500 000 грн, ID 48123456, 12.05.2024, № 1234567, tel0501234567 " + prose,
      "O5O 1234567 " + prose + "https://example-jobs.pl/oferta/123?utm_source=x&a=1 " + prose + "anna@wp.pl",
      prose + "Ｔｅｌ ０５０１２３４５６７ 050\u200b123\u200b4567 😀 wa.me/380501234567 " + prose,
      "ООО Ромашка, sp. z o.o., l0l 1O1 " + prose + "kontakt: 512 345 678, anna małpa wp.pl",
      prose + "Телефонтелефонтелефон\xD0\xD0\x80 050 123 45 67 " + prose,
      // Context at the edge of the margins: an id word two words back, Telegram named four words
      // (17 bytes) before a handle.
      prose + "kod produktu 0501234567 " + prose + "tel. 0671234567", prose + "telegram у нас є @john_doe " + prose};
  for (const std::string& field : fields) {
    const MappedText folded = normaliser->Fold(field);
    const MappedText digits = normaliser->DeobfuscateDigits(folded);
    const std::vector<Identifier> whole = extractor->Extract(field, folded, digits, std::string("UA"));
    const std::vector<Identifier> windowed = extractor->Extract(field, std::string("UA"));
    ASSERT_FALSE(whole.empty()) << field;
    ASSERT_EQ(windowed.size(), whole.size()) << field;
    for (std::size_t index = 0; index < whole.size(); ++index) {
      EXPECT_EQ(windowed[index].type, whole[index].type) << field;
      EXPECT_EQ(windowed[index].value, whole[index].value) << field;
      EXPECT_EQ(windowed[index].span, whole[index].span) << whole[index].value;
      EXPECT_EQ(windowed[index].shared_host, whole[index].shared_host) << whole[index].value;
    }
  }
}

// The same on random fields pieced together from contact details, context words, markers,
// look-alikes and bytes that folding changes or drops (malformed UTF-8, combining marks,
// zero-width and full-width characters).
TEST(IdentifierWindows, RandomFieldsGiveTheWholeFieldsIdentifiers) {
  auto normaliser = Normaliser::Create();
  ASSERT_TRUE(normaliser.has_value());
  IdentifierOptions options;
  options.fallback_regions = {"UA", "PL"};
  auto extractor = IdentifierExtractor::Create(options);
  ASSERT_TRUE(extractor.has_value());
  const std::vector<std::string> pieces = {
      "0", "5", "050", "123", "45", "+380", "+48", "+7", "8", "00", " ", "  ", "\n", "\t", ",", ".", ":", "/",
      "-", "(", ")", "[", "@", "#", "№", "id", "tel", "тел", "telegram", "tg", "dot", "at", "(at)", "[dot]",
      "собака", "точка", "o", "O", "l", "i", "о", "О", "і", "нуль", "п'ять", "один", "сто", "one", "dwa",
      "https://", "t.me/", "wa.me/", "www.", "mail", "com", "ua", "anna", "слово", "Word", "грн", "ціна",
      "\xD0", "\x80", "\xE2\x80\x8B", "\xC2\xA0", "\xEF\xBC\x90", "\xEF\xBC\xA0", "\xE2\x80\x99", "`",
      "\r", "\xF0\x9F\x98\x80", "ß", "İ", "\xCC\x81", "12.05.2024", "1 500",
      // Long words of letters with other two-byte characters, read sixteen bytes at a time.
      "працевлаштування", "Вроцлаві", "wózek", "zł", "ґ", "«", "»", "semnătură", "двісті", "п'ятсот",
      "ОІо", "kropka", "шістдесят", "dziewięćset", "!", "\"", "'",
      // Tokens of digits and punctuation, read from 64-byte chunks; words longer than a chunk.
      "1,400", "2024.", "10:", "+48", "-", "5%", "(093)", "ten", "the", "Eight", "ВОСЕМЬ", "восемь,",
      "Працевлаштуванняпрацевлаштуванняпрацевлаштуванняпрацевлаштування"};
  std::mt19937 random(5);
  int identifiers = 0;
  for (int field_index = 0; field_index < 20000; ++field_index) {
    std::string field;
    // Every fourth field long enough to span several chunks.
    const int count = 1 + static_cast<int>(random() % (field_index % 4 == 0 ? 160 : 40));
    for (int piece = 0; piece < count; ++piece) field += pieces[random() % pieces.size()];
    const std::optional<std::string> region = random() % 2 == 0 ? std::optional<std::string>("UA") : std::nullopt;
    const MappedText folded = normaliser->Fold(field);
    const std::vector<Identifier> whole =
        extractor->Extract(field, folded, normaliser->DeobfuscateDigits(folded), region);
    const std::vector<Identifier> windowed = extractor->Extract(field, region);
    identifiers += static_cast<int>(whole.size());
    ASSERT_EQ(windowed.size(), whole.size()) << field;
    for (std::size_t index = 0; index < whole.size(); ++index) {
      ASSERT_EQ(windowed[index].value, whole[index].value) << field;
      ASSERT_EQ(windowed[index].span, whole[index].span) << field;
    }
  }
  EXPECT_GT(identifiers, 5000);  // the pieces do make identifiers
}

}  // namespace
}  // namespace vigil::core::monitor
