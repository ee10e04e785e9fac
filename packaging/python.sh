#!/usr/bin/env bash
# Builds the Python package `infobip-sdk`: one abi3 wheel (CPython 3.9 and later) for a target and,
# with --sdist, the source distribution. Prints the wheel's path last, on stdout.
#
#   packaging/python.sh [--release] [--target TRIPLE] [--sdist] [--out DIR]
#
# TRIPLE defaults to the host's; the release pipeline passes x86_64/aarch64-unknown-linux-gnu,
# x86_64-unknown-linux-musl, universal2-apple-darwin and x86_64-pc-windows-msvc. Linux wheels are
# linked by zig against glibc 2.17 and tagged manylinux2014 (manylinux_2_17), musl ones
# musllinux_1_2; `auditwheel show` then confirms the tag and that the extension links nothing
# outside the policy. maturin's own `--zig` would do the same with a linker wrapper of its own;
# packaging/zig/cc is shared with the Node and Kotlin builds, so their common dependencies compile
# once. Without --release the wheel is a debug build (what `./x test` installs and tests).
# DIR defaults to dist/.
set -euo pipefail
pkg=python
# shellcheck source=packaging/common.sh
source "$(dirname "$0")/common.sh"

profile=(--profile dev)
target="$(host_target)"
sdist=false
out="$root/dist"
while [ "$#" -gt 0 ]; do
  case "$1" in
    --release) profile=(--release) ;;
    --target) target="$2"; shift ;;
    --sdist) sdist=true ;;
    --out) out="$2"; shift ;;
    *) die "unknown argument '$1' (see the header of $0)" ;;
  esac
  shift
done
mkdir -p "$out"
out="$(cd "$out" && pwd)"

packaging_tools
tools="$(venv_bin "$INFOBIP_PACKAGING_TOOLS")"
maturin="$tools/maturin"
compat=()
case "$target" in
  *-linux-gnu) compat=(--compatibility manylinux2014) ;;
  *-linux-musl) compat=(--compatibility musllinux_1_2) ;;
  universal2-apple-darwin) rust_target aarch64-apple-darwin; rust_target x86_64-apple-darwin ;;
esac
[ "$target" = universal2-apple-darwin ] || rust_target "$target"
native_env "$target"

step "wheel for $target (maturin build ${profile[*]})"
cd "$root/bindings-python"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
"$maturin" build --locked --target "$target" ${compat[@]+"${compat[@]}"} "${profile[@]}" --out "$out" 2>&1 | tee "$log" >&2
wheel="$(sed -n 's/^.*Built wheel.* to \(.*\.whl\)$/\1/p' "$log" | tail -n 1)"
[ -f "$wheel" ] || die "maturin did not report the wheel it built"

if [[ "$target" == *-linux-* ]]; then
  step "auditwheel show $(basename "$wheel")"
  "$tools/auditwheel" show "$wheel" | tee "$log" >&2
  want=manylinux_2_17
  [[ "$target" == *-musl ]] && want=musllinux_1_2
  grep -q "\"$want" "$log" || die "auditwheel does not accept the wheel as $want (output above)"
fi

if $sdist; then
  step "sdist"
  "$maturin" sdist --out "$out" 2>&1 | tee "$log" >&2
  sdist_file="$out/infobip_sdk-$version.tar.gz"
  [ -f "$sdist_file" ] || die "no $sdist_file"
  # The sdist builds on a machine with Rust only: it must carry the specs the core's build reads.
  listing="$(tar -tzf "$sdist_file")"
  specs="$(grep -c '/spec/infobip-.*-openapi\.json$' <<<"$listing" || true)"
  [ "$specs" -ge 40 ] || die "the sdist carries $specs spec files; the core's build needs all of spec/"
  for f in LICENSE-MIT LICENSE-APACHE pyproject.toml python/infobip/py.typed; do
    grep -qx "infobip_sdk-$version/$f" <<<"$listing" || die "the sdist lacks $f"
  done
fi
echo "$wheel"
