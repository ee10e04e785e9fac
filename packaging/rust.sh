#!/usr/bin/env bash
# Packages the published crates in their publishing order: infobip-spec (the OpenAPI files the
# build scripts read), infobip-emulator, infobip (the core) and infobip-cli. `cargo package`
# verifies each by building it from its own .crate, against the .crate files before it, so a
# crate that reaches outside its directory fails here. Copies the .crate files to DIR.
#
#   packaging/rust.sh [--publish-dry-run] [--out DIR]      # DIR defaults to dist/
#
# --publish-dry-run runs `cargo publish --dry-run` for the same crates instead (what the release
# pipeline runs before `cargo publish`).
set -euo pipefail
pkg=rust
# shellcheck source=packaging/common.sh
source "$(dirname "$0")/common.sh"

crates=(infobip-spec infobip-emulator infobip infobip-cli)
command=(package)
out="$root/dist"
while [ "$#" -gt 0 ]; do
  case "$1" in
    --publish-dry-run) command=(publish --dry-run) ;;
    --out) out="$2"; shift ;;
    *) die "unknown argument '$1' (see the header of $0)" ;;
  esac
  shift
done
selected=()
for crate in "${crates[@]}"; do selected+=(-p "$crate"); done

step "cargo ${command[*]} ${crates[*]}"
cd "$root"
cargo "${command[@]}" --locked "${selected[@]}" >&2
if [ "${command[0]}" = package ]; then
  mkdir -p "$out"
  for crate in "${crates[@]}"; do
    cp "$target_dir/package/$crate-$version.crate" "$out/"
    echo "$out/$crate-$version.crate"
  done
fi
