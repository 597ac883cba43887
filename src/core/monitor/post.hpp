// One post read from a monitored source (a channel, group or classified site): the unit every
// monitor stage works on. Input codecs fill it; the core never reads files or JSON itself.
#pragma once

#include <optional>
#include <string>

namespace vigil::core::monitor {

// A post as received. `(source, id)` identifies it: the same pair twice is one post. Offsets
// reported by the stages (indicator and identifier spans) are byte offsets into `text` or `title`
// exactly as stored here, so codecs must not alter these fields after spans are computed.
struct Post {
  std::string id;
  std::string source;                   // e.g. a channel or site name; carried on every result
  std::optional<std::string> url;       // where the post was seen
  std::string posted_at;                // RFC 3339 as received; codecs check the syntax
  std::optional<std::string> title;
  std::string text;                     // UTF-8 body
  std::optional<std::string> lang;      // ISO 639-1 given by the source, when known
  std::optional<std::string> region;    // ISO 3166-1 alpha-2 hint for national phone numbers
  std::optional<std::string> location;  // free text (a city, an address) as given
};

}  // namespace vigil::core::monitor
