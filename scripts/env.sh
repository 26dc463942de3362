# shellcheck shell=bash
# Source this file (`source scripts/env.sh`) to put the project's tools first on PATH:
#   1. <repo>/node_modules/.bin  - wasm-opt from the npm package `binaryen` (never Debian's
#      binaryen 108: Chromium silently refuses the modules it emits), playwright-core, tsc, vite;
#   2. ~/.cargo/bin              - wasm-pack, wasm-bindgen (+ test runner) from `cargo install`.
# Idempotent: sourcing it twice does not grow PATH.

SWANILAI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export SWANILAI_ROOT

_swn_prepend_path() {
  local dir="$1" entry rest="" parts=()
  IFS=: read -r -a parts <<<"$PATH"
  for entry in "${parts[@]}"; do
    [ -n "$entry" ] && [ "$entry" != "$dir" ] && rest="${rest:+$rest:}$entry"
  done
  PATH="$dir${rest:+:$rest}"
}
_swn_prepend_path "${CARGO_HOME:-$HOME/.cargo}/bin"
_swn_prepend_path "$SWANILAI_ROOT/node_modules/.bin"
unset -f _swn_prepend_path
export PATH

# Browsers come from Debian's packages (scripts/bootstrap.sh installs them).
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
