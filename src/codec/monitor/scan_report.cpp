#include "codec/monitor/scan_report.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <thread>

#include "codec/json/json_text.hpp"
#include "core/common/encoding.hpp"
#include "core/monitor/masking.hpp"

namespace vigil::codec::monitor {
namespace {

using Json = nlohmann::ordered_json;
using core::monitor::ClusterResult;
using core::monitor::PostResult;
using core::monitor::RiskScore;

double Round(double value) { return std::round(value * 1e6) / 1e6; }

const core::monitor::Post& InputPost(const ScanReport& report, std::size_t position) {
  return report.input.posts[report.result.posts[position].input_index];
}

// The posts dominate a large report: they are written by hand (nlohmann builds a tree per
// object, several times slower). Strings are valid UTF-8 here (the codecs repair them).
void AppendString(std::string_view text, std::string& out) {
  std::string repaired;
  if (!IsValidUtf8(text)) {
    bool changed = false;
    repaired = RepairUtf8(text, changed);
    text = repaired;
  }
  out += '"';
  std::size_t plain = 0;  // start of the run of bytes copied as they are
  for (std::size_t pos = PlainJsonRunEnd(text, 0); pos < text.size(); pos = PlainJsonRunEnd(text, pos + 1)) {
    const auto c = static_cast<unsigned char>(text[pos]);
    out.append(text, plain, pos - plain);
    plain = pos + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        char escaped[8];
        std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
        out += escaped;
      }
    }
  }
  out.append(text, plain, text.size() - plain);
  out += '"';
}

// `key` (with the punctuation before it, e.g. `,"id":`) and a string value.
void AppendField(std::string_view key, std::string_view value, std::string& out) {
  out += key;
  AppendString(value, out);
}

void AppendNumber(double value, std::string& out) {
  char buffer[32];
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, Round(value));
  const std::string_view text(buffer, static_cast<std::size_t>(written.ptr - buffer));
  out += text;
  if (text.find_first_of(".e") == std::string_view::npos) out += ".0";
}

// A whole number in decimal, without a temporary string.
void AppendUnsigned(std::uint64_t value, std::string& out) {
  char buffer[24];
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, static_cast<std::size_t>(written.ptr - buffer));
}

void AppendSpan(const core::monitor::ByteSpan& span, std::string& out) {
  out += "\"span\":[";
  AppendUnsigned(span.start, out);
  out += ',';
  AppendUnsigned(span.end, out);
  out += ']';
}

void AppendReasons(const RiskScore& risk, std::string& out) {
  out += "[";
  for (std::size_t idx = 0; idx < risk.reasons.size(); ++idx) {
    const auto& reason = risk.reasons[idx];
    AppendField(idx > 0 ? ",{\"code\":" : "{\"code\":", reason.code, out);
    AppendField(",\"subject\":", reason.subject, out);
    out += ",\"points\":";
    AppendNumber(reason.points, out);
    AppendField(",\"detail\":", reason.detail, out);
    out += "}";
  }
  out += "]";
}

void AppendPostJson(const ScanReport& report, std::size_t position, std::string& out) {
  const PostResult& result = report.result.posts[position];
  const core::monitor::Post& post = report.input.posts[result.input_index];
  const PostFlags& flags = report.input.flags[result.input_index];
  AppendField("{\"source\":", post.source, out);
  AppendField(",\"id\":", post.id, out);
  out += ",\"line\":";
  AppendUnsigned(static_cast<std::uint64_t>(report.input.lines[result.input_index]), out);
  out += ",\"lang\":";
  AppendString(result.language, out);
  out += ",\"risk\":";
  AppendNumber(result.risk.total, out);
  out += ",\"reasons\":";
  AppendReasons(result.risk, out);
  out += ",\"indicators\":[";
  for (std::size_t idx = 0; idx < result.indicators.size(); ++idx) {
    const auto& hit = result.indicators[idx];
    AppendField(idx > 0 ? ",{\"id\":" : "{\"id\":", hit.indicator, out);
    AppendField(",\"entry\":", hit.entry, out);
    AppendField(",\"category\":", hit.category, out);
    AppendField(",\"field\":", hit.field, out);
    out += ",";
    AppendSpan(hit.span, out);
    out += "}";
  }
  out += "],\"identifiers\":[";
  for (std::size_t idx = 0; idx < result.identifiers.size(); ++idx) {
    const auto& found = result.identifiers[idx];
    AppendField(idx > 0 ? ",{\"type\":" : "{\"type\":", found.type, out);
    AppendField(",\"value\":", found.value, out);
    AppendField(",\"field\":", found.field, out);
    out += ",";
    AppendSpan(found.span, out);
    out += "}";
  }
  out += "],\"cluster\":";
  if (result.cluster) {
    AppendUnsigned(*result.cluster, out);
  } else {
    out += "null";
  }
  out += ",\"flags\":[";
  if (flags.truncated) out += "\"truncated\"";
  if (flags.utf8_repaired) out += flags.truncated ? ",\"utf8-repaired\"" : "\"utf8-repaired\"";
  out += "]}";
}

void AppendPostKey(const ScanReport& report, std::size_t member, std::string& out) {
  const auto& post = InputPost(report, member);
  out += '[';
  AppendString(post.source, out);
  out += ',';
  AppendString(post.id, out);
  out += ']';
}

void AppendStrings(const std::vector<std::string>& values, std::string& out) {
  out += '[';
  for (std::size_t idx = 0; idx < values.size(); ++idx) {
    if (idx > 0) out += ',';
    AppendString(values[idx], out);
  }
  out += ']';
}

