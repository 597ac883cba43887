#include "codec/monitor/posts_input.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <thread>

#include "codec/csv/csv_reader.hpp"
#include "codec/monitor/post_line.hpp"
#include "codec/monitor/utf8_check.hpp"
#include "codec/json/json_object.hpp"
#include "core/monitor/pipeline.hpp"

namespace vigil::codec::monitor {
namespace {

using core::monitor::Post;

constexpr std::array<const char*, 9> kFields = {"id",    "source", "url",    "posted_at", "title",
                                                "text",  "lang",   "region", "location"};
constexpr std::size_t kProgressEvery = 1 << 20;  // bytes between progress calls
// Invalid UTF-8 is rare: the text is checked a block of whole lines at a time (a block is kept
// small enough to stay in cache for the parse that follows), and only the lines of a block that
// fails are checked one by one. A line cut from valid UTF-8 at its line ends is valid itself.
constexpr std::size_t kUtf8BlockBytes = 64 * 1024;

// Length of the well-formed UTF-8 sequence at `pos`, or 0 when the byte there starts none.
std::size_t SequenceLength(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  if (byte(pos + 1) < low || byte(pos + 1) > high) return 0;
  for (std::size_t idx = 2; idx < length; ++idx) {
    if (byte(pos + idx) < 0x80 || byte(pos + idx) > 0xBF) return 0;
  }
  return length;
}

// Cuts `text` to at most `limit` bytes at a character boundary; true when it was cut.
bool Truncate(std::string& text, std::size_t limit) {
  if (text.size() <= limit) return false;
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return true;
}

void Finish(Post& post, PostFlags& flags, const InputOptions& options) {
  flags.truncated = Truncate(post.text, options.max_text_bytes);
  if (post.title) flags.truncated = Truncate(*post.title, options.max_text_bytes) || flags.truncated;
}

// Reads an optional string member; false (with `reason`) when present but not a string or null.
bool OptionalString(const nlohmann::json& object, const char* key, std::optional<std::string>& out,
                    std::string& reason) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return true;
  if (!found->is_string()) {
    reason = std::string("field \"") + key + "\" must be a string";
    return false;
  }
  out = found->get<std::string>();
  return true;
}

bool RequiredString(const nlohmann::json& object, const char* key, std::string& out, std::string& reason) {
  std::optional<std::string> value;
  if (!OptionalString(object, key, value, reason)) return false;
  if (!value || value->empty()) {
    reason = std::string("field \"") + key + "\" is missing or empty";
    return false;
  }
  out = std::move(*value);
  return true;
}

// A post from one parsed line; the reason names the field when it cannot be used.
bool PostFromJson(const nlohmann::json& object, Post& post, std::string& reason) {
  if (!object.is_object()) {
    reason = "the line is not a JSON object";
    return false;
  }
  const auto id = object.find("id");
  if (id != object.end() && id->is_number_integer()) {
    post.id = id->dump();
  } else if (!RequiredString(object, "id", post.id, reason)) {
    if (id != object.end() && !id->is_string() && !id->is_null()) reason = "field \"id\" must be a string or an integer";
    return false;
  }
  if (!RequiredString(object, "source", post.source, reason)) return false;
  if (!RequiredString(object, "posted_at", post.posted_at, reason)) return false;
  if (!core::monitor::ParseRfc3339(post.posted_at)) {
    reason = "field \"posted_at\" is not an RFC 3339 date-time";
    return false;
  }
  const auto text = object.find("text");
  if (text == object.end() || !text->is_string()) {
    reason = "field \"text\" is missing or not a string";
    return false;
  }
  post.text = text->get<std::string>();
  return OptionalString(object, "url", post.url, reason) &&
         OptionalString(object, "title", post.title, reason) &&
         OptionalString(object, "lang", post.lang, reason) &&
         OptionalString(object, "region", post.region, reason) &&
         OptionalString(object, "location", post.location, reason);
}

Status Reject(PostsInput& input, int line, std::string reason, const InputOptions& options) {
  if (options.strict) {
    return MakeError(ErrorCode::kInvalidArgument, "line " + std::to_string(line) + ": " + reason,
                     "invalid-post");
  }
  input.invalid.push_back({line, std::move(reason)});
  return {};
}

}  // namespace

