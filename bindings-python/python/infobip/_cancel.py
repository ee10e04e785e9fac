"""Cancelled async sends keep their ids (used by the native module; not a public API).

An awaitable of a call that may send messages is this coroutine. It starts the call when it first
runs, so a task cancelled before that sends nothing. When the task awaiting it is cancelled after
the request may have been written, the ``asyncio.CancelledError`` keeps its type and gets
``bulk_id`` and ``message_ids`` attributes, so the send can be looked up (its logs, by bulk id)
before it is sent again. The SDK also logs one warning with them.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Awaitable, Callable, List, Optional, Protocol, Tuple

    class _Tracker(Protocol):
        def written(self) -> Optional[Tuple[Optional[str], List[str]]]: ...


async def tracked(start: "Callable[[], Awaitable[Any]]", tracker: "_Tracker") -> "Any":
    """Starts the call and awaits it; a cancellation carries the ids of a send that may have been
    written."""
    try:
        return await start()
    except BaseException as error:
        written = tracker.written()
        if written is not None and not hasattr(error, "message_ids") and _is_cancellation(error):
            setattr(error, "bulk_id", written[0])
            setattr(error, "message_ids", list(written[1]))
        raise


def _is_cancellation(error: BaseException) -> bool:
    import asyncio

    return isinstance(error, (asyncio.CancelledError, KeyboardInterrupt))
