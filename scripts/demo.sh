#!/usr/bin/env bash
# The demo: bootstrap (installs only what is missing), build the release wasm package,
# then serve www/ on http://127.0.0.1:8080 (or --port N; extra flags such as --csp go to
# scripts/serve.mjs). Ctrl-C stops the server.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

port="${PORT:-8080}"
serve_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --port) [ $# -ge 2 ] || { echo "demo: --port needs a value" >&2; exit 2; }; port="$2"; shift 2 ;;
    --port=*) port="${1#--port=}"; shift ;;
    -h|--help) echo "usage: scripts/demo.sh [--port N] [--csp]"; exit 0 ;;
    *) serve_args+=("$1"); shift ;;
  esac
done

bash scripts/bootstrap.sh
bash scripts/build.sh
echo
echo "demo: open http://127.0.0.1:$port/"
exec node scripts/serve.mjs --root www --port "$port" "${serve_args[@]}"
