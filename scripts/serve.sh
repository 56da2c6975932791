#!/usr/bin/env bash
# Builds the release app and serves it at http://127.0.0.1:${PORT:-8080}/pyprep/ (a sub-path,
# as on a static host). For development with live reload use `trunk serve` instead.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --offline
echo "PyPrep: http://127.0.0.1:${PORT:-8080}/pyprep/   (Ctrl+C to stop)"
exec node scripts/serve.mjs dist "${PORT:-8080}"
