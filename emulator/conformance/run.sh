#!/usr/bin/env bash
# The emulator against Infobip's own SMS, 2FA, WhatsApp and Email specs: schemathesis (pinned in
# requirements.txt, installed into emulator/conformance/.venv, gitignored), seeded, bounded in time,
# against the emulator binary. The spec copies it reads are written to target/conformance/.
set -euo pipefail
cd "$(dirname "$0")"
root="$(cd ../.. && pwd)"
python="${PYTHON:-python3}"
target="${CARGO_TARGET_DIR:-$root/target}"

if [[ ! -x .venv/bin/python ]]; then
  "$python" -m venv .venv
fi
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt

(cd "$root" && cargo build --quiet --locked -p infobip-emulator)
out="$target/conformance"
products=(sms 2fa whatsapp email)
"$python" prepare_specs.py "$root/spec" "$out/specs" "${products[@]}"
.venv/bin/python run_schemathesis.py "$target/debug/infobip-emulator" "$out/specs" "$out/reports" "${products[@]}"
