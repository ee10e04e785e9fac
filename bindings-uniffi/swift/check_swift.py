"""Syntax check of Swift files with tree-sitter-swift (there is no Swift compiler on Linux here).

    python check_swift.py FILE.swift [...]     exit 0 when every file parses without errors

tree-sitter-swift misreads one construct that uniffi emits before its FFI converters:

    #if swift(>=5.8)
    @_documentation(visibility: private)
    #endif

Exactly these three lines (whitespace aside) are blanked before parsing. It also misreads the
closure uniffi writes for a callback method that returns nothing (`LogSink.log`):

    let writeReturn = { () }

whose `()` is replaced by spaces. Line and column numbers stay the same and nothing else is
touched, so an error anywhere else is still reported. The check covers
syntax only: not types, not the C header or the module map.
"""

import re
import sys

import tree_sitter
import tree_sitter_swift

KNOWN_BLOCK = re.compile(
    r"^[ \t]*#if swift\(>=5\.8\)[ \t]*\n[ \t]*@_documentation\(visibility: private\)[ \t]*\n[ \t]*#endif[ \t]*$",
    re.MULTILINE,
)


VOID_RETURN = re.compile(r"^([ \t]*let writeReturn = \{ )\(\)( \})[ \t]*$", re.MULTILINE)


def neutralise(source: str) -> tuple[str, int]:
    """Blanks uniffi's known constructs, keeping line breaks and columns; returns the text and
    how many were blanked."""
    source, blocks = KNOWN_BLOCK.subn(lambda m: "\n" * m.group(0).count("\n"), source)
    source, closures = VOID_RETURN.subn(lambda m: m.group(1) + "  " + m.group(2), source)
    return source, blocks + closures


def problems(tree: tree_sitter.Tree) -> list[tuple[int, int, str]]:
    """(line, column, kind) of every ERROR or MISSING node."""
    found = []
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            row, col = node.start_point
            found.append((row + 1, col + 1, "missing " + node.type if node.is_missing else "error"))
            continue
        if node.has_error:
            stack.extend(node.children)
    return sorted(found)


def main(paths: list[str]) -> int:
    parser = tree_sitter.Parser(tree_sitter.Language(tree_sitter_swift.language()))
    failed = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            source, blanked = neutralise(f.read())
        found = problems(parser.parse(source.encode("utf-8")))
        lines = source.count("\n") + 1
        if found:
            failed += 1
            print(f"{path}: {len(found)} syntax error(s) ({lines} lines, {blanked} uniffi block(s) blanked)")
            for line, col, kind in found[:20]:
                print(f"  {path}:{line}:{col}: {kind}")
        else:
            print(f"{path}: OK ({lines} lines, {blanked} uniffi block(s) blanked)")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
