"""Counts what the generated Kotlin and Swift layers type, from the generated sources themselves.

    python3 bindings-uniffi/count_typed.py [bindings-uniffi/generated]

Kotlin: distinct operation ids of `@_Operation("…")` methods (not their `Flow`s), `Flow`s, and
lines; Swift: distinct `(operation `…`)` methods, `Sequence`s, and lines. Exits 1 when the two
languages do not type the same operations.
"""

import re
import sys
from pathlib import Path

here = Path(__file__).resolve().parent
generated = Path(sys.argv[1]) if len(sys.argv) > 1 else here / "generated"

kotlin_files = sorted((generated / "kotlin/com/infobip/sdk").glob("*/*.kt"))
kotlin_files.append(generated / "kotlin/com/infobip/sdk/InfobipClient.kt")
swift_files = sorted((generated / "swift/Generated").glob("*.swift"))

kotlin_ops, kotlin_flows, kotlin_lines = set(), 0, 0
for path in kotlin_files:
    text = path.read_text(encoding="utf-8")
    kotlin_lines += text.count("\n")
    kotlin_ops.update(re.findall(r'@_Operation\("([^"]+)"\)', text))
    kotlin_flows += len(re.findall(r"@_Operation\(pages = true", text))

swift_ops, swift_sequences, swift_lines = set(), 0, 0
for path in swift_files:
    text = path.read_text(encoding="utf-8")
    swift_lines += text.count("\n")
    swift_ops.update(re.findall(r"^    /// `[A-Z]+ [^`]+` \(operation `([^`]+)`\)\.$", text, re.MULTILINE))
    swift_sequences += len(re.findall(r"^    public func \w+Sequence\(", text, re.MULTILINE))

print(f"kotlin: {len(kotlin_ops)} typed operations, {kotlin_flows} Flows, {kotlin_lines} lines in {len(kotlin_files)} files")
print(f"swift:  {len(swift_ops)} typed operations, {swift_sequences} AsyncSequences, {swift_lines} lines in {len(swift_files)} files")
sys.exit(0 if kotlin_ops == swift_ops and kotlin_ops else 1)
