#!/usr/bin/env bash
# Builds the Kotlin/JVM artifact com.infobip:infobip-sdk-kotlin: the compiled Kotlin bindings plus
# the native library under JNA's resource path (`linux-x86-64/libinfobip_uniffi.so`, and the
# folders of the other desktop platforms when they were built elsewhere), installed into the local
# Maven repository (~/.m2) by `mvn install`, which runs the JUnit suite on it first. Prints the
# jar's path last, on stdout.
#
#   packaging/kotlin.sh [--release] [--target TRIPLE] [--lib-only] [--skip-tests] [--out DIR]
#
#   --target TRIPLE  the library to build (default: the host's); Linux ones are linked by zig
#                    against glibc 2.17, like the wheels
#   --lib-only       only build the library into target/kotlin-natives/<JNA folder>/ (the release
#                    pipeline does this on each platform, then gathers the folders on one machine)
#   --skip-tests     `mvn install -DskipTests`
#
# Every library found in target/kotlin-natives goes into the jar. The Kotlin sources are generated
# from the library (bindings-uniffi/generate.sh). `mvn install` is skipped when nothing it reads
# changed since the last install (and that one ran the tests, if they are asked for now).
# The jar is copied to DIR (default dist/). The suite needs the emulator: INFOBIP_EMULATOR_BIN
# (default target/debug/infobip-emulator).
set -euo pipefail
pkg=kotlin
# shellcheck source=packaging/common.sh
source "$(dirname "$0")/common.sh"

release=()
profile=debug
target="$(host_target)"
lib_only=false
tests=true
out="$root/dist"
while [ "$#" -gt 0 ]; do
  case "$1" in
    --release) release=(--release); profile=release ;;
    --target) target="$2"; shift ;;
    --lib-only) lib_only=true ;;
    --skip-tests) tests=false ;;
    --out) out="$2"; shift ;;
    *) die "unknown argument '$1' (see the header of $0)" ;;
  esac
  shift
done

case "$target" in
  x86_64-unknown-linux-gnu) jna=linux-x86-64 file=libinfobip_uniffi.so ;;
  aarch64-unknown-linux-gnu) jna=linux-aarch64 file=libinfobip_uniffi.so ;;
  x86_64-apple-darwin) jna=darwin-x86-64 file=libinfobip_uniffi.dylib ;;
  aarch64-apple-darwin) jna=darwin-aarch64 file=libinfobip_uniffi.dylib ;;
  x86_64-pc-windows-msvc) jna=win32-x86-64 file=infobip_uniffi.dll ;;
  *) die "no JNA folder for $target" ;;
esac

step "library for $target (cargo build ${release[*]-})"
rust_target "$target"
(
  native_env "$target"
  cd "$root" && cargo build --locked ${release[@]+"${release[@]}"} --target "$target" -p infobip-uniffi --lib >&2
)
lib="$target_dir/$target/$profile/$file"
natives="$target_dir/kotlin-natives"
mkdir -p "$natives/$jna"
cp "$lib" "$natives/$jna/$file"
if $lib_only; then
  echo "$natives/$jna/$file"
  exit 0
fi

step "Kotlin sources generated from the library"
UNIFFI_LIB="$lib" "$root/bindings-uniffi/generate.sh" >/dev/null

kotlin="$root/bindings-uniffi/kotlin"
jar="$HOME/.m2/repository/com/infobip/infobip-sdk-kotlin/$version/infobip-sdk-kotlin-$version.jar"
stamp="$target_dir/kotlin-installed"
emulator="${INFOBIP_EMULATOR_BIN:-$target_dir/debug/infobip-emulator}"
# What the jar and its suite are made from (the suite also reads the emulator and tests/vectors).
inputs=("$natives" bindings-uniffi/generated/kotlin "$kotlin/src" "$kotlin/pom.xml" LICENSE-MIT LICENSE-APACHE tests/vectors)
if [ -f "$emulator" ]; then inputs+=("$emulator"); fi
digest="$(cd "$root" && find "${inputs[@]}" -type f -print0 | sort -z | xargs -0 cksum | cksum)"
# The installed jar is part of the digest: another checkout may have installed the same version since.
installed() { if [ -f "$jar" ]; then echo "$digest $(cksum <"$jar")"; fi; }
last="$(cat "$stamp" 2>/dev/null || true)"
if [ -f "$jar" ] && { [ "$last" = "$(installed) tested" ] || { ! $tests && [ "$last" = "$(installed) untested" ]; }; }; then
  step "mvn install: nothing changed since the last install"
else
  rm -f "$stamp"
  if $tests; then
    step "mvn install (the JUnit suite against the emulator, then the jar into ~/.m2)"
    mvn_tests=(-Dinfobip.emulator="$emulator" -Dinfobip.vectors="$root/tests/vectors")
  else
    step "mvn install -DskipTests"
    mvn_tests=(-DskipTests)
  fi
  (cd "$kotlin" && mvn -B -q install -Duniffi.native.dir="$natives" "${mvn_tests[@]}" >&2)
  if $tests; then echo "$(installed) tested" >"$stamp"; else echo "$(installed) untested" >"$stamp"; fi
fi

listing="$(unzip -l "$jar")"
for f in $(cd "$natives" && find . -type f | sed 's|^\./||'); do
  grep -q " $f$" <<<"$listing" || die "the jar lacks $f"
done
grep -q " META-INF/LICENSE-APACHE$" <<<"$listing" || die "the jar lacks META-INF/LICENSE-APACHE"
mkdir -p "$out"
cp "$jar" "$out/"
echo "$(cd "$out" && pwd)/$(basename "$jar")"
