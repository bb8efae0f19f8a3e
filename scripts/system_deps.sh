#!/usr/bin/env bash
# Make sure the system libraries the portal needs are present.
#   scripts/system_deps.sh          WeasyPrint's libraries and fonts (for `make run`)
#   scripts/system_deps.sh --test   also Chromium (browser tests), poppler-utils and redis-server
# As root on Debian/Ubuntu the missing packages are installed; otherwise the exact command is
# printed and the script fails, so nothing half-works silently.
set -euo pipefail

packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation)
if [ "${1:-}" = "--test" ]; then
  packages+=(chromium poppler-utils redis-server)
fi

if ! command -v dpkg >/dev/null 2>&1; then
  echo "Bukan Debian/Ubuntu: pastikan paket setara berikut terpasang: ${packages[*]}" >&2
  exit 0
fi

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Memasang paket sistem: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Paket sistem belum terpasang. Jalankan:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