std::string RepairUtf8(std::string_view text, bool& changed) {
  changed = false;
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t length = SequenceLength(text, pos);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      changed = true;
      ++pos;
    } else {
      out.append(text.substr(pos, length));
      pos += length;
    }
  }
  return out;
}

namespace {

// The number of lines in `text` (newlines plus one). memchr from one newline to the next: lines
// are hundreds of bytes long, and memchr goes through them at memory speed where std::count,
// widening its byte counts, does not.
std::size_t CountLines(std::string_view text) {
  std::size_t lines = 1;
  const char* at = text.data();
  const char* const end = at + text.size();
  while (at < end) {
    const void* found = std::memchr(at, '\n', static_cast<std::size_t>(end - at));
    if (found == nullptr) break;
    ++lines;
    at = static_cast<const char*>(found) + 1;
  }
  return lines;
}

// Room to reserve for the posts of `text`, so that a million posts are not moved by doubling:
// one a line at most, and a post's line is at least kMinPostLineBytes long. A large text is not
// counted through (a pass over 600 MB costs about 7 % of reading it): the lines of its first
// megabyte are scaled to its size, with a quarter more; a text with more posts than that makes
// the vectors grow once.
std::size_t PostsRoom(std::string_view text) {
  constexpr std::size_t kSampleBytes = std::size_t{1} << 20;
  // {"id":1,"source":"s","posted_at":"2024-05-01T10:00:00Z","text":""}
  constexpr std::size_t kMinPostLineBytes = 66;
  if (text.size() <= 4 * kSampleBytes) return CountLines(text);
  const std::size_t estimate = CountLines(text.substr(0, kSampleBytes)) * (text.size() / kSampleBytes + 1) / 4 * 5;
  return std::min(estimate, text.size() / kMinPostLineBytes + 1);
}

// Reads the lines of `text` (whole lines; its first line is `first_line`) into vectors with
// `room` posts reserved. Progress is reported as `scale` times the bytes read, out of `total`.
Result<PostsInput> ReadJsonLinesChunk(std::string_view text, int first_line, const InputOptions& options,
                                      const InputProgress& progress, std::size_t scale, std::size_t total,
                                      std::size_t room) {
  PostsInput input;
  input.posts.reserve(room);
  input.lines.reserve(room);
  input.flags.reserve(room);
  std::size_t pos = 0;
  std::size_t reported = 0;
  std::size_t block_end = 0;  // the lines before this position were checked as one block
  bool block_valid = true;
  int line_number = first_line - 1;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    if (pos >= block_end) {
      block_end = std::max(end, std::min(text.size(), pos + kUtf8BlockBytes));
      block_end = std::min(text.find('\n', block_end), text.size());
      block_valid = IsValidUtf8Fast(text.substr(pos, block_end - pos));
    }
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (progress && pos - reported >= kProgressEvery) {
      reported = pos;
      progress(std::min(pos * scale, total), total);
    }
    PostFlags flags;
    std::string repaired;
    if (!block_valid && !IsValidUtf8Fast(line)) {
      repaired = RepairUtf8(line, flags.utf8_repaired);
      line = repaired;
    }
    // The post is built in its place in the vector (a million posts are not moved afterwards);
    // a line that cannot be used takes it out again.
    Post& post = input.posts.emplace_back();
    if (!ReadPostLineFast(line, post)) {
      post = Post{};
      std::string reason;
      bool usable = false;
      try {
        usable = PostFromJson(nlohmann::json::parse(line), post, reason);
      } catch (const nlohmann::json::parse_error& error) {
        // The library's message quotes the input: only the position is reported.
        reason = "not valid JSON (byte " + std::to_string(error.byte) + ")";
      }
      if (!usable) {
        input.posts.pop_back();
        if (auto rejected = Reject(input, line_number, std::move(reason), options); !rejected) {
          return tl::unexpected(rejected.error());
        }
        continue;
      }
    }
    Finish(post, flags, options);
    input.lines.push_back(line_number);
    input.flags.push_back(flags);
  }
  return input;
}

template <typename T>
void Append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

