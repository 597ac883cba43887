#include "core/monitor/identifiers.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace vigil::core::monitor {
namespace {

IdentifierExtractor MakeExtractor() {
  IdentifierOptions options;
  options.fallback_regions = {"UA", "PL"};
  options.phone_overrides.push_back({380, "77", 9, "test: NKEK allocation of code 77", false});
  options.shared_hosts = {"facebook.com", "bit.ly", "gmail.com", "olx.ua"};
  auto extractor = IdentifierExtractor::Create(std::move(options));
  EXPECT_TRUE(extractor.has_value()) << extractor.error().message;
  return std::move(*extractor);
}

std::vector<std::string> ValuesOf(const std::vector<Identifier>& found, IdentifierType type) {
  std::vector<std::string> values;
  for (const auto& identifier : found) {
    if (identifier.type == type) values.push_back(identifier.value);
  }
  return values;
}

std::string SpanText(std::string_view text, const Identifier& identifier) {
  return std::string(text.substr(identifier.span.start, identifier.span.end - identifier.span.start));
}

using Strings = std::vector<std::string>;

TEST(Identifiers, PhonesInCommonWritings) {
  IdentifierExtractor extractor = MakeExtractor();
  const std::string text = "Дзвоніть 050 123 45 67 або (067) 765-43-21, Polska: +48 512 345 678, wa 0048601234567";
  const auto found = extractor.Extract(text, std::string("UA"));
  EXPECT_EQ(ValuesOf(found, IdentifierType::kPhone),
            (Strings{"+380501234567", "+380677654321", "+48512345678", "+48601234567"}));
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(SpanText(text, found[0]), "050 123 45 67");
  EXPECT_EQ(SpanText(text, found[1]), "(067) 765-43-21");
  EXPECT_EQ(SpanText(text, found[2]), "+48 512 345 678");
}

TEST(Identifiers, PhonesAfterTextOfAnyLength) {
  // The phone stage skips to the next digit or "+" sixteen bytes at a time: a number (with or
  // without "+") is found with its span wherever the block edges fall.
  IdentifierExtractor extractor = MakeExtractor();
  for (std::size_t lead = 0; lead < 40; ++lead) {
    const std::string prose = std::string(lead, 'x') + " tel ";
    for (const std::string number : {"+48 512 345 678", "050 123 45 67"}) {
      const std::string text = prose + number + " ok";
      const auto found = extractor.Extract(text, std::string("UA"));
      ASSERT_EQ(found.size(), 1U) << text;
      EXPECT_EQ(SpanText(text, found[0]), number) << text;
    }
  }
}

TEST(Identifiers, RegionHintDecidesNationalNumbers) {
  IdentifierExtractor extractor = MakeExtractor();
  EXPECT_EQ(ValuesOf(extractor.Extract("tel. 512 345 678", std::string("PL")), IdentifierType::kPhone),
            (Strings{"+48512345678"}));
  EXPECT_EQ(ValuesOf(extractor.Extract("call 07400 123456", std::string("GB")), IdentifierType::kPhone),
            (Strings{"+447400123456"}));
  // Without a hint the fallback regions are tried in order.
  EXPECT_EQ(ValuesOf(extractor.Extract("tel 0501234567", std::nullopt), IdentifierType::kPhone),
            (Strings{"+380501234567"}));
}

// The short cut past libphonenumber's Parse must agree with the library on other trunk
// prefixes, leading zeros and numbers written with the country code but no "+".
TEST(Identifiers, PhoneShortCutAgreesWithTheLibrary) {
  IdentifierExtractor extractor = MakeExtractor();
  EXPECT_EQ(ValuesOf(extractor.Extract("звоните 8 (912) 345-67-89", std::string("RU")), IdentifierType::kPhone),
            (Strings{"+79123456789"}));
  EXPECT_EQ(ValuesOf(extractor.Extract("chiamare +39 06 1234 5678", std::nullopt), IdentifierType::kPhone),
            (Strings{"+390612345678"}));
  EXPECT_EQ(ValuesOf(extractor.Extract("call +1 650 253 0000", std::nullopt), IdentifierType::kPhone),
            (Strings{"+16502530000"}));
  EXPECT_EQ(ValuesOf(extractor.Extract("тел 380501234567", std::string("UA")), IdentifierType::kPhone),
            (Strings{"+380501234567"}));
  EXPECT_EQ(ValuesOf(extractor.Extract("tel 48512345678", std::string("UA")), IdentifierType::kPhone),
            (Strings{"+48512345678"}));
  EXPECT_EQ(ValuesOf(extractor.Extract("Tel. 0151 23456789", std::string("DE")), IdentifierType::kPhone),
            (Strings{"+4915123456789"}));
}

// After "+7" libphonenumber strips Russia's trunk prefix 8 ("+7 8 912 …" is +7 912 …); the short
// cut past Parse must still ask the library for such codes. After "+48" nothing is stripped, so an
// invalid number stays invalid without asking.
TEST(Identifiers, TrunkPrefixAfterACountryCodeAsTheLibraryReadsIt) {
  IdentifierExtractor extractor = MakeExtractor();
  EXPECT_EQ(ValuesOf(extractor.Extract("звоните +7 8 912 345-67-89", std::nullopt), IdentifierType::kPhone),
            (Strings{"+79123456789"}));
  EXPECT_EQ(ValuesOf(extractor.Extract("tel. +48 5 0 1 123 4567", std::nullopt), IdentifierType::kPhone), Strings{});
}

TEST(Identifiers, OverridesAcceptRangesTheMetadataRejects) {
  IdentifierExtractor extractor = MakeExtractor();
  const auto found = extractor.Extract("Київстар: 077 123 45 67 або +380 77 765 43 21", std::string("UA"));
  EXPECT_EQ(ValuesOf(found, IdentifierType::kPhone), (Strings{"+380771234567", "+380777654321"}));
  // Without the override the same numbers are rejected.
  auto plain = IdentifierExtractor::Create({});
  ASSERT_TRUE(plain);
  EXPECT_TRUE(ValuesOf(plain->Extract("077 123 45 67", std::string("UA")), IdentifierType::kPhone).empty());
}

TEST(Identifiers, ObfuscatedPhonesAreFoundAndSpansCoverTheOriginal) {
  IdentifierExtractor extractor = MakeExtractor();
  const std::string text = "пишіть: нуль п'ять нуль, один два три, сорок п'ять, шістдесят сім";
  const auto found = extractor.Extract(text, std::string("UA"));
  ASSERT_EQ(ValuesOf(found, IdentifierType::kPhone), (Strings{"+380501234567"}));
  EXPECT_EQ(SpanText(text, found[0]), "нуль п'ять нуль, один два три, сорок п'ять, шістдесят сім");
  EXPECT_EQ(ValuesOf(extractor.Extract("тел О5О l23 45 67", std::string("UA")), IdentifierType::kPhone),
            (Strings{"+380501234567"}));
  EXPECT_EQ(ValuesOf(extractor.Extract("Tel: ０５０１２３４５６７", std::string("UA")), IdentifierType::kPhone),
            (Strings{"+380501234567"}));
  EXPECT_EQ(ValuesOf(extractor.Extract("0 5 0 1 2 3 4 5 6 7", std::string("UA")), IdentifierType::kPhone),
            (Strings{"+380501234567"}));
}

TEST(Identifiers, PricesDatesAndIdsAreNotPhones) {
  IdentifierExtractor extractor = MakeExtractor();
  for (const std::string text : {
           "Зарплата 1 500 000 грн на місяць", "Оплата: 2 400 000 zł", "cena 1250000 PLN",
           "Виїзд 12.05.2024, повернення 30.06.2024", "start 2024-05-12 10:30",
           "ID 501234567", "Оголошення № 0501234567", "Nr oferty: 512345678", "код 0671234567",
           "order #512345678", "ref:512345678"}) {
    EXPECT_TRUE(ValuesOf(extractor.Extract(text, std::string("UA")), IdentifierType::kPhone).empty()) << text;
  }
  // A phone glued to a word that announces it is found; glued to other letters it is a code.
  EXPECT_EQ(ValuesOf(extractor.Extract("tel0501234567, kod AB0671234567", std::string("UA")), IdentifierType::kPhone),
            (Strings{"+380501234567"}));
  // A phone next to a date is still found.
  EXPECT_EQ(ValuesOf(extractor.Extract("12.05.2024 0501234567", std::string("UA")), IdentifierType::kPhone),
            (Strings{"+380501234567"}));
}

TEST(Identifiers, EmailsAndWebAddresses) {
  IdentifierExtractor extractor = MakeExtractor();
  const std::string text =
      "CV: Anna.Job@Example.COM, strona https://www.Agency-Work.com.pl/Oferty/123?utm_source=fb&id=7 "
      "oraz bit.ly/3xYz, facebook.com i www.olx.ua/d/uk/obyavlenie/Robota-ID1";
  const auto found = extractor.Extract(text, std::string("PL"));
  EXPECT_EQ(ValuesOf(found, IdentifierType::kEmail), (Strings{"anna.job@example.com"}));
  EXPECT_EQ(ValuesOf(found, IdentifierType::kDomain),
            (Strings{"agency-work.com.pl/Oferty/123?id=7", "bit.ly/3xYz", "facebook.com",
                     "olx.ua/d/uk/obyavlenie/Robota-ID1"}));
  for (const auto& identifier : found) {
    if (identifier.type != IdentifierType::kDomain) continue;
    EXPECT_EQ(identifier.shared_host, identifier.value.rfind("agency", 0) != 0) << identifier.value;
  }
  EXPECT_TRUE(ValuesOf(found, IdentifierType::kPhone).empty());  // digits in addresses are not phones
  const auto email = std::find_if(found.begin(), found.end(), [](const Identifier& i) { return i.type == IdentifierType::kEmail; });
  EXPECT_EQ(SpanText(text, *email), "Anna.Job@Example.COM");
}

TEST(Identifiers, WebAddressesAnswerTheSameOnceRememberedAndAfterTheCacheIsCleared) {
  // The finder remembers libpsl's answers per host and forgets them all past a few thousand.
  IdentifierExtractor extractor = MakeExtractor();
  const std::string text = "Pisz: https://t.me/Anna_Job, oferta jobs.agency.co.uk/Praca/7 i photo.jpg, wa.me/48512345678";
  auto check = [&](const std::vector<Identifier>& found) {
    EXPECT_EQ(ValuesOf(found, IdentifierType::kTelegram), (Strings{"anna_job"}));
    EXPECT_EQ(ValuesOf(found, IdentifierType::kDomain), (Strings{"agency.co.uk/Praca/7"}));
    EXPECT_EQ(ValuesOf(found, IdentifierType::kWhatsapp), (Strings{"+48512345678"}));
  };
  check(extractor.Extract(text, std::nullopt));
  check(extractor.Extract(text, std::nullopt));
  for (int index = 0; index < 5000; ++index) {
    const std::string host = "site" + std::to_string(index) + (index % 2 == 0 ? ".com.ua" : ".bogus");
    const auto found = extractor.Extract("strona " + host + "/x", std::nullopt);
    EXPECT_EQ(ValuesOf(found, IdentifierType::kDomain).size(), index % 2 == 0 ? 1U : 0U) << host;
  }
  check(extractor.Extract(text, std::nullopt));
}

TEST(Identifiers, WrittenOutEmailMarkers) {
  IdentifierExtractor extractor = MakeExtractor();
  const std::string text =
      "CV: anna.k (at) gmail (dot) com, Olga [at] ukr [dot] net, praca małpa wp.pl, ivan собака mail точка ru";
  const auto found = extractor.Extract(text, std::string("PL"));
  EXPECT_EQ(ValuesOf(found, IdentifierType::kEmail),
            (Strings{"anna.k@gmail.com", "olga@ukr.net", "praca@wp.pl", "ivan@mail.ru"}));
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(SpanText(text, found[0]), "anna.k (at) gmail (dot) com");
  // Ordinary words stay words: a dog is not an "@", a dot far from any "@" is not a ".".
  EXPECT_TRUE(ValuesOf(extractor.Extract("Моя собака любить гуляти, dot com era", std::nullopt), IdentifierType::kEmail).empty());
  EXPECT_TRUE(ValuesOf(extractor.Extract("ask anna at agency dot com", std::nullopt), IdentifierType::kEmail).empty());
}

TEST(Identifiers, AbbreviationsAndFileNamesAreNotDomains) {
  IdentifierExtractor extractor = MakeExtractor();
  const auto found = extractor.Extract("Sp. z o.o., e.g. 3.5 h, photo.jpg, т.д.", std::string("PL"));
  EXPECT_TRUE(ValuesOf(found, IdentifierType::kDomain).empty());
  // Sentences glued at their full stop, degrees and technology names.
  const auto prose = extractor.Extract(
      "our team members.You will work, a creative person.BS degree, EME B.SC degree, ASP.net skills, "
      "a sales center.in this role", std::string("GB"));
  EXPECT_TRUE(ValuesOf(prose, IdentifierType::kDomain).empty());
  EXPECT_EQ(ValuesOf(extractor.Extract("Sponsorship (Businessfriend.com) and site.in/jobs", std::nullopt), IdentifierType::kDomain),
            (Strings{"businessfriend.com", "site.in/jobs"}));
}

TEST(Identifiers, NumeroSignIsAnIdButTheWordNoIsNot) {
  IdentifierExtractor extractor = MakeExtractor();
  EXPECT_TRUE(ValuesOf(extractor.Extract("Оголошення № 0501234567", std::string("UA")), IdentifierType::kPhone).empty());
  EXPECT_TRUE(ValuesOf(extractor.Extract("Ad No. 0501234567", std::string("UA")), IdentifierType::kPhone).empty());
  EXPECT_EQ(ValuesOf(extractor.Extract("wrong number? no: 0501234567", std::string("UA")), IdentifierType::kPhone),
            (Strings{"+380501234567"}));
}

TEST(Identifiers, MessengerLinksAndHandles) {
  IdentifierExtractor extractor = MakeExtractor();
  const std::string text =
      "t.me/Anna_Work, https://t.me/joinchat/AbCdEf, wa.me/380501234567, viber://chat?number=%2B48512345678, "
      "https://signal.me/#p/+380671234567, chat.whatsapp.com/KxYz12, пишіть у Telegram @Recruit_Boss або insta @nice.jobs";
  const auto found = extractor.Extract(text, std::string("UA"));
  EXPECT_EQ(ValuesOf(found, IdentifierType::kTelegram), (Strings{"anna_work", "+AbCdEf", "recruit_boss"}));
  EXPECT_EQ(ValuesOf(found, IdentifierType::kWhatsapp), (Strings{"+380501234567", "chat.whatsapp.com/KxYz12"}));
  EXPECT_EQ(ValuesOf(found, IdentifierType::kViber), (Strings{"+48512345678"}));
  EXPECT_EQ(ValuesOf(found, IdentifierType::kSignal), (Strings{"+380671234567"}));
  EXPECT_EQ(ValuesOf(found, IdentifierType::kHandle), (Strings{"@nice.jobs"}));
  // Messenger numbers also count as phones.
  EXPECT_EQ(ValuesOf(found, IdentifierType::kPhone), (Strings{"+380501234567", "+48512345678", "+380671234567"}));
  EXPECT_TRUE(ValuesOf(found, IdentifierType::kDomain).empty());
}

TEST(Identifiers, EachValueOncePerType) {
  IdentifierExtractor extractor = MakeExtractor();
  const auto found = extractor.Extract("0501234567 … +380 50 123 45 67 … 050-123-45-67", std::string("UA"));
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].span.start, 0U);
}

