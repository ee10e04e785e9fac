#!/usr/bin/env bash
# Builds the Swift package as it is released: InfobipFFI.xcframework.zip (the asset of the GitHub
# release vVERSION) and, in DIR/swift-package, the package to publish on its own (the layout of
# matrix-rust-components-swift): Package.swift with `binaryTarget(url:checksum:)` pointing at that
# zip, the generated Sources/, the tests and the licences. Prints the checksum last, on stdout.
#
#   packaging/swift.sh [--out DIR]                  # on a Mac with Xcode: builds the XCFramework
#   packaging/swift.sh --checksum SHA256 [--out DIR]  # anywhere: only writes the package, for a zip
#                                                     # built before (the tests stamp a made-up one)
#
# The checksum is the zip's SHA-256, which is what `swift package compute-checksum` prints. The
# generated Swift sources come from bindings-uniffi/generated/swift (generate.sh, or
# build-xcframework.sh on a Mac). DIR defaults to dist/.
set -euo pipefail
pkg=swift
# shellcheck source=packaging/common.sh
source "$(dirname "$0")/common.sh"

checksum=""
out="$root/dist"
while [ "$#" -gt 0 ]; do
  case "$1" in
    --checksum) checksum="$2"; shift ;;
    --out) out="$2"; shift ;;
    *) die "unknown argument '$1' (see the header of $0)" ;;
  esac
  shift
done
mkdir -p "$out"
out="$(cd "$out" && pwd)"
swift="$root/bindings-uniffi/swift"

if [ -z "$checksum" ]; then
  [ "$(uname -s)" = Darwin ] || die "building the XCFramework needs macOS with Xcode (or pass --checksum)"
  step "XCFramework (build-xcframework.sh)"
  "$swift/build-xcframework.sh" >&2
  rm -f "$out/InfobipFFI.xcframework.zip"
  (cd "$swift" && ditto -c -k --sequesterRsrc --keepParent InfobipFFI.xcframework "$out/InfobipFFI.xcframework.zip")
  checksum="$(shasum -a 256 "$out/InfobipFFI.xcframework.zip" | cut -d ' ' -f 1)"
fi
[[ "$checksum" =~ ^[0-9a-f]{64}$ ]] || die "the checksum must be 64 lowercase hex digits: '$checksum'"

generated="$root/bindings-uniffi/generated/swift/InfobipSDK.swift"
[ -f "$generated" ] || die "no $generated (bindings-uniffi/generate.sh)"
step "the package to publish (Package.swift for v$version, checksum $checksum)"
package="$out/swift-package"
rm -rf "$package"
mkdir -p "$package/Sources/InfobipSDK"
cp "$generated" "$swift/Sources/InfobipSDK/"*.swift "$package/Sources/InfobipSDK/"
# The typed layer of every product (infobip-codegen emit swift), beside the hand-written runtime.
cp -R "$(dirname "$generated")/Generated" "$package/Sources/InfobipSDK/Generated"
cp -R "$swift/Tests" "$package/"
copy_licenses "$package"
sed -e "s/^let releaseVersion = \"\"$/let releaseVersion = \"$version\"/" \
  -e "s/^let releaseChecksum = \"\"$/let releaseChecksum = \"$checksum\"/" "$swift/Package.swift" >"$package/Package.swift"
if ! grep -q "^let releaseChecksum = \"$checksum\"$" "$package/Package.swift" ||
  ! grep -q "^let releaseVersion = \"$version\"$" "$package/Package.swift"; then
  die "Package.swift no longer has the releaseVersion/releaseChecksum lines this script fills in"
fi
echo "$checksum"
