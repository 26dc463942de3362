#!/usr/bin/env bash
# Installs what building and testing swanilai needs, from the package registries only
# (crates.io, npm, Debian apt), and only what is missing: each tool's version is checked
# first and the tool is left alone when it is already right. A second run installs nothing
# and ends with "bootstrap: nothing to install".
#
#   rust target wasm32-unknown-unknown   rustup target add
#   wasm-pack >= WASM_PACK_VERSION        cargo install wasm-pack
#   wasm-bindgen-cli == Cargo.lock's      cargo install wasm-bindgen-cli --version X
#     wasm-bindgen version                  (a mismatch with the library breaks the build)
#   chromium, chromium-driver,            apt-get (root or sudo)
#     poppler-utils (pdftotext, which
#     reads the printed result sheet)
#   node_modules (binaryen's wasm-opt,    npm ci, when node_modules is missing or older
#     playwright-core, axe, tsc, vite)      than package-lock.json
#
# wasm-pack is never allowed to download prebuilt binaries: scripts/env.sh puts
# node_modules/.bin (wasm-opt from npm `binaryen`) and ~/.cargo/bin (wasm-bindgen) first
# on PATH, where wasm-pack finds them.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
caller_path="$PATH"
# shellcheck source=scripts/env.sh
source scripts/env.sh

# wasm-pack is pinned for reproducible installs; any present version at least this new is kept.
WASM_PACK_VERSION=0.15.1
NODE_MIN_VERSION=20.19.0 # vite 8 needs ^20.19 || >=22.12

installed=()