Result<PostsInput> ReadPostsJsonLines(std::string_view text, const InputOptions& options,
                                      const InputProgress& progress, int threads) {
  // One piece: the posts stay where they were read, without merging.
  const auto read_whole = [&]() -> Result<PostsInput> {
    auto input = ReadJsonLinesChunk(text, 1, options, progress, 1, text.size(), PostsRoom(text));
    if (input && progress) progress(text.size(), text.size());
    return input;
  };
  // Cut into one piece per thread at line ends; each piece knows its first line's number.
  const std::size_t pieces = std::max(1, std::min(threads, 64));
  if (pieces == 1) return read_whole();
  std::vector<std::string_view> chunks;
  std::vector<int> first_lines;
  std::size_t from = 0;
  int line = 1;
  for (std::size_t piece = 0; piece < pieces && from < text.size(); ++piece) {
    std::size_t to = piece + 1 == pieces ? text.size() : std::max(from, text.size() * (piece + 1) / pieces);
    if (to < text.size()) {
      const std::size_t newline = text.find('\n', to);
      to = newline == std::string_view::npos ? text.size() : newline + 1;
    }
    chunks.push_back(text.substr(from, to - from));
    first_lines.push_back(line);
    line += static_cast<int>(CountLines(text.substr(from, to - from)) - 1);
    from = to;
  }
  if (chunks.size() <= 1) return read_whole();
  std::vector<Result<PostsInput>> parts(chunks.size(), PostsInput{});
  std::vector<std::thread> running;
  for (std::size_t piece = 1; piece < chunks.size(); ++piece) {
    running.emplace_back([&, piece] {
      parts[piece] = ReadJsonLinesChunk(chunks[piece], first_lines[piece], options, {}, 1, text.size(), PostsRoom(chunks[piece]));
    });
  }
  // The first piece has room for the posts of all: the others are moved in behind its own.
  parts[0] = ReadJsonLinesChunk(chunks[0], 1, options, progress, chunks.size(), text.size(), PostsRoom(text));
  for (auto& thread : running) thread.join();
  for (auto& part : parts) {
    if (!part) return tl::unexpected(part.error());  // strict: the first bad line in the file
  }
  PostsInput input = std::move(*parts[0]);
  for (std::size_t piece = 1; piece < parts.size(); ++piece) {
    Append(input.posts, parts[piece]->posts);
    Append(input.lines, parts[piece]->lines);
    Append(input.flags, parts[piece]->flags);
    Append(input.invalid, parts[piece]->invalid);
  }
  if (progress) progress(text.size(), text.size());
  return input;
}

Result<PostsInput> ReadPostsBatch(std::string_view body, const InputOptions& options,
                                  std::size_t max_posts) {
  PostFlags flags;
  std::string repaired;
  if (!IsValidUtf8Fast(body)) {
    repaired = RepairUtf8(body, flags.utf8_repaired);
    body = repaired;
  }
  auto object = json::ParseJsonObject(body, {"posts"});
  if (!object) return tl::unexpected(object.error());
  const auto posts = object->find("posts");
  if (posts == object->end() || !posts->is_array()) {
    return MakeError(ErrorCode::kInvalidArgument, "posts: must be an array of post objects", "validation");
  }
  if (posts->size() > max_posts) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "posts: at most " + std::to_string(max_posts) + " posts per request", "validation");
  }
  PostsInput input;
  int index = 0;
  for (const nlohmann::json& element : *posts) {
    Post post;
    std::string reason;
    if (!PostFromJson(element, post, reason)) {
      input.invalid.push_back({index++, reason == "the line is not a JSON object" ? "not a JSON object" : reason});
      continue;
    }
    PostFlags post_flags = flags;
    Finish(post, post_flags, options);
    input.posts.push_back(std::move(post));
    input.lines.push_back(index++);
    input.flags.push_back(post_flags);
  }
  return input;
}

