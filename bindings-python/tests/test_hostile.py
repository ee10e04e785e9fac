"""Hostile input, each case in its own process: the process stays alive, the error has the
expected code, and the emulator received the expected number of requests (tests/hostile_cases.py)."""

from __future__ import annotations

import pytest

from conftest import Emulator
from hostile_cases import CASES, Case, run_in_a_process


def test_there_are_at_least_25_cases() -> None:
    assert len(CASES) >= 25
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_case(emu: Emulator, case: Case) -> None:
    outcome = run_in_a_process(case, emu.url)
    assert not outcome.crashed, f"the process died (exit {outcome.returncode}): {outcome.stderr}"
    assert outcome.code == case.code, outcome.stderr
    assert outcome.requests == case.requests
