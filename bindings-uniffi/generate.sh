#!/usr/bin/env bash
# Builds the infobip-uniffi library and generates the Kotlin and Swift sources from it.
#
#   bindings-uniffi/generate.sh            # debug library
#   PROFILE=release bindings-uniffi/generate.sh
#   UNIFFI_LIB=path/to/libinfobip_uniffi.so bindings-uniffi/generate.sh   # a library built already
#                                          # (packaging/kotlin.sh: the one the jar carries)
#
# Output (gitignored, never committed): bindings-uniffi/generated/
#   kotlin/com/infobip/sdk/infobip_uniffi.kt (uniffi: the native client, records, errors; patched
#   by kotlin/patch_cancellation.py) and kotlin/com/infobip/sdk/SendCancellation.kt
#   kotlin/com/infobip/sdk/InfobipClient.kt, kotlin/com/infobip/sdk/<product>/<Product>.kt
#                                                  (infobip-codegen: every product, typed)
#   swift/InfobipSDK.swift, swift/InfobipFFI.h, swift/InfobipFFI.modulemap
#   swift/Generated/<Product>.swift, swift/Generated/InfobipClient.swift
# and it prints the path of the library the sources were generated from.
#
# uniffi reads the bindings' metadata from the library itself, so generation must use the
# UNSTRIPPED library (a stripped one fails with "No UniFFI metadata found") and run inside this
# cargo workspace (it runs `cargo metadata`; from elsewhere it cannot find Cargo.toml).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$root"

profile="${PROFILE:-debug}"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
case "$(uname -s)" in
  Darwin) lib_file=libinfobip_uniffi.dylib ;;
  *) lib_file=libinfobip_uniffi.so ;;
esac

if [ -n "${UNIFFI_LIB:-}" ]; then
  : # built by the caller
elif [ "$profile" = release ]; then
  cargo build --locked --release -p infobip-uniffi >&2
else
  cargo build --locked -p infobip-uniffi >&2
fi
# The generators are slow to compile and their output does not depend on their profile: debug only.
cargo build --locked -p uniffi-bindgen -p infobip-codegen >&2

lib="${UNIFFI_LIB:-$target_dir/$profile/$lib_file}"
out="$here/generated"
rm -rf "$out"
mkdir -p "$out"
"$target_dir/debug/uniffi-bindgen" generate "$lib" --config "$root/uniffi.toml" \
  --language kotlin --out-dir "$out/kotlin" --no-format >&2
# A cancelled send's CancellationException carries its ids (see the script).
python3 "$here/kotlin/patch_cancellation.py" "$out/kotlin" >&2
"$target_dir/debug/uniffi-bindgen" generate "$lib" --config "$root/uniffi.toml" \
  --language swift --out-dir "$out/swift" --no-format >&2
"$target_dir/debug/infobip-codegen" --root "$root" emit kotlin "$out/kotlin" >&2
"$target_dir/debug/infobip-codegen" --root "$root" emit swift "$out/swift/Generated" >&2
echo "$lib"
