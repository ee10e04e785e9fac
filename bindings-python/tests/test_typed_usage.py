"""Runs the typed usage file (checked by mypy --strict in test.sh) against the emulator."""

from __future__ import annotations

import asyncio

import typed_usage
from conftest import Emulator


def test_typed_usage_runs(emu: Emulator) -> None:
    seen = typed_usage.use_sync(emu.url, emu.api_key, lambda pin_id: str(emu.admin("GET", f"/2fa/pins/{pin_id}")["pin"]))
    assert seen[0] and "bad_request" in seen
    assert seen[-4:-2] == ["True", "1"]  # the PIN was verified
    assert seen[-2:] == ["config", "config"]  # the certificate files do not exist
    assert asyncio.run(typed_usage.use_async(emu.url, emu.api_key)) == ["200", "200", "200", "True", "True", "True"]
    assert len(typed_usage.use_errors()) >= 15


def test_typed_usage_of_the_generated_namespaces_runs(emu: Emulator) -> None:
    seen = typed_usage.use_products(emu.url, emu.api_key)
    assert seen[:2] == ["441134960001", "200"]
    assert "Swisscom" in seen and "MESSAGE_ACCEPTED" in seen
    assert seen[-1] == "2022-08-18 12:36:42.123000+00:00"  # a date-time of a paged item, read as a datetime
    assert asyncio.run(typed_usage.use_products_async(emu.url, emu.api_key))[1] == "MMS"