TEST(Identifiers, OptionsAreValidated) {
  IdentifierOptions bad_override;
  bad_override.phone_overrides.push_back({380, "7a", 9, "x", false});
  EXPECT_FALSE(IdentifierExtractor::Create(bad_override));
  IdentifierOptions no_source;
  no_source.phone_overrides.push_back({380, "77", 9, "", false});
  const auto error = ValidateIdentifierOptions(no_source);
  ASSERT_FALSE(error);
  EXPECT_NE(error.error().message.find("phone override 1: source"), std::string::npos);
  IdentifierOptions bad_host;
  bad_host.shared_hosts = {"https://Facebook.com/"};
  EXPECT_FALSE(ValidateIdentifierOptions(bad_host));
  IdentifierOptions bad_region;
  bad_region.fallback_regions = {"ukr"};
  EXPECT_FALSE(ValidateIdentifierOptions(bad_region));
}

}  // namespace
}  // namespace vigil::core::monitor

namespace vigil::core::monitor {
namespace {

// Seeded random fields mixing digits, separators, look-alikes, number words, markers and broken
// UTF-8: nothing may crash, and every span must lie inside the field, in order of start.
TEST(Identifiers, RandomFieldsGiveSpansInsideTheField) {
  IdentifierExtractor extractor = MakeExtractor();
  const std::vector<std::string> pieces = {
      "0", "5", "7", " ", "-", "(", ")", "+", ".", "/", "O", "О", "l", "і", "п'ять", "сорок", "dwa",
      "zero", "@", "(at)", "gmail", ".com", "t.me/", "wa.me/", "https://", "www.", "x.pl", "грн", "№",
      "\xFF", "\xD0", "\xE2\x80", "\u200B", "\u0301", "ﬁ", "０", "１", "Ａ", "\n", "ID", "12.05.2025"};
  std::mt19937 random(11);
  for (int round = 0; round < 3000; ++round) {
    std::string field;
    const int length = static_cast<int>(random() % 40);
    for (int index = 0; index < length; ++index) field += pieces[random() % pieces.size()];
    const auto found = extractor.Extract(field, round % 2 == 0 ? std::optional<std::string>("UA") : std::nullopt);
    std::size_t previous_start = 0;
    for (const auto& identifier : found) {
      ASSERT_LE(identifier.span.start, identifier.span.end) << field;
      ASSERT_LE(identifier.span.end, field.size()) << field;
      ASSERT_GE(identifier.span.start, previous_start) << field;
      ASSERT_FALSE(identifier.value.empty()) << field;
      previous_start = identifier.span.start;
    }
  }
}

}  // namespace
}  // namespace vigil::core::monitor
