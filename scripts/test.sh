#!/usr/bin/env bash
# Runs every PyPrep test: format and lint gates, native cargo tests, the answers' Python
# examples, browser tests in headless Chromium (wasm-bindgen-test), and end-to-end tests with
# Playwright against the release build served from a sub-path. Installs what is missing first.
# Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
LOG=$(mktemp -d)
passed=0 failed=0 broken=()

# step NAME COMMAND...: runs it, keeps its output, counts its tests.
step() {
  local name=$1; shift
  printf '\n\033[1m== %s\033[0m\n' "$name"
  "$@" 2>&1 | tee "$LOG/$name.log"
  local rc=${PIPESTATUS[0]}
  local p f
  # cargo / wasm-bindgen-test: "test result: ok. 3 passed; 0 failed"
  p=$(grep -Eo '[0-9]+ passed; [0-9]+ failed' "$LOG/$name.log" | awk '{s+=$1} END {print s+0}')
  f=$(grep -Eo '[0-9]+ passed; [0-9]+ failed' "$LOG/$name.log" | awk '{s+=$3} END {print s+0}')
  # examples runner: "examples: 3 passed, 0 failed"; node --test: "# pass 3" / "# fail 0"
  p=$((p + $(grep -Eo '^examples: [0-9]+ passed' "$LOG/$name.log" | awk '{s+=$2} END {print s+0}')))
  f=$((f + $(grep -Eo '^examples: [0-9]+ passed, [0-9]+ failed' "$LOG/$name.log" | awk '{s+=$4} END {print s+0}')))
  p=$((p + $(grep -Eo '^# pass [0-9]+' "$LOG/$name.log" | awk '{s+=$3} END {print s+0}')))
  f=$((f + $(grep -Eo '^# fail [0-9]+' "$LOG/$name.log" | awk '{s+=$3} END {print s+0}')))
  if [ "$rc" -ne 0 ]; then
    broken+=("$name")
    # A gate (fmt, clippy, build) that fails counts as one failed check.
    [ "$f" -eq 0 ] && f=1
  elif [ "$p" -eq 0 ]; then
    p=1 # a gate that passed
  fi
  passed=$((passed + p)); failed=$((failed + f))
}

step fmt cargo fmt --check
step clippy-native cargo clippy --all-targets --quiet -- -D warnings
step clippy-wasm cargo clippy --all-targets --target wasm32-unknown-unknown --quiet -- -D warnings
step native cargo test --quiet
step examples .tools/venv/bin/python tests/python/run_examples.py questions.json
step browser cargo test --target wasm32-unknown-unknown --test web
step release-build trunk build --release --offline
step e2e node --test --test-concurrency=1 tests/e2e/

echo
[ ${#broken[@]} -gt 0 ] && echo "failing steps: ${broken[*]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ ${#broken[@]} -eq 0 ]
