#!/usr/bin/env bash
# Builds the npm packages of `infobip-sdk` in the napi-rs layout: the platform package
# `infobip-sdk-<platform>` of one target (its addon, built here), and with --main the main package
# `infobip-sdk` (JavaScript, declarations, no binary), whose `optionalDependencies` name every
# platform package of lib/platform.js. Prints the tarballs' paths last, on stdout.
#
#   packaging/node.sh [--release] [--target TRIPLE] [--main] [--out DIR]
#
# TRIPLE defaults to the host's; the platforms are those of lib/platform.js and package.json's
# napi.targets. Linux addons are linked by zig against glibc 2.17 (or musl), like the wheels.
# The addon is also left in bindings-node/native/, where a checkout's tests load it, so the suite
# tests the very binary the platform package carries. Without --release it is a debug build.
# DIR defaults to dist/.
set -euo pipefail
pkg=node
# shellcheck source=packaging/common.sh
source "$(dirname "$0")/common.sh"

release=()
target="$(host_target)"
main=false
out="$root/dist"
while [ "$#" -gt 0 ]; do
  case "$1" in
    --release) release=(--release) ;;
    --target) target="$2"; shift ;;
    --main) main=true ;;
    --out) out="$2"; shift ;;
    *) die "unknown argument '$1' (see the header of $0)" ;;
  esac
  shift
done
mkdir -p "$out"
out="$(cd "$out" && pwd)"
here="$root/bindings-node"
cd "$here"

case "$target" in
  x86_64-unknown-linux-gnu) platform=linux-x64-gnu ;;
  aarch64-unknown-linux-gnu) platform=linux-arm64-gnu ;;
  x86_64-unknown-linux-musl) platform=linux-x64-musl ;;
  x86_64-apple-darwin) platform=darwin-x64 ;;
  aarch64-apple-darwin) platform=darwin-arm64 ;;
  x86_64-pc-windows-msvc) platform=win32-x64-msvc ;;
  *) die "no npm platform package for $target" ;;
esac

[ -x node_modules/.bin/napi ] || npm ci --no-audit --no-fund --loglevel=error >&2
rust_target "$target"
native_env "$target"

step "addon for $target (napi build ${release[*]-})"
npx napi build --platform --target "$target" ${release[@]+"${release[@]}"} --output-dir native --no-js --dts binding.d.ts >&2
addon="native/infobip-sdk.$platform.node"
[ -f "$addon" ] || die "napi build made no $addon"

# Each package is assembled in target/npm/<name>, so nothing but sources stays in bindings-node/npm.
stage="$target_dir/npm"
step "pack infobip-sdk-$platform"
rm -rf "${stage:?}/$platform"
mkdir -p "$stage/$platform"
cp "npm/$platform/package.json" "npm/$platform/README.md" "$addon" "$stage/$platform/"
copy_licenses "$stage/$platform"
tarballs=("$out/$(cd "$stage/$platform" && npm pack --silent --pack-destination "$out")")

if $main; then
  step "pack infobip-sdk (no binary; every platform package as an optional dependency)"
  rm -rf "${stage:?}/main"
  mkdir -p "$stage/main"
  npm pack --silent --pack-destination "$stage/main" >/dev/null
  tar -xzf "$stage/main/infobip-sdk-$version.tgz" -C "$stage/main"
  node - "$stage/main/package/package.json" <<'JS'
const fs = require('node:fs');
const { PLATFORM_PACKAGES } = require('./lib/platform.js');
const file = process.argv[2];
const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
manifest.optionalDependencies = Object.fromEntries(Object.values(PLATFORM_PACKAGES).map((name) => [name, manifest.version]));
fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
JS
  tarballs+=("$out/$(cd "$stage/main/package" && npm pack --silent --pack-destination "$out")")
  if tar -tzf "${tarballs[1]}" | grep '\.node$' >&2; then die "the main package carries a binary (above)"; fi
fi
printf '%s\n' "${tarballs[@]}"
