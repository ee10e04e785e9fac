"""``infobip.Client`` and ``infobip.AsyncClient``: the native clients, with every product's
namespace (``client.sms``, ``client.whatsapp``, ``client.messages_api``, …), each made on
first use.
"""

from __future__ import annotations

from ._native import AsyncClient as _NativeAsyncClient, Client as _NativeClient
from .resources import AsyncNamespaces, Namespaces

__all__ = ["Client", "AsyncClient"]


class Client(Namespaces, _NativeClient):
    """The blocking client. Calls release the GIL while they wait.

    ``Client()`` with no arguments reads ``INFOBIP_BASE_URL`` and the credentials from the
    environment; ``validate=False`` sends requests the spec would refuse (for when the API is
    ahead of it).
    """


class AsyncClient(AsyncNamespaces, _NativeAsyncClient):
    """The asyncio client. Calls return awaitables; cancelling one aborts its request."""


Client.__module__ = AsyncClient.__module__ = "infobip"
