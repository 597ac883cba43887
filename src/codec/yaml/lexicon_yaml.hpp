// Reading one lure-lexicon file (data/monitor/lexicon/<language>.yaml). YAML shape problems are
// named by file and line here; the lexicon rules (ids, indicators, weights, sources, test
// sentences) are checked over all files together by core::monitor::ValidateLexicon.
#pragma once

#include <string>
#include <vector>

#include "core/common/error.hpp"
#include "core/monitor/lexicon.hpp"

namespace vigil::codec::yaml {

// Parses `text` (the content of `file_name`): a mapping with `language` and a list `entries`;
// each entry has id, indicator, category, ilo (list, optional), weight (number), source,
// verification, phrases and/or regexes (lists), match and no_match (lists of sentences).
// Every entry carries the file's language, the file name and its line. Errors
// (kInvalidArgument, reason "invalid-lexicon") list every problem as "<file>:<line>: …".
[[nodiscard]] Result<std::vector<core::monitor::LexiconEntry>> ParseLexiconYaml(
    const std::string& file_name, const std::string& text);

}  // namespace vigil::codec::yaml
