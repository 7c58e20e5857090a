#!/usr/bin/env bash
# Installs the Debian packages the tests need, only when missing: chromium (browser and accessibility tests)
# and postgresql (the database tests run a second time on a throwaway cluster). Further packages named as arguments
# are installed the same way (`make bench-load` adds redis-server).
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
# Fonts so Arabic, Persian and Cyrillic render (and screenshots are readable).
dpkg -s fonts-noto-core >/dev/null 2>&1 || need+=(fonts-noto-core)
for package in "$@"; do
  dpkg -s "$package" >/dev/null 2>&1 || need+=("$package")
done

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing Debian packages: ${need[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
