#include "codec/monitor/scan_report.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <thread>

#include "codec/json/json_text.hpp"
#include "codec/monitor/utf8_check.hpp"
#include "core/monitor/masking.hpp"

namespace vigil::codec::monitor {
namespace {

using Json = nlohmann::ordered_json;
using core::monitor::ClusterResult;
using core::monitor::PostResult;
using core::monitor::RiskScore;

double Round(double value) { return std::round(value * 1e6) / 1e6; }

// One slice of the report as it is written: a cursor into a buffer that is reused from round to
// round and grows by doubling. A report is made of short pieces, for which std::string's append
// (a capacity check, a call to memcpy and a terminator each time) costs more than the copying.
class JsonOut {
 public:
  JsonOut() { Clear(); }
  JsonOut(const JsonOut&) = delete;
  JsonOut& operator=(const JsonOut&) = delete;

  void Clear() {
    cursor_ = buffer_.data();
    end_ = cursor_ + buffer_.size();
  }
  std::string_view view() const { return {buffer_.data(), static_cast<std::size_t>(cursor_ - buffer_.data())}; }

  // At least `bytes` writable bytes at the cursor; Advance moves the cursor past those written.
  char* Room(std::size_t bytes) {
    if (static_cast<std::size_t>(end_ - cursor_) < bytes) Grow(bytes);
    return cursor_;
  }
  void Advance(char* to) { cursor_ = to; }

  void Put(char c) {
    *Room(1) = c;
    ++cursor_;
  }
  void Put(std::string_view text) {
    std::memcpy(Room(text.size()), text.data(), text.size());
    cursor_ += text.size();
  }
  // A string literal: its length is known when compiling, and so is the copy.
  template <std::size_t kSize>
  void Put(const char (&literal)[kSize]) {
    std::memcpy(Room(kSize - 1), literal, kSize - 1);
    cursor_ += kSize - 1;
  }

 private:
  void Grow(std::size_t bytes) {
    const auto used = static_cast<std::size_t>(cursor_ - buffer_.data());
    buffer_.resize(std::max({buffer_.size() * 2, used + bytes, std::size_t{1} << 20}));
    cursor_ = buffer_.data() + used;
    end_ = buffer_.data() + buffer_.size();
  }

