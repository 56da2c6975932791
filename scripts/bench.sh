#!/usr/bin/env bash
# Builds the release app and writes BENCHMARKS.md (sizes and time to first question).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --offline
node scripts/bench.mjs "${1:-9}"
