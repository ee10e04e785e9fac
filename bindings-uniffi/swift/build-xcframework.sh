#!/usr/bin/env bash
# Builds InfobipFFI.xcframework (iOS device, iOS simulator, macOS) and the Swift sources of the
# InfobipSDK package. Runs on a Mac with Xcode and rustup; it cannot run on Linux.
#
#   bindings-uniffi/swift/build-xcframework.sh          # then: cd bindings-uniffi/swift && swift test
#
# Steps: add the Rust targets; build the static library for each slice in release; generate the
# Swift sources from the UNSTRIPPED host library (uniffi reads its metadata from the binary);
# merge the simulator and macOS architectures with lipo; assemble the XCFramework with xcodebuild.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
[ "$(uname -s)" = Darwin ] || { echo "build-xcframework.sh needs macOS with Xcode" >&2; exit 1; }

targets=(aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin x86_64-apple-darwin)
rustup target add "${targets[@]}"
export IPHONEOS_DEPLOYMENT_TARGET=15.0 MACOSX_DEPLOYMENT_TARGET=12.0
for target in "${targets[@]}"; do
  # The crate is a cdylib + rlib; the XCFramework wants a static library.
  cargo rustc --locked --release -p infobip-uniffi --target "$target" --crate-type staticlib
done

# Swift sources, C header and module map, from the host's unstripped dylib.
PROFILE=release "$root/bindings-uniffi/generate.sh" > /dev/null
gen="$root/bindings-uniffi/generated/swift"
mkdir -p "$here/Sources/InfobipSDK"
cp "$gen/InfobipSDK.swift" "$here/Sources/InfobipSDK/InfobipSDK.swift"
# The typed layer of every product (generated), beside the hand-written runtime.
rm -rf "$here/Sources/InfobipSDK/Generated"
cp -R "$gen/Generated" "$here/Sources/InfobipSDK/Generated"

work="$root/target/xcframework"
rm -rf "$work" "$here/InfobipFFI.xcframework"
mkdir -p "$work/headers" "$work/ios" "$work/ios-sim" "$work/macos"
cp "$gen/InfobipFFI.h" "$work/headers/"
cp "$gen/InfobipFFI.modulemap" "$work/headers/module.modulemap"
lib=libinfobip_uniffi.a
cp "target/aarch64-apple-ios/release/$lib" "$work/ios/$lib"
lipo -create "target/aarch64-apple-ios-sim/release/$lib" "target/x86_64-apple-ios/release/$lib" \
  -output "$work/ios-sim/$lib"
lipo -create "target/aarch64-apple-darwin/release/$lib" "target/x86_64-apple-darwin/release/$lib" \
  -output "$work/macos/$lib"
xcodebuild -create-xcframework \
  -library "$work/ios/$lib" -headers "$work/headers" \
  -library "$work/ios-sim/$lib" -headers "$work/headers" \
  -library "$work/macos/$lib" -headers "$work/headers" \
  -output "$here/InfobipFFI.xcframework"
echo "built $here/InfobipFFI.xcframework; run the tests with:"
echo "  cargo build -p infobip-emulator && cd $here && INFOBIP_EMULATOR=$root/target/debug/infobip-emulator swift test"
