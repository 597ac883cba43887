#include "http/server.hpp"

// Asio with g++ 12 in C++20 needs <utility> first (build-notes.md).
#include <utility>

#include <restinio/all.hpp>

#include <atomic>
#include <csignal>
#include <future>
#include <thread>
#include <vector>

namespace vigil::http {
namespace {

struct Traits : public restinio::default_traits_t {
  static constexpr bool use_connection_count_limiter = true;
};

std::string_view ReasonPhrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 302: return "Found";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 503: return "Service Unavailable";
    default: return status >= 500 ? "Server Error" : "Status";
  }
}

std::string LastForwardedAddress(std::string_view header) {
  const auto comma = header.rfind(',');
  std::string_view last = comma == std::string_view::npos ? header : header.substr(comma + 1);
  while (!last.empty() && last.front() == ' ') last.remove_prefix(1);
  return std::string(last);
}

Request ToRequest(const restinio::request_handle_t& handle, const ServerOptions& options,
                  Random& random) {
  Request request;
  const auto& header = handle->header();
  request.method = ParseMethod(header.method().c_str());
  request.path = std::string(header.path());
  request.query = std::string(header.query());
  header.for_each_field([&request](const restinio::http_header_field_t& field) {
    std::string name = field.name();
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    request.headers.emplace_back(std::move(name), field.value());
  });
  request.body = handle->body();
  request.remote_address = handle->remote_endpoint().address().to_string();
  if (options.trust_proxy) {
    if (auto forwarded = request.Header("x-forwarded-for")) {
      request.remote_address = LastForwardedAddress(*forwarded);
    }
    if (auto proto = request.Header("x-forwarded-proto")) request.secure = *proto == "https";
  }
  request.request_id = RandomHex(random, 8);
  return request;
}

}  // namespace

Status Serve(Api& api, const ServerOptions& options, log::Logger& logger, Random& random,
             const std::function<void()>& on_listening) {
  asio::io_context io_context;
  std::atomic<std::int64_t> in_flight = 0;

  auto handler = [&](restinio::request_handle_t handle) {
    ++in_flight;
    const auto started = std::chrono::steady_clock::now();
    Request request = ToRequest(handle, options, random);
    Response response = api.Handle(request);
    auto builder = handle->create_response(
        restinio::http_status_line_t{restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
                                     std::string(ReasonPhrase(response.status))});
    for (auto& [name, value] : response.headers) builder.append_header(name, value);
    const std::size_t body_bytes = response.body.size();
    builder.set_body(std::move(response.body));
    builder.done([&in_flight](const asio::error_code&) { --in_flight; });
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - started)
                            .count();
    // The route pattern, never the path: paths may hold ids, and queries may hold search terms.
    logger.Info("request", {{"request_id", std::string_view(request.request_id)},
                            {"method", MethodName(request.method)},
                            {"route", std::string_view(response.log_route.empty()
                                                           ? "unmatched"
                                                           : response.log_route)},
                            {"status", std::int64_t{response.status}},
                            {"bytes", static_cast<std::int64_t>(body_bytes)},
                            {"duration_ms", static_cast<double>(micros) / 1000.0}});
    return restinio::request_accepted();
  };

  auto settings = restinio::server_settings_t<Traits>{};
  settings.address(options.host)
      .port(options.port)
      .request_handler(std::move(handler))
      .read_next_http_message_timelimit(options.read_timeout)
      .write_http_response_timelimit(options.write_timeout)
      .handle_request_timeout(options.handle_timeout)
      .max_parallel_connections(options.max_connections)
      .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                    .max_url_size(options.max_url_bytes)
                                    .max_field_name_size(256)
                                    .max_field_value_size(options.max_header_value_bytes)
                                    .max_field_count(options.max_header_count)
                                    .max_body_size(options.hard_body_limit));

  restinio::http_server_t<Traits> server{restinio::external_io_context(io_context),
                                         std::move(settings)};

  std::promise<Status> opened;
  auto opened_future = opened.get_future();
  server.open_async(
      [&opened] { opened.set_value(Status{}); },
      [&opened](std::exception_ptr failure) {
        std::string reason = "unknown error";
        try {
          std::rethrow_exception(failure);
        } catch (const std::exception& error) {
          reason = error.what();
        }
        opened.set_value(MakeError(ErrorCode::kUnavailable, "cannot listen: " + reason));
      });

  // Graceful shutdown: stop accepting, answer 503 to new requests on open connections, wait
  // for in-flight responses to be written, then stop the I/O threads.
  asio::signal_set signals(io_context, SIGINT, SIGTERM);
  asio::steady_timer drain_timer(io_context);
  std::chrono::steady_clock::time_point drain_deadline;
  std::function<void()> poll_drained = [&] {
    if (in_flight.load() == 0 || std::chrono::steady_clock::now() >= drain_deadline) {
      if (in_flight.load() != 0) {
        logger.Warn("shutdown with requests still in flight",
                    {{"in_flight", static_cast<std::int64_t>(in_flight.load())}});
      }
      io_context.stop();
      return;
    }
    drain_timer.expires_after(std::chrono::milliseconds(20));
    drain_timer.async_wait([&](const asio::error_code&) { poll_drained(); });
  };
  signals.async_wait([&](const asio::error_code& error, int signal_number) {
    if (error) return;
    logger.Info("shutting down", {{"signal", static_cast<std::int64_t>(signal_number)}});
    api.StartDraining();
    drain_deadline = std::chrono::steady_clock::now() + options.drain_timeout;
    server.close_async([] {}, [](std::exception_ptr) {});
    poll_drained();
  });

  std::vector<std::thread> pool;
  for (std::size_t idx = 0; idx < std::max<std::size_t>(1, options.threads); ++idx) {
    pool.emplace_back([&io_context] { io_context.run(); });
  }
  Status result = opened_future.get();
  if (result) {
    on_listening();
  } else {
    io_context.stop();
  }
  for (auto& thread : pool) thread.join();
  return result;
}

}  // namespace vigil::http
