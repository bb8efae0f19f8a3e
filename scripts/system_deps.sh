#!/usr/bin/env bash
# Make sure the system libraries the portal needs are present.
#   scripts/system_deps.sh          WeasyPrint's libraries and fonts (for `make run`)
#   scripts/system_deps.sh --test   also Chromium (browser tests), poppler-utils, redis-server and
#                                   Node.js/npm, then `npm ci` of axe-core into tests/e2e/axe/
#                                   (the accessibility audit the browser tests run on every page)
# As root on Debian/Ubuntu the missing packages are installed; otherwise the exact command is
# printed and the script fails, so nothing half-works silently.
set -euo pipefail

packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation)
if [ "${1:-}" = "--test" ]; then
  # postgresql: the server binaries (initdb, pg_ctl) of the private cluster that the
  # PostgreSQL-outage test (tests/outages) starts and stops.
  packages+=(chromium poppler-utils redis-server postgresql)
  # Node.js from another source (NodeSource ships npm inside its nodejs package) is fine too.
  command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
fi

# axe-core comes from the npm registry at the version pinned in tests/e2e/axe/package-lock.json.
install_axe() {
  [ "${1:-}" = "--test" ] || return 0
  local dir
  dir="$(cd "$(dirname "$0")/.." && pwd)/tests/e2e/axe"
  if [ ! -f "$dir/node_modules/axe-core/axe.min.js" ]; then
    echo "Memasang axe-core (npm ci) di $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

if ! command -v dpkg >/dev/null 2>&1; then
  echo "Bukan Debian/Ubuntu: pastikan paket setara berikut terpasang: ${packages[*]}" >&2
  install_axe "${1:-}"
  exit 0
fi

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  install_axe "${1:-}"
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Memasang paket sistem: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  install_axe "${1:-}"
else
  echo "Paket sistem belum terpasang. Jalankan:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
