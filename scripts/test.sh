#!/usr/bin/env bash
# The whole check, as CI runs it (.ci/run): bootstrap, then each step in order, stopping at
# the first failure with its exit status. Every step prints a banner and its duration; the
# test runners' own summary lines are printed as they come.
#
# The wasm tests get 180 s per test file instead of the runner's 20: tests/hostile_web.rs
# reads the hostile corpus's generated megabytes (a 17 MB set, 100,000 indicators, 500,000
# answers) in an unoptimised build, which takes about 30 s on a busy machine.
#
# wasm-pack test gets `-- --all-targets`: every target (lib, bin, tests/*.rs, benches) but
# not the doctests. Since Rust 1.89 cargo cross-compiles doctests for the wasm target,
# where the test runner only ever runs #[wasm_bindgen_test] functions, so they would be
# compile-only checks of examples written for the native API (builtin::get and friends are
# native-only); `cargo test` above runs them for real.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh

# A library user who turns default features off gets the engine's dependencies only: not the
# CLI's clap and serde_json, nor schema generation's schemars (Cargo.toml's `cli` feature),
# and the library builds that way (a schemars derive must sit behind the `schema` feature).
engine_dependencies() {
  local tree
  tree="$(cargo tree --no-default-features -e normal --prefix none --format '{p}' | sort -u)"
  echo "$tree"
  if grep -E '^(clap|schemars|serde_json) ' <<<"$tree"; then
    echo "engine_dependencies: the above must only come with the cli feature" >&2
    return 1
  fi
  cargo check --no-default-features --lib
}

steps=(
  "bootstrap|bash scripts/bootstrap.sh"
  "cargo fmt --check|cargo fmt --check"
  "biome (JS, CSS, JSON: format and lint)|node_modules/.bin/biome ci --error-on-warnings"
  "engine dependencies|engine_dependencies"
  "cargo clippy (native)|cargo clippy --all-targets -- -D warnings"
  "cargo clippy (wasm32)|cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings"
  "cargo doc|env RUSTDOCFLAGS=-Dwarnings cargo doc --no-deps"
  "cargo test|cargo test"
  "wasm-bindgen tests (headless Chromium)|env CHROMEDRIVER=$CHROMEDRIVER WASM_BINDGEN_TEST_TIMEOUT=180 wasm-pack test --headless --chrome -- --all-targets"
  "release build|bash scripts/build.sh"
  "end-to-end tests (node --test)|node --test --test-reporter=spec tests/e2e/"
)

total=${#steps[@]}
results=()
start=$SECONDS

summary() {
  echo
  echo "==================== test.sh summary ===================="
  local r
  for r in "${results[@]}"; do echo "  $r"; done
  echo "  total $((SECONDS - start))s"
}

n=0
for entry in "${steps[@]}"; do
  n=$((n + 1))
  name="${entry%%|*}"
  cmd="${entry#*|}"
  echo
  echo "==================== [$n/$total] $name ===================="
  echo "\$ $cmd"
  t0=$SECONDS
  set +e
  # shellcheck disable=SC2086 # the commands above are word-split on purpose
  $cmd
  status=$?
  set -e
  dt=$((SECONDS - t0))
  if [ "$status" -ne 0 ]; then
    results+=("FAIL  [$n/$total] $name (${dt}s, exit $status)")
    echo "==================== [$n/$total] $name: FAILED (exit $status) after ${dt}s ===================="
    summary
    echo "test.sh: FAILED at step $n/$total: $name"
    exit "$status"
  fi
  results+=("ok    [$n/$total] $name (${dt}s)")
  echo "==================== [$n/$total] $name: ok in ${dt}s ===================="
done

summary
echo "test.sh: all $total steps passed"
