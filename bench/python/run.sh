#!/usr/bin/env bash
# Builds this package in release mode into bench/python/.venv (gitignored) next to the official
# infobip-api-python-client from PyPI, installs nginx from Debian packages when it is missing (as
# root), then runs bench.py against its own server and nginx. BENCH_N / BENCH_REPEAT change the
# size. BENCH_BASELINE_WHEEL=path/to/an/earlier/infobip_sdk-*.whl is installed into
# bench/python/.venv-baseline and measured beside this build ("before").
set -euo pipefail
cd "$(dirname "$0")"
root="$(cd ../.. && pwd)"
here="$PWD"
if ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]]; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx >/dev/null
  else
    echo "bench: nginx is not installed (apt-get install nginx); measuring against the bench server only" >&2
  fi
fi
[[ -x .venv/bin/python ]] || "${PYTHON:-python3}" -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check "maturin==1.16.0" "infobip-api-python-client==6.0.0"
wheels="${CARGO_TARGET_DIR:-$root/target}/bench-wheels"
rm -rf "$wheels"
(cd "$root/bindings-python" && "$here/.venv/bin/maturin" build --release --locked --quiet -o "$wheels")
.venv/bin/pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheels"/infobip_sdk-*.whl
ls -l "$wheels"/infobip_sdk-*.whl | awk '{print "wheel:", $5, "bytes,", $9}'
if [[ -n "${BENCH_BASELINE_WHEEL:-}" ]]; then
  [[ -x .venv-baseline/bin/python ]] || "${PYTHON:-python3}" -m venv .venv-baseline
  .venv-baseline/bin/pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$BENCH_BASELINE_WHEEL"
  ls -l "$BENCH_BASELINE_WHEEL" | awk '{print "baseline wheel:", $5, "bytes,", $9}'
  export BENCH_BASELINE_PYTHON="$here/.venv-baseline/bin/python"
fi
cd /tmp && "$here/.venv/bin/python" "$here/bench.py"