void AppendTime(const std::optional<std::int64_t>& seconds, std::string& out) {
  if (seconds) {
    AppendString(core::monitor::FormatRfc3339(*seconds), out);
  } else {
    out += "null";
  }
}

// Written by hand like the posts: a large scan has tens of thousands of clusters.
void AppendClusterJson(const ScanReport& report, const ClusterResult& cluster, std::string& out) {
  out += "{\"id\":";
  AppendUnsigned(cluster.cluster.id, out);
  out += ",\"posts\":[";
  for (std::size_t idx = 0; idx < cluster.cluster.members.size(); ++idx) {
    if (idx > 0) out += ',';
    AppendPostKey(report, cluster.cluster.members[idx], out);
  }
  out += "],\"shared_identifiers\":[";
  for (std::size_t idx = 0; idx < cluster.cluster.shared_identifiers.size(); ++idx) {
    const auto& identifier = cluster.cluster.shared_identifiers[idx];
    AppendField(idx > 0 ? ",{\"type\":" : "{\"type\":", identifier.type, out);
    AppendField(",\"value\":", identifier.value, out);
    out += ",\"posts\":[";
    for (std::size_t holder = 0; holder < identifier.posts.size(); ++holder) {
      if (holder > 0) out += ',';
      AppendPostKey(report, identifier.posts[holder], out);
    }
    out += "]}";
  }
  out += "],\"near_duplicate_edges\":";
  AppendUnsigned(cluster.cluster.near_duplicate_edges, out);
  out += ",\"risk\":";
  AppendNumber(cluster.risk.total, out);
  out += ",\"reasons\":";
  AppendReasons(cluster.risk, out);
  out += ",\"template\":{\"parts\":[";
  for (std::size_t idx = 0; idx < cluster.explanation.parts.size(); ++idx) {
    const auto& part = cluster.explanation.parts[idx];
    if (idx > 0) out += ',';
    if (part.is_slot) {
      out += "{\"slot\":";
      AppendStrings(part.values, out);
    } else {
      AppendField("{\"text\":", part.text, out);
    }
    out += '}';
  }
  out += "],\"slots\":";
  AppendUnsigned(cluster.explanation.slots, out);
  out += ",\"shared_words\":";
  AppendUnsigned(cluster.explanation.shared_words, out);
  out += "},\"first_seen\":";
  AppendTime(cluster.cluster.first_seen, out);
  out += ",\"last_seen\":";
  AppendTime(cluster.cluster.last_seen, out);
  out += ",\"sources\":";
  AppendStrings(cluster.cluster.sources, out);
  out += ",\"languages\":";
  AppendStrings(cluster.cluster.languages, out);
  out += ",\"cities\":";
  AppendStrings(cluster.cluster.cities, out);
  out += '}';
}

}  // namespace

void WriteScanJson(const ScanReport& report, int threads, const std::function<void(std::string_view)>& sink) {
  std::size_t truncated = 0, repaired = 0;
  for (const PostResult& post : report.result.posts) {
    truncated += report.input.flags[post.input_index].truncated ? 1 : 0;
    repaired += report.input.flags[post.input_index].utf8_repaired ? 1 : 0;
  }
  Json summary = {{"posts", report.result.posts.size()},
                  {"invalid_lines", report.input.invalid.size()},
                  {"clusters", report.result.clusters.size()},
                  {"seconds", std::round(report.seconds * 1000) / 1000},
                  {"duplicates", report.result.duplicates},
                  {"truncated", truncated},
                  {"utf8_repaired", repaired}};
  Json invalid = Json::array();
  for (const auto& problem : report.input.invalid) {
    invalid.push_back({{"line", problem.line}, {"reason", problem.reason}});
  }
  // Posts are written one by one: a million-post report never exists as one JSON tree, nor as one
  // string. Posts, then clusters, go out in rounds: in each, `threads` slices of kBlockItems items
  // are written at once into buffers that are reused, then handed to `sink` in order.
  constexpr std::size_t kBlockItems = 2048;
  const std::size_t posts = report.result.posts.size();
  const std::size_t items = posts + report.result.clusters.size();
  const std::size_t slices = std::max<std::size_t>(1, std::min<std::size_t>(static_cast<std::size_t>(std::max(threads, 1)), 64));
  std::vector<std::string> parts(slices);
  sink("{\"summary\":" + summary.dump() + ",\"invalid\":" + invalid.dump() + ",\"posts\":[");
  for (std::size_t round = 0; round < items; round += slices * kBlockItems) {
    auto write_slice = [&](std::size_t slice) {
      std::string& out = parts[slice];
      out.clear();
      const std::size_t first = std::min(items, round + slice * kBlockItems);
      for (std::size_t item = first; item < std::min(items, first + kBlockItems); ++item) {
        if (item == posts) out += "],\"clusters\":[";
        if (item > 0 && item != posts) out += ",\n";
        if (item < posts) {
          AppendPostJson(report, item, out);
        } else {
          AppendClusterJson(report, report.result.clusters[item - posts], out);
        }
      }
    };
    std::vector<std::thread> running;
    for (std::size_t slice = 1; slice < slices && round + slice * kBlockItems < items; ++slice) {
      running.emplace_back(write_slice, slice);
    }
    write_slice(0);
    for (auto& thread : running) thread.join();
    for (std::size_t slice = 0; slice <= running.size(); ++slice) sink(parts[slice]);
  }
  sink(posts == items ? "],\"clusters\":[]}\n" : "]}\n");
}

std::string RenderScanJson(const ScanReport& report, int threads) {
  std::string out;
  WriteScanJson(report, threads, [&out](std::string_view piece) { out += piece; });
  return out;
}

}  // namespace vigil::codec::monitor
