#!/usr/bin/env bash
# Sequential SMS sends per second: Kotlin through the bindings vs the Rust core itself, against
# ONE emulator in the same run (figures are compared as a ratio, never asserted); and the time of
# reading a 50-report delivery push and a 1,000-result logs page into the generated models against
# a plain JSON parse of the same body (ParseBenchTest). Also prints the size of the stripped
# release library.
#
#   bindings-uniffi/bench.sh [COUNT]        (default 2000 sends each)
#
# Release builds: the library and the Rust example. The emulator is the debug build test.sh uses;
# both clients talk to the same one, so its cost is in both figures.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$root"
count="${1:-2000}"
target_dir="${CARGO_TARGET_DIR:-$root/target}"

cargo build --locked -p infobip-emulator
# The Kotlin sources are the same whichever profile they are generated from (debug is enough).
[ -f "$here/generated/kotlin/com/infobip/sdk/infobip_uniffi.kt" ] || "$here/generate.sh" > /dev/null
cargo build --locked --release -p infobip-uniffi --lib --example core_sequential_sends
lib="$target_dir/release/libinfobip_uniffi.so"

stripped="$target_dir/release/libinfobip_uniffi.stripped.so"
strip -o "$stripped" "$lib"
echo "library: $(stat -c %s "$lib") bytes unstripped, $(stat -c %s "$stripped") bytes stripped (release)"

log="$(mktemp)"
"$target_dir/debug/infobip-emulator" --port 0 > "$log" &
emulator_pid=$!
trap 'kill "$emulator_pid" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 100); do
  grep -q "listening on" "$log" && break
  sleep 0.1
done
line="$(head -n 1 "$log")"
url="$(sed -E 's/.*listening on (http:[^ ]+) .*/\1/' <<< "$line")"
key="$(sed -E 's/.*API key: ([^)]+)\).*/\1/' <<< "$line")"

rust1="$("$target_dir/release/examples/core_sequential_sends" "$url" "$key" "$count")"
kotlin="$(cd "$here/kotlin" && mvn -B -q test -Dtest=BenchTest,ParseBenchTest -Dinfobip.bench=true -Dinfobip.bench.count="$count" \
  -Duniffi.lib.dir="$(dirname "$lib")" -Dinfobip.emulator.url="$url" -Dinfobip.emulator.key="$key" \
  -Dsurefire.failIfNoSpecifiedTests=false | grep -o 'kotlin \(sends=\|parse\).*')"
rust2="$("$target_dir/release/examples/core_sequential_sends" "$url" "$key" "$count")"
echo "$rust1"
echo "$kotlin"
kotlin="$(grep 'kotlin sends=' <<< "$kotlin")"
echo "$rust2"
rate() { sed -E 's/.*per_second=([0-9]+).*/\1/' <<< "$1"; }
python3 -c "r=($(rate "$rust1")+$(rate "$rust2"))/2; k=$(rate "$kotlin"); print(f'kotlin/rust-core = {k/r:.2f} (rust mean {r:.0f}/s, kotlin {k}/s)')"
