// Reading the monitor's identifier data files: phone-number overrides
// (data/monitor/phone-overrides.yaml) and shared hosts (data/monitor/shared-hosts.yaml).
// Problems are named by file and line, one per line of the message.
#pragma once

#include <string>
#include <vector>

#include "core/common/error.hpp"
#include "core/monitor/identifiers.hpp"

namespace vigil::codec::yaml {

// Parses `overrides:` — a list of {country_code, national_prefix, national_length, source,
// status (verified|unverified), note?}. kInvalidArgument, reason "validation", naming file, line
// and field for every problem (unknown keys, non-numbers, a missing source).
[[nodiscard]] Result<std::vector<core::monitor::PhoneOverride>> ParsePhoneOverridesYaml(
    const std::string& file_name, const std::string& text);

// Parses `hosts:` — a list of {host, kind (social-network|link-shortener|messenger|classifieds|
// email-provider|hosting|search)} — and returns the host names, lower case. Duplicate hosts are
// errors.
[[nodiscard]] Result<std::vector<std::string>> ParseSharedHostsYaml(const std::string& file_name,
                                                                    const std::string& text);

}  // namespace vigil::codec::yaml
