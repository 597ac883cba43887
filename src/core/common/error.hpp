// Error values shared by every layer: a few canonical codes plus a message that is safe to show
// (it never carries personal data). Result<T> is the return type of every fallible function.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include <tl/expected.hpp>

namespace vigil {

enum class ErrorCode {
  kInvalidArgument,   // the caller's input is unusable; the message names the problem
  kUnauthenticated,   // no valid credentials were presented
  kPermissionDenied,  // credentials are valid but the role does not allow the action
  kNotFound,
  kConflict,           // the request clashes with stored state (e.g. a duplicate name)
  kResourceExhausted,  // a limit or throttle refused the request; retry later
  kUnavailable,        // a dependency (database, file) is not usable right now
  kInternal,           // a bug or an unexpected library failure
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  // Optional stable, machine-readable reason finer than `code` (e.g. "malformed-json"); the
  // HTTP layer turns it into the problem type. Empty means "the code says it all".
  std::string reason = {};
};

template <typename T>
using Result = tl::expected<T, Error>;

// Status is the Result of an operation that returns nothing on success.
using Status = Result<void>;

[[nodiscard]] inline tl::unexpected<Error> MakeError(ErrorCode code, std::string message,
                                                    std::string reason = {}) {
  return tl::unexpected<Error>(Error{code, std::move(message), std::move(reason)});
}

[[nodiscard]] std::string_view ErrorCodeName(ErrorCode code);

}  // namespace vigil
