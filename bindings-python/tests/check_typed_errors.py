"""Runs mypy --strict on typed_errors.py and checks that every line marked `# E: code` gets
that error (and nothing else fails): the stubs refuse wrong keys, types and calls."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Dict, Set, Tuple

HERE = Path(__file__).resolve().parent
TARGET = HERE / "typed_errors.py"


def main() -> int:
    expected: Dict[int, str] = {}
    for number, line in enumerate(TARGET.read_text().splitlines(), start=1):
        found = re.search(r"# E: ([a-z-]+)", line)
        if found:
            expected[number] = found.group(1)
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--enable-error-code", "deprecated",
         "--show-error-codes", str(TARGET)],
        capture_output=True, text=True,
    )
    got: Set[Tuple[int, str]] = set()
    for line in run.stdout.splitlines():
        found = re.match(r".*typed_errors\.py:(\d+): error: .*\[([a-z-]+)\]$", line)
        if found:
            got.add((int(found.group(1)), found.group(2)))
    missing = [f"line {n}: {code}" for n, code in sorted(expected.items()) if (n, code) not in got]
    extra = [f"line {n}: {code}" for n, code in sorted(got) if expected.get(n) is None]
    if missing or extra:
        print(run.stdout)
        print("expected but not reported:", missing or "none")
        print("reported but not expected:", extra or "none")
        return 1
    print(f"mypy refuses all {len(expected)} wrong calls of typed_errors.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
