# Installs everything Debrief needs on Debian 12, idempotently; sourced by scripts/build, serve, test.
# Fast when everything is present: each step checks before it installs.
set -euo pipefail

DEBRIEF_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEBRIEF_THIRD_PARTY="$DEBRIEF_ROOT/.deps"   # downloaded sources live here (git-ignored)
export DEBRIEF_ROOT DEBRIEF_THIRD_PARTY

# Debian's emcc needs Debian's acorn, but `node` comes from another vendor (docs/web-platform.md).
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config dpkg-dev
  emscripten nlohmann-json3-dev doctest-dev
  fonts-noto-core python3-fonttools python3-brotli brotli
  fonts-symbola               # emoji and symbols, fetched by the app only when one is drawn
  gettext                     # msgfmt: checks and compiles the translations (assets/i18n/)
  chromium
  firefox-esr xvfb xauth      # the Firefox browser tests, headed under xvfb-run (WebGL 2 needs a display)
  libgl1 libegl1 libgl1-mesa-dri  # Mesa (llvmpipe): Firefox loads GL at run time, for WebGL 2 under Xvfb
  clang-14 libfuzzer-14-dev   # the import fuzzer (scripts/fuzz)
  clang-format-14             # scripts/test fails on a formatting diff
)
# Node.js: any recent one already on the machine will do; otherwise Debian's (with its npm).
command -v node >/dev/null && command -v npm >/dev/null || APT_PACKAGES+=(nodejs npm)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_deb_src() {
  # `apt-get source` needs a deb-src entry for bookworm; add ours once.
  local list=/etc/apt/sources.list.d/debrief-src.sources
  if ! grep -rqs "^Types:.*deb-src" /etc/apt/sources.list.d/ && ! grep -qs "^deb-src" /etc/apt/sources.list; then
    as_root tee "$list" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    DEBRIEF_APT_UPDATED=0
  fi
}

ensure_apt_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  ensure_deb_src
  if [ ${#missing[@]} -gt 0 ] || [ "${DEBRIEF_APT_UPDATED:-1}" = 0 ]; then
    echo "setup: apt-get update"
    as_root apt-get update -qq
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

# Fetches a Debian source package once into .deps/<dir>.
ensure_source_package() {
  local pkg="$1" dir="$2"
  [ -d "$DEBRIEF_THIRD_PARTY/$dir" ] && return 0
  mkdir -p "$DEBRIEF_THIRD_PARTY"
  echo "setup: apt-get source $pkg"
  ( cd "$DEBRIEF_THIRD_PARTY" && apt-get source -qq "$pkg" >/dev/null 2>&1 ) || {
    as_root apt-get update -qq
    ( cd "$DEBRIEF_THIRD_PARTY" && apt-get source -qq "$pkg" )
  }
  [ -d "$DEBRIEF_THIRD_PARTY/$dir" ] || { echo "setup: $pkg did not unpack to $dir" >&2; return 1; }
}

ensure_npm_packages() {
  local stamp="$DEBRIEF_ROOT/node_modules/.debrief-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$DEBRIEF_ROOT/package-lock.json" "$stamp"; then
    echo "setup: npm ci"
    ( cd "$DEBRIEF_ROOT" && npm ci --no-audit --no-fund --loglevel=error )
    cp "$DEBRIEF_ROOT/package-lock.json" "$stamp"
  fi
}

debrief_setup() {
  ensure_apt_packages
  ensure_source_package imgui imgui-1.86+ds
  ensure_source_package fribidi fribidi-1.0.8
  ensure_npm_packages
}
