#!/usr/bin/env bash
# Builds the release app and writes BENCHMARKS.md (sizes, time to the first question and to the
# hand-over, the core at scale).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --offline
# Lighthouse (scripts/lighthouse.mjs) is benchmark-only, not in package.json: installed on demand.
grep -qs '"version": "13.5.0"' node_modules/lighthouse/package.json \
  || npm install --no-save --no-audit --no-fund --loglevel=error lighthouse@13.5.0
node scripts/bench.mjs "${1:-9}"