say() { printf 'bootstrap: %s\n' "$*"; }
die() { printf 'bootstrap: error: %s\n' "$*" >&2; exit 1; }
# version_ge A B: A >= B (dotted versions)
version_ge() { [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n1)" = "$2" ]; }
# cargo install, locked first. A registry mirror may lag behind crates.io, so a crate's
# published Cargo.lock can name a dependency version the mirror does not have yet; then
# retry without --locked (same crate version, dependencies resolved from the mirror).
cargo_install() {
  local crate="$1" version="$2" t0=$SECONDS
  say "installing $crate $version (cargo install, a few minutes) ..."
  if ! cargo install "$crate" --version "$version" --locked --force; then
    say "warning: 'cargo install $crate --locked' failed (registry mirror lacking a locked dependency?); retrying without --locked"
    cargo install "$crate" --version "$version" --force
  fi
  say "installed $crate $version in $((SECONDS - t0))s"
  installed+=("$crate $version")
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root (or sudo) to run: $*"
  fi
}

# --- Rust ----------------------------------------------------------------------------------
command -v cargo >/dev/null 2>&1 || die "cargo not found: install Rust with rustup (https://rustup.rs) first"
command -v rustup >/dev/null 2>&1 || die "rustup not found: the wasm32 target is installed with rustup"
say "$(rustc --version | cut -d' ' -f1-2): present"

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rust target wasm32-unknown-unknown: present"
else
  say "installing rust target wasm32-unknown-unknown ..."
  rustup target add wasm32-unknown-unknown
  installed+=("wasm32-unknown-unknown")
fi

# --- wasm-pack -----------------------------------------------------------------------------
have_wp=""
if command -v wasm-pack >/dev/null 2>&1; then
  have_wp="$(wasm-pack --version 2>/dev/null | awk '{print $2}')"
fi
if [ -n "$have_wp" ] && version_ge "$have_wp" "$WASM_PACK_VERSION"; then
  say "wasm-pack $have_wp: present"
else
  [ -n "$have_wp" ] && say "wasm-pack $have_wp is older than $WASM_PACK_VERSION"
  cargo_install wasm-pack "$WASM_PACK_VERSION"
fi

# --- wasm-bindgen-cli, exactly the library's version -----------------------------------------
[ -f Cargo.lock ] || die "Cargo.lock missing (it is committed; run from a complete checkout)"
want_wb="$(awk '
  /^\[\[package\]\]/ { name = "" }
  /^name = / { name = $3; gsub(/"/, "", name) }
  /^version = / && name == "wasm-bindgen" { v = $3; gsub(/"/, "", v); print v; exit }
' Cargo.lock)"
[ -n "$want_wb" ] || die "no wasm-bindgen package in Cargo.lock"
have_wb=""
if command -v wasm-bindgen >/dev/null 2>&1; then
  have_wb="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')"
fi
if [ "$have_wb" = "$want_wb" ] && command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
  say "wasm-bindgen-cli $have_wb: present (matches Cargo.lock)"
else
  if [ -n "$have_wb" ]; then say "wasm-bindgen-cli $have_wb does not match Cargo.lock's wasm-bindgen $want_wb"; fi
  cargo_install wasm-bindgen-cli "$want_wb"
fi

# --- Chromium and chromedriver (Debian) ------------------------------------------------------
missing_pkgs=()
for pkg in chromium chromium-driver poppler-utils; do
  ver="$(dpkg-query -W -f='${db:Status-Status} ${Version}' "$pkg" 2>/dev/null || true)"
  if [ "${ver%% *}" = "installed" ]; then
    say "$pkg ${ver#* }: present"
  else
    missing_pkgs+=("$pkg")
  fi
done
if [ ${#missing_pkgs[@]} -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install ${missing_pkgs[*]} by hand"
  t0=$SECONDS
  say "installing ${missing_pkgs[*]} (apt-get) ..."
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing_pkgs[@]}"
  say "installed ${missing_pkgs[*]} in $((SECONDS - t0))s"
  installed+=("${missing_pkgs[@]}")
fi
[ -x "$CHROMIUM_PATH" ] || die "$CHROMIUM_PATH missing after installing chromium"
[ -x "$CHROMEDRIVER" ] || die "$CHROMEDRIVER missing after installing chromium-driver"

# --- Node dev tools (npm ci) -----------------------------------------------------------------
command -v node >/dev/null 2>&1 || die "node not found: Node.js >= $NODE_MIN_VERSION is required"
node_ver="$(node --version | sed 's/^v//')"
version_ge "$node_ver" "$NODE_MIN_VERSION" || die "Node.js $node_ver is too old: >= $NODE_MIN_VERSION is required"
say "node $node_ver, npm $(npm --version): present"
[ -f package-lock.json ] || die "package-lock.json missing (it is committed)"
if [ ! -f node_modules/.package-lock.json ]; then
  npm_reason="node_modules missing"
elif [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm_reason="package-lock.json is newer than node_modules"
else
  npm_reason=""
fi
if [ -n "$npm_reason" ]; then
  t0=$SECONDS
  say "installing node_modules: npm ci ($npm_reason) ..."
  npm ci --no-audit --no-fund
  say "installed node_modules in $((SECONDS - t0))s"
  installed+=("node_modules")
else
  say "node_modules: present (up to date with package-lock.json)"
fi
wasm_opt="$(command -v wasm-opt || true)"
case "$wasm_opt" in
  "$SWANILAI_ROOT/node_modules/.bin/wasm-opt") say "$(wasm-opt --version | awk '{print "wasm-opt " $3}') (npm binaryen): present" ;;
  *) die "wasm-opt should come from node_modules/.bin (npm binaryen), found '${wasm_opt:-nothing}'" ;;
esac

# --- summary ---------------------------------------------------------------------------------
case ":$caller_path:" in
  *":$SWANILAI_ROOT/node_modules/.bin:"*) ;;
  *) say "PATH: the scripts 'source scripts/env.sh' (node_modules/.bin, then ~/.cargo/bin, first on PATH); do the same to use these tools by hand" ;;
esac
if [ ${#installed[@]} -eq 0 ]; then
  say "nothing to install"
else
  list="$(printf '%s, ' "${installed[@]}")"
  say "installed: ${list%, } (${SECONDS}s in all)"
fi
