"""The public Kotlin and Swift surface of the generated bindings, as a Markdown listing.

    python3 bindings-uniffi/api_listing.py > listing.md      (after generate.sh)

Reads bindings-uniffi/generated/{kotlin,swift}; leaves out uniffi's own plumbing (FFI converters,
handles, cleaners, `Uniffi*`/`Ffi*` helpers, checksums) so that what is listed is what an app uses.
"""

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KOTLIN = HERE / "generated/kotlin/com/infobip/sdk/infobip_uniffi.kt"
SWIFT = HERE / "generated/swift/InfobipSDK.swift"
PLUMBING = re.compile(r"FfiConverter|Uniffi|uniffi|RustBuffer|ForeignBytes|NoHandle|Disposable|InternalException|Ffi")


def strip_comments(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("`", "")).replace("( ", "(").replace(" )", ")").replace(" ,", ",").strip()


def kotlin() -> list[str]:
    src = strip_comments(KOTLIN.read_text())
    out = []
    # Objects: their interface lists the methods; constructors and companion functions follow.
    for m in re.finditer(r"public interface (\w+)Interface \{(.*?)\n\}", src, re.S):
        name = m.group(1)
        out.append(f"class {name}")
        cls = re.search(rf"open class {name}\b.*?\n\}}\n", src, re.S)
        for ctor in re.findall(r"constructor\((`\w+`: [^)]*)\)", cls.group(0) if cls else ""):
            if "Long" not in ctor and "NoHandle" not in ctor:
                out.append(f"    constructor({squash(ctor)})")
        companion = re.search(rf"companion object \{{(.*?)\n\}}", src[cls.end():] if cls else "", re.S)
        for fn in re.findall(r"fun (`\w+`\([^)]*\)[^{=]*)", companion.group(1) if companion else ""):
            out.append(f"    companion fun {squash(fn)}")
        for fn in re.findall(r"((?:suspend )?fun `\w+`\([^)]*\)(?:\s*:\s*[^\n]+)?)", m.group(2)):
            out.append(f"    {squash(fn)}")
    for m in re.finditer(r"\ndata class (\w+) \((.*?)\n\)", src, re.S):
        if PLUMBING.search(m.group(1)):
            continue
        fields = [squash(f).rstrip(",").strip() for f in re.findall(r"val (`\w+`: [^\n]+)", m.group(2))]
        out.append(f"data class {m.group(1)}({', '.join(fields)})")
    for m in re.finditer(r"\nsealed class (\w+)[^{]*\{(.*?)\n\}", src, re.S):
        if PLUMBING.search(m.group(1)):
            continue
        variants = re.findall(r"\n    (?:data )?(?:class|object) (\w+)", m.group(2))
        out.append(f"sealed class {m.group(1)}: {', '.join(variants)}")
    for fn in re.findall(r"\n(?:suspend )?fun (`\w+`\([^)]*\)\s*:\s*[^{\n]+)", src):
        if not PLUMBING.search(fn):
            out.append(f"fun {squash(fn)}")
    return out


def swift() -> list[str]:
    src = strip_comments(SWIFT.read_text())
    out = []
    for m in re.finditer(r"public protocol (\w+)Protocol[^{]*\{(.*?)\n\}", src, re.S):
        name = m.group(1)
        if PLUMBING.search(name):
            continue
        out.append(f"class {name}")
        cls = re.search(rf"open class {name}\b.*?\n\}}\n", src, re.S)
        body = cls.group(0) if cls else ""
        for init in re.findall(r"public convenience init\(([^)]*)\)\s*(throws)?", body):
            out.append(f"    init({squash(init[0])}) {init[1]}".rstrip())
        for fn in re.findall(r"public static func (\w+\([^)]*\)[^{]*)", body):
            out.append(f"    static func {squash(fn)}")
        for fn in re.findall(r"func (\w+\([^)]*\)[^\n]*)", m.group(2)):
            out.append(f"    func {squash(fn)}")
    for m in re.finditer(r"\npublic struct (\w+)[^{]*\{((?:(?!\npublic ).)*?)\n    public init", src, re.S):
        if PLUMBING.search(m.group(1)):
            continue
        fields = [squash(f) for f in re.findall(r"public let (\w+: [^\n]+)", m.group(2))]
        out.append(f"struct {m.group(1)}({', '.join(fields)})")
    for m in re.finditer(r"\npublic\s+(?:indirect )?enum (\w+)[^{]*\{(.*?)\n\}", src, re.S):
        if PLUMBING.search(m.group(1)):
            continue
        cases = re.findall(r"\n    case (\w+)", m.group(2))
        out.append(f"enum {m.group(1)}: {', '.join(cases)}")
    return out


def main() -> int:
    if not KOTLIN.exists() or not SWIFT.exists():
        print("run bindings-uniffi/generate.sh first", file=sys.stderr)
        return 1
    print("### Kotlin (package `com.infobip.sdk`)\n\n```kotlin")
    print("\n".join(kotlin()))
    print("```\n\n### Swift (module `InfobipSDK`)\n\n```swift")
    print("\n".join(swift()))
    print("```")
    return 0


if __name__ == "__main__":
    sys.exit(main())
