"""Runs the typed usage file (checked by mypy --strict in test.sh) against the emulator."""

from __future__ import annotations

import asyncio

import typed_usage
from conftest import Emulator


def test_typed_usage_runs(emu: Emulator) -> None:
    seen = typed_usage.use_sync(emu.url, emu.api_key)
    assert seen[0] and "bad_request" in seen
    assert asyncio.run(typed_usage.use_async(emu.url, emu.api_key)) == ["200", "200", "200"]
    assert len(typed_usage.use_errors()) >= 15
