// The reports of `vigil monitor scan`: JSON with the stable names of issue 5, and one
// self-contained HTML page (inline CSS, no scripts, no external requests) for sharing with
// partners, with identifiers masked unless the caller asks for them.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "codec/monitor/posts_input.hpp"
#include "core/monitor/pipeline.hpp"

namespace vigil::codec::monitor {

struct ScanReport {
  const PostsInput& input;                        // the posts as read (PipelineResult indexes them)
  const core::monitor::PipelineResult& result;
  double seconds = 0.0;
};

// {"summary": {"posts", "invalid_lines", "clusters", "seconds", "duplicates", "truncated",
// "utf8_repaired"}, "invalid": [{"line", "reason"}], "posts": [...], "clusters": [...]} as in
// docs/monitor.md. Identifier values are included (the JSON is for analysts).
[[nodiscard]] std::string RenderScanJson(const ScanReport& report, int threads = 1);
// RenderScanJson in pieces given to `sink` in order, so a large report need not be held whole.
void WriteScanJson(const ScanReport& report, int threads, const std::function<void(std::string_view)>& sink);

// Every place where an identifier is written in one field of a post (the pipeline reports each
// value once, at its first occurrence), for masking; see core/monitor/masking.hpp.
using IdentifierPlaces =
    std::function<std::vector<core::monitor::ByteSpan>(const core::monitor::Post& post, std::string_view field)>;

// The HTML page: clusters ranked by risk (ties by id), then posts outside clusters that carry
// indicators, ranked likewise; lure phrases highlighted; identifier values replaced by their
// type unless `show_identifiers`: the reported occurrences, the same writing elsewhere in the
// field, and, when `places` is given, every place it finds (another writing of the same number).
[[nodiscard]] std::string RenderScanHtml(const ScanReport& report, bool show_identifiers,
                                         const IdentifierPlaces& places = {});

}  // namespace vigil::codec::monitor
