#!/usr/bin/env bash
# `./x demo`: builds what each example needs, starts ONE emulator, runs the Rust, Python, Node and
# Kotlin examples against it and prints a summary table. Any build or example that fails makes the
# whole demo fail (non-zero exit); nothing is skipped.
#
#   examples/demo.sh                    # every language
#   examples/demo.sh kotlin python      # only these (bindings-uniffi/test.sh runs `kotlin`)
#
# Needs only the toolchains (Rust, Python 3.9+, Node 18+ with npm, Java 17 + Maven) and the
# package registries. Build products stay in gitignored places: target/, bindings-python/.venv,
# bindings-node/node_modules and native/, examples/node/node_modules, examples/kotlin/target,
# bindings-uniffi/generated, and the Kotlin SDK artifact in ~/.m2. Each example's output is kept
# in target/demo/<language>.log.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
logs="$target_dir/demo"
mkdir -p "$logs"

all=(rust python node kotlin)
if [ "$#" -gt 0 ]; then langs=("$@"); else langs=("${all[@]}"); fi
for lang in "${langs[@]}"; do
  case "$lang" in rust | python | node | kotlin) ;; *) echo "demo: unknown language '$lang' (one of: ${all[*]})" >&2; exit 2 ;; esac
done

step() { printf '== demo: %s\n' "$*" >&2; }
# Seconds since the epoch with a fraction (bash 5 has it built in; macOS's bash 3.2 does not).
now() { if [ -n "${EPOCHREALTIME:-}" ]; then echo "$EPOCHREALTIME"; else python3 -c 'import time; print(time.time())'; fi; }

# ---- builds (debug; each is a no-op or incremental when nothing changed) --------------------
# Each build's output goes to target/demo/build-<what>.log and is shown only when it fails.

build_emulator() {
  cargo build --locked -p infobip-emulator
}

build_rust() {
  cargo build --locked -p infobip-examples --bin demo
}

build_python() {
  cd bindings-python
  [ -x .venv/bin/python ] || "${PYTHON:-python3}" -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check "maturin==1.16.0"
  VIRTUAL_ENV="$PWD/.venv" PATH="$PWD/.venv/bin:$PATH" .venv/bin/maturin develop --locked
}

build_node() {
  (cd bindings-node && npm ci --no-audit --no-fund --loglevel=error && npm run build)
  (cd examples/node && npm ci --omit=dev --no-audit --no-fund --loglevel=error)
}

