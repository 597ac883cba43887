// The English shortcut of language identification (PlainEnglish, docs/quality.md) must only ever
// answer what CLD2 and the letters would have answered. Checked on every text in several
// languages the repository holds: the knowledge articles (en, uk, ru, pl, ro, ar), the lexicon's
// test sentences (uk, ru, pl, en, ro, de, cs) and the EMSCAD job ads (English, real).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "codec/csv/csv_reader.hpp"
#include "core/monitor/language.hpp"

namespace vigil {
namespace {

namespace fs = std::filesystem;
using core::monitor::DetectLanguage;
using core::monitor::DetectLanguageWithoutShortcuts;
using core::monitor::LanguageMethod;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Tally {
  int texts = 0;
  int shortcut = 0;  // answered by the shortcut
  int disagree = 0;  // ... differently from CLD2 and the letters
};

void Check(const std::string& set, const std::string& text, std::map<std::string, Tally>& tallies) {
  Tally& tally = tallies[set];
  ++tally.texts;
  const auto guess = DetectLanguage(text);
  if (guess.method != LanguageMethod::kFunctionWords) return;
  ++tally.shortcut;
  const auto reference = DetectLanguageWithoutShortcuts(text);
  if (reference.code != guess.code) {
    ++tally.disagree;
    ADD_FAILURE() << set << ": shortcut says " << guess.code << ", CLD2 and letters say " << reference.code
                  << " for: " << text.substr(0, 200);
  }
}

// `text` with the diacritics of Polish, Romanian, Czech and German letters dropped ("Łódź" →
// "Lodz"), as people often type: the texts the shortcut could mistake for English.
std::string WithoutDiacritics(const std::string& text) {
  static const std::map<std::string, std::string> kPlain = {
      {"ą", "a"}, {"ć", "c"}, {"ę", "e"}, {"ł", "l"}, {"ń", "n"}, {"ó", "o"}, {"ś", "s"}, {"ź", "z"}, {"ż", "z"},
      {"Ą", "A"}, {"Ć", "C"}, {"Ę", "E"}, {"Ł", "L"}, {"Ń", "N"}, {"Ó", "O"}, {"Ś", "S"}, {"Ź", "Z"}, {"Ż", "Z"},
      {"ă", "a"}, {"â", "a"}, {"î", "i"}, {"ș", "s"}, {"ş", "s"}, {"ț", "t"}, {"ţ", "t"},
      {"Ă", "A"}, {"Â", "A"}, {"Î", "I"}, {"Ș", "S"}, {"Ş", "S"}, {"Ț", "T"}, {"Ţ", "T"},
      {"á", "a"}, {"č", "c"}, {"ď", "d"}, {"é", "e"}, {"ě", "e"}, {"í", "i"}, {"ň", "n"}, {"ř", "r"},
      {"š", "s"}, {"ť", "t"}, {"ú", "u"}, {"ů", "u"}, {"ý", "y"}, {"ž", "z"},
      {"Á", "A"}, {"Č", "C"}, {"Ď", "D"}, {"É", "E"}, {"Ě", "E"}, {"Í", "I"}, {"Ň", "N"}, {"Ř", "R"},
      {"Š", "S"}, {"Ť", "T"}, {"Ú", "U"}, {"Ů", "U"}, {"Ý", "Y"}, {"Ž", "Z"},
      {"ä", "a"}, {"ö", "o"}, {"ü", "u"}, {"ß", "ss"}, {"Ä", "A"}, {"Ö", "O"}, {"Ü", "U"}};
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) {
    const auto known = text.size() - pos >= 2 ? kPlain.find(text.substr(pos, 2)) : kPlain.end();
    if (known != kPlain.end()) {
      out += known->second;
      pos += 2;
    } else {
      out += text[pos++];
    }
  }
  return out;
}

// Every string value of a YAML tree, one text per paragraph (knowledge bodies hold several).
void Strings(const YAML::Node& node, std::vector<std::string>& out) {
  if (node.IsScalar()) {
    std::stringstream paragraphs(node.as<std::string>());
    std::string paragraph, line;
    while (std::getline(paragraphs, line)) {
      if (!line.empty()) {
        paragraph += (paragraph.empty() ? "" : " ") + line;
        continue;
      }
      if (!paragraph.empty()) out.push_back(paragraph);
      paragraph.clear();
    }
    if (!paragraph.empty()) out.push_back(paragraph);
  } else if (node.IsSequence() || node.IsMap()) {
    for (const auto& item : node) Strings(node.IsMap() ? item.second : item, out);
  }
}

TEST(LanguageShortcutEval, TheEnglishShortcutAgreesWithCld2OnEveryText) {
  const fs::path root(VIGIL_SOURCE_DIR);
  std::map<std::string, Tally> tallies;
  for (const auto& language : fs::directory_iterator(root / "data/knowledge")) {
    if (!language.is_directory()) continue;
    for (const auto& file : fs::directory_iterator(language.path())) {
      if (file.path().extension() != ".yaml") continue;
      std::vector<std::string> texts;
      Strings(YAML::LoadFile(file.path().string()), texts);
      for (const auto& text : texts) {
        const std::string name = language.path().filename().string();
        if (text.size() < 20) continue;
        Check("knowledge/" + name, text, tallies);
        if (name == "pl" || name == "ro") Check("knowledge/" + name + " plain", WithoutDiacritics(text), tallies);
      }
    }
  }
  for (const auto& file : fs::directory_iterator(root / "data/monitor/lexicon")) {
    const YAML::Node lexicon = YAML::LoadFile(file.path().string());
    for (const auto& entry : lexicon["entries"]) {
      for (const char* key : {"match", "no_match"}) {
        for (const auto& sentence : entry[key]) {
          const std::string name = lexicon["language"].as<std::string>();
          Check("lexicon/" + name, sentence.as<std::string>(), tallies);
          if (name != "en") Check("lexicon/" + name + " plain", WithoutDiacritics(sentence.as<std::string>()), tallies);
        }
      }
    }
  }
  auto records = codec::csv::ParseCsv(ReadFile(root / "tests/eval/emscad_first500.csv"));
  ASSERT_TRUE(records.has_value()) << records.error().message;
  const auto& header = records->front().fields;
  for (std::size_t row = 1; row < records->size(); ++row) {
    for (const char* column : {"title", "company_profile", "description", "requirements", "benefits"}) {
      const auto at = std::find(header.begin(), header.end(), column);
      ASSERT_NE(at, header.end()) << column;
      const std::string& text = (*records)[row].fields[static_cast<std::size_t>(at - header.begin())];
      if (!text.empty()) Check(std::string("emscad/") + column, text, tallies);
    }
  }
  int english_shortcuts = 0, other_shortcuts = 0, texts = 0;
  for (const auto& [set, tally] : tallies) {
    std::printf("%-28s texts %5d  shortcut %5d  disagree %d\n", set.c_str(), tally.texts, tally.shortcut, tally.disagree);
    EXPECT_EQ(tally.disagree, 0) << set;
    const bool english = set.starts_with("emscad") || set == "knowledge/en" || set == "lexicon/en";
    (english ? english_shortcuts : other_shortcuts) += tally.shortcut;
    texts += tally.texts;
  }
  EXPECT_GT(texts, 3000);
  // The shortcut is taken on English text (else it would save nothing) and never on the others.
  EXPECT_GT(english_shortcuts, 500);
  EXPECT_EQ(other_shortcuts, 0);
}

}  // namespace
}  // namespace vigil
