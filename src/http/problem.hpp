// The one place that maps errors to HTTP: status codes and stable problem types
// (urn:vigil:problem:<slug>), rendered as application/problem+json.
#pragma once

#include <string>
#include <string_view>

#include "core/common/error.hpp"
#include "http/message.hpp"

namespace vigil::http {

inline constexpr std::string_view kProblemPrefix = "urn:vigil:problem:";

// Answers with the problem `slug` (see kProblemTypes in problem.cpp for status and title).
// REQUIRES: `detail` holds no personal data and no internals.
[[nodiscard]] Response ProblemResponse(std::string_view slug, std::string detail,
                                       std::string_view request_id);

// Maps an Error: its reason when it names a known problem, else its code. Internal and
// unavailable errors never show their message.
[[nodiscard]] Response ErrorResponse(const Error& error, std::string_view request_id);

// Every problem slug Vigil can answer with, for documentation and tests.
[[nodiscard]] std::vector<std::string_view> ProblemSlugs();

}  // namespace vigil::http
