#include "core/monitor/masking.hpp"

#include <gtest/gtest.h>

namespace vigil::core::monitor {
namespace {

TEST(Masking, LongDigitRunsLookLikePhonesAndPricesDoNot) {
  const std::string text = "Pay 1 500 euro, call +380 84 119 99 21 or (067) 12-34-567; year 2024.";
  const auto runs = LongDigitRuns(text);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(text.substr(runs[0].start, runs[0].end - runs[0].start), "+380 84 119 99 21");
  EXPECT_EQ(text.substr(runs[1].start, runs[1].end - runs[1].start), "067) 12-34-567");
}

// A number the phone stage did not accept is masked in the views for roles without raw access,
// and shown as written in the raw view.
TEST(Masking, SegmentsHideLongDigitRunsUnlessRaw) {
  const std::string field = "Call +380 84 119 99 21 today";
  const auto masked = BuildSegments(field, "text", {}, {}, false);
  EXPECT_EQ(JoinSegments(masked), "Call [number-hidden] today");
  ASSERT_EQ(masked.size(), 3u);
  EXPECT_EQ(masked[1].kind, Segment::Kind::kIdentifier);
  EXPECT_EQ(masked[1].type, "number");
  EXPECT_EQ(JoinSegments(BuildSegments(field, "text", {}, {}, true)), field);
}

}  // namespace
}  // namespace vigil::core::monitor
