"""The Infobip SDK for Python.

>>> import infobip
>>> client = infobip.Client(base_url="https://xxxxx.api.infobip.com", api_key="...")  # doctest: +SKIP

``infobip.Client()`` with no arguments reads ``INFOBIP_BASE_URL`` and ``INFOBIP_API_KEY`` (or
``INFOBIP_CLIENT_ID``/``INFOBIP_CLIENT_SECRET``, or ``INFOBIP_USERNAME``/``INFOBIP_PASSWORD``).
``infobip.AsyncClient`` has the same calls as awaitables. Errors are :class:`InfobipError`
subclasses. Logs go to the :mod:`logging` logger ``infobip``; ``INFOBIP_LOG=debug`` (or ``info``)
prints them to stderr.
"""

from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    DecodeError,
    ErrorResource,
    InfobipError,
    InternalServerError,
    NotFoundError,
    OutcomeUnknownError,
    PermissionDeniedError,
    RateLimitError,
    ValidationError,
    Violation,
    WebhookVerificationError,
)
from ._logs import _configure_from_env
from ._native import AsyncClient, Client, Response, __version__

__all__ = [
    "__version__",
    "Client",
    "AsyncClient",
    "Response",
    "Violation",
    "ErrorResource",
    "InfobipError",
    "ConfigurationError",
    "ValidationError",
    "WebhookVerificationError",
    "APIConnectionError",
    "APITimeoutError",
    "OutcomeUnknownError",
    "DecodeError",
    "APIStatusError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "RateLimitError",
    "InternalServerError",
]

_configure_from_env()
