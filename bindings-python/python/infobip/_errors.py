"""The exceptions the SDK raises.

Every failure is an :class:`InfobipError`. Its ``code`` is the core's stable error code (the same in
every language); the native module picks the class for a code from :data:`_BY_CODE`, so the table
below is the only place where codes meet classes.

Every exception pickles and unpickles with its fields.
"""

from __future__ import annotations

__all__ = [
    "Violation",
    "ErrorResource",
    "InfobipError",
    "ConfigurationError",
    "ValidationError",
    "WebhookVerificationError",
    "APIConnectionError",
    "APITimeoutError",
    "OutcomeUnknownError",
    "AuthFailedError",
    "DecodeError",
    "APIStatusError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "RateLimitError",
    "InternalServerError",
    "InternalError",
]

TYPE_CHECKING = False  # `typing` is only read by type checkers: it costs ~15 ms to import
if TYPE_CHECKING:
    from typing import Any, Dict, Iterable, List, NamedTuple, Optional, Tuple, Type

    class Violation(NamedTuple):
        """One problem with one property of a request, e.g. ``messages[0].destinations[0].to``."""

        property: str
        message: str

    class ErrorResource(NamedTuple):
        """A documentation link the API gave with an error."""

        name: str
        url: str

else:
    from collections import namedtuple

    Violation = namedtuple("Violation", ("property", "message"))
    Violation.__doc__ = "One problem with one property of a request, e.g. ``messages[0].destinations[0].to``."
    ErrorResource = namedtuple("ErrorResource", ("name", "url"))
    ErrorResource.__doc__ = "A documentation link the API gave with an error."


