#!/usr/bin/env bash
# The Node package's whole test: install the dev tools, build the addon and the emulator, run the
# node:test suite against the emulator, type-check with tsc --strict, then pack the package and
# install the tarball into an empty directory with no registry and use it from require and import.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(cd .. && pwd)"
step() { printf '\n== node: %s\n' "$*"; }

step "npm ci (dev tools into the gitignored node_modules)"
npm ci --no-audit --no-fund --loglevel=error

step "build the emulator and the addon (debug)"
(cd "$ROOT" && cargo build --locked --quiet -p infobip-emulator)
npm run --silent build

step "examples/node: npm ci (links this package; run by test/examples.test.mjs, type-checked below)"
(cd "$ROOT/examples/node" && npm ci --no-audit --no-fund --loglevel=error)

step "node --test"
npm test

step "tsc --strict --noEmit"
npx tsc -p tsconfig.json
if [ -f "$ROOT/examples/node/tsconfig.json" ]; then
  npx tsc -p "$ROOT/examples/node"
fi

step "npm pack, then install the tarball offline into an empty directory"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
npm pack --silent --pack-destination "$WORK" >/dev/null
TARBALL="$(ls "$WORK"/infobip-sdk-*.tgz)"
tar -tzf "$TARBALL" > "$WORK/contents"
grep -qx 'package/native/infobip-sdk.linux-x64-gnu.node' "$WORK/contents"
mkdir "$WORK/app"
(cd "$WORK/app" && echo '{"name":"smoke","version":"1.0.0","private":true}' > package.json \
  && npm install --offline --no-audit --no-fund --loglevel=error "$TARBALL")
cp smoke/smoke.cjs smoke/smoke.mjs "$WORK/app/"
(cd "$WORK/app" && node smoke.cjs && node smoke.mjs)
echo "node: all green"
