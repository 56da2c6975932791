#!/usr/bin/env bash
# Installs what PyPrep's build and tests need, skipping whatever is already there at the right
# version: the wasm target, trunk, wasm-bindgen-cli (= the version in Cargo.lock), npm packages
# (binaryen's wasm-opt, playwright-core, axe-core, terser, pyodide for the examples on 3.14), Debian's Chromium + ChromeDriver, and the
# Python venv for the answers' examples. Registries only: nothing downloads a browser or binary.
#   scripts/setup.sh          everything
#   scripts/setup.sh build    only what `trunk build` needs
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
TRUNK_VERSION=0.21.14
log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PATH"

if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "wasm32 target: present"
else
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
  log "trunk $TRUNK_VERSION: present"
else
  log "installing trunk $TRUNK_VERSION (compiles for a while)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must match the wasm-bindgen crate exactly.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WB_VERSION" ]; then
  log "wasm-bindgen-cli $WB_VERSION: present"
else
  log "installing wasm-bindgen-cli $WB_VERSION"
  # Without --locked: its lockfile pins a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

if [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] \
  && [ -d node_modules/@axe-core/playwright ] && [ -d node_modules/terser ] \
  && [ -f node_modules/pyodide/pyodide.asm.wasm ] \
  && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  log "npm packages: present"
else
  log "installing npm packages (package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error
fi

cargo fetch --quiet

[ "$what" = build ] && exit 0

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  log "chromium + chromedriver: present"
else
  log "installing Debian's chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# Python for the answers' examples: the newest of 3.13/3.12 if pyenv has it, else python3.
PY=""
for v in 3.13 3.12; do
  for cand in "$HOME"/.pyenv/versions/$v*/bin/python3; do
    [ -x "$cand" ] && { PY=$cand; break 2; }
  done
  command -v "python$v" >/dev/null 2>&1 && "python$v" -c '' 2>/dev/null && { PY=$(command -v "python$v"); break; }
done
[ -n "$PY" ] || PY=$(command -v python3)
VENV=.tools/venv
REQ=tests/python/requirements.txt
if [ -x "$VENV/bin/python" ] && [ -f "$VENV/.requirements" ] && cmp -s "$REQ" "$VENV/.requirements"; then
  log "python venv: present ($("$VENV/bin/python" --version))"
else
  log "creating the python venv with $("$PY" --version) and $REQ"
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQ"
  cp "$REQ" "$VENV/.requirements"
fi
log "ready"
