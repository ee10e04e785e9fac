# Sourced (not run) by the packaging scripts: paths, the pinned packaging tools, the native build
# environment of each release target, and what the smoke tests share.
# shellcheck shell=bash

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
export INFOBIP_PACKAGING_TOOLS="$target_dir/packaging-tools"
# The one version of every package ([workspace.package] in Cargo.toml).
version="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml")"

step() { printf '\n== %s: %s\n' "${pkg:-packaging}" "$*" >&2; }
die() { printf '%s: %s\n' "${pkg:-packaging}" "$*" >&2; exit 1; }

host_target() { rustc -vV | sed -n 's/^host: //p'; }
# The executables of a virtualenv (Scripts\ on Windows).
venv_bin() { if [ -d "$1/Scripts" ]; then echo "$1/Scripts"; else echo "$1/bin"; fi; }
# Seconds since the epoch, with a fraction (BSD date has no %N).
now() { "${PYTHON:-python3}" -c 'import time; print(time.time())'; }

# The tools of packaging/requirements.txt in a virtualenv of their own (reinstalled when the file
# changes).
packaging_tools() {
  local stamp="$INFOBIP_PACKAGING_TOOLS/requirements.txt"
  if ! cmp -s "$root/packaging/requirements.txt" "$stamp" 2>/dev/null; then
    step "packaging tools (packaging/requirements.txt)"
    rm -rf "$INFOBIP_PACKAGING_TOOLS"
    "${PYTHON:-python3}" -m venv "$INFOBIP_PACKAGING_TOOLS"
    "$(venv_bin "$INFOBIP_PACKAGING_TOOLS")/python" -m pip install --quiet --disable-pip-version-check \
      -r "$root/packaging/requirements.txt" >&2
    cp "$root/packaging/requirements.txt" "$stamp"
  fi
}

# native_env TRIPLE: the compiler, archiver and linker cargo uses for TRIPLE. Linux targets are
# built with zig against glibc 2.17 (gnu) or musl, whatever the build machine's own libc is;
# macOS and Windows use their platform toolchain (nothing to set).
native_env() {
  local triple="$1" arch="${1%%-*}" zig_target
  case "$triple" in
    *-linux-gnu) zig_target="$arch-linux-gnu.2.17" ;;
    *-linux-musl) zig_target="$arch-linux-musl" ;;
    *) return 0 ;;
  esac
  packaging_tools
  local var="${triple//-/_}" upper
  upper="$(tr '[:lower:]' '[:upper:]' <<<"$var")"
  export INFOBIP_ZIG_TARGET="$zig_target"
  export CARGO_ZIGBUILD_ZIG_COMMAND="$INFOBIP_PACKAGING_TOOLS/bin/python3" CARGO_ZIGBUILD_ZIG_COMMAND_ARGS="-m ziglang"
  export "CC_$var=$root/packaging/zig/cc" "AR_$var=$root/packaging/zig/ar"
  # The linker goes in the target's rustflags, not CARGO_TARGET_<T>_LINKER: with --target, cargo
  # applies the rustflags to the target's artifacts only, but the linker of the host's triple to
  # build scripts and proc macros too, which would then be rebuilt for every plain `cargo build`.
  local flags="-C linker=$root/packaging/zig/cc"
  # A shared library on musl links the C runtime dynamically (Rust's musl default is static).
  if [[ "$triple" == *-linux-musl ]]; then flags+=" -C target-feature=-crt-static"; fi
  export "CARGO_TARGET_${upper}_RUSTFLAGS=$flags"
}

# rust_target TRIPLE: the standard library of TRIPLE, when it is not the host's.
rust_target() {
  if [ "$1" != "$(host_target)" ] && command -v rustup >/dev/null; then rustup target add "$1" >&2; fi
}

# copy_licenses DIR: the root's licence files into a package being assembled.
copy_licenses() { cp "$root/LICENSE-MIT" "$root/LICENSE-APACHE" "$1/"; }

# path_without_rust: $PATH without the directories that hold cargo or rustc, so that a smoke test
# proves the package installs and runs with no Rust toolchain.
path_without_rust() {
  local dir kept=() IFS=:
  for dir in $PATH; do
    if [ -n "$dir" ] && [ ! -x "$dir/cargo" ] && [ ! -x "$dir/rustc" ] && [ ! -x "$dir/cargo.exe" ]; then kept+=("$dir"); fi
  done
  printf "%s" "${kept[*]-}"
}

# start_emulator: starts the emulator (INFOBIP_EMULATOR_BIN, else target/debug/infobip-emulator)
# on a free port and exports INFOBIP_BASE_URL and INFOBIP_API_KEY; stop_emulator ends it.
start_emulator() {
  local bin="${INFOBIP_EMULATOR_BIN:-$target_dir/debug/infobip-emulator}" line="" log
  [ -x "$bin" ] || die "no emulator at $bin (cargo build -p infobip-emulator)"
  log="$(mktemp -d)"
  "$bin" --port 0 --delivery-delay-ms 50 >"$log/out" 2>"$log/err" &
  emulator_pid=$!
  for _ in $(seq 200); do # at most 20 s
    line="$(head -n 1 "$log/out")"
    if [ -n "$line" ] || ! kill -0 "$emulator_pid" 2>/dev/null; then break; fi
    sleep 0.1
  done
  local listening='^Infobip emulator listening on (http://127\.0\.0\.1:[0-9]+) \(API key: ([^)]+)\)$'
  if ! [[ "$line" =~ $listening ]]; then
    cat "$log/err" >&2
    stop_emulator
    die "the emulator did not start: '$line'"
  fi
  export INFOBIP_BASE_URL="${BASH_REMATCH[1]}" INFOBIP_API_KEY="${BASH_REMATCH[2]}"
  rm -rf "$log"
}
stop_emulator() {
  if [ -n "${emulator_pid:-}" ]; then
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
    emulator_pid=""
  fi
}
