// The explanation of a cluster: the text its posts share (the template) and the places where they
// differ (slots, with each post's value). Each post's words are aligned with the first post's by a
// longest common subsequence; a first-post word aligned in every post is part of the template.
// Computed only for clusters, never for every post.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::core::monitor {

struct TemplatePart {
  bool is_slot = false;
  std::string text;                 // the shared words (is_slot false), joined by single spaces
  std::vector<std::string> values;  // is_slot: each post's words here, in input order ("" = none)
};

struct ClusterTemplate {
  std::vector<TemplatePart> parts;  // in reading order; no two fixed parts in a row
  std::size_t slots = 0;
  std::size_t shared_words = 0;
};

// Words are runs of non-space characters, compared exactly. Alignment is quadratic in length:
// only the first `max_words` words of each post are aligned; the rest of each post becomes one
// final slot when the posts differ there. REQUIRES: texts.size() >= 2 for a meaningful result
// (one text gives one fixed part).
[[nodiscard]] ClusterTemplate ComputeTemplate(const std::vector<std::string_view>& texts,
                                              std::size_t max_words = 400);

}  // namespace vigil::core::monitor