build_kotlin() {
  # The SDK as a Maven artifact in ~/.m2 (packaging/kotlin.sh skips `mvn install` when nothing
  # changed); the example depends on it like any Maven project. The demo runs java itself, without
  # Maven's start-up in the timing: classes and the dependency classpath are written out here. A
  # digest of every input tells whether the (slow) Kotlin compilation can be skipped.
  local jar digest
  jar="$(packaging/kotlin.sh --skip-tests --out "$target_dir/dist-debug" | tail -n 1)"
  digest="$(cat "$jar" examples/kotlin/pom.xml examples/kotlin/src/main/kotlin/example/*.kt | cksum)"
  if [ -f examples/kotlin/target/classpath.txt ] && [ "$(cat examples/kotlin/target/inputs.cksum 2>/dev/null)" = "$digest" ]; then
    echo "examples/kotlin: sources unchanged since the last compilation"
    return 0
  fi
  (cd examples/kotlin && mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
  echo "$digest" >examples/kotlin/target/inputs.cksum
}

build() {
  local what="$1" log="$logs/build-$1.log" status begin
  begin="$(now)"
  printf '== demo: build %s' "${2:-what the $1 example needs}" >&2
  set +e # (a function run under `if` or `||` would ignore `set -e` inside it)
  (set -e; "build_$what") >"$log" 2>&1
  status=$?
  set -e
  awk -v a="$begin" -v b="$(now)" 'BEGIN { printf " (%.1f s)\n", b - a }' >&2
  if [ "$status" -ne 0 ]; then
    cat "$log" >&2
    echo "demo: FAILED while building for $what (exit $status; output above, also in $log)" >&2
    exit 1
  fi
}

build emulator "the emulator"
for lang in "${langs[@]}"; do build "$lang"; done

# ---- one emulator --------------------------------------------------------------------------

step "start the emulator"
"$target_dir/debug/infobip-emulator" --port 0 --delivery-delay-ms 100 >"$logs/emulator.out" 2>"$logs/emulator.err" &
emulator_pid=$!
trap 'kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true' EXIT
line=""
for _ in $(seq 200); do # at most 20 s
  line="$(head -n 1 "$logs/emulator.out")"
  [ -n "$line" ] && break
  if ! kill -0 "$emulator_pid" 2>/dev/null; then break; fi
  sleep 0.1
done
listening='^Infobip emulator listening on (http://127\.0\.0\.1:[0-9]+) \(API key: ([^)]+)\)$'
if ! [[ "$line" =~ $listening ]]; then
  echo "demo: the emulator did not start: '${line}'" >&2
  cat "$logs/emulator.err" >&2
  exit 1
fi
base_url="${BASH_REMATCH[1]}"
api_key="${BASH_REMATCH[2]}"
echo "   $line" >&2

# ---- the examples --------------------------------------------------------------------------

# No example may hang the demo (coreutils' timeout; macOS has none by default).
limited() { if command -v timeout >/dev/null; then timeout 180 "$@"; else "$@"; fi; }
run_rust() { limited "$target_dir/debug/demo"; }
run_python() { limited bindings-python/.venv/bin/python examples/python/demo.py; }
run_node() { limited node examples/node/demo.mjs; }
run_kotlin() {
  local classpath="examples/kotlin/target/classes:$(cat examples/kotlin/target/classpath.txt)"
  # The WhatsApp + Email example first (it must succeed), then the SMS demo with the summary line.
  limited java -cp "$classpath" example.ChannelsKt && limited java -cp "$classpath" example.DemoKt
}

summary_line='^summary: ([a-z]+): sent ([0-9]+), delivered ([0-9]+), logged ([0-9]+), ([0-9.]+) s$'
rows=()
failed=()
for lang in "${langs[@]}"; do
  step "run the $lang example"
  log="$logs/$lang.log"
  begin="$(now)"
  status=0
  (
    unset INFOBIP_USERNAME INFOBIP_PASSWORD INFOBIP_CLIENT_ID INFOBIP_CLIENT_SECRET
    export INFOBIP_BASE_URL="$base_url" INFOBIP_API_KEY="$api_key"
    "run_$lang"
  ) >"$log" 2>&1 || status=$?
  wall="$(awk -v a="$begin" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')"
  sed 's/^/   /' "$log" >&2
  summary="$(grep -E "^summary: $lang: " "$log" | tail -n 1 || true)"
  if [ "$status" -eq 0 ] && [[ "$summary" =~ $summary_line ]] &&
    [ "${BASH_REMATCH[2]}" -gt 0 ] && [ "${BASH_REMATCH[2]}" = "${BASH_REMATCH[3]}" ] &&
    [ "${BASH_REMATCH[2]}" = "${BASH_REMATCH[4]}" ]; then # all sent, all delivered, all in the logs
    rows+=("$(printf '%-8s %5s %10s %7s %9s %9s  ok' "$lang" "${BASH_REMATCH[2]}" "${BASH_REMATCH[3]}" \
      "${BASH_REMATCH[4]}" "${BASH_REMATCH[5]}" "$wall")")
  else
    rows+=("$(printf '%-8s %5s %10s %7s %9s %9s  FAILED (exit %s; output in %s)' "$lang" - - - - "$wall" "$status" "$log")")
    failed+=("$lang")
  fi
done

printf '\nsummary (one emulator at %s; time = the example'"'"'s own, wall = with process start)\n' "$base_url"
printf '%-8s %5s %10s %7s %9s %9s\n' language sent delivered logged "time (s)" "wall (s)"
printf '%s\n' "${rows[@]}"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "demo: FAILED: ${failed[*]}" >&2
  exit 1
fi
