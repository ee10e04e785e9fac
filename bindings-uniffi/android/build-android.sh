#!/usr/bin/env bash
# Builds the Android AAR: the Rust library for the four Android ABIs with cargo-ndk, the Kotlin
# sources with uniffi-bindgen, then `gradle assembleRelease`.
#
# Needs: the Android SDK + NDK (ANDROID_NDK_HOME, e.g. $ANDROID_HOME/ndk/27.2.12479018),
# `cargo install cargo-ndk`, Gradle 8.9+ (or a wrapper), Java 17.
#
#   bindings-uniffi/android/build-android.sh
#   -> bindings-uniffi/android/build/outputs/aar/infobip-sdk-android-release.aar
#
# It has not been run on the machine this was written on (no NDK there).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
: "${ANDROID_NDK_HOME:?set ANDROID_NDK_HOME to an Android NDK (r26 or newer)}"

rustup target add aarch64-linux-android armv7-linux-androideabi x86_64-linux-android i686-linux-android
# --platform 24 matches minSdk; cargo-ndk sets CC/AR/linker for ring's C and assembly code.
cargo ndk --platform 24 -t arm64-v8a -t armeabi-v7a -t x86_64 -t x86 -o "$here/build/rust/jniLibs" \
  build --locked --release -p infobip-uniffi

# The Kotlin sources come from the host's unstripped library; the .so files above are stripped
# by the Android Gradle plugin when packaging.
"$root/bindings-uniffi/generate.sh" > /dev/null

cd "$here"
gradle --no-daemon assembleRelease
ls -l build/outputs/aar/
