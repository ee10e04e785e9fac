"""Type stubs of the native module ``infobip._native`` (checked by stubtest in test.sh)."""

import asyncio
import os
from datetime import datetime
from types import TracebackType
from typing import Any, Coroutine, Dict, Generic, Iterator, List, Literal, Mapping, Optional, Sequence, Tuple, Type, TypeVar, Union, final

from ._model import Model
from ._legacy import (
    Application,
    BulkSchedule,
    BulkStatusInfo,
    DeliveryReports,
    InboundMessages,
    MessageTemplate,
    PinSent,
    PinVerification,
    PreviewResponse,
    SendResponse,
    SmsLog,
    Verifications,
    DeliveryReport,
    UrlClick,
)

from typing_extensions import Self, disjoint_base

__all__ = [
    "__version__",
    "_Shared",
    "Client",
    "AsyncClient",
    "Response",
    "Sms",
    "AsyncSms",
    "SmsLogs",
    "Tfa",
    "AsyncTfa",
    "_test_panic",
    "_SendTracker",
    "_Start",
    "Namespace",
    "AsyncNamespace",
    "Pager",
    "AsyncPager",
    "FileDownload",
    "parse",
    "parse_delivery_reports",
    "parse_inbound",
    "parse_click",
    "verify_basic",
    "verify_hmac",
    "operations",
    "required_scopes",
]

__version__: str

def _test_panic(mode: Literal["sync", "blocking", "async"]) -> Any:
    """A test hook, not an API: panics inside the SDK on purpose (it raises ``InternalError``)."""

@final
class _SendTracker:
    """What a cancelled async send reads its ids from (internal)."""

    def written(self) -> Optional[Tuple[Optional[str], List[str]]]: ...

@final
class _Start:
    """Starts an async call once (internal)."""

    def __call__(self, *args: Any, **kwargs: Any) -> "asyncio.Future[Any]": ...
_M = TypeVar("_M", bound=Model)
_T = TypeVar("_T")

def parse(body: bytes, into: Type[_M]) -> _M: ...
def parse_delivery_reports(body: bytes) -> List[DeliveryReport]: ...
def parse_inbound(body: bytes) -> InboundMessages: ...
def parse_click(body: bytes) -> UrlClick: ...
def verify_basic(authorization: Optional[str], *, username: str, password: str) -> None: ...
def operations() -> List[Dict[str, Any]]: ...
def required_scopes(operation_id: str) -> Optional[List[str]]: ...
def verify_hmac(body: bytes, signature: Optional[str], *, secret: str, algorithm: str = "sha256") -> None: ...

_QueryScalar = Union[str, int, float, bool, datetime]
_QueryValue = Union[_QueryScalar, Sequence[_QueryScalar], None]
# A certificate or key: a path to a PEM file, or the PEM bytes themselves.
_Pem = Union[str, "os.PathLike[str]", bytes]
_Json = Any
_Strings = Union[str, Sequence[str]]
_PinType = Literal["NUMERIC", "ALPHA", "HEX", "ALPHANUMERIC"]

@final
class _Shared:
    """A handle ``with_options`` passes to the constructor of the client's own class."""

@disjoint_base
class Namespace:
    """The base of a ``Client``'s namespaces: generated methods call ``_call`` and ``_pages``."""

    def __new__(cls, client: Any) -> Self: ...
    def _call(
        self,
        operation: str,
        product: str,
        result: str,
        args: Dict[str, Any],
        flat: bool,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        validate: Optional[bool] = None,
    ) -> Any: ...
    def _pages(
        self,
        operation: str,
        product: str,
        item: str,
        args: Dict[str, Any],
        flat: bool,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        validate: Optional[bool] = None,
    ) -> Pager[Any]: ...

@disjoint_base
class AsyncNamespace:
    """The base of an ``AsyncClient``'s namespaces."""

    def __new__(cls, client: Any) -> Self: ...
    def _call(
        self,
        operation: str,
        product: str,
        result: str,
        args: Dict[str, Any],
        flat: bool,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        validate: Optional[bool] = None,
    ) -> Any: ...
    def _pages(
        self,
        operation: str,
        product: str,
        item: str,
        args: Dict[str, Any],
        flat: bool,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        validate: Optional[bool] = None,
    ) -> AsyncPager[Any]: ...

@final
class Pager(Generic[_T]):
    """Every item of a paging operation (``for item in ...``), pages fetched as needed."""

    def __iter__(self) -> Iterator[_T]: ...
    def __next__(self) -> _T: ...

