"""The Infobip SDK for Python.

>>> import infobip
>>> client = infobip.Client(base_url="https://xxxxx.api.infobip.com", api_key="...")  # doctest: +SKIP
>>> client.sms.send(to="41793026727", text="Hello", sender="InfoSMS")  # doctest: +SKIP
>>> client.call("get-account-balance")  # any operation of the spec  # doctest: +SKIP

``infobip.Client()`` with no arguments reads ``INFOBIP_BASE_URL`` and ``INFOBIP_API_KEY`` (or
``INFOBIP_CLIENT_ID``/``INFOBIP_CLIENT_SECRET``, or ``INFOBIP_USERNAME``/``INFOBIP_PASSWORD``).
``infobip.AsyncClient`` has the same calls as awaitables. Errors are :class:`InfobipError`
subclasses. Logs go to the :mod:`logging` logger ``infobip``; ``INFOBIP_LOG=debug`` (or ``info``)
prints them to stderr.
"""

from __future__ import annotations

from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    AuthFailedError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    DecodeError,
    ErrorResource,
    InfobipError,
    InternalError,
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
from ._model import Model
from . import webhooks
from ._client import AsyncClient, Client
from ._native import FileDownload, Pager, AsyncPager, Response, SmsLogs, __version__, operations, required_scopes

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ._legacy import (
        Application,
        ApplicationConfiguration,
        BulkSchedule,
        BulkStatusInfo,
        DeliveryReport,
        DeliveryReports,
        EmailStatus,
        GeoLocation,
        InboundMessage,
        InboundMessages,
        MessageDetails,
        MessageError,
        MessageTemplate,
        PinSent,
        PinVerification,
        Platform,
        Preview,
        PreviewConfiguration,
        PreviewLanguage,
        PreviewResponse,
        Price,
        RecipientInfo,
        SendResponse,
        SentMessage,
        SmsLog,
        Status,
        TemplateIndiaDlt,
        TemplateRegional,
        UrlClick,
        Verification,
        Verifications,
    )
    from .resources.sms import AsyncSms, Sms
    from .resources.tfa import AsyncTfa, Tfa

# Imported on first use (``import infobip`` stays fast): the SMS and 2FA result classes under
# their names before the generated layer, and the SMS and 2FA namespace classes.
_LAZY = {
    "Sms": "resources.sms",
    "AsyncSms": "resources.sms",
    "Tfa": "resources.tfa",
    "AsyncTfa": "resources.tfa",
}
_LEGACY = frozenset(
    "Application ApplicationConfiguration BulkSchedule BulkStatusInfo DeliveryReport DeliveryReports EmailStatus "
    "GeoLocation InboundMessage InboundMessages MessageDetails MessageError MessageTemplate PinSent PinVerification "
    "Platform Preview PreviewConfiguration PreviewLanguage PreviewResponse Price RecipientInfo SendResponse "
    "SentMessage SmsLog Status TemplateIndiaDlt TemplateRegional UrlClick Verification Verifications".split()
)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name, "_legacy" if name in _LEGACY else None)
    if module is None:
        raise AttributeError(f"module 'infobip' has no attribute {name!r}")
    value = getattr(__import__(f"infobip.{module}", fromlist=[name]), name)
    globals()[name] = value
    return value


__all__ = [
    "__version__",
    "Client",
    "AsyncClient",
    "Response",
    "Sms",
    "AsyncSms",
    "SmsLogs",
    "Tfa",
    "AsyncTfa",
    "Pager",
    "AsyncPager",
    "FileDownload",
    "Model",
    "SendResponse",
    "SentMessage",
    "MessageDetails",
    "Status",
    "MessageError",
    "Price",
    "Platform",
    "PreviewResponse",
    "Preview",
    "PreviewConfiguration",
    "PreviewLanguage",
    "DeliveryReports",
    "DeliveryReport",
    "SmsLog",
    "InboundMessages",
    "InboundMessage",
    "BulkSchedule",
    "BulkStatusInfo",
    "Application",
    "ApplicationConfiguration",
    "MessageTemplate",
    "TemplateRegional",
    "TemplateIndiaDlt",
    "PinSent",
    "EmailStatus",
    "PinVerification",
    "Verifications",
    "Verification",
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
    "UrlClick",
    "RecipientInfo",
    "GeoLocation",
    "webhooks",
    "operations",
    "required_scopes",
]

_configure_from_env()
