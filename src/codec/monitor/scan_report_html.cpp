// The HTML report of `vigil monitor scan` (RenderScanHtml): one self-contained page for sharing
// with partners, identifiers masked unless asked otherwise.
#include <algorithm>
#include <cstdio>

#include "codec/monitor/scan_report.hpp"
#include "core/monitor/masking.hpp"

namespace vigil::codec::monitor {
namespace {

using core::monitor::ClusterResult;
using core::monitor::PostResult;
using core::monitor::RiskScore;

void Escape(std::string_view text, std::string& out) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

std::string Escaped(std::string_view text) {
  std::string out;
  Escape(text, out);
  return out;
}

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

std::string Masked(const std::string& type) { return "[" + type + " hidden]"; }

// The template's shared words can hold the shared contact details themselves: without
// --show-identifiers, every word that looks like one (4+ digits, "@", a dot inside, "://")
// becomes "[hidden]".
std::string MaskContactWords(const std::string& text) {
  std::vector<std::string_view> words;
  for (std::size_t pos = 0; pos <= text.size();) {
    std::size_t end = text.find(' ', pos);
    if (end == std::string::npos) end = text.size();
    words.emplace_back(text.data() + pos, end - pos);
    pos = end + 1;
  }
  const auto digits_in = [](std::string_view word) {
    return static_cast<std::size_t>(std::count_if(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }));
  };
  const auto numeric = [&](std::string_view word) {
    return digits_in(word) > 0 && word.find_first_not_of("0123456789+()-./") == std::string_view::npos;
  };
  std::vector<bool> contact(words.size(), false);
  for (std::size_t idx = 0; idx < words.size(); ++idx) {
    const std::string_view word = words[idx];
    const std::size_t dot = word.find('.');
    const bool inner_dot = dot != std::string_view::npos && dot > 0 && dot + 1 < word.size();
    contact[idx] = digits_in(word) >= 4 || word.find('@') != std::string_view::npos || inner_dot ||
                   word.find("://") != std::string_view::npos;
  }
  // A phone written in groups ("+380 50 123 45 67"): a run of number words with 7+ digits in all.
  for (std::size_t first = 0; first < words.size();) {
    std::size_t last = first, digits = 0;
    while (last < words.size() && numeric(words[last])) digits += digits_in(words[last++]);
    if (digits >= 7) std::fill(contact.begin() + static_cast<std::ptrdiff_t>(first), contact.begin() + static_cast<std::ptrdiff_t>(last), true);
    first = last == first ? first + 1 : last;
  }
  std::string out;
  for (std::size_t idx = 0; idx < words.size(); ++idx) {
    if (idx > 0) out += ' ';
    out += contact[idx] ? std::string("[hidden]") : std::string(words[idx]);
  }
  return out;
}

constexpr std::size_t kShownBytes = 4000;  // of each field, in the page

// One field with lure phrases in <mark> and identifiers masked (or in <b>).
std::string RenderField(std::string_view text, const PostResult& result, const char* field,
                        bool show_identifiers, const std::vector<core::monitor::ByteSpan>& places) {
  // Per byte: 0 plain, 1 lure phrase, 2 identifier (wins over a phrase).
  std::vector<unsigned char> kind(text.size(), 0);
  for (const auto& hit : result.indicators) {
    if (hit.field != field) continue;
    for (std::size_t at = hit.span.start; at < std::min(hit.span.end, text.size()); ++at) kind[at] = 1;
  }
  for (const auto& found : result.identifiers) {
    if (found.field != field || found.span.start >= found.span.end || found.span.end > text.size()) continue;
    // Identifiers are reported once (the first occurrence): the same writing again is masked too.
    const std::string_view written = text.substr(found.span.start, found.span.end - found.span.start);
    for (std::size_t from = found.span.start; from != std::string_view::npos; from = text.find(written, from + 1)) {
      for (std::size_t at = from; at < from + written.size(); ++at) kind[at] = 2;
    }
  }
  for (const auto& place : places) {
    for (std::size_t at = place.start; at < std::min(place.end, text.size()); ++at) kind[at] = 2;
  }
  // A number the phone stage did not accept (a range the metadata does not know, a typo) is
  // still someone's contact as often as not: in a page for sharing, runs of 7+ digits (with
  // spaces, dots, dashes or brackets between them) are masked as well.
  if (!show_identifiers) {
    for (const auto& run : core::monitor::LongDigitRuns(text)) {
      std::fill(kind.begin() + static_cast<long>(run.start), kind.begin() + static_cast<long>(run.end), 2);
    }
  }
  std::size_t shown = std::min(text.size(), kShownBytes);
  while (shown < text.size() && shown > 0 && (static_cast<unsigned char>(text[shown]) & 0xC0) == 0x80) --shown;
  std::string out;
  std::size_t pos = 0;
  while (pos < shown) {
    std::size_t end = pos;
    while (end < shown && kind[end] == kind[pos]) ++end;
    const std::string_view piece = text.substr(pos, end - pos);
    if (kind[pos] == 0) {
      Escape(piece, out);
    } else if (kind[pos] == 1) {
      out += "<mark>";
      Escape(piece, out);
      out += "</mark>";
    } else if (show_identifiers) {
      out += "<b class=\"id\">";
      Escape(piece, out);
      out += "</b>";
    } else {
      // Name the type of the identifier that starts in this run.
      std::string type = "identifier";
      for (const auto& found : result.identifiers) {
        if (found.field == field && found.span.start <= pos && pos < found.span.end) type = found.type;
      }
      out += "<span class=\"masked\">" + Escaped(Masked(type)) + "</span>";
    }
    pos = end;
  }
  if (shown < text.size()) out += " …";
  return out;
}

std::string RenderReasons(const RiskScore& risk) {
  std::string out = "<ul class=\"reasons\">";
  for (const auto& reason : risk.reasons) {
    out += "<li><span class=\"pts\">" + Number(reason.points) + "</span> " + Escaped(reason.code) + ": " +
           Escaped(reason.detail.empty() ? reason.subject : reason.detail) + "</li>";
  }
  return out + "</ul>";
}

std::string RenderPost(const ScanReport& report, std::size_t position, bool show_identifiers,
                       const IdentifierPlaces& places) {
  const PostResult& result = report.result.posts[position];
  const auto& post = report.input.posts[result.input_index];
  std::string out = "<div class=\"post\"><div class=\"meta\">" + Escaped(post.source) + " · " +
                    Escaped(post.id) + " · " + Escaped(post.posted_at) + " · " + Escaped(result.language) +
                    " · risk " + Number(result.risk.total) + "</div>";
  const auto places_in = [&](std::string_view field) {
    return places && !show_identifiers ? places(post, field) : std::vector<core::monitor::ByteSpan>{};
  };
  if (post.title) {
    out += "<div class=\"title\">" + RenderField(*post.title, result, "title", show_identifiers, places_in(*post.title)) +
           "</div>";
  }
  out += "<div class=\"text\">" + RenderField(post.text, result, "text", show_identifiers, places_in(post.text)) + "</div>";
  if (!result.indicators.empty()) {
    out += "<div class=\"hits\">";
    for (const auto& hit : result.indicators) {
      out += "<span class=\"tag\">" + Escaped(hit.indicator) + " (" + Escaped(hit.category) + ")</span> ";
    }
    out += "</div>";
  }
  return out + "</div>";
}

constexpr const char* kStyle = R"(
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
.cluster{border:1px solid #bbb;border-radius:6px;padding:.75rem 1rem;margin:1rem 0}
.post{border-left:3px solid #ddd;padding:.25rem .75rem;margin:.5rem 0}
.meta{color:#555;font-size:.85rem}.title{font-weight:600}.text{white-space:pre-wrap}
mark{background:#ffe28a}.masked{background:#e4e4e4;color:#444;font-size:.85rem;padding:0 .2rem}
.id{background:#dfeeff}.tag{display:inline-block;background:#f3e6ff;border-radius:3px;padding:0 .3rem;margin:.1rem;font-size:.8rem}
.reasons{margin:.25rem 0 .5rem;padding-left:1.2rem}.pts{font-weight:600}
.tmpl{background:#f6f6f6;padding:.5rem;white-space:pre-wrap}.slot{background:#cfe8cf;padding:0 .2rem}
)";

}  // namespace

std::string RenderScanHtml(const ScanReport& report, bool show_identifiers, const IdentifierPlaces& places) {
  const auto& result = report.result;
  std::vector<std::size_t> clusters(result.clusters.size());
  for (std::size_t idx = 0; idx < clusters.size(); ++idx) clusters[idx] = idx;
  std::stable_sort(clusters.begin(), clusters.end(), [&](std::size_t a, std::size_t b) {
    return result.clusters[a].risk.total > result.clusters[b].risk.total;
  });
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
      "<title>Vigil monitor scan</title><style>";
  out += kStyle;
  out += "</style></head><body><h1>Vigil monitor scan</h1><p>" + std::to_string(result.posts.size()) +
         " posts, " + std::to_string(result.clusters.size()) + " clusters, " +
         std::to_string(report.input.invalid.size()) + " invalid lines skipped. " +
         (show_identifiers ? "Identifiers are shown: handle this file as personal data."
                           : "Identifiers are masked.") +
         " Scores are leads for review, not findings.</p>";
  out += "<h2>Clusters by risk</h2>";
  if (clusters.empty()) out += "<p>No clusters.</p>";
  for (std::size_t idx : clusters) {
    const ClusterResult& cluster = result.clusters[idx];
    out += "<section class=\"cluster\"><h3>Cluster " + std::to_string(cluster.cluster.id) + " · risk " +
           Number(cluster.risk.total) + " · " + std::to_string(cluster.cluster.members.size()) + " posts</h3>";
    std::string seen;
    if (cluster.cluster.first_seen) {
      seen = core::monitor::FormatRfc3339(*cluster.cluster.first_seen) + " – " +
             core::monitor::FormatRfc3339(cluster.cluster.last_seen.value_or(*cluster.cluster.first_seen));
    }
    std::string sources, languages;
    for (const auto& source : cluster.cluster.sources) sources += (sources.empty() ? "" : ", ") + source;
    for (const auto& language : cluster.cluster.languages) languages += (languages.empty() ? "" : ", ") + language;
    out += "<div class=\"meta\">sources: " + Escaped(sources) + " · languages: " + Escaped(languages) +
           (seen.empty() ? "" : " · seen " + Escaped(seen)) + "</div>";
    out += RenderReasons(cluster.risk);
    if (!cluster.cluster.shared_identifiers.empty()) {
      out += "<div>Shared: ";
      for (const auto& shared : cluster.cluster.shared_identifiers) {
        out += "<span class=\"tag\">" +
               Escaped(show_identifiers ? shared.type + " " + shared.value : Masked(shared.type)) + " × " +
               std::to_string(shared.posts.size()) + "</span> ";
      }
      out += "</div>";
    }
    if (!cluster.explanation.parts.empty()) {
      out += "<div class=\"tmpl\">";
      for (const auto& part : cluster.explanation.parts) {
        if (part.is_slot) {
          out += " <span class=\"slot\">[" + std::to_string(part.values.size()) + " variants]</span> ";
        } else {
          Escape(show_identifiers ? part.text : MaskContactWords(part.text), out);
        }
      }
      out += "</div>";
    }
    for (std::size_t member : cluster.cluster.members) out += RenderPost(report, member, show_identifiers, places);
    out += "</section>";
  }
  std::vector<std::size_t> loose;
  for (std::size_t pos = 0; pos < result.posts.size(); ++pos) {
    if (!result.posts[pos].cluster && !result.posts[pos].indicators.empty()) loose.push_back(pos);
  }
  std::stable_sort(loose.begin(), loose.end(), [&](std::size_t a, std::size_t b) {
    return result.posts[a].risk.total > result.posts[b].risk.total;
  });
  out += "<h2>Posts with lure indicators outside clusters</h2>";
  if (loose.empty()) out += "<p>None.</p>";
  for (std::size_t pos : loose) {
    out += RenderPost(report, pos, show_identifiers, places);
    out += RenderReasons(result.posts[pos].risk);
  }
  out += "</body></html>\n";
  return out;
}

}  // namespace vigil::codec::monitor