@final
class AsyncPager(Generic[_T]):
    """Every item of a paging operation (``async for item in ...``)."""

    def __aiter__(self) -> AsyncPager[_T]: ...
    def __anext__(self) -> asyncio.Future[_T]: ...

@final
class FileDownload:
    """A file an operation answered with."""

    @property
    def content(self) -> bytes: ...
    @property
    def content_type(self) -> Optional[str]: ...
    @property
    def file_name(self) -> Optional[str]: ...
    @property
    def raw_response(self) -> Response: ...

@final
class SmsLogs:
    """Logs fetched page by page while iterating (``for`` or ``async for``)."""

    def __iter__(self) -> SmsLogs: ...
    def __next__(self) -> SmsLog: ...
    def __aiter__(self) -> SmsLogs: ...
    def __anext__(self) -> asyncio.Future[SmsLog]: ...

@disjoint_base
class Sms(Namespace):
    """The hand-written SMS calls of a ``Client`` (``client.sms`` adds every generated one)."""

    def send(
        self,
        *,
        to: Optional[_Strings] = None,
        text: Optional[str] = None,
        sender: Optional[str] = None,
        messages: Optional[Sequence[Mapping[str, _Json]]] = None,
        options: Optional[Mapping[str, _Json]] = None,
    ) -> SendResponse: ...
    def send_query(
        self,
        *,
        to: _Strings,
        text: str,
        bulk_id: Optional[str] = None,
        from_: Optional[str] = None,
        flash: Optional[bool] = None,
        transliteration: Optional[str] = None,
        language_code: Optional[str] = None,
        intermediate_report: Optional[bool] = None,
        notify_url: Optional[str] = None,
        notify_content_type: Optional[str] = None,
        callback_data: Optional[str] = None,
        validity_period: Optional[int] = None,
        send_at: Optional[datetime] = None,
        include_sms_count_in_response: Optional[bool] = None,
        tracking_url: Optional[str] = None,
        tracking_type: Optional[str] = None,
        india_dlt_content_template_id: Optional[str] = None,
        india_dlt_principal_entity_id: Optional[str] = None,
        india_dlt_telemarketer_id: Optional[str] = None,
        turkey_iys_brand_code: Optional[int] = None,
        turkey_iys_recipient_type: Optional[str] = None,
        south_korea_reseller_code: Optional[int] = None,
        south_korea_title: Optional[str] = None,
    ) -> SendResponse: ...
    def preview(
        self, text: str, *, language_code: Optional[str] = None, transliteration: Optional[str] = None
    ) -> PreviewResponse: ...
    def delivery_reports(
        self,
        *,
        bulk_id: Optional[str] = None,
        message_id: Optional[str] = None,
        limit: Optional[int] = None,
        entity_id: Optional[str] = None,
        application_id: Optional[str] = None,
        campaign_reference_id: Optional[str] = None,
    ) -> DeliveryReports: ...
    def logs(
        self,
        *,
        bulk_id: Optional[_Strings] = None,
        message_id: Optional[_Strings] = None,
        sender: Optional[str] = None,
        destination: Optional[str] = None,
        mcc: Optional[str] = None,
        mnc: Optional[str] = None,
        general_status: Optional[str] = None,
        sent_since: Optional[datetime] = None,
        sent_until: Optional[datetime] = None,
        limit: Optional[int] = None,
        entity_id: Optional[str] = None,
        application_id: Optional[str] = None,
        campaign_reference_id: Optional[_Strings] = None,
        max_results: Optional[int] = None,
    ) -> SmsLogs: ...
    def inbound(self, *, limit: Optional[int] = None) -> InboundMessages: ...
    def bulk_schedule(self, bulk_id: str) -> BulkSchedule: ...
    def reschedule_bulk(self, bulk_id: str, send_at: datetime) -> BulkSchedule: ...
    def bulk_status(self, bulk_id: str) -> BulkStatusInfo: ...
    def pause_bulk(self, bulk_id: str) -> BulkStatusInfo: ...
    def resume_bulk(self, bulk_id: str) -> BulkStatusInfo: ...
    def cancel_bulk(self, bulk_id: str) -> BulkStatusInfo: ...

