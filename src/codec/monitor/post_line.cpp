#include "codec/monitor/post_line.hpp"

#include <string>

#include "codec/json/json_text.hpp"
#include "core/monitor/pipeline.hpp"

namespace vigil::codec::monitor {
namespace {

class LineReader {
 public:
  explicit LineReader(std::string_view line) : line_(line) {}

  void SkipSpace() {
    while (pos_ < line_.size() &&
           (line_[pos_] == ' ' || line_[pos_] == '\t' || line_[pos_] == '\r' || line_[pos_] == '\n')) {
      ++pos_;
    }
  }
  bool Take(char c) {
    SkipSpace();
    if (pos_ < line_.size() && line_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool AtEnd() {
    SkipSpace();
    return pos_ == line_.size();
  }
  char Peek() {
    SkipSpace();
    return pos_ < line_.size() ? line_[pos_] : '\0';
  }

  // A JSON string (the opening quote next), unescaped into `out`; false when malformed.
  bool String(std::string& out) {
    if (!Take('"')) return false;
    out.clear();
    // Most strings have no escape: taken in one piece, at their exact size.
    if (const std::size_t run = PlainJsonRunEnd(line_, pos_); run < line_.size() && line_[run] == '"') {
      out.assign(line_.data() + pos_, run - pos_);
      pos_ = run + 1;
      return true;
    }
    while (pos_ < line_.size()) {
      // Copy the run up to the next quote, backslash or control character in one go.
      const std::size_t run = PlainJsonRunEnd(line_, pos_);
      out.append(line_, pos_, run - pos_);
      pos_ = run;
      if (pos_ == line_.size()) return false;
      const char c = line_[pos_++];
      if (c == '"') return true;
      if (c != '\\') return false;  // a raw control character: not JSON
      if (!Escape(out)) return false;
    }
    return false;
  }

  // A key without escapes (the opening quote next), as a view into the line; false for anything
  // else, which the full parser then reads.
  bool PlainKey(std::string_view& out) {
    if (!Take('"')) return false;
    const std::size_t run = PlainJsonRunEnd(line_, pos_);
    if (run == line_.size() || line_[run] != '"') return false;
    out = line_.substr(pos_, run - pos_);
    pos_ = run + 1;
    return true;
  }

  // An integer in JSON's canonical form (no leading zeros, no fraction or exponent), as text.
  bool Integer(std::string& out) {
    SkipSpace();
    const std::size_t start = pos_;
    if (pos_ < line_.size() && line_[pos_] == '-') ++pos_;
    const std::size_t digits = pos_;
    while (pos_ < line_.size() && line_[pos_] >= '0' && line_[pos_] <= '9') ++pos_;
    const std::size_t count = pos_ - digits;
    if (count == 0 || count > 18 || (line_[digits] == '0' && (count > 1 || digits > start))) return false;
    if (pos_ < line_.size() && (line_[pos_] == '.' || line_[pos_] == 'e' || line_[pos_] == 'E')) return false;
    out.assign(line_, start, pos_ - start);
    return true;
  }

  bool Null() {
    SkipSpace();
    if (line_.compare(pos_, 4, "null") != 0) return false;
    pos_ += 4;
    return true;
  }

 private:
  static int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  bool Hex4(unsigned& value) {
    if (pos_ + 4 > line_.size()) return false;
    value = 0;
    for (int idx = 0; idx < 4; ++idx) {
      const int digit = HexValue(line_[pos_++]);
      if (digit < 0) return false;
      value = value * 16 + static_cast<unsigned>(digit);
    }
    return true;
  }
  static void AppendUtf8(unsigned code, std::string& out) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }
  // After a backslash. Lone surrogates are declined (the full parser words the error).
  bool Escape(std::string& out) {
    if (pos_ == line_.size()) return false;
    const char c = line_[pos_++];
    switch (c) {
      case '"': out += '"'; return true;
      case '\\': out += '\\'; return true;
      case '/': out += '/'; return true;
      case 'b': out += '\b'; return true;
      case 'f': out += '\f'; return true;
      case 'n': out += '\n'; return true;
      case 'r': out += '\r'; return true;
      case 't': out += '\t'; return true;
      case 'u': break;
      default: return false;
    }
    unsigned code = 0;
    if (!Hex4(code)) return false;
    if (code >= 0xDC00 && code <= 0xDFFF) return false;
    if (code >= 0xD800 && code <= 0xDBFF) {
      unsigned low = 0;
      if (line_.compare(pos_, 2, "\\u") != 0) return false;
      pos_ += 2;
      if (!Hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    AppendUtf8(code, out);
    return true;
  }

  std::string_view line_;
  std::size_t pos_ = 0;
};

enum Field { kId, kSource, kUrl, kPostedAt, kTitle, kText, kLang, kRegion, kLocation, kUnknown };

Field FieldOf(std::string_view key) {
  switch (key.size()) {
    case 2: return key == "id" ? kId : kUnknown;
    case 3: return key == "url" ? kUrl : kUnknown;
    case 4: return key == "text" ? kText : key == "lang" ? kLang : kUnknown;
    case 5: return key == "title" ? kTitle : kUnknown;
    case 6: return key == "source" ? kSource : key == "region" ? kRegion : kUnknown;
    case 8: return key == "location" ? kLocation : kUnknown;
    case 9: return key == "posted_at" ? kPostedAt : kUnknown;
    default: return kUnknown;
  }
}

// Where a known field's string goes in the post: read straight into its place, so that the text
// is copied once from the line and the post is built where it is stored.
std::string& Slot(Field field, core::monitor::Post& post) {
  switch (field) {
    case kId: return post.id;
    case kSource: return post.source;
    case kUrl: return post.url.emplace();
    case kPostedAt: return post.posted_at;
    case kTitle: return post.title.emplace();
    case kText: return post.text;
    case kLang: return post.lang.emplace();
    case kRegion: return post.region.emplace();
    default: return post.location.emplace();
  }
}

}  // namespace

bool ReadPostLineFast(std::string_view line, core::monitor::Post& post) {
  post.id.clear();
  post.source.clear();
  post.posted_at.clear();
  post.text.clear();
  for (auto* optional : {&post.url, &post.title, &post.lang, &post.region, &post.location}) optional->reset();
  LineReader reader(line);
  if (!reader.Take('{')) return false;
  bool seen[kUnknown] = {};
  bool text_is_string = false;  // "text" may be empty but must be a string
  std::string_view key;
  std::string value;  // the values of unknown keys, read to check them and dropped
  if (!reader.Take('}')) {
    do {
      if (!reader.PlainKey(key) || !reader.Take(':')) return false;
      const Field field = FieldOf(key);
      if (field != kUnknown) {
        if (seen[field]) return false;  // a repeated key: the full parser decides which counts
        seen[field] = true;
      }
      const char next = reader.Peek();
      if (next == '"') {
        if (!reader.String(field != kUnknown ? Slot(field, post) : value)) return false;
        text_is_string = text_is_string || field == kText;
      } else if (next == 'n') {
        if (!reader.Null()) return false;  // null leaves the field empty (absent when optional)
      } else if (field == kId && (next == '-' || (next >= '0' && next <= '9'))) {
        if (!reader.Integer(post.id)) return false;
      } else {
        return false;  // numbers, booleans, arrays and objects: the full parser
      }
    } while (reader.Take(','));
    if (!reader.Take('}')) return false;
  }
  if (!reader.AtEnd()) return false;
  // Required fields: anything missing or unusable is left to the full parser to reject.
  if (post.id.empty() || post.source.empty() || post.posted_at.empty() || !text_is_string) return false;
  return core::monitor::ParseRfc3339(post.posted_at).has_value();
}

}  // namespace vigil::codec::monitor
