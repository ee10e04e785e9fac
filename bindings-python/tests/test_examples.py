"""examples/python/ runs against the emulator (test.sh also checks it with mypy --strict)."""

from __future__ import annotations

import os
import re
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


def test_demo_runs(emu: Emulator) -> None:
    """examples/python/demo.py: webhook receiver, delivery reports, logs and a 429, against the emulator."""
    env = {**os.environ, "INFOBIP_BASE_URL": emu.url, "INFOBIP_API_KEY": emu.api_key}
    out = subprocess.run([sys.executable, str(ROOT / "examples" / "python" / "demo.py")], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert re.search(r"^summary: python: sent 3, delivered 3, logged 3, \d+\.\d\d s$", out.stdout, re.M), out.stdout
    assert "rate limited: the API asks to wait 600.0 s" in out.stdout
    assert emu.admin("GET", "/faults")["faults"] == []  # the 429 was consumed, not retried into
    assert emu.api_key not in out.stdout + out.stderr


def test_channels_example_runs(emu: Emulator) -> None:
    """examples/python/channels.py: a WhatsApp template, then an email, through the generated namespaces."""
    env = {**os.environ, "INFOBIP_BASE_URL": emu.url, "INFOBIP_API_KEY": emu.api_key}
    out = subprocess.run([sys.executable, str(ROOT / "examples" / "python" / "channels.py")], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert re.search(r"^WhatsApp \S+ to 441134960001: PENDING$", out.stdout, re.M), out.stdout
    assert re.search(r"^email \S+ to \S+@\S+: PENDING_ENROUTE \(bulk \S+\)$", out.stdout, re.M), out.stdout
    assert re.search(r"^email answer: 200 request id \S+$", out.stdout, re.M), out.stdout
    sent = emu.requests("/whatsapp/1/message/template")[0]["body"]
    assert '"templateName":"order_shipped"' in sent and '"callbackData":"order-1234"' in sent
    assert '"trackOpens":true' in emu.requests("/email/4/messages")[0]["body"]
