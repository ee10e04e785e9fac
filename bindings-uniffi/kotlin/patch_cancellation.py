"""Makes a cancelled send's CancellationException carry its ids, in the generated Kotlin.

uniffi's Kotlin `uniffiRustCallAsync` frees the Rust future in a `finally` when the coroutine is
cancelled, and the coroutine's own CancellationException goes on. This patch frees it first in a
`catch` (the Rust side then leaves the ids of a send that may have been written on this thread)
and throws `uniffiWithSendIds(...)` instead: a `SendCancellationException` with `bulkId` and
`messageIds`, or the cancellation itself when there was no send. A coroutine cancelled before the
call throws its cancellation before the Rust future is polled, so nothing is sent. It also copies
`support/SendCancellation.kt` beside the generated file. Every anchor must be found exactly once,
so an upgrade of uniffi that changes the template fails here, loudly.

    python3 patch_cancellation.py GENERATED_KOTLIN_DIR
"""

import shutil
import sys
from pathlib import Path

SIGNATURE = "internal suspend fun<T, F, E: kotlin.Exception> uniffiRustCallAsync("
OPEN = "): T {\n    try {\n        do {\n"
OPEN_PATCHED = (
    "): T {\n"
    "    var uniffiFreed = false\n"
    "    try {\n"
    "        // A coroutine cancelled already: the call never starts (nothing is sent).\n"
    "        if (kotlinx.coroutines.currentCoroutineContext()[kotlinx.coroutines.Job]?.isActive == false) {\n"
    "            throw kotlinx.coroutines.CancellationException(\"the coroutine was cancelled before the call started\")\n"
    "        }\n"
    "        do {\n"
)
CLOSE = "    } finally {\n        freeFunc(rustFuture)\n    }\n}\n"
CLOSE_PATCHED = (
    "    } catch (e: kotlinx.coroutines.CancellationException) {\n"
    "        uniffiFreed = true\n"
    "        freeFunc(rustFuture)\n"
    "        throw uniffiWithSendIds(e)\n"
    "    } finally {\n"
    "        if (!uniffiFreed) freeFunc(rustFuture)\n"
    "    }\n"
    "}\n"
)


def main(out: Path) -> None:
    package = out / "com" / "infobip" / "sdk"
    [source] = [f for f in package.glob("*.kt") if f.name != "SendCancellation.kt"]
    text = source.read_text()
    start = text.index(SIGNATURE)
    end = text.index(CLOSE, start) + len(CLOSE)
    function = text[start:end]
    if function.count(OPEN) != 1 or function.count(CLOSE) != 1:
        sys.exit(f"{source}: uniffiRustCallAsync does not have the expected shape; update patch_cancellation.py")
    function = function.replace(OPEN, OPEN_PATCHED).replace(CLOSE, CLOSE_PATCHED)
    source.write_text(text[:start] + function + text[end:])
    shutil.copy(Path(__file__).parent / "support" / "SendCancellation.kt", package / "SendCancellation.kt")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
