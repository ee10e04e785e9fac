"""Checks that the README's code blocks marked `<!-- from examples/... -->` come from that example.

A marked block must be an excerpt of the file: its non-blank lines (leading and trailing spaces
ignored) appear in the file in the same order and next to each other, except where the block has a
line that is only `...`, `# ...` or `// ...`, which stands for lines left out. The examples
themselves run against the emulator in every language's test suite, so a marked block is code
that runs.

    python3 examples/check_readme.py [README.md]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARK = re.compile(r"^<!-- from (\S+) -->\s*$")
GAP = {"...", "# ...", "// ..."}


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def is_excerpt(block: list[str], source: list[str]) -> bool:
    """True when the chunks of `block` (split at gap lines) occur in `source` in order, each contiguously."""
    chunks: list[list[str]] = [[]]
    for line in block:
        if line in GAP:
            chunks.append([])
        else:
            chunks[-1].append(line)
    at = 0
    for chunk in filter(None, chunks):
        found = next((i for i in range(at, len(source) - len(chunk) + 1) if source[i : i + len(chunk)] == chunk), None)
        if found is None:
            return False
        at = found + len(chunk)
    return True


def main() -> int:
    readme = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "README.md"
    text = readme.read_text(encoding="utf-8").splitlines()
    checked = 0
    problems = []
    for number, line in enumerate(text):
        mark = MARK.match(line)
        if not mark:
            continue
        fence = number + 1
        if fence >= len(text) or not text[fence].startswith("```"):
            problems.append(f"{readme.name}:{number + 1}: the mark is not followed by a code block")
            continue
        end = next((i for i in range(fence + 1, len(text)) if text[i].startswith("```")), None)
        if end is None:
            problems.append(f"{readme.name}:{fence + 1}: unclosed code block")
            continue
        source = ROOT / mark.group(1)
        if not source.is_file():
            problems.append(f"{readme.name}:{number + 1}: {mark.group(1)} does not exist")
        elif not is_excerpt(lines_of("\n".join(text[fence + 1 : end])), lines_of(source.read_text(encoding="utf-8"))):
            problems.append(f"{readme.name}:{fence + 1}: this block is not an excerpt of {mark.group(1)}")
        checked += 1
    for problem in problems:
        print(problem, file=sys.stderr)
    if checked == 0:
        print(f"{readme.name}: no block is marked `<!-- from examples/... -->`", file=sys.stderr)
        return 1
    print(f"{readme.name}: {checked} code blocks checked against the examples, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
