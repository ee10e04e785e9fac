"""Typed results of the SMS and 2FA calls.

Each class mirrors a model of the Rust core with snake_case names (``from`` is ``from_``).
Enumerations are open, so their values are plain strings (``"PENDING"``, ``"DELIVERED"``...);
date-times are aware ``datetime`` objects.
"""

from __future__ import annotations

from ._model import Model

TYPE_CHECKING = False  # `typing` and `datetime` are only read by type checkers (see _model.py)
if TYPE_CHECKING:
    from datetime import datetime
    from typing import Any, List, Optional

__all__ = [
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
    "UrlClick",
    "RecipientInfo",
    "GeoLocation",
]


class Status(Model):
    """A message status; ``group_name`` is ``PENDING``, ``DELIVERED``, ``UNDELIVERABLE``..."""

    group_id: Optional[int]
    group_name: Optional[str]
    id: Optional[int]
    name: Optional[str]
    description: Optional[str]
    action: Optional[str]


class MessageError(Model):
    """Why a message failed."""

    group_id: Optional[int]
    group_name: Optional[str]
    id: Optional[int]
    name: Optional[str]
    description: Optional[str]
    permanent: Optional[bool]


class MessageDetails(Model):
    """Details of a sent message."""

    message_count: Optional[int]


class SentMessage(Model):
    """One message of a send."""

    message_id: Optional[str]
    status: Optional[Status]
    destination: Optional[str]
    details: Optional[MessageDetails]


class SendResponse(Model):
    """The result of ``sms.send``; ``request_id`` is the API's ``X-Request-Id``."""

    bulk_id: Optional[str]
    messages: List[SentMessage]
    request_id: Optional[str]


class Price(Model):
    """The price of a message."""

    price_per_message: Optional[float]
    currency: Optional[str]


class Platform(Model):
    """The entity and application a message belongs to."""

    entity_id: Optional[str]
    application_id: Optional[str]


class PreviewLanguage(Model):
    """The language of a preview."""

    language_code: Optional[str]


class PreviewConfiguration(Model):
    """The settings a preview was made with."""

    language: Optional[PreviewLanguage]
    transliteration: Optional[str]


class Preview(Model):
    """One way a text would be sent."""

    text_preview: Optional[str]
    message_count: Optional[int]
    characters_remaining: Optional[int]
    configuration: Optional[PreviewConfiguration]


class PreviewResponse(Model):
    """The result of ``sms.preview``."""

    original_text: Optional[str]
    previews: List[Preview]


class DeliveryReport(Model):
    """The final state of a message."""

    bulk_id: Optional[str]
    message_id: Optional[str]
    to: Optional[str]
    sender: Optional[str]
    sent_at: Optional[datetime]
    done_at: Optional[datetime]
    message_count: Optional[int]
    mcc_mnc: Optional[str]
    callback_data: Optional[str]
    price: Optional[Price]
    status: Optional[Status]
    error: Optional[MessageError]
    platform: Optional[Platform]
    campaign_reference_id: Optional[str]


class DeliveryReports(Model):
    """The result of ``sms.delivery_reports``."""

    results: List[DeliveryReport]


class SmsLog(Model):
    """A sent message as the logs show it."""

    sender: Optional[str]
    destination: Optional[str]
    bulk_id: Optional[str]
    message_id: Optional[str]
    sent_at: Optional[datetime]
    done_at: Optional[datetime]
    message_count: Optional[int]
    price: Optional[Price]
    status: Optional[Status]
    error: Optional[MessageError]
    platform: Optional[Platform]
    content: Optional[Any]
    campaign_reference_id: Optional[str]
    mcc_mnc: Optional[str]


class InboundMessage(Model):
    """A message sent to one of your numbers."""

    message_id: Optional[str]
    from_: Optional[str]
    to: Optional[str]
    text: Optional[str]
    clean_text: Optional[str]
    keyword: Optional[str]
    received_at: Optional[datetime]
    sms_count: Optional[int]
    price: Optional[Price]
    callback_data: Optional[str]
    application_id: Optional[str]
    entity_id: Optional[str]
    campaign_reference_id: Optional[str]


