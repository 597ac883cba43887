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

  // True when `folded` (FoldForScan output) has a word that mixes ASCII letters with Cyrillic or
  // Greek letters, or holds a full-width form or a mathematical letter. Full-width digits count
  // only when a skeleton phrase holds a digit (no phrase of the shipped lexicon does; generated
  // and real posts write phone numbers in them). One pass, no allocation.
  [[nodiscard]] bool Needed(std::string_view folded) const;

  // Hits of the skeleton scan of `original`, with spans into `original` (whole characters).
  [[nodiscard]] Result<std::vector<LexiconHit>> Scan(std::string_view original, Normaliser& normaliser,
                                                     LexiconScratch& scratch) const;

  const LexiconMatcher& matcher() const { return matcher_; }

 private:
  LookalikeLexicon(LexiconMatcher matcher, bool digits_matter)
      : matcher_(std::move(matcher)), digits_matter_(digits_matter) {}
  LexiconMatcher matcher_;
  bool digits_matter_ = true;  // a skeleton phrase holds a digit
};

}  // namespace vigil::core::monitor
