// The one text folding applied before indexing and before searching, so that a query finds text
// whatever its case, compatibility forms, Arabic vowel marks or Latin accents (SQLite FTS5's own
// tokenizer folds none of the non-Latin cases).
#pragma once

#include <string>
#include <string_view>

namespace vigil::core::knowledge {

// NFKC case folding; Arabic harakat and tatweel removed, أ/إ/آ → ا, ة → ه, ى → ي; ё → е;
// combining marks removed after Latin letters only (so й, ї and Arabic letters keep theirs).
// Invalid UTF-8 sequences are dropped. Thread-safe.
[[nodiscard]] std::string FoldForSearch(std::string_view utf8);

}  // namespace vigil::core::knowledge
