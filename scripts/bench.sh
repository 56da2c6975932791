#!/usr/bin/env bash
# Builds the release app and writes BENCHMARKS.md (sizes, time to the first question and to the
# hand-over, the core at scale).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --offline
node scripts/bench.mjs "${1:-9}"
