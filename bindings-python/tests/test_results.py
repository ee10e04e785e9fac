"""Result objects built in Rust by the classes' field plans: date-time forms, open enums,
unknown fields, polymorphic and union values, defaults, and what a result offers (attributes,
``to_dict()``, ``repr``, equality). No network: ``infobip.webhooks.parse`` builds any class."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

import infobip
from infobip.types import messages_api, sms

UTC = timezone.utc


def _report(**fields: Any) -> bytes:
    report = {"bulkId": "b-1", "messageId": "m-1", "to": "41793026727",
              "status": {"groupId": 3, "groupName": "DELIVERED", "id": 5, "name": "DELIVERED_TO_HANDSET"}}
    report.update(fields)
    return json.dumps({"results": [report]}).encode()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2026-01-02T10:00:00.000+0000", datetime(2026, 1, 2, 10, 0, tzinfo=UTC)),
        ("2026-01-02T10:00:00.123+0000", datetime(2026, 1, 2, 10, 0, 0, 123000, tzinfo=UTC)),
        ("2026-01-02T10:00:00+00:00", datetime(2026, 1, 2, 10, 0, tzinfo=UTC)),
        ("2026-01-02T10:00:00Z", datetime(2026, 1, 2, 10, 0, tzinfo=UTC)),
        ("2026-01-02T10:00:00.5Z", datetime(2026, 1, 2, 10, 0, 0, 500000, tzinfo=UTC)),
        ("2026-01-02T12:00:00.000+0200", datetime(2026, 1, 2, 12, 0, tzinfo=timezone(timedelta(hours=2)))),
        ("2026-01-02T05:30:00.000-0430", datetime(2026, 1, 2, 5, 30, tzinfo=timezone(timedelta(hours=-4, minutes=-30)))),
        (1767348000000, datetime(2026, 1, 2, 10, 0, tzinfo=UTC)),
    ],
)
def test_every_date_time_form_reads_as_an_aware_datetime(text: Any, expected: datetime) -> None:
    generated = infobip.webhooks.parse(_report(sentAt=text, doneAt=text), into=sms.DeliveryReports)
    report = generated.results[0]
    assert isinstance(report.sent_at, datetime) and report.sent_at.tzinfo is not None
    assert report.sent_at == expected and report.done_at == expected
    assert report.sent_at.utcoffset() == expected.utcoffset()
    if isinstance(text, str):  # the hand-written parser reads the same forms (epoch millis aside)
        pushed = infobip.webhooks.parse_delivery_reports(_report(sentAt=text))
        assert pushed[0].sent_at == expected and pushed[0].sent_at.tzinfo is not None


def test_a_date_time_that_does_not_parse_is_kept_as_text() -> None:
    report = infobip.webhooks.parse(_report(sentAt="next Tuesday"), into=sms.DeliveryReports).results[0]
    assert report.sent_at == "next Tuesday"
    assert report.status is not None and report.status.group_name == "DELIVERED"


def test_open_enums_keep_values_the_spec_does_not_list() -> None:
    body = _report(status={"groupId": 99, "groupName": "SOMETHING_NEW", "id": 999, "name": "NEW_STATE"},
                   error={"groupName": "BRAND_NEW_GROUP", "permanent": True})
    report = infobip.webhooks.parse(body, into=sms.DeliveryReports).results[0]
    assert report.status.group_name == "SOMETHING_NEW" and report.status.name == "NEW_STATE"
    assert report.error.group_name == "BRAND_NEW_GROUP" and report.error.permanent is True
    pushed = infobip.webhooks.parse_delivery_reports(body)[0]  # the hand-written path, same classes
    assert isinstance(pushed, sms.DeliveryReport) and pushed.status.group_name == "SOMETHING_NEW"


def test_unknown_fields_wrong_types_and_nulls_never_fail() -> None:
    body = _report(brandNewField={"nested": [1, 2]}, messageCount="three", price=None, platform=[1], sentAt=None)
    report = infobip.webhooks.parse(body, into=sms.DeliveryReports).results[0]
    assert report._extra == {"brandNewField": {"nested": [1, 2]}}
    assert report.to_dict()["brandNewField"] == {"nested": [1, 2]}
    assert report.message_count == "three" and report.platform == [1]
    assert report.price is None and report.sent_at is None and "price" not in report.to_dict()
    assert infobip.webhooks.parse(b"{}", into=sms.DeliveryReports).results == []  # a list never read is empty


def test_polymorphic_values_read_as_the_class_their_tag_maps_to() -> None:
    body = {"results": [
        {"event": "MO", "channel": "WHATSAPP", "sender": "441134960000", "receivedAt": "2026-01-02T10:00:00.000+0000",
         "content": [{"type": "TEXT", "text": "Hi", "cleanText": "Hi"}, {"type": "HOLOGRAM", "beam": 1}]},
        {"event": "TYPING_STARTED", "channel": "WHATSAPP"},
        {"event": "TELEPATHY", "channel": "FUTURE"},
    ]}
    incoming = infobip.webhooks.parse(json.dumps(body).encode(), into=messages_api.MessagesApiIncomingMessage)
    mo, typing, unknown = incoming.results
    assert type(mo) is messages_api.MessagesApiMoEvent and isinstance(mo, messages_api.MessagesApiInboundEvent)
    assert mo.received_at == datetime(2026, 1, 2, 10, 0, tzinfo=UTC)
    text, hologram = mo.content
    assert type(text) is messages_api.MessagesApiMoEventTextContent and text.clean_text == "Hi"
    assert type(hologram) is messages_api.MessagesApiMoEventContent and hologram._extra == {"beam": 1}
    assert type(typing) is messages_api.MessagesApiInboundTypingStartedEvent
    assert type(unknown) is messages_api.MessagesApiInboundEvent and unknown.event == "TELEPATHY"
    assert unknown._extra == {"channel": "FUTURE"}


def test_unions_read_as_the_first_variant_whose_required_fields_are_present() -> None:
    page = {"results": [{"messageId": "a", "content": {"text": "Hello"}},
                        {"messageId": "b", "content": {"hex": "48656c6c6f", "dataCoding": 0}},
                        {"messageId": "c", "content": {"neither": True}}]}
    logs = infobip.webhooks.parse(json.dumps(page).encode(), into=sms.LogResponseSmsLogSmsMessageContent)
    text, binary, other = (log.content for log in logs.results)
    assert isinstance(text, sms.SmsTextMessageContent) and text.text == "Hello"
    assert isinstance(binary, sms.SmsBinaryMessageContent) and binary.hex == "48656c6c6f" and binary.data_coding == 0
    assert other == {"neither": True}


def test_results_compare_print_and_convert() -> None:
    one = infobip.webhooks.parse(_report(sentAt="2026-01-02T10:00:00Z"), into=sms.DeliveryReports).results[0]
    two = infobip.webhooks.parse(_report(sentAt="2026-01-02T10:00:00.000+0000"), into=sms.DeliveryReports).results[0]
    assert one == two and one is not two
    assert one != infobip.webhooks.parse(_report(to="other"), into=sms.DeliveryReports).results[0]
    assert repr(one) == (  # fields in the spec's order
        "DeliveryReport(bulk_id='b-1', status=MessageStatus(group_id=3, group_name='DELIVERED', id=5, "
        "name='DELIVERED_TO_HANDSET'), message_id='m-1', to='41793026727', "
        "sent_at=datetime.datetime(2026, 1, 2, 10, 0, tzinfo=datetime.timezone.utc))"
    )
    assert one.to_dict() == {
        "bulk_id": "b-1", "message_id": "m-1", "to": "41793026727",
        "sent_at": datetime(2026, 1, 2, 10, 0, tzinfo=UTC),
        "status": {"group_id": 3, "group_name": "DELIVERED", "id": 5, "name": "DELIVERED_TO_HANDSET"},
    }
    assert one.raw_response is None  # read from a push, not an HTTP answer
    made = sms.MessageStatus(group_name="PENDING", id=7)
    assert made.group_name == "PENDING" and made.description is None and made.to_dict() == {"group_name": "PENDING", "id": 7}
    with pytest.raises(TypeError, match="colour"):
        sms.MessageStatus(colour="red")
    with pytest.raises(AttributeError):
        getattr(made, "no_such_field")


def test_malformed_and_hostile_bodies_are_decode_errors() -> None:
    with pytest.raises(infobip.DecodeError) as raised:
        infobip.webhooks.parse(b'{"results": [{"bulkId": }]}', into=sms.DeliveryReports)
    assert raised.value.offset is not None
    deep = b"[" * 100_000 + b"]" * 100_000
    with pytest.raises(infobip.DecodeError):
        infobip.webhooks.parse(b'{"results": ' + deep + b"}", into=sms.DeliveryReports)
    with pytest.raises(infobip.DecodeError):
        infobip.webhooks.parse(b'{"results": []} trailing', into=sms.DeliveryReports)
    with pytest.raises(TypeError):
        infobip.webhooks.parse(b"{}", into=dict)  # type: ignore[type-var]
