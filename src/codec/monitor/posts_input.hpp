// Reading monitored posts: JSON Lines (one post object per line) and CSV with a column mapping.
// Bad input never stops a lenient read: an unusable line is counted and named by its line number
// and reason (never by its content), invalid UTF-8 is repaired (each bad byte becomes U+FFFD)
// and the post flagged, and a text longer than the limit is cut at a character boundary and
// flagged. A strict read stops at the first unusable line instead.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"
#include "core/monitor/post.hpp"

namespace vigil::codec::monitor {

struct InputOptions {
  std::size_t max_text_bytes = 64 * 1024;  // longer texts (and titles) are truncated and flagged
  bool strict = false;                     // stop (kInvalidArgument) at the first unusable line
};

struct InputProblem {
  int line = 0;        // 1-based physical line (ReadPostsBatch: 0-based index in the array)
  std::string reason;  // names the field and the fault; never quotes the input
};

struct PostFlags {
  bool truncated = false;      // text or title cut at max_text_bytes
  bool utf8_repaired = false;  // invalid UTF-8 bytes replaced by U+FFFD
};

struct PostsInput {
  std::vector<core::monitor::Post> posts;  // in input order, duplicates included
  std::vector<int> lines;                  // per post: its line
  std::vector<PostFlags> flags;            // per post
  std::vector<InputProblem> invalid;       // skipped lines, in order
};

// (bytes read, bytes in all), called now and then.
using InputProgress = std::function<void(std::size_t, std::size_t)>;

// `text` with each byte that is not part of a well-formed UTF-8 sequence replaced by U+FFFD;
// `changed` tells whether anything was replaced.
[[nodiscard]] std::string RepairUtf8(std::string_view text, bool& changed);

// JSON Lines: each non-blank line an object {"id", "source", "posted_at" (RFC 3339), "text",
// "url"?, "title"?, "lang"?, "region"?, "location"?}; id may be a string or an integer; optional
// fields may be null. Unknown keys are ignored. `threads` > 1 reads that many pieces of the text
// at once (cut at line ends); the result is the same.
[[nodiscard]] Result<PostsInput> ReadPostsJsonLines(std::string_view text, const InputOptions& options,
                                                    const InputProgress& progress = {}, int threads = 1);

inline constexpr std::size_t kMaxBatchPosts = 1000;

// The body of POST /api/v1/monitor/posts: {"posts": [post objects as in JSON Lines]}. Invalid
// UTF-8 is repaired first (each bad byte becomes U+FFFD, every post flagged); each unusable
// element is reported in `invalid` with its 0-based index in `line`, the others are returned.
// kInvalidArgument (reason "validation" or "malformed-json") when the body is not a JSON object
// with a "posts" array, or holds more than `max_posts` posts (the message names the limit).
[[nodiscard]] Result<PostsInput> ReadPostsBatch(std::string_view body, const InputOptions& options,
                                                std::size_t max_posts = kMaxBatchPosts);

// Which CSV column gives each post field ("id" -> "job_id").
using ColumnMap = std::map<std::string, std::string>;

// Parses "--map" values such as "id=job_id,text=description" (several values are merged).
// Fields: id, source, url, posted_at, title, text, lang, region, location. kInvalidArgument names
// an unknown field, a missing '=' or a field mapped twice.
[[nodiscard]] Result<ColumnMap> ParseColumnMap(const std::vector<std::string>& specs);

// CSV with a header row. Each field is read from the column the map names, or else from a column
// named like the field itself. id and text must be found; without a source column every post's
// source is `default_source`; posted_at, when mapped, must be RFC 3339 (an empty cell is allowed).
// kInvalidArgument when the CSV is malformed or a mapped column is missing from the header.
[[nodiscard]] Result<PostsInput> ReadPostsCsv(std::string_view text, const ColumnMap& map,
                                              const std::string& default_source,
                                              const InputOptions& options,
                                              const InputProgress& progress = {});

}  // namespace vigil::codec::monitor
