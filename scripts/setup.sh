#!/usr/bin/env bash
# Installs what Vigil needs on Debian 12 when it is missing: Debian packages (apt) and the web
# app's npm packages (from the committed lockfile). Safe to run again; does nothing when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  # build
  g++ cmake ninja-build ccache pkg-config make
  # libraries (ARCHITECTURE.md §4)
  librestinio-dev libasio-dev libfmt-dev nlohmann-json3-dev libsqlite3-dev libsodium-dev
  libyaml-cpp-dev libcli11-dev libspdlog-dev libexpected-dev libxlsxwriter-dev libicu-dev zlib1g-dev
  # monitor (issue 5): lure lexicon scanning, MinHash shingle hashing, UTF-8 validation of the
  # input and the report (simdjson's validator only)
  libvectorscan-dev libxxhash-dev libsimdjson-dev
  # monitor: phone numbers (needs the preinstalled Boost 1.74; never libboost1.81-dev), language
  # identification, public suffixes
  libphonenumber-dev libcld2-dev libpsl-dev
  # the vigil binary's allocator (many small allocations in the monitor pipeline)
  libmimalloc-dev
  # tests
  libgtest-dev libgmock-dev libbenchmark-dev chromium unzip
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq \
    "${missing[@]}" >/dev/null
fi

# npm packages: reinstall only when the lockfile changed since the last install.
if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  echo "setup: installing the web app's npm packages (npm ci)"
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
fi
