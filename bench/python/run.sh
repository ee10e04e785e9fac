#!/usr/bin/env bash
# Builds this package in release mode into bench/python/.venv (gitignored) next to the official
# infobip-api-python-client from PyPI, then runs bench.py. BENCH_N / BENCH_REPEAT change the size.
set -euo pipefail
cd "$(dirname "$0")"
root="$(cd ../.. && pwd)"
[[ -x .venv/bin/python ]] || "${PYTHON:-python3}" -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check "maturin==1.16.0" "infobip-api-python-client==6.0.0"
wheels="${CARGO_TARGET_DIR:-$root/target}/bench-wheels"
rm -rf "$wheels"
(cd "$root/bindings-python" && "$OLDPWD/.venv/bin/maturin" build --release --locked --quiet -o "$wheels")
.venv/bin/pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheels"/infobip_sdk-*.whl
cd /tmp && "$OLDPWD/.venv/bin/python" "$OLDPWD/bench.py"
