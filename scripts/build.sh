#!/usr/bin/env bash
# Builds the release wasm package into pkg/ with wasm-pack, finishes the npm package with
# scripts/package.mjs (when present), copies it to www/pkg/ for the demo, and prints the
# package's sizes, raw and gzipped (scripts/size.mjs).
#
# Tools come from PATH (scripts/env.sh): wasm-bindgen from ~/.cargo/bin at exactly the
# library's version, wasm-opt from the npm package binaryen. With both present wasm-pack
# has nothing to download; this script checks that before and after the build.
# Run scripts/bootstrap.sh first (scripts/demo.sh and scripts/test.sh do).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh

die() { printf 'build: error: %s\n' "$*" >&2; exit 1; }

# Preconditions that keep wasm-pack from fetching prebuilt binaries.
want_wb="$(awk '
  /^\[\[package\]\]/ { name = "" }
  /^name = / { name = $3; gsub(/"/, "", name) }
  /^version = / && name == "wasm-bindgen" { v = $3; gsub(/"/, "", v); print v; exit }
' Cargo.lock)"
have_wb="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
[ "$have_wb" = "$want_wb" ] ||
  die "wasm-bindgen on PATH is '${have_wb:-missing}', Cargo.lock wants $want_wb: run scripts/bootstrap.sh"
[ "$(command -v wasm-opt || true)" = "$SWANILAI_ROOT/node_modules/.bin/wasm-opt" ] ||
  die "wasm-opt is not the npm binaryen one in node_modules/.bin: run scripts/bootstrap.sh"
echo "build: wasm-bindgen $have_wb ($(command -v wasm-bindgen)), $(wasm-opt --version | awk '{print "wasm-opt " $3}') ($(command -v wasm-opt))"

# Panic and error locations in the .wasm name source files. rustc already writes the standard
# library's as /rustc/<hash>/...; without these the dependencies' would carry this machine's
# cargo home (/root/.cargo/registry/src/...) and any absolute path of the checkout.
# They go in with `--config` as target rustflags, which cargo joins to those of
# .cargo/config.toml (sha2's compact backend). Flags in the environment (RUSTFLAGS,
# CARGO_ENCODED_RUSTFLAGS) would replace the config's altogether: cargo takes the first
# source it finds. A caller's own flags still work: the remaps are appended to them, and
# the config's flags then do not apply (the caller's choice).
cargo_home="${CARGO_HOME:-$HOME/.cargo}"
remaps=("--remap-path-prefix=$cargo_home=/cargo" "--remap-path-prefix=$PWD=/swanilai")
extra=()
if [ -n "${CARGO_ENCODED_RUSTFLAGS:-}${RUSTFLAGS:-}" ]; then
  # CARGO_ENCODED_RUSTFLAGS: 0x1f-separated, so paths may hold spaces.
  flags="${CARGO_ENCODED_RUSTFLAGS:-$(printf '%s' "${RUSTFLAGS:-}" | xargs -r -n1 printf '%s\037' | sed 's/\o37$//')}"
  for remap in "${remaps[@]}"; do
    flags="$flags"$'\037'"$remap"
  done
  export CARGO_ENCODED_RUSTFLAGS="$flags"
  unset RUSTFLAGS
  echo "build: warning: flags from the environment replace .cargo/config.toml's rustflags" >&2
else
  case "$cargo_home$PWD" in
  *'"'* | *'\'*) die "a path holds a quote or a backslash, which --config cannot take: $cargo_home, $PWD" ;;
  esac
  extra=(-- --config "target.wasm32-unknown-unknown.rustflags = [\"${remaps[0]}\", \"${remaps[1]}\"]")
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
t0=$SECONDS
wasm-pack build --target web --release --out-dir pkg --out-name swanilai "${extra[@]}" 2>&1 | tee "$log"
echo "build: wasm-pack build took $((SECONDS - t0))s"

# wasm-pack prints "Installing <tool>..." just before it would download a prebuilt tool,
# "found wasm-opt at <path>" and "Optimizing wasm binaries with `wasm-opt`..." when it runs
# wasm-opt. (A "failed to get wasm-pack version" warning is its once-a-day query of the
# crates.io web API for a newer wasm-pack, which this network does not serve: harmless.)
if grep -qE 'Installing (wasm-bindgen|wasm-opt|chromedriver|geckodriver|safaridriver)|could not download' "$log"; then
  die "wasm-pack tried to download a tool (see above); PATH should provide wasm-bindgen and wasm-opt"
fi
if ! grep -qF "found wasm-opt at \"$SWANILAI_ROOT/node_modules/.bin/wasm-opt\"" "$log" ||
  ! grep -qF 'Optimizing wasm binaries with' "$log"; then
  die "wasm-opt from node_modules/.bin did not run (see wasm-pack's output above)"
fi
echo "build: wasm-opt (npm binaryen) ran; nothing was downloaded"

if [ -f scripts/package.mjs ]; then
  echo "build: node scripts/package.mjs"
  node scripts/package.mjs
fi

mkdir -p www
rm -rf www/pkg
cp -R pkg www/pkg
echo "build: copied pkg/ to www/pkg/"

# The sizes were printed by scripts/package.mjs above, with scripts/size.mjs: the one measure
# of the package's size (the benchmark reuses it; `node scripts/size.mjs` prints it again).
