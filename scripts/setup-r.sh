#!/usr/bin/env bash
# Installs R and the surveillance package from Debian (r-base-core, r-cran-surveillance) when
# missing. Only `make test-parity` and `make bench-warn` need them; `make test` does not (the
# golden files R wrote are committed).
set -euo pipefail
missing=()
for package in r-base-core r-cran-surveillance; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-r: installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