@disjoint_base
class AsyncSms(AsyncNamespace):
    """The hand-written SMS calls of an ``AsyncClient``."""

    def send(
        self,
        *,
        to: Optional[_Strings] = None,
        text: Optional[str] = None,
        sender: Optional[str] = None,
        messages: Optional[Sequence[Mapping[str, _Json]]] = None,
        options: Optional[Mapping[str, _Json]] = None,
    ) -> Coroutine[Any, Any, SendResponse]: ...
    def send_query(
        self,
        *,
        to: _Strings,
        text: str,
        bulk_id: Optional[str] = None,
        from_: Optional[str] = None,
        flash: Optional[bool] = None,
        transliteration: Optional[str] = None,
        language_code: Optional[str] = None,
        intermediate_report: Optional[bool] = None,
        notify_url: Optional[str] = None,
        notify_content_type: Optional[str] = None,
        callback_data: Optional[str] = None,
        validity_period: Optional[int] = None,
        send_at: Optional[datetime] = None,
        include_sms_count_in_response: Optional[bool] = None,
        tracking_url: Optional[str] = None,
        tracking_type: Optional[str] = None,
        india_dlt_content_template_id: Optional[str] = None,
        india_dlt_principal_entity_id: Optional[str] = None,
        india_dlt_telemarketer_id: Optional[str] = None,
        turkey_iys_brand_code: Optional[int] = None,
        turkey_iys_recipient_type: Optional[str] = None,
        south_korea_reseller_code: Optional[int] = None,
        south_korea_title: Optional[str] = None,
    ) -> Coroutine[Any, Any, SendResponse]: ...
    def preview(
        self, text: str, *, language_code: Optional[str] = None, transliteration: Optional[str] = None
    ) -> asyncio.Future[PreviewResponse]: ...
    def delivery_reports(
        self,
        *,
        bulk_id: Optional[str] = None,
        message_id: Optional[str] = None,
        limit: Optional[int] = None,
        entity_id: Optional[str] = None,
        application_id: Optional[str] = None,
        campaign_reference_id: Optional[str] = None,
    ) -> asyncio.Future[DeliveryReports]: ...
    def logs(
        self,
        *,
        bulk_id: Optional[_Strings] = None,
        message_id: Optional[_Strings] = None,
        sender: Optional[str] = None,
        destination: Optional[str] = None,
        mcc: Optional[str] = None,
        mnc: Optional[str] = None,
        general_status: Optional[str] = None,
        sent_since: Optional[datetime] = None,
        sent_until: Optional[datetime] = None,
        limit: Optional[int] = None,
        entity_id: Optional[str] = None,
        application_id: Optional[str] = None,
        campaign_reference_id: Optional[_Strings] = None,
        max_results: Optional[int] = None,
    ) -> SmsLogs: ...
    def inbound(self, *, limit: Optional[int] = None) -> asyncio.Future[InboundMessages]: ...
    def bulk_schedule(self, bulk_id: str) -> asyncio.Future[BulkSchedule]: ...
    def reschedule_bulk(self, bulk_id: str, send_at: datetime) -> asyncio.Future[BulkSchedule]: ...
    def bulk_status(self, bulk_id: str) -> asyncio.Future[BulkStatusInfo]: ...
    def pause_bulk(self, bulk_id: str) -> asyncio.Future[BulkStatusInfo]: ...
    def resume_bulk(self, bulk_id: str) -> asyncio.Future[BulkStatusInfo]: ...
    def cancel_bulk(self, bulk_id: str) -> asyncio.Future[BulkStatusInfo]: ...

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

