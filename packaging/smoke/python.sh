#!/usr/bin/env bash
# The wheel as a user gets it: a fresh virtualenv, no cargo or rustc on PATH, `pip install` of the
# wheel file (no index, nothing compiled), then a short session against the emulator
# (session.py). Prints how long the install took.
#
#   packaging/smoke/python.sh WHEEL          # INFOBIP_EMULATOR_BIN: the emulator (default: debug build)
#   packaging/smoke/python.sh --sdist SDIST  # the sdist instead: Rust stays on PATH and pip gets
#                                            # maturin from the index to build it (minutes)
set -euo pipefail
pkg="python smoke"
# shellcheck source=packaging/common.sh
source "$(dirname "$0")/../common.sh"
sdist=false
if [ "$1" = --sdist ]; then sdist=true; shift; fi
file="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
[ -f "$file" ] || die "no package at $1"
python="$(command -v "${PYTHON:-python3}")"

work="$(mktemp -d)"
trap 'stop_emulator; rm -rf "$work"' EXIT
"$python" -m venv "$work/venv"
if $sdist; then
  PATH="$(venv_bin "$work/venv"):$PATH"
  index=()
  what="built from source"
else
  PATH="$(venv_bin "$work/venv"):$(path_without_rust)"
  index=(--no-index)
  what="no index, no Rust on PATH"
fi
export PATH PYTHON=python
if ! $sdist && { command -v cargo >/dev/null || command -v rustc >/dev/null; }; then die "cargo or rustc is still on PATH"; fi

step "pip install $(basename "$file") ($what)"
begin="$(now)"
python -m pip install --quiet --disable-pip-version-check ${index[@]+"${index[@]}"} "$file"
awk -v a="$begin" -v b="$(now)" 'BEGIN { printf "python smoke: pip install took %.1f s\n", b - a }'

step "a session against the emulator"
start_emulator
(cd "$work" && python "$root/packaging/smoke/session.py")