class InfobipError(Exception):
    """Base class of every error the SDK raises."""

    code: str = "error"
    """The stable error code (``config``, ``validation``, ``rate_limited``, ...)."""

    def __init__(self, message: str, *, code: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


class ConfigurationError(InfobipError):
    """The client is misconfigured: base URL, credentials or options."""

    code = "config"


class ValidationError(InfobipError):
    """The input was refused before anything was sent; ``violations`` name the fields."""

    code = "validation"

    def __init__(
        self,
        message: str,
        *,
        code: Optional[str] = None,
        violations: Iterable[Tuple[str, str]] = (),
    ) -> None:
        super().__init__(message, code=code)
        self.violations: List[Violation] = [Violation(*v) for v in violations]


class WebhookVerificationError(InfobipError):
    """A webhook request failed verification."""

    code = "webhook_verification"


class APIConnectionError(InfobipError):
    """The API could not be reached, or the connection was lost (retries are exhausted)."""

    code = "connection"

    def __init__(self, message: str, *, code: Optional[str] = None, attempts: int = 1) -> None:
        super().__init__(message, code=code)
        self.attempts = attempts


class APITimeoutError(APIConnectionError):
    """The request timed out (retries are exhausted)."""

    code = "timeout"


class OutcomeUnknownError(APIConnectionError):
    """A send that is not safe to repeat may or may not have been accepted.

    It was not retried. Look it up with ``client.sms.logs(bulk_id=error.bulk_id)``.
    """

    code = "outcome_unknown"

    def __init__(
        self,
        message: str,
        *,
        code: Optional[str] = None,
        attempts: int = 1,
        reason: str = "",
        operation: str = "",
        bulk_id: Optional[str] = None,
        message_ids: Iterable[str] = (),
        status_code: Optional[int] = None,
    ) -> None:
        super().__init__(message, code=code, attempts=attempts)
        self.reason = reason
        self.operation = operation
        self.bulk_id = bulk_id
        self.message_ids: List[str] = list(message_ids)
        self.status_code = status_code


class AuthFailedError(InfobipError):
    """The OAuth2 token or IBSSO session a call needed could not be had, so the call was not sent.

    Sending it again is safe. ``cause`` is the code of what failed at the token or session endpoint
    (``unauthorized`` for refused credentials, ``timeout``, ``connection``, ``server_error``, ...).
    """

    code = "auth_failed"

    def __init__(
        self,
        message: str,
        *,
        code: Optional[str] = None,
        scheme: str = "",
        reason: str = "",
        cause: str = "",
        status_code: Optional[int] = None,
        attempts: int = 0,
    ) -> None:
        super().__init__(message, code=code)
        self.scheme = scheme
        """``OAuth2`` or ``IBSSO``."""
        self.reason = reason
        self.cause = cause
        self.status_code = status_code
        """The status the token or session endpoint answered, if it answered."""
        self.attempts = attempts


class InternalError(InfobipError):
    """A bug of the SDK (a panic in its native core, caught): please report it."""

    code = "internal"


class DecodeError(InfobipError):
    """A response body could not be read into the expected shape."""

    code = "decode"

    def __init__(self, message: str, *, code: Optional[str] = None, offset: Optional[int] = None) -> None:
        super().__init__(message, code=code)
        self.offset = offset


class APIStatusError(InfobipError):
    """The API answered with an error status. Subclasses name the common statuses."""

    code = "api_error"

    def __init__(
        self,
        message: str,
        *,
        code: Optional[str] = None,
        status_code: int = 0,
        error_code: Optional[str] = None,
        text: Optional[str] = None,
        action: Optional[str] = None,
        violations: Iterable[Tuple[str, str]] = (),
        resources: Iterable[Tuple[str, str]] = (),
        request_id: Optional[str] = None,
        retry_after: Optional[float] = None,
        attempts: int = 1,
        body: str = "",
        body_is_json: bool = False,
        operation: str = "",
        required_scopes: Iterable[str] = (),
    ) -> None:
        super().__init__(message, code=code)
        self.status_code = status_code
        self.error_code = error_code
        self.text = text
        self.action = action
        self.violations: List[Violation] = [Violation(*v) for v in violations]
        self.resources: List[ErrorResource] = [ErrorResource(*r) for r in resources]
        self.request_id = request_id
        self.retry_after = retry_after
        """Seconds the API asked to wait (``Retry-After``), or ``None``."""
        self.attempts = attempts
        self.body = body
        """The first 4 KiB of the response body."""
        self.body_is_json = body_is_json
        self.operation = operation
        self.required_scopes: List[str] = list(required_scopes)


class BadRequestError(APIStatusError):
    """400: the API refused the request; see ``violations``."""

    code = "bad_request"


class AuthenticationError(APIStatusError):
    """401: the credentials were refused."""

    code = "unauthorized"


class PermissionDeniedError(APIStatusError):
    """403: the credentials lack a scope; see ``required_scopes``."""

    code = "forbidden"


class NotFoundError(APIStatusError):
    """404."""

    code = "not_found"


class ConflictError(APIStatusError):
    """409."""

    code = "conflict"


class RateLimitError(APIStatusError):
    """429: too many requests; ``retry_after`` says how long to wait."""

    code = "rate_limited"


class InternalServerError(APIStatusError):
    """5xx."""

    code = "server_error"


for _name in __all__:
    globals()[_name].__module__ = "infobip"  # how they are imported, shown and pickled

_BY_CODE: Dict[str, Type[InfobipError]] = {
    cls.code: cls
    for cls in (
        ConfigurationError,
        ValidationError,
        WebhookVerificationError,
        APIConnectionError,
        APITimeoutError,
        OutcomeUnknownError,
        AuthFailedError,
        DecodeError,
        APIStatusError,
        BadRequestError,
        AuthenticationError,
        PermissionDeniedError,
        NotFoundError,
        ConflictError,
        RateLimitError,
        InternalServerError,
        InternalError,
    )
}


def _from_native(code: str, message: str, fields: Dict[str, Any]) -> InfobipError:
    """Builds the exception for a native error (called by the native module)."""
    return _BY_CODE.get(code, InfobipError)(message, code=code, **fields)
