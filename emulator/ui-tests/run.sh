#!/usr/bin/env bash
# The emulator's inbox page in a real browser: Playwright (playwright-core, pinned in
# package-lock.json, into the gitignored node_modules) driving Debian's chromium, installed here
# when missing (CI runs as root on a fresh Debian machine; Playwright's own browser download is
# not used). Needs the debug emulator and the Python package's virtualenv
# (bindings-python/test.sh builds it). Screenshots: target/inbox-ui/.
set -euo pipefail
cd "$(dirname "$0")"
root="$(cd ../.. && pwd)"
step() { printf '\n== inbox: %s\n' "$*"; }

if [[ ! -x /usr/bin/chromium ]]; then
  step "apt-get install chromium"
  if [[ "$(id -u)" != 0 ]]; then
    echo "inbox: /usr/bin/chromium is missing; install Debian's chromium (apt-get install chromium) as root" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
fi

if [[ ! -x "$root/bindings-python/.venv/bin/python" ]] || ! "$root/bindings-python/.venv/bin/python" -c 'import infobip' 2>/dev/null; then
  echo "inbox: the Python package is not built; run bindings-python/test.sh first" >&2
  exit 1
fi

step "npm ci (playwright-core, axe-core)"
npm ci --no-audit --no-fund --loglevel=error

step "emulator (debug build)"
(cd "$root" && cargo build --quiet --locked -p infobip-emulator)
export INFOBIP_EMULATOR_BIN="${CARGO_TARGET_DIR:-$root/target}/debug/infobip-emulator"

step "node --test inbox.test.mjs"
npm test
