#include "codec/yaml/knowledge_yaml.hpp"

#include <gtest/gtest.h>

namespace vigil::codec::yaml {
namespace {

using core::knowledge::SourceHash;

const std::string kEnglish = R"(lang: en
topic: signs
title: "Warning signs"
audience: public
summary: "Signs."
items:
  - id: signs.job
    title: "A job that is too good"
    body: "High pay abroad."
    source: "UN Protocol art. 3"
    status: verified
    see_also: [signs.documents]
  - id: signs.documents
    title: "Someone keeps your papers"
    body: "Nobody may keep them."
    source: "UN Protocol art. 3"
    status: as_cited
)";

std::string Hash(const std::string& title, const std::string& body) {
  core::knowledge::Item item;
  item.title = title;
  item.body = body;
  return SourceHash(item);
}

std::string Ukrainian(const std::string& job_from, bool with_documents, bool list_missing) {
  std::string text = "lang: uk\ntopic: signs\ntitle: \"Ознаки\"\nitems:\n  - id: signs.job\n    from: \"" +
                     job_from + "\"\n    title: \"Занадто добра робота\"\n    body: \"Висока зарплата.\"\n";
  if (with_documents) {
    text += "  - id: signs.documents\n    from: \"" + Hash("Someone keeps your papers", "Nobody may keep them.") +
            "\"\n    title: \"Хтось тримає ваші документи\"\n    body: \"Ніхто не може їх тримати.\"\n";
  }
  if (list_missing) text += "missing: [signs.documents]\n";
  return text;
}

bool Has(const KnowledgeLoad& load, bool error, const std::string& part) {
  for (const auto& problem : load.problems) {
    if (problem.is_error == error && problem.message.find(part) != std::string::npos) return true;
  }
  return false;
}

const std::string kHotlines = R"(- id: eu.112
  country: EU
  organisation: "Single European emergency number"
  numbers: [{dial: "112", e164: null}]
  emergency: true
  free: true
  source: "Directive (EU) 2018/1972, art. 109"
  verified_on: null
)";

TEST(ParseKnowledge, LoadsEnglishTranslationsAndHotlines) {
  const std::string job_hash = Hash("A job that is too good", "High pay abroad.");
  auto load = ParseKnowledge({{"knowledge/en/signs.yaml", kEnglish},
                              {"knowledge/uk/signs.yaml", Ukrainian(job_hash, true, false)},
                              {"hotlines.yaml", kHotlines}});
  ASSERT_TRUE(load.knowledge.has_value());
  EXPECT_TRUE(load.problems.empty());
  auto view = load.knowledge->View("signs", "uk");
  ASSERT_TRUE(view.has_value());
  EXPECT_EQ(view->topic.items[0].title, "Занадто добра робота");
  EXPECT_EQ(view->topic.items[0].source, "UN Protocol art. 3");  // sources come from English
  EXPECT_FALSE(view->fallback[0]);
  auto french = load.knowledge->View("signs", "fr");
  EXPECT_TRUE(french->topic_fallback);
  EXPECT_TRUE(french->fallback[1]);
  ASSERT_EQ(load.knowledge->Hotlines().size(), 1u);
  EXPECT_TRUE(core::knowledge::NotRecentlyVerified(load.knowledge->Hotlines()[0], std::chrono::system_clock::now()));
}

TEST(ParseKnowledge, MissingTranslationsMustBeListedAndOutdatedOnesAreNoted) {
  const std::string job_hash = Hash("A job that is too good", "High pay abroad.");
  auto unlisted = ParseKnowledge({{"knowledge/en/signs.yaml", kEnglish},
                                  {"knowledge/uk/signs.yaml", Ukrainian(job_hash, false, false)}});
  EXPECT_FALSE(unlisted.knowledge.has_value());
  EXPECT_TRUE(Has(unlisted, true, "\"signs.documents\" is neither translated nor listed"));

  auto listed = ParseKnowledge({{"knowledge/en/signs.yaml", kEnglish},
                                {"knowledge/uk/signs.yaml", Ukrainian(job_hash, false, true)}});
  EXPECT_TRUE(listed.knowledge.has_value());
  EXPECT_TRUE(Has(listed, false, "listed as missing"));
  EXPECT_TRUE(listed.knowledge->View("signs", "uk")->fallback[1]);

  auto outdated = ParseKnowledge({{"knowledge/en/signs.yaml", kEnglish},
                                  {"knowledge/uk/signs.yaml", Ukrainian("000000000000", true, false)}});
  EXPECT_TRUE(outdated.knowledge.has_value());
  EXPECT_TRUE(Has(outdated, false, "\"signs.job\" is outdated"));
}

TEST(ParseKnowledge, NamesBrokenContent) {
  struct Case {
    std::string from, to, message;
  };
  const std::vector<Case> cases = {
      {"    source: \"UN Protocol art. 3\"\n    status: verified\n", "    status: verified\n", "\"source\" is missing"},
      {"see_also: [signs.documents]", "see_also: [signs.nowhere]", "see_also \"signs.nowhere\" does not exist"},
      {"id: signs.documents", "id: signs.job", "appears twice"},
      {"status: as_cited", "status: maybe", "status must be"},
      {"id: signs.job", "id: other.job", "must be signs.<lowercase_slug>"},
      {"audience: public", "audience: everyone", "audience must be"},
  };
  for (const Case& item : cases) {
    std::string english = kEnglish;
    const auto pos = english.find(item.from);
    ASSERT_NE(pos, std::string::npos) << item.from;
    english.replace(pos, item.from.size(), item.to);
    auto load = ParseKnowledge({{"knowledge/en/signs.yaml", english}});
    EXPECT_FALSE(load.knowledge.has_value()) << item.message;
    EXPECT_TRUE(Has(load, true, item.message)) << item.message;
    // Problems carry a line number within the file.
    EXPECT_GT(load.problems.front().line, 0) << item.message;
  }
  auto bad_phone = ParseKnowledge({{"knowledge/en/signs.yaml", kEnglish},
                                   {"hotlines.yaml", R"(- {id: x, country: UA, organisation: o, source: s, numbers: [{dial: "0800", e164: "0800"}]})"}});
  EXPECT_TRUE(Has(bad_phone, true, "is not E.164"));
}

}  // namespace
}  // namespace vigil::codec::yaml
