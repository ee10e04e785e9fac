"""Counts the typed operations of the Python package by reading the generated namespace modules
(``python/infobip/resources/<product>.py``): every method of the blocking and the asyncio class
whose body calls ``self._call("<operationId>", …)`` or ``self._pages("<operationId>", …)``.

    python count_operations.py      # a table per product, the total, and whether both clients
                                    # name every operation the same way

The source is read with :mod:`ast`, not imported, so the count is of what the files hold.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from typing import Dict, List, Tuple

RESOURCES = Path(__file__).resolve().parent / "python" / "infobip" / "resources"


def methods(path: Path) -> Dict[str, Dict[str, str]]:
    """Class name → {method name: operation id} of one generated module."""
    found: Dict[str, Dict[str, str]] = {}
    for node in ast.parse(path.read_text()).body:
        if not isinstance(node, ast.ClassDef):
            continue
        table = found.setdefault(node.name, {})
        for item in node.body:
            if not isinstance(item, ast.FunctionDef):
                continue
            for call in ast.walk(item):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr in ("_call", "_pages")
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                ):
                    table[item.name] = str(call.args[0].value)
    return found


def count() -> Tuple[Dict[str, Tuple[int, int]], List[str]]:
    """Per product: (blocking methods, asyncio methods); and every problem found (an operation
    id with two methods, or the two clients disagreeing)."""
    per_product: Dict[str, Tuple[int, int]] = {}
    problems: List[str] = []
    for path in sorted(RESOURCES.glob("*.py")):
        if path.name == "__init__.py":
            continue
        classes = methods(path)
        sync = next((t for name, t in classes.items() if not name.startswith("Async")), {})
        async_ = next((t for name, t in classes.items() if name.startswith("Async")), {})
        if sync != async_:
            problems.append(f"{path.stem}: the blocking and asyncio classes differ")
        ids = list(sync.values())
        for op in sorted({i for i in ids if ids.count(i) > 1}):
            problems.append(f"{path.stem}: {op} has {ids.count(op)} methods")
        per_product[path.stem] = (len(sync), len(async_))
    return per_product, problems


def main() -> int:
    per_product, problems = count()
    print(f"{'product':<26} {'Client':>7} {'AsyncClient':>12}")
    for product, (sync, async_) in per_product.items():
        print(f"{product:<26} {sync:>7} {async_:>12}")
    total = sum(sync for sync, _ in per_product.values())
    total_async = sum(async_ for _, async_ in per_product.values())
    print(f"{'total':<26} {total:>7} {total_async:>12}")
    for problem in problems:
        print("problem:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
