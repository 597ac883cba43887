// For tests: a lexicon entry made of one phrase, with the fields ValidateLexicon requires.
#pragma once

#include <string>

#include "core/monitor/lexicon.hpp"

namespace vigil::core::monitor {

inline LexiconEntry PhraseEntry(const std::string& id, const std::string& indicator,
                                const std::string& category, const std::string& phrase,
                                double weight) {
  LexiconEntry entry;
  entry.id = id;
  entry.language = "en";
  entry.indicator = indicator;
  entry.category = category;
  entry.weight = weight;
  entry.source = "test";
  entry.verification = "unverified";
  entry.patterns = {{PatternKind::kPhrase, phrase}};
  entry.match = {phrase};
  entry.no_match = {"nothing"};
  return entry;
}

}  // namespace vigil::core::monitor
