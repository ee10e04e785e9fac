"""Logs reach `logging` without secrets; bad input is refused before anything is sent."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import subprocess
import sys
import time
from datetime import datetime
from typing import Any, List

import pytest

import infobip
from conftest import Emulator

BALANCE = "/account/1/balance"


def test_logs_go_to_the_infobip_logger_without_secrets(emu: Emulator, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="infobip")
    emu.fault(path=BALANCE, status=503, count=1)
    with infobip.Client(emu.url, api_key=emu.api_key, max_retries=1) as c:
        c.request("GET", BALANCE)
    with infobip.Client(emu.url, username="emulator", password="emulator-password", ibsso=True) as c:
        c.request("GET", BALANCE)
    text = "\n".join(r.getMessage() for r in caplog.records if r.name == "infobip")
    assert "method=GET path=/account/1/balance status=503 attempt=1" in text, text
    assert "status=200 attempt=2" in text, text
    assert "retrying" in text
    assert any(r.levelno == logging.INFO for r in caplog.records)
    for secret in (emu.api_key, "emulator-password"):
        assert secret not in text


def test_nothing_is_logged_above_the_level(emu: Emulator, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="infobip")
    with infobip.Client(emu.url, api_key=emu.api_key) as c:
        c.request("GET", BALANCE)
    assert not [r for r in caplog.records if r.name == "infobip"]


def test_infobip_log_env_prints_to_stderr(emu: Emulator) -> None:
    code = f"import infobip; infobip.Client({emu.url!r}, api_key={emu.api_key!r}).request('GET', {BALANCE!r})"
    out = subprocess.run([sys.executable, "-c", code], env={**os.environ, "INFOBIP_LOG": "debug"},
                         capture_output=True, text=True, check=True, timeout=60)
    assert "infobip DEBUG response: method=GET path=/account/1/balance status=200" in out.stderr, out.stderr
    assert emu.api_key not in out.stderr


def test_import_leaves_typing_and_logging_unloaded() -> None:
    # They are the slowest standard modules the package used at import; `logging` is loaded at
    # the first call instead, and `typing` only by type checkers.
    code = "import sys, infobip; print(sorted({'typing', 'logging'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], env={k: v for k, v in os.environ.items() if k != "INFOBIP_LOG"},
                         capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stdout


def _shown(error: BaseException) -> str:
    """The message and notes, as a traceback shows them (pyo3 names a mistyped argument in a note)."""
    return "\n".join([str(error), *getattr(error, "__notes__", [])])


@pytest.mark.parametrize(
    "call, error, names",
    [
        (lambda c: c.request("GET", BALANCE, bogus=1), TypeError, "bogus"),
        (lambda c: c.request(5, BALANCE), TypeError, "method"),
        (lambda c: c.request("GET", BALANCE, query={"sentSince": datetime(2030, 1, 1)}), infobip.ValidationError,
         "query.sentSince"),
        (lambda c: c.request("POST", "/sms/3/messages", json={"a": [1, {"b": object()}]}), infobip.ValidationError,
         "json.a[1].b"),
        (lambda c: c.request("POST", "/sms/3/messages", json={1: "x"}), infobip.ValidationError, "json"),
        (lambda c: c.request("GET", "no-slash"), infobip.ValidationError, "path"),
        (lambda c: c.request("NOT A METHOD", BALANCE), infobip.ValidationError, "method"),
        (lambda c: c.with_options(timeout="soon"), TypeError, "timeout"),
        (lambda c: c.with_options(max_retries=-1), infobip.ConfigurationError, "max_retries"),
    ],
)
def test_bad_input_is_refused_before_sending(emu: Emulator, client: infobip.Client, call: Any, error: Any,
                                             names: str) -> None:
    with pytest.raises(error) as raised:
        call(client)
    assert names in _shown(raised.value)
    if isinstance(raised.value, infobip.ValidationError):
        assert raised.value.violations[0].property == names
    assert emu.requests() == []


def test_bad_constructor_arguments(emu: Emulator) -> None:
    with pytest.raises(TypeError, match="api_kee"):
        infobip.Client(emu.url, api_kee="x")  # type: ignore[call-arg]
    with pytest.raises(TypeError) as raised:
        infobip.Client(emu.url, api_key=123)  # type: ignore[arg-type]
    assert "api_key" in _shown(raised.value)
    with pytest.raises(infobip.ConfigurationError, match="timeout"):
        infobip.Client(emu.url, api_key="k", timeout=float("nan"))
    assert emu.requests() == []


def test_a_cancelled_send_keeps_its_type_carries_its_ids_and_logs_one_warning(
    emu: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="infobip")
    emu.fault(path="/sms/3/messages", kind="delay", delayMs=3000)

    async def main() -> BaseException:
        async with infobip.AsyncClient(emu.url, api_key=emu.api_key) as c:
            task = asyncio.ensure_future(c.sms.send(to="41793026727", text="Hi"))
            for _ in range(200):  # until the emulator has the request (bounded)
                if emu.requests("/sms/3/messages"):
                    break
                await asyncio.sleep(0.02)
            task.cancel()
            try:
                await task
            except asyncio.CancelledError as cancelled:
                return cancelled
        raise AssertionError("not cancelled")

    cancelled = asyncio.run(main())
    assert type(cancelled) is asyncio.CancelledError
    sent = json.loads(emu.requests("/sms/3/messages")[0]["body"])
    assert getattr(cancelled, "bulk_id") == sent["options"]["schedule"]["bulkId"]
    assert getattr(cancelled, "message_ids") == [sent["messages"][0]["destinations"][0]["messageId"]]
    deadline = time.monotonic() + 10
    warnings: List[logging.LogRecord] = []
    while not warnings and time.monotonic() < deadline:
        warnings = [r for r in caplog.records if r.name == "infobip" and r.levelno == logging.WARNING]
        time.sleep(0.02)
    assert len(warnings) == 1, [r.getMessage() for r in caplog.records]
    assert getattr(cancelled, "bulk_id") in warnings[0].getMessage()
