#!/usr/bin/env bash
# The Node package's whole test: install the dev tools, build the emulator and the addon with the
# npm packages (packaging/node.sh: the main package and linux-x64-gnu, debug), run the node:test
# suite against the emulator, type-check with tsc --strict, then install the two tarballs into an
# empty directory, offline and with no Rust on PATH, and send from require and import
# (packaging/smoke/node.sh). The suite and the smoke test use the same addon.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(cd .. && pwd)"
step() { printf '\n== node: %s\n' "$*"; }

step "npm ci (dev tools into the gitignored node_modules)"
npm ci --no-audit --no-fund --loglevel=error

step "build the emulator; the addon and the npm packages (debug)"
(cd "$ROOT" && cargo build --locked --quiet -p infobip-emulator)
PACKED="$("$ROOT/packaging/node.sh" --main --out "${CARGO_TARGET_DIR:-$ROOT/target}/dist-debug")"
mapfile -t TARBALLS <<<"$PACKED" # the platform package, then the main one

step "examples/node: npm ci (links this package; run by test/examples.test.mjs, type-checked below)"
(cd "$ROOT/examples/node" && npm ci --no-audit --no-fund --loglevel=error)

step "node --test"
npm test

step "tsc --strict --noEmit"
npx tsc -p tsconfig.json
if [ -f "$ROOT/examples/node/tsconfig.json" ]; then
  npx tsc -p "$ROOT/examples/node"
fi

step "the two tarballs in an empty directory, offline, no Rust on PATH"
"$ROOT/packaging/smoke/node.sh" "${TARBALLS[1]}" "${TARBALLS[0]}"
echo "node: all green"
