#!/usr/bin/env bash
# The npm packages as a user gets them: an empty directory, no cargo or rustc on PATH, `npm install`
# of the main package and the platform package from their tarballs (offline: nothing comes from a
# registry, nothing is compiled), then a send against the emulator from require() and from import.
#
#   packaging/smoke/node.sh MAIN.tgz PLATFORM.tgz   # INFOBIP_EMULATOR_BIN: the emulator (default: debug build)
set -euo pipefail
pkg="node smoke"
# shellcheck source=packaging/common.sh
source "$(dirname "$0")/../common.sh"
main="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
platform="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"

work="$(mktemp -d)"
trap 'stop_emulator; rm -rf "$work"' EXIT
PATH="$(path_without_rust)"
export PATH
if command -v cargo >/dev/null || command -v rustc >/dev/null; then die "cargo or rustc is still on PATH"; fi

step "npm install (offline) $(basename "$main") $(basename "$platform") into an empty directory"
mkdir "$work/app"
cd "$work/app"
echo '{"name":"smoke","version":"1.0.0","private":true}' >package.json
# A cache of its own: an offline install must not be satisfied by packages cached earlier.
npm install --offline --cache "$work/cache" --no-audit --no-fund --loglevel=error "$main" "$platform"
[ -z "$(find node_modules/infobip-sdk -name '*.node')" ] || die "the main package carries an addon"

step "require() and import against the emulator"
start_emulator
cp "$root/packaging/smoke/node.cjs" "$root/packaging/smoke/node.mjs" .
node node.cjs
node node.mjs
