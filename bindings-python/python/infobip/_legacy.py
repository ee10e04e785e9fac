"""The result classes of the SMS and 2FA calls under the names they had before the generated
layer: each is a generated class of :mod:`infobip.types.sms` or :mod:`infobip.types.tfa` (the
hand-written calls' results are read by the same field plans as every other answer).

Two add what the hand-written calls give beyond Infobip's schema: ``SendResponse`` (the result
of ``sms.send``) carries the request id, and ``PinSent`` (every ``send_pin*``) the email status
of an email PIN.
"""

from __future__ import annotations

from .types.sms import (
    BulkResponse as BulkSchedule,
    BulkStatusResponse as BulkStatusInfo,
    DeliveryReport,
    DeliveryReports,
    GeoLocationInfoWrapper as GeoLocation,
    Language as PreviewLanguage,
    LanguageConfiguration as PreviewConfiguration,
    MessageError,
    MessagePrice as Price,
    MessageResponseSmsMessageResponseDetails as SentMessage,
    MessageStatus as Status,
    Platform,
    Preview,
    PreviewResponse,
    RecipientInfo,
    SmsLogSmsMessageContent as SmsLog,
    SmsMessageResponseDetails as MessageDetails,
    SmsMoReport as InboundMessage,
    SmsMoReportResponse as InboundMessages,
    SmsResponseEnvelope,
    UrlTrackingWebhook as UrlClick,
)
from .types.tfa import (
    ApplicationConfiguration,
    ApplicationResponse as Application,
    EmailStatus,
    IndiaDltOptions as TemplateIndiaDlt,
    Message as MessageTemplate,
    RegionalOptions as TemplateRegional,
    StartAuthenticationResponse,
    Verification,
    VerificationResponse as Verifications,
    VerifyPinResponse as PinVerification,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional

__all__ = [
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
    "UrlClick",
    "RecipientInfo",
    "GeoLocation",
]


class SendResponse(SmsResponseEnvelope):
    """The result of ``sms.send`` and ``sms.send_query``; ``request_id`` is the API's ``X-Request-Id``."""

    request_id: Optional[str]


class PinSent(StartAuthenticationResponse):
    """The result of sending a PIN (SMS, voice or email)."""

    __plan__ = [("emailStatus", "email_status", ".EmailStatus")]
    email_status: Optional[EmailStatus]