@disjoint_base
class Tfa(Namespace):
    """The hand-written 2FA calls of a ``Client`` (``client.tfa`` adds every generated one)."""

    def applications(self) -> List[Application]: ...
    def application(self, app_id: str) -> Application: ...
    def create_application(self, *, name: str, enabled: Optional[bool] = None, configuration: Optional[Mapping[str, _Json]] = None) -> Application: ...
    def update_application(self, app_id: str, *, name: str, enabled: Optional[bool] = None, configuration: Optional[Mapping[str, _Json]] = None) -> Application: ...
    def templates(self, app_id: str) -> List[MessageTemplate]: ...
    def template(self, app_id: str, message_id: str) -> MessageTemplate: ...
    def create_template(self, app_id: str, *, pin_type: _PinType, message_text: str, pin_length: Optional[int] = None, language: Optional[str] = None, sender_id: Optional[str] = None, repeat_dtmf: Optional[str] = None, speech_rate: Optional[float] = None, voice_name: Optional[str] = None, regional: Optional[Mapping[str, _Json]] = None) -> MessageTemplate: ...
    def update_template(self, app_id: str, message_id: str, *, pin_type: Optional[_PinType] = None, message_text: Optional[str] = None, pin_length: Optional[int] = None, language: Optional[str] = None, sender_id: Optional[str] = None, repeat_dtmf: Optional[str] = None, speech_rate: Optional[float] = None, voice_name: Optional[str] = None, regional: Optional[Mapping[str, _Json]] = None) -> MessageTemplate: ...
    def send_pin(self, *, application_id: str, message_id: str, to: str, from_: Optional[str] = None, placeholders: Optional[Mapping[str, str]] = None, track_delivery: Optional[bool] = None, nc_needed: Optional[bool] = None) -> PinSent: ...
    def send_pin_voice(self, *, application_id: str, message_id: str, to: str, from_: Optional[str] = None, placeholders: Optional[Mapping[str, str]] = None) -> PinSent: ...
    def resend_pin(self, pin_id: str, *, placeholders: Optional[Mapping[str, str]] = None, track_delivery: Optional[bool] = None) -> PinSent: ...
    def resend_pin_voice(self, pin_id: str, *, placeholders: Optional[Mapping[str, str]] = None) -> PinSent: ...
    def create_email_template(self, app_id: str, *, email_template_id: int, pin_type: Optional[_PinType] = None, pin_length: Optional[int] = None, from_: Optional[str] = None, landing_page_id: Optional[str] = None) -> MessageTemplate: ...
    def update_email_template(self, app_id: str, message_id: str, *, email_template_id: Optional[int] = None, pin_type: Optional[_PinType] = None, pin_length: Optional[int] = None, from_: Optional[str] = None, landing_page_id: Optional[str] = None) -> MessageTemplate: ...
    def send_pin_email(self, *, application_id: str, message_id: str, to: str, from_: Optional[str] = None, placeholders: Optional[Mapping[str, str]] = None, landing_page_placeholders: Optional[Mapping[str, str]] = None) -> PinSent: ...
    def resend_pin_email(self, pin_id: str, *, placeholders: Optional[Mapping[str, str]] = None, landing_page_placeholders: Optional[Mapping[str, str]] = None) -> PinSent: ...
    def verify_pin(self, pin_id: str, *, pin: str) -> PinVerification: ...
    def verifications(self, app_id: str, *, msisdn: str, verified: Optional[bool] = None, sent: Optional[bool] = None) -> Verifications: ...

@disjoint_base
class AsyncTfa(AsyncNamespace):
    """The hand-written 2FA calls of an ``AsyncClient``."""

    def applications(self) -> asyncio.Future[List[Application]]: ...
    def application(self, app_id: str) -> asyncio.Future[Application]: ...
    def create_application(self, *, name: str, enabled: Optional[bool] = None, configuration: Optional[Mapping[str, _Json]] = None) -> asyncio.Future[Application]: ...
    def update_application(self, app_id: str, *, name: str, enabled: Optional[bool] = None, configuration: Optional[Mapping[str, _Json]] = None) -> asyncio.Future[Application]: ...
    def templates(self, app_id: str) -> asyncio.Future[List[MessageTemplate]]: ...
    def template(self, app_id: str, message_id: str) -> asyncio.Future[MessageTemplate]: ...
    def create_template(self, app_id: str, *, pin_type: _PinType, message_text: str, pin_length: Optional[int] = None, language: Optional[str] = None, sender_id: Optional[str] = None, repeat_dtmf: Optional[str] = None, speech_rate: Optional[float] = None, voice_name: Optional[str] = None, regional: Optional[Mapping[str, _Json]] = None) -> asyncio.Future[MessageTemplate]: ...
    def update_template(self, app_id: str, message_id: str, *, pin_type: Optional[_PinType] = None, message_text: Optional[str] = None, pin_length: Optional[int] = None, language: Optional[str] = None, sender_id: Optional[str] = None, repeat_dtmf: Optional[str] = None, speech_rate: Optional[float] = None, voice_name: Optional[str] = None, regional: Optional[Mapping[str, _Json]] = None) -> asyncio.Future[MessageTemplate]: ...
    def send_pin(self, *, application_id: str, message_id: str, to: str, from_: Optional[str] = None, placeholders: Optional[Mapping[str, str]] = None, track_delivery: Optional[bool] = None, nc_needed: Optional[bool] = None) -> asyncio.Future[PinSent]: ...
    def send_pin_voice(self, *, application_id: str, message_id: str, to: str, from_: Optional[str] = None, placeholders: Optional[Mapping[str, str]] = None) -> asyncio.Future[PinSent]: ...
    def resend_pin(self, pin_id: str, *, placeholders: Optional[Mapping[str, str]] = None, track_delivery: Optional[bool] = None) -> asyncio.Future[PinSent]: ...
    def resend_pin_voice(self, pin_id: str, *, placeholders: Optional[Mapping[str, str]] = None) -> asyncio.Future[PinSent]: ...
    def create_email_template(self, app_id: str, *, email_template_id: int, pin_type: Optional[_PinType] = None, pin_length: Optional[int] = None, from_: Optional[str] = None, landing_page_id: Optional[str] = None) -> asyncio.Future[MessageTemplate]: ...
    def update_email_template(self, app_id: str, message_id: str, *, email_template_id: Optional[int] = None, pin_type: Optional[_PinType] = None, pin_length: Optional[int] = None, from_: Optional[str] = None, landing_page_id: Optional[str] = None) -> asyncio.Future[MessageTemplate]: ...
    def send_pin_email(self, *, application_id: str, message_id: str, to: str, from_: Optional[str] = None, placeholders: Optional[Mapping[str, str]] = None, landing_page_placeholders: Optional[Mapping[str, str]] = None) -> asyncio.Future[PinSent]: ...
    def resend_pin_email(self, pin_id: str, *, placeholders: Optional[Mapping[str, str]] = None, landing_page_placeholders: Optional[Mapping[str, str]] = None) -> asyncio.Future[PinSent]: ...
    def verify_pin(self, pin_id: str, *, pin: str) -> asyncio.Future[PinVerification]: ...
    def verifications(self, app_id: str, *, msisdn: str, verified: Optional[bool] = None, sent: Optional[bool] = None) -> asyncio.Future[Verifications]: ...

