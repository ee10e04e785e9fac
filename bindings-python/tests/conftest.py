"""Fixtures: the emulator on a random port, started once per session, and clients of it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import urllib.request
from pathlib import Path
from typing import Any, Iterator, List, Optional

import pytest

import infobip

ROOT = Path(__file__).resolve().parents[2]
API_KEY = "emulator-api-key"
LIMITED_KEY = "emulator-limited-key"
USERNAME = "emulator"
PASSWORD = "emulator-password"


class Emulator:
    """A running emulator and its admin API."""

    def __init__(self, process: "subprocess.Popen[str]", url: str, api_key: str) -> None:
        self.process = process
        self.url = url
        self.api_key = api_key

    def admin(self, method: str, path: str, body: Optional[Any] = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + "/_emulator" + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read() or b"null")

    def fault(self, **fault: Any) -> None:
        self.admin("POST", "/faults", fault)

    def requests(self, path: str = "") -> List[Any]:
        query = f"?path={path}" if path else ""
        return list(self.admin("GET", "/requests" + query)["requests"])

    def reset(self) -> None:
        self.admin("POST", "/reset")


def _binary() -> List[str]:
    explicit = os.environ.get("INFOBIP_EMULATOR_BIN")
    if explicit:
        return [explicit]
    built = ROOT / "target" / "debug" / "infobip-emulator"
    if built.exists():
        return [str(built)]
    return ["cargo", "run", "--quiet", "--manifest-path", str(ROOT / "Cargo.toml"), "-p", "infobip-emulator", "--"]


def launch(*args: str) -> "tuple[subprocess.Popen[str], str, str, List[str]]":
    """Starts an emulator with `args`; returns the process, its URL and key, and the lines it
    printed up to its TLS CA line when `--tls` is among `args` (at most 5 lines)."""
    process = subprocess.Popen(
        _binary() + ["--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    lines = [process.stdout.readline()]
    found = re.match(r"Infobip emulator listening on (https?://127\.0\.0\.1:\d+) \(API key: (\S+)\)", lines[0])
    if not found:
        process.kill()
        raise RuntimeError(f"the emulator did not start: {lines[0]!r}")
    while "--tls" in args and len(lines) < 5 and not lines[-1].startswith("TLS CA certificate: "):
        lines.append(process.stdout.readline())
    return process, found.group(1), found.group(2), lines


def stop(process: "subprocess.Popen[str]") -> None:
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def emulator() -> Iterator[Emulator]:
    process, url, key, _ = launch("--delivery-delay-ms", "200")
    try:
        yield Emulator(process, url, key)
    finally:
        stop(process)


@pytest.fixture()
def emu(emulator: Emulator) -> Emulator:
    """The emulator, reset before the test."""
    emulator.reset()
    return emulator


@pytest.fixture()
def client(emu: Emulator) -> Iterator[infobip.Client]:
    with infobip.Client(emu.url, api_key=emu.api_key, max_retries=0) as c:
        yield c