  std::string buffer_;
  char* cursor_ = nullptr;
  char* end_ = nullptr;
};

const core::monitor::Post& InputPost(const ScanReport& report, std::size_t position) {
  return report.input.posts[report.result.posts[position].input_index];
}

// The posts dominate a large report: they are written by hand (nlohmann builds a tree per
// object, several times slower). Strings are valid UTF-8 here (the codecs repair them).
void AppendString(std::string_view text, JsonOut& out) {
  // Most values (sources, ids, codes, identifier values) are ASCII with nothing to escape: one
  // scan and one copy.
  if (IsPlainAsciiJson(text)) {
    char* at = out.Room(text.size() + 2);
    *at = '"';
    std::memcpy(at + 1, text.data(), text.size());
    at[text.size() + 1] = '"';
    out.Advance(at + text.size() + 2);
    return;
  }
  const std::size_t first = PlainAsciiJsonRunEnd(text, 0);
  std::string repaired;
  if (!IsValidUtf8Fast(text.substr(first))) {  // the bytes before `first` are ASCII
    bool changed = false;
    repaired = RepairUtf8(text, changed);
    text = repaired;
  }
  out.Put('"');
  std::size_t plain = 0;  // start of the run of bytes copied as they are
  for (std::size_t pos = PlainJsonRunEnd(text, first); pos < text.size(); pos = PlainJsonRunEnd(text, pos + 1)) {
    const auto c = static_cast<unsigned char>(text[pos]);
    out.Put(text.substr(plain, pos - plain));
    plain = pos + 1;
    switch (c) {
      case '"': out.Put("\\\""); break;
      case '\\': out.Put("\\\\"); break;
      case '\n': out.Put("\\n"); break;
      case '\r': out.Put("\\r"); break;
      case '\t': out.Put("\\t"); break;
      default: {  // another control character: \u00XX in lowercase hex
        constexpr std::string_view kHex = "0123456789abcdef";
        out.Put("\\u00");
        out.Put(kHex[c >> 4]);
        out.Put(kHex[c & 0xF]);
      }
    }
  }
  out.Put(text.substr(plain));
  out.Put('"');
}

// `key` (with the punctuation before it, e.g. `,"id":`) and a string value.
void AppendField(std::string_view key, std::string_view value, JsonOut& out) {
  out.Put(key);
  AppendString(value, out);
}

void AppendNumber(double value, JsonOut& out) {
  char buffer[32];
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, Round(value));
  const std::string_view text(buffer, static_cast<std::size_t>(written.ptr - buffer));
  out.Put(text);
  if (text.find_first_of(".e") == std::string_view::npos) out.Put(".0");
}

// A whole number in decimal, without a temporary string.
void AppendUnsigned(std::uint64_t value, JsonOut& out) {
  constexpr std::size_t kMaxDigits = 20;
  char* at = out.Room(kMaxDigits);
  out.Advance(std::to_chars(at, at + kMaxDigits, value).ptr);
}

void AppendSpan(const core::monitor::ByteSpan& span, JsonOut& out) {
  out.Put("\"span\":[");
  AppendUnsigned(span.start, out);
  out.Put(',');
  AppendUnsigned(span.end, out);
  out.Put(']');
}

void AppendReasons(const RiskScore& risk, JsonOut& out) {
  out.Put("[");
  for (std::size_t idx = 0; idx < risk.reasons.size(); ++idx) {
    const auto& reason = risk.reasons[idx];
    AppendField(idx > 0 ? ",{\"code\":" : "{\"code\":", reason.code, out);
    AppendField(",\"subject\":", reason.subject, out);
    out.Put(",\"points\":");
    AppendNumber(reason.points, out);
    AppendField(",\"detail\":", reason.detail, out);
    out.Put("}");
  }
  out.Put("]");
}

void AppendPostJson(const ScanReport& report, std::size_t position, JsonOut& out) {
  const PostResult& result = report.result.posts[position];
  const core::monitor::Post& post = report.input.posts[result.input_index];
  const PostFlags& flags = report.input.flags[result.input_index];
  AppendField("{\"source\":", post.source, out);
  AppendField(",\"id\":", post.id, out);
  out.Put(",\"line\":");
  AppendUnsigned(static_cast<std::uint64_t>(report.input.lines[result.input_index]), out);
  out.Put(",\"lang\":");
  AppendString(result.language, out);
  out.Put(",\"risk\":");
  AppendNumber(result.risk.total, out);
  out.Put(",\"reasons\":");
  AppendReasons(result.risk, out);
  out.Put(",\"indicators\":[");
  for (std::size_t idx = 0; idx < result.indicators.size(); ++idx) {
    const auto& hit = result.indicators[idx];
    AppendField(idx > 0 ? ",{\"id\":" : "{\"id\":", hit.indicator, out);
    AppendField(",\"entry\":", hit.entry, out);
    AppendField(",\"category\":", hit.category, out);
    AppendField(",\"field\":", hit.field, out);
    out.Put(",");
    AppendSpan(hit.span, out);
    out.Put("}");
  }
  out.Put("],\"identifiers\":[");
  for (std::size_t idx = 0; idx < result.identifiers.size(); ++idx) {
    const auto& found = result.identifiers[idx];
    AppendField(idx > 0 ? ",{\"type\":" : "{\"type\":", found.type, out);
    AppendField(",\"value\":", found.value, out);
    AppendField(",\"field\":", found.field, out);
    out.Put(",");
    AppendSpan(found.span, out);
    out.Put("}");
  }
  out.Put("],\"cluster\":");
  if (result.cluster) {
    AppendUnsigned(*result.cluster, out);
  } else {
    out.Put("null");
  }
  out.Put(",\"flags\":[");
  if (flags.truncated) out.Put("\"truncated\"");
  if (flags.utf8_repaired) out.Put(flags.truncated ? ",\"utf8-repaired\"" : "\"utf8-repaired\"");
  out.Put("]}");
}

void AppendPostKey(const ScanReport& report, std::size_t member, JsonOut& out) {
  const auto& post = InputPost(report, member);
  out.Put('[');
  AppendString(post.source, out);
  out.Put(',');
  AppendString(post.id, out);
  out.Put(']');
}

// The keys of a list of members: two dependent loads each (the result, then the input post)
// that mostly miss the cache for a large scan. The results a few places ahead, and the posts of
// those nearer, are fetched early so that the misses overlap.
void AppendPostKeys(const ScanReport& report, const std::vector<std::size_t>& members, JsonOut& out) {
  constexpr std::size_t kResultsAhead = 8;
  constexpr std::size_t kPostsAhead = 4;
  for (std::size_t idx = 0; idx < members.size(); ++idx) {
    if (idx + kResultsAhead < members.size()) __builtin_prefetch(&report.result.posts[members[idx + kResultsAhead]]);
    if (idx + kPostsAhead < members.size()) __builtin_prefetch(&InputPost(report, members[idx + kPostsAhead]));
    if (idx > 0) out.Put(',');
    AppendPostKey(report, members[idx], out);
  }
}

void AppendStrings(const std::vector<std::string>& values, JsonOut& out) {
  out.Put('[');
  for (std::size_t idx = 0; idx < values.size(); ++idx) {
    if (idx > 0) out.Put(',');
    AppendString(values[idx], out);
  }
  out.Put(']');
}

void AppendTime(const std::optional<std::int64_t>& seconds, JsonOut& out) {
  if (seconds) {
    AppendString(core::monitor::FormatRfc3339(*seconds), out);
  } else {
    out.Put("null");
  }
}

// Written by hand like the posts: a large scan has tens of thousands of clusters.
void AppendClusterJson(const ScanReport& report, const ClusterResult& cluster, JsonOut& out) {
  out.Put("{\"id\":");
  AppendUnsigned(cluster.cluster.id, out);
  out.Put(",\"posts\":[");
  AppendPostKeys(report, cluster.cluster.members, out);
  out.Put("],\"shared_identifiers\":[");
  for (std::size_t idx = 0; idx < cluster.cluster.shared_identifiers.size(); ++idx) {
    const auto& identifier = cluster.cluster.shared_identifiers[idx];
    AppendField(idx > 0 ? ",{\"type\":" : "{\"type\":", identifier.type, out);
    AppendField(",\"value\":", identifier.value, out);
    out.Put(",\"posts\":[");
    AppendPostKeys(report, identifier.posts, out);
    out.Put("]}");
  }
  out.Put("],\"near_duplicate_edges\":");
  AppendUnsigned(cluster.cluster.near_duplicate_edges, out);
  out.Put(",\"risk\":");
  AppendNumber(cluster.risk.total, out);
  out.Put(",\"reasons\":");
  AppendReasons(cluster.risk, out);
  out.Put(",\"template\":{\"parts\":[");
  for (std::size_t idx = 0; idx < cluster.explanation.parts.size(); ++idx) {
    const auto& part = cluster.explanation.parts[idx];
    if (idx > 0) out.Put(',');
    if (part.is_slot) {
      out.Put("{\"slot\":");
      AppendStrings(part.values, out);
    } else {
      AppendField("{\"text\":", part.text, out);
    }
    out.Put('}');
  }
  out.Put("],\"slots\":");
  AppendUnsigned(cluster.explanation.slots, out);
  out.Put(",\"shared_words\":");
  AppendUnsigned(cluster.explanation.shared_words, out);
  out.Put("},\"first_seen\":");
  AppendTime(cluster.cluster.first_seen, out);
  out.Put(",\"last_seen\":");
  AppendTime(cluster.cluster.last_seen, out);
  out.Put(",\"sources\":");
  AppendStrings(cluster.cluster.sources, out);
  out.Put(",\"languages\":");
  AppendStrings(cluster.cluster.languages, out);
  out.Put(",\"cities\":");
  AppendStrings(cluster.cluster.cities, out);
  out.Put('}');
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
  std::vector<JsonOut> parts(slices);
  sink("{\"summary\":" + summary.dump() + ",\"invalid\":" + invalid.dump() + ",\"posts\":[");
  for (std::size_t round = 0; round < items; round += slices * kBlockItems) {
    auto write_slice = [&](std::size_t slice) {
      JsonOut& out = parts[slice];
      out.Clear();
      const std::size_t first = std::min(items, round + slice * kBlockItems);
      for (std::size_t item = first; item < std::min(items, first + kBlockItems); ++item) {
        if (item == posts) out.Put("],\"clusters\":[");
        if (item > 0 && item != posts) out.Put(",\n");
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
    for (std::size_t slice = 0; slice <= running.size(); ++slice) sink(parts[slice].view());
  }
  sink(posts == items ? "],\"clusters\":[]}\n" : "]}\n");
}

std::string RenderScanJson(const ScanReport& report, int threads) {
  std::string out;
  WriteScanJson(report, threads, [&out](std::string_view piece) { out += piece; });
  return out;
}

}  // namespace vigil::codec::monitor