class InboundMessages(Model):
    """The result of ``sms.inbound``."""

    results: List[InboundMessage]
    message_count: Optional[int]
    pending_message_count: Optional[int]


class BulkSchedule(Model):
    """When a scheduled bulk is sent."""

    bulk_id: Optional[str]
    send_at: Optional[datetime]


class BulkStatusInfo(Model):
    """The state of a scheduled bulk: ``PENDING``, ``PAUSED``, ``CANCELED``..."""

    bulk_id: Optional[str]
    status: Optional[str]


class ApplicationConfiguration(Model):
    """The PIN rules of a 2FA application."""

    pin_attempts: Optional[int]
    allow_multiple_pin_verifications: Optional[bool]
    pin_time_to_live: Optional[str]
    verify_pin_limit: Optional[str]
    send_pin_per_application_limit: Optional[str]
    send_pin_per_phone_number_limit: Optional[str]


class Application(Model):
    """A 2FA application."""

    application_id: Optional[str]
    name: Optional[str]
    configuration: Optional[ApplicationConfiguration]
    enabled: Optional[bool]


class TemplateIndiaDlt(Model):
    """India DLT data of a template."""

    content_template_id: Optional[str]
    principal_entity_id: Optional[str]
    tele_marketer_id: Optional[str]


class TemplateRegional(Model):
    """Regional options of a template."""

    india_dlt: Optional[TemplateIndiaDlt]


class MessageTemplate(Model):
    """A 2FA message template."""

    message_id: Optional[str]
    application_id: Optional[str]
    pin_placeholder: Optional[str]
    message_text: Optional[str]
    pin_length: Optional[int]
    pin_type: Optional[str]
    language: Optional[str]
    voice_name: Optional[str]
    sender_id: Optional[str]
    repeat_dtmf: Optional[str]
    speech_rate: Optional[float]
    regional: Optional[TemplateRegional]
    from_: Optional[str]
    email_template_id: Optional[int]
    landing_page_id: Optional[str]


class EmailStatus(Model):
    """The state of a PIN email."""

    name: Optional[str]
    description: Optional[str]


class PinSent(Model):
    """The result of sending a PIN."""

    pin_id: Optional[str]
    to: Optional[str]
    nc_status: Optional[str]
    sms_status: Optional[str]
    call_status: Optional[str]
    email_status: Optional[EmailStatus]
    external_message_id: Optional[str]


class PinVerification(Model):
    """The result of ``tfa.verify_pin``: a wrong PIN gives ``verified=False``, not an error."""

    pin_id: Optional[str]
    msisdn: Optional[str]
    verified: Optional[bool]
    attempts_remaining: Optional[int]
    pin_error: Optional[str]


class Verification(Model):
    """One verification of a phone number (times in epoch milliseconds)."""

    msisdn: Optional[str]
    verified: Optional[bool]
    verified_at: Optional[int]
    sent_at: Optional[int]


class Verifications(Model):
    """The result of ``tfa.verifications``."""

    verifications: List[Verification]


class RecipientInfo(Model):
    """The device that clicked a link."""

    device_type: Optional[str]
    os: Optional[str]
    device_name: Optional[str]


class GeoLocation(Model):
    """Where a link was clicked."""

    country_name: Optional[str]
    city: Optional[str]


class UrlClick(Model):
    """A click on a tracked link (``webhooks.parse_click``); ``send_date_time`` in epoch milliseconds."""

    notification_type: Optional[str]
    recipient: Optional[str]
    url: Optional[str]
    send_date_time: Optional[int]
    message_id: Optional[str]
    bulk_id: Optional[str]
    callback_data: Optional[str]
    recipient_info: Optional[RecipientInfo]
    geo_location_info: Optional[GeoLocation]
    application_id: Optional[str]
    entity_id: Optional[str]