Result<ColumnMap> ParseColumnMap(const std::vector<std::string>& specs) {
  ColumnMap map;
  for (const std::string& spec : specs) {
    std::size_t pos = 0;
    while (pos <= spec.size()) {
      std::size_t end = spec.find(',', pos);
      if (end == std::string::npos) end = spec.size();
      const std::string pair = spec.substr(pos, end - pos);
      pos = end + 1;
      if (pair.empty()) continue;
      const std::size_t equals = pair.find('=');
      if (equals == std::string::npos || equals == 0 || equals + 1 == pair.size()) {
        return MakeError(ErrorCode::kInvalidArgument,
                         "--map: \"" + pair + "\" is not FIELD=COLUMN");
      }
      const std::string field = pair.substr(0, equals);
      if (std::find(kFields.begin(), kFields.end(), field) == kFields.end()) {
        return MakeError(ErrorCode::kInvalidArgument,
                         "--map: unknown field \"" + field +
                             "\" (id, source, url, posted_at, title, text, lang, region, location)");
      }
      if (!map.emplace(field, pair.substr(equals + 1)).second) {
        return MakeError(ErrorCode::kInvalidArgument, "--map: the field \"" + field + "\" is mapped twice");
      }
    }
  }
  return map;
}

Result<PostsInput> ReadPostsCsv(std::string_view text, const ColumnMap& map,
                                const std::string& default_source, const InputOptions& options,
                                const InputProgress& progress) {
  auto records = csv::ParseCsv(text, progress);
  if (!records) return tl::unexpected(records.error());
  if (records->empty()) return MakeError(ErrorCode::kInvalidArgument, "the CSV file has no header row");
  const auto& header = records->front().fields;
  std::map<std::string, std::size_t> column_of;  // post field -> column index
  for (const char* field : kFields) {
    const auto mapped = map.find(field);
    const std::string wanted = csv::NormaliseHeader(mapped != map.end() ? mapped->second : field);
    std::optional<std::size_t> found;
    for (std::size_t col = 0; col < header.size(); ++col) {
      if (csv::NormaliseHeader(header[col]) == wanted) {
        found = col;
        break;
      }
    }
    if (found) {
      column_of[field] = *found;
    } else if (mapped != map.end()) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "the CSV header has no column \"" + mapped->second + "\" (mapped to " + field + ")");
    }
  }
  for (const char* required : {"id", "text"}) {
    if (!column_of.contains(required)) {
      return MakeError(ErrorCode::kInvalidArgument,
                       std::string("the CSV has no column for the post field \"") + required +
                           "\" (use --map " + required + "=COLUMN)");
    }
  }
  PostsInput input;
  for (std::size_t row = 1; row < records->size(); ++row) {
    const csv::CsvRecord& record = (*records)[row];
    const auto cell = [&](const char* field) -> std::optional<std::string> {
      const auto col = column_of.find(field);
      if (col == column_of.end() || col->second >= record.fields.size()) return std::nullopt;
      return record.fields[col->second];
    };
    Post post;
    post.id = cell("id").value_or("");
    if (post.id.empty()) {
      if (auto rejected = Reject(input, record.line, "field \"id\" is missing or empty", options); !rejected) {
        return tl::unexpected(rejected.error());
      }
      continue;
    }
    post.source = cell("source").value_or("");
    if (post.source.empty()) post.source = default_source;
    post.posted_at = cell("posted_at").value_or("");
    if (!post.posted_at.empty() && !core::monitor::ParseRfc3339(post.posted_at)) {
      if (auto rejected = Reject(input, record.line, "field \"posted_at\" is not an RFC 3339 date-time", options);
          !rejected) {
        return tl::unexpected(rejected.error());
      }
      continue;
    }
    post.text = cell("text").value_or("");
    const auto optional = [&](const char* field) -> std::optional<std::string> {
      auto value = cell(field);
      if (value && value->empty()) return std::nullopt;
      return value;
    };
    post.url = optional("url");
    post.title = optional("title");
    post.lang = optional("lang");
    post.region = optional("region");
    post.location = optional("location");
    PostFlags flags;
    const auto repair = [&flags](std::string& value) {
      if (IsValidUtf8Fast(value)) return;
      bool changed = false;
      value = RepairUtf8(value, changed);
      flags.utf8_repaired = flags.utf8_repaired || changed;
    };
    for (std::string* value : {&post.id, &post.source, &post.posted_at, &post.text}) repair(*value);
    for (auto* value : {&post.url, &post.title, &post.lang, &post.region, &post.location}) {
      if (*value) repair(**value);
    }
    Finish(post, flags, options);
    input.posts.push_back(std::move(post));
    input.lines.push_back(record.line);
    input.flags.push_back(flags);
  }
  return input;
}

}  // namespace vigil::codec::monitor
