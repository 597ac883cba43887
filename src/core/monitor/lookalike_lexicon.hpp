// Lure phrases written with look-alike characters: "рrаcа" with Cyrillic р and а in a Polish
// word, "ＦＲＥＥ" in full-width letters. Such a text is matched a second time on its confusable
// skeleton (ICU, see Normaliser::Skeleton) against the lexicon's phrases in skeleton form, and the
// hits are mapped back to the original bytes. Only texts that need it pay for it: a word mixing
// Latin with Cyrillic or Greek letters, or a full-width or other compatibility letter (Needed).
// Regular expressions are not skeletonised: they match the folded text only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"
#include "core/monitor/lexicon_matcher.hpp"
#include "core/monitor/normalise.hpp"

namespace vigil::core::monitor {

class LookalikeLexicon {
 public:
  // The skeleton forms of the phrase patterns of `entries` compiled into a matcher; `compiled` as
  // in LexiconMatcher::Build. kInternal when ICU's data is missing.
  [[nodiscard]] static Result<LookalikeLexicon> Build(const std::vector<LexiconEntry>& entries,
                                                      std::string_view compiled = {});

  // Digits in the skeleton phrases (the skeleton writes some letters as digits: Cyrillic з as 3).
  enum class Digits { kNone, kInWords, kAlone };  // none; only in words with letters; a word of digits

  // True when `folded` (FoldForScan output) has a word that mixes ASCII letters with Cyrillic or
  // Greek letters, or holds a full-width form or a mathematical letter. A full-width digit counts
  // only where it can change a match (see Digits): phone numbers are often written in full-width
  // digits, and the skeleton scan is costly. One pass, no allocation.
  [[nodiscard]] bool Needed(std::string_view folded) const;

  // Hits of the skeleton scan of `original`, with spans into `original` (whole characters).
  [[nodiscard]] Result<std::vector<LexiconHit>> Scan(std::string_view original, Normaliser& normaliser,
                                                     LexiconScratch& scratch) const;

  const LexiconMatcher& matcher() const { return matcher_; }

 private:
  LookalikeLexicon(LexiconMatcher matcher, Digits digits) : matcher_(std::move(matcher)), digits_(digits) {}
  LexiconMatcher matcher_;
  Digits digits_ = Digits::kAlone;
};

}  // namespace vigil::core::monitor
