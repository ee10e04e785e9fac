#!/usr/bin/env bash
# The Python package's whole suite, on a fresh machine with Rust and Python 3.9+:
# the wheel (debug build, manylinux2014, packaging/python.sh) installed into a virtualenv in
# bindings-python/.venv (gitignored), the emulator, pytest, mypy --strict on the typed usage file
# and stubtest; then the same wheel in a fresh virtualenv with no Rust on PATH
# (packaging/smoke/python.sh). One build serves both.
set -euo pipefail
cd "$(dirname "$0")"
root="$(cd .. && pwd)"
python="${PYTHON:-python3}"

step() { printf '\n== python: %s\n' "$*"; }

if [[ ! -x .venv/bin/python ]]; then
  step "virtualenv"
  "$python" -m venv .venv
fi
step "test tools"
.venv/bin/pip install --quiet --disable-pip-version-check "pytest==9.2.0" "mypy==2.4.1"

step "emulator (debug build)"
(cd "$root" && cargo build --quiet --locked -p infobip-emulator)
export INFOBIP_EMULATOR_BIN="${CARGO_TARGET_DIR:-$root/target}/debug/infobip-emulator"

step "the wheel (debug), installed into .venv"
wheel="$("$root/packaging/python.sh" --out "${CARGO_TARGET_DIR:-$root/target}/dist-debug" | tail -n 1)"
.venv/bin/pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheel"

step "pytest"
.venv/bin/python -m pytest -q -p no:cacheprovider tests

step "mypy --strict (every public call, and examples/python)"
.venv/bin/python -m mypy --strict --no-incremental tests/typed_usage.py ../examples/python

step "mypy --strict refuses wrong calls (tests/typed_errors.py)"
.venv/bin/python tests/check_typed_errors.py

step "stubtest (the stubs match the module)"
.venv/bin/python -m mypy.stubtest infobip --allowlist stubtest-allowlist.txt

step "the same wheel in a fresh virtualenv, no Rust on PATH"
"$root/packaging/smoke/python.sh" "$wheel"

step "ok"
