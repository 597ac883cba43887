// IdentifierWindowFinder::Find: the field cut into tokens (identifier_windows.cpp reads them),
// then the candidate windows around clusters of non-inert tokens, with their margins.
#include <algorithm>
#include <cstdint>
#include <string_view>

#include "core/monitor/identifier_windows.hpp"

namespace vigil::core::monitor {
namespace {

constexpr int kPhoneDigits = 7;  // the phone stage's shortest number
// The margins around a live cluster, counted from its outermost non-inert token. Before it: the
// phone rules read two words back, a handle's Telegram mention 32 bytes. After it: a phone's
// next word, an e-mail marker's right-hand word. A chain of markers ("mail dot com dot ua")
// is non-inert and so lies inside the cluster or restarts the count.
constexpr int kMarginTokensBefore = 3;
constexpr std::uint32_t kMarginBytesBefore = 32;
constexpr int kMarginTokensAfter = 2;

}  // namespace

std::size_t IdentifierWindowFinder::ExpandLeft(std::size_t first) const {
  int inert = 0;
  std::uint32_t anchor = tokens_[first].start;
  for (std::size_t index = first; index-- > 0;) {
    const Token& token = tokens_[index];
    if (token.kind != TokenKind::kInert) {
      inert = 0;
      anchor = token.start;
    } else if (++inert >= kMarginTokensBefore && anchor - token.start >= kMarginBytesBefore) {
      return token.start;
    }
  }
  return 0;
}

std::size_t IdentifierWindowFinder::ExpandRight(std::size_t last) const {
  int inert = 0;
  for (std::size_t index = last + 1; index < tokens_.size(); ++index) {
    const Token& token = tokens_[index];
    if (token.kind != TokenKind::kInert) {
      inert = 0;
    } else if (++inert >= kMarginTokensAfter) {
      return token.end;
    }
  }
  return std::string_view::npos;
}

const std::vector<CandidateWindow>& IdentifierWindowFinder::Find(std::string_view field) {
  tokens_.clear();
  windows_.clear();
  if (field.size() > UINT32_MAX) {  // token offsets are 32-bit: such a field is searched whole
    windows_.push_back({{0, field.size()}, true, true});
    return windows_;
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(field.data());
  std::size_t pos = 0;
  while (pos < field.size()) {
    if (IsSeparator(bytes[pos])) {
      ++pos;
      continue;
    }
    // Most tokens are one word of letters, perhaps with a comma or full stop: read at once.
    Token& token = tokens_.emplace_back();
    if (!ScanPlainToken(field, pos, token)) ScanToken(field, pos, token);
    pos = token.end;
  }
  for (std::size_t first = 0; first < tokens_.size();) {
    if (tokens_[first].kind == TokenKind::kInert) {
      ++first;
      continue;
    }
    std::size_t after = first;
    bool live = false;
    int digits = 0;
    for (; after < tokens_.size() && tokens_[after].kind != TokenKind::kInert; ++after) {
      live = live || tokens_[after].kind == TokenKind::kLive;
      digits += tokens_[after].digits;
    }
    if (live || digits >= kPhoneDigits) {
      const std::size_t start = ExpandLeft(first);
      const std::size_t right = ExpandRight(after - 1);
      const std::size_t end = right == std::string_view::npos ? field.size() : right;
      CandidateWindow window{{start, end}, false, false};
      auto add = [&](const Token& token) {
        window.digits_may_change = window.digits_may_change || token.convertible;
        window.emails_possible = window.emails_possible || token.email_mark;
      };
      for (std::size_t index = first; index > 0 && tokens_[index - 1].start >= start; --index) add(tokens_[index - 1]);
      for (std::size_t index = first; index < tokens_.size() && tokens_[index].end <= end; ++index) add(tokens_[index]);
      if (!windows_.empty() && start <= windows_.back().span.end) {
        CandidateWindow& last = windows_.back();
        last.span.end = std::max(last.span.end, end);
        last.digits_may_change = last.digits_may_change || window.digits_may_change;
        last.emails_possible = last.emails_possible || window.emails_possible;
      } else {
        windows_.push_back(window);
      }
    }
    first = after;
  }
  return windows_;
}

}  // namespace vigil::core::monitor