@disjoint_base
class Client:
    """The native part of ``infobip.Client`` (which adds the namespaces)."""

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
        proxy: Optional[str] = None,
        no_proxy: Optional[str] = None,
        ca_cert: Optional[_Pem] = None,
        client_cert: Optional[_Pem] = None,
        client_key: Optional[_Pem] = None,
        max_response_bytes: Optional[int] = None,
        validate: Optional[bool] = None,
    ) -> Self: ...
    def with_options(
        self, *, timeout: Optional[float] = None, max_retries: Optional[int] = None, validate: Optional[bool] = None
    ) -> Self: ...
    def request(
        self,
        method: str,
        path: str,
        *,
        query: Optional[Mapping[str, _QueryValue]] = None,
        json: Optional[Any] = None,
    ) -> Response: ...
    def close(self) -> None: ...
    def call(
        self,
        operation_id: str,
        *,
        path: Optional[Mapping[str, _Json]] = None,
        query: Optional[Mapping[str, _Json]] = None,
        headers: Optional[Mapping[str, _Json]] = None,
        body: Optional[_Json] = None,
    ) -> Response: ...
    def __enter__(self) -> Self: ...
    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
        /,
    ) -> None: ...

@disjoint_base
class AsyncClient:
    """The native part of ``infobip.AsyncClient``."""

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
        proxy: Optional[str] = None,
        no_proxy: Optional[str] = None,
        ca_cert: Optional[_Pem] = None,
        client_cert: Optional[_Pem] = None,
        client_key: Optional[_Pem] = None,
        max_response_bytes: Optional[int] = None,
        validate: Optional[bool] = None,
    ) -> Self: ...
    def with_options(
        self, *, timeout: Optional[float] = None, max_retries: Optional[int] = None, validate: Optional[bool] = None
    ) -> Self: ...
    def request(
        self,
        method: str,
        path: str,
        *,
        query: Optional[Mapping[str, _QueryValue]] = None,
        json: Optional[Any] = None,
    ) -> Coroutine[Any, Any, Response]: ...
    def close(self) -> asyncio.Future[None]: ...
    def call(
        self,
        operation_id: str,
        *,
        path: Optional[Mapping[str, _Json]] = None,
        query: Optional[Mapping[str, _Json]] = None,
        headers: Optional[Mapping[str, _Json]] = None,
        body: Optional[_Json] = None,
    ) -> Coroutine[Any, Any, Response]: ...
    def __aenter__(self) -> asyncio.Future[Self]: ...
    def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
        /,
    ) -> asyncio.Future[None]: ...
