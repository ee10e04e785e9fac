"""examples/python/ runs against the emulator (test.sh also checks it with mypy --strict)."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT, Emulator


def test_quickstart_runs(emu: Emulator) -> None:
    env = {**os.environ, "INFOBIP_BASE_URL": emu.url, "INFOBIP_API_KEY": emu.api_key}
    out = subprocess.run([sys.executable, str(ROOT / "examples" / "python" / "quickstart.py")], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "is PENDING" in out.stdout and "PIN verified: False" in out.stdout
    assert "sent concurrently" in out.stdout
    assert emu.api_key not in out.stdout + out.stderr
