"""Type stubs of the native module ``infobip._native`` (checked by stubtest in test.sh)."""

import asyncio
from datetime import datetime
from types import TracebackType
from typing import Any, Dict, Mapping, Optional, Sequence, Type, Union, final

from typing_extensions import Self

__all__ = ["__version__", "Client", "AsyncClient", "Response", "_parse_time"]

__version__: str

def _parse_time(text: str) -> datetime: ...

_QueryScalar = Union[str, int, float, bool, datetime]
_QueryValue = Union[_QueryScalar, Sequence[_QueryScalar], None]

@final
class Response:
    """A successful HTTP response."""

    @property
    def status_code(self) -> int: ...
    @property
    def headers(self) -> Dict[str, str]: ...
    @property
    def content(self) -> bytes: ...
    @property
    def text(self) -> str: ...
    @property
    def request_id(self) -> Optional[str]: ...
    @property
    def attempts(self) -> int: ...
    def json(self) -> Any: ...

@final
class Client:
    """The blocking client. Calls release the GIL while they wait."""

    def __new__(
        cls,
        base_url: Optional[str] = None,
        *,
        api_key: Optional[str] = None,
        username: Optional[str] = None,
        password: Optional[str] = None,
        ibsso: bool = False,
        client_id: Optional[str] = None,
        client_secret: Optional[str] = None,
        timeout: Optional[float] = None,
        connect_timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        user_agent_suffix: Optional[str] = None,
    ) -> Self: ...
    def with_options(self, *, timeout: Optional[float] = None, max_retries: Optional[int] = None) -> Client: ...
    def request(
        self,
        method: str,
        path: str,
        *,
        query: Optional[Mapping[str, _QueryValue]] = None,
        json: Optional[Any] = None,
    ) -> Response: ...
    def close(self) -> None: ...
    def __enter__(self) -> Self: ...
    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
        /,
    ) -> None: ...

@final
class AsyncClient:
    """The asyncio client. Calls return awaitables; cancelling one aborts its request."""

    def __new__(
        cls,
        base_url: Optional[str] = None,
        *,
        api_key: Optional[str] = None,
        username: Optional[str] = None,
        password: Optional[str] = None,
        ibsso: bool = False,
        client_id: Optional[str] = None,
        client_secret: Optional[str] = None,
        timeout: Optional[float] = None,
        connect_timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        user_agent_suffix: Optional[str] = None,
    ) -> Self: ...
    def with_options(self, *, timeout: Optional[float] = None, max_retries: Optional[int] = None) -> AsyncClient: ...
    def request(
        self,
        method: str,
        path: str,
        *,
        query: Optional[Mapping[str, _QueryValue]] = None,
        json: Optional[Any] = None,
    ) -> asyncio.Future[Response]: ...
    def close(self) -> asyncio.Future[None]: ...
    def __aenter__(self) -> asyncio.Future[Self]: ...
    def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
        /,
    ) -> asyncio.Future[None]: ...
