"""The typed SMS and 2FA calls against the emulator, blocking and async."""

from __future__ import annotations

import asyncio
import traceback
import json
import time
from datetime import datetime, timedelta, timezone
from typing import Any, List

import pytest

import infobip
from conftest import Emulator

TO = "41793026727"


def _later(hours: int = 2) -> datetime:
    return (datetime.now(timezone.utc) + timedelta(hours=hours)).replace(microsecond=0)


def _no_extra(model: Any) -> None:
    """The result classes know every field the core gives them."""
    assert isinstance(model, infobip.Model)
    assert model._extra == {}, (type(model).__name__, model._extra)
    for name in type(model)._fields():
        value = getattr(model, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, infobip.Model):
                _no_extra(item)


def test_send_one_line_form(emu: Emulator, client: infobip.Client) -> None:
    sent = client.sms.send(to=TO, text="Hello", sender="InfoSMS")
    assert isinstance(sent, infobip.SendResponse)
    assert sent.bulk_id and sent.request_id
    message = sent.messages[0]
    assert message.destination == TO and message.message_id
    assert message.status is not None and message.status.group_name == "PENDING"
    _no_extra(sent)
    body = emu.requests("/sms/3/messages")[0]["body"]
    assert '"sender":"InfoSMS"' in body and '"text":"Hello"' in body and sent.bulk_id in body
    assert sent.to_dict()["messages"][0]["status"]["group_name"] == "PENDING"
    assert "SendResponse(bulk_id=" in repr(sent) and "group_name='PENDING'" in repr(sent)
    several = client.sms.send(to=[TO, "41793026728"], text="Hi")
    assert [m.destination for m in several.messages] == [TO, "41793026728"]


def test_send_query_puts_every_field_in_the_query(emu: Emulator, client: infobip.Client) -> None:
    when = _later()
    sent = client.sms.send_query(to=[TO, "41793026728"], text="Hi there", from_="InfoSMS", send_at=when,
                                 notify_url="https://example.com/dlr", flash=False)
    assert sent.bulk_id and [m.destination for m in sent.messages] == [TO, "41793026728"]
    query = emu.requests("/sms/3/text/query")[0]["query"]
    for part in ("from=InfoSMS", "flash=false", "text=Hi", "bulkId=" + sent.bulk_id, "notifyUrl=https"):
        assert part in query, query
    assert query.count("to=") == 2
    with pytest.raises(infobip.ValidationError, match="bulk_idd"):
        client.sms.send_query(to=TO, text="x", bulk_idd="typo")
    with pytest.raises(TypeError, match="text"):
        client.sms.send_query(to=TO)  # type: ignore[call-arg]
    assert len(emu.requests("/sms/3/text/query")) == 1


def test_send_messages_and_options_schedule_a_bulk(emu: Emulator, client: infobip.Client) -> None:
    when = _later()
    sent = client.sms.send(
        messages=[{"destinations": [{"to": TO, "message_id": "my-message-1"}], "sender": "InfoSMS",
                   "content": {"text": "Later"}}],
        options={"schedule": {"send_at": when, "bulk_id": "my-bulk-1"}},
    )
    assert sent.bulk_id == "my-bulk-1" and sent.messages[0].message_id == "my-message-1"
    body = emu.requests("/sms/3/messages")[0]["body"]
    assert '"sendAt":"' + when.strftime("%Y-%m-%dT%H:%M:%S.000+0000") + '"' in body, body
    schedule = client.sms.bulk_schedule("my-bulk-1")
    assert schedule.bulk_id == "my-bulk-1" and schedule.send_at == when
    assert schedule.send_at is not None and schedule.send_at.tzinfo is not None
    later = when + timedelta(hours=1)
    assert client.sms.reschedule_bulk("my-bulk-1", later).send_at == later
    assert client.sms.bulk_status("my-bulk-1").status == "PENDING"
    assert client.sms.pause_bulk("my-bulk-1").status == "PAUSED"
    assert client.sms.resume_bulk("my-bulk-1").status == "PENDING"
    assert client.sms.cancel_bulk("my-bulk-1").status == "CANCELED"


def test_logs_iterate_every_page(emu: Emulator, client: infobip.Client) -> None:
    sent = client.sms.send(messages=[{"destinations": [{"to": f"4179302670{i}"} for i in range(5)],
                                      "content": {"text": "paged"}}])
    logs: List[infobip.SmsLog] = list(client.sms.logs(bulk_id=sent.bulk_id, limit=2))
    assert sorted(log.destination or "" for log in logs) == [f"4179302670{i}" for i in range(5)]
    assert all(log.bulk_id == sent.bulk_id and isinstance(log.sent_at, datetime) for log in logs)
    for log in logs:
        _no_extra(log)
    assert len(emu.requests("/sms/3/logs")) >= 3  # pages of 2 by cursor
    assert len(list(client.sms.logs(bulk_id=sent.bulk_id, limit=2, max_results=3))) == 3
    assert list(client.sms.logs(bulk_id="no-such-bulk")) == []


def test_delivery_reports_preview_and_inbound(emu: Emulator, client: infobip.Client) -> None:
    sent = client.sms.send(to=TO, text="report me")
    emu.admin("POST", "/reports/flush", {})
    reports = client.sms.delivery_reports(bulk_id=sent.bulk_id, limit=100)
    assert [r.message_id for r in reports.results] == [sent.messages[0].message_id]
    report = reports.results[0]
    assert report.status is not None and report.status.group_name in ("DELIVERED", "UNDELIVERABLE", "EXPIRED",
                                                                       "REJECTED")
    assert isinstance(report.done_at, datetime) and report.done_at.tzinfo is not None
    _no_extra(reports)
    preview = client.sms.preview("Hello there", transliteration="NONE")
    assert preview.original_text == "Hello there" and preview.previews[0].message_count == 1
    _no_extra(preview)
    emu.admin("POST", "/inbound", {"from": "385911234567", "to": "447860099299", "text": "KEY hello"})
    inbound = client.sms.inbound(limit=10)
    assert [m.from_ for m in inbound.results] == ["385911234567"]
    assert inbound.results[0].to_dict()["from"] == "385911234567"
    assert isinstance(inbound.results[0].received_at, datetime)
    _no_extra(inbound)


def test_send_outcome_unknown_names_the_ids_it_sent(emu: Emulator) -> None:
    emu.fault(path="/sms/3/messages", kind="delay", delayMs=700)
    with infobip.Client(emu.url, api_key=emu.api_key, timeout=0.2, max_retries=2) as c:
        with pytest.raises(infobip.OutcomeUnknownError) as raised:
            c.sms.send(to=TO, text="in doubt")
        error = raised.value
        assert error.bulk_id and len(error.message_ids) == 1
        recorded = emu.requests("/sms/3/messages")
        assert len(recorded) == 1  # not repeated
        body = json.loads(recorded[0]["body"])
        assert body["messages"][0]["destinations"][0]["messageId"] == error.message_ids[0]
        # How a caller looks it up: the emulator acted on the send, so its logs (by bulk id) show
        # the message id (polled with a deadline, not a fixed sleep).
        deadline = time.monotonic() + 10
        found: List[str] = []
        while not found and time.monotonic() < deadline:
            found = [log.message_id or "" for log in c.sms.logs(bulk_id=error.bulk_id)]
            time.sleep(0.02)
        assert found == error.message_ids


def test_tfa_flow(emu: Emulator, client: infobip.Client) -> None:
    app = client.tfa.create_application(name="login", configuration={"pin_attempts": 5})
    assert app.application_id and app.configuration is not None and app.configuration.pin_attempts == 5
    assert client.tfa.application(app.application_id).name == "login"
    assert app.application_id in [a.application_id for a in client.tfa.applications()]
    updated = client.tfa.update_application(app.application_id, name="login-2", enabled=True)
    assert updated.name == "login-2"
    template = client.tfa.create_template(app.application_id, pin_type="NUMERIC",
                                          message_text="Your code is {{pin}}", pin_length=4)
    assert template.message_id and template.pin_length == 4
    assert [t.message_id for t in client.tfa.templates(app.application_id)] == [template.message_id]
    assert client.tfa.template(app.application_id, template.message_id).message_text == "Your code is {{pin}}"
    changed = client.tfa.update_template(app.application_id, template.message_id, pin_type="NUMERIC",
                                         message_text="Code: {{pin}}", pin_length=4)
    assert changed.message_text == "Code: {{pin}}"
    sent = client.tfa.send_pin(application_id=app.application_id, message_id=template.message_id, to=TO,
                               placeholders={"firstName": "Ann"})
    assert sent.pin_id and sent.to == TO
    assert '"placeholders":{"firstName":"Ann"}' in emu.requests("/2fa/2/pin")[0]["body"]
    assert client.tfa.resend_pin(sent.pin_id).pin_id == sent.pin_id
    wrong = client.tfa.verify_pin(sent.pin_id, pin="0000" if "0000" != _pin(emu, sent.pin_id) else "1111")
    assert wrong.verified is False and wrong.pin_error
    right = client.tfa.verify_pin(sent.pin_id, pin=_pin(emu, sent.pin_id))
    assert right.verified is True
    voice = client.tfa.send_pin_voice(application_id=app.application_id, message_id=template.message_id, to=TO)
    assert voice.pin_id
    assert client.tfa.resend_pin_voice(voice.pin_id).pin_id == voice.pin_id
    found = client.tfa.verifications(app.application_id, msisdn=TO, verified=True)
    assert found.verifications and all(v.verified for v in found.verifications)
    email = client.tfa.create_email_template(app.application_id, email_template_id=42, pin_type="NUMERIC",
                                             pin_length=6, from_="codes@example.com")
    assert email.message_id and email.pin_length == 6
    assert '"emailTemplateId":42' in emu.requests("/2fa/2/applications/" + app.application_id + "/email/messages")[0]["body"]
    assert client.tfa.update_email_template(app.application_id, email.message_id, pin_length=5).pin_length == 5
    mailed = client.tfa.send_pin_email(application_id=app.application_id, message_id=email.message_id,
                                       to="ann@example.com", landing_page_placeholders={"name": "Ann"})
    assert mailed.pin_id and mailed.to == "ann@example.com"
    assert '"landingPagePlaceholders":{"name":"Ann"}' in emu.requests("/2fa/2/pin/email")[0]["body"]
    assert client.tfa.resend_pin_email(mailed.pin_id).pin_id == mailed.pin_id
    assert client.tfa.verify_pin(mailed.pin_id, pin=_pin(emu, mailed.pin_id)).verified is True
    for model in (app, template, sent, right, found):
        _no_extra(model)


def _pin(emu: Emulator, pin_id: str) -> str:
    return str(emu.admin("GET", f"/2fa/pins/{pin_id}")["pin"])


def test_every_async_call(emu: Emulator) -> None:
    async def main() -> None:
        async with infobip.AsyncClient(emu.url, api_key=emu.api_key) as client:
            sent = await client.sms.send(to=TO, text="async", sender="InfoSMS")
            assert sent.messages[0].status is not None
            when = _later()
            await client.sms.send(to=TO, text="later", options={"schedule": {"send_at": when, "bulk_id": "ab-1"}})
            assert (await client.sms.bulk_schedule("ab-1")).send_at == when
            assert (await client.sms.reschedule_bulk("ab-1", when + timedelta(hours=1))).bulk_id == "ab-1"
            assert (await client.sms.bulk_status("ab-1")).status == "PENDING"
            assert (await client.sms.pause_bulk("ab-1")).status == "PAUSED"
            assert (await client.sms.resume_bulk("ab-1")).status == "PENDING"
            assert (await client.sms.cancel_bulk("ab-1")).status == "CANCELED"
            logs = [log async for log in client.sms.logs(bulk_id=sent.bulk_id, limit=1)]
            assert [log.message_id for log in logs] == [sent.messages[0].message_id]
            emu.admin("POST", "/reports/flush", {})
            reports = await client.sms.delivery_reports(bulk_id=sent.bulk_id)
            assert len(reports.results) == 1
            assert (await client.sms.preview("Hi")).previews
            assert (await client.sms.inbound()).results == []
            app = await client.tfa.create_application(name="async-app")
            assert app.application_id
            assert (await client.tfa.application(app.application_id)).name == "async-app"
            assert await client.tfa.applications()
            assert (await client.tfa.update_application(app.application_id, name="renamed")).name == "renamed"
            template = await client.tfa.create_template(app.application_id, pin_type="NUMERIC",
                                                        message_text="{{pin}}", pin_length=4)
            assert template.message_id
            assert await client.tfa.templates(app.application_id)
            assert (await client.tfa.template(app.application_id, template.message_id)).pin_length == 4
            assert (await client.tfa.update_template(app.application_id, template.message_id, pin_type="NUMERIC",
                                                     message_text="PIN {{pin}}")).message_text == "PIN {{pin}}"
            pin = await client.tfa.send_pin(application_id=app.application_id, message_id=template.message_id,
                                            to=TO)
            assert pin.pin_id
            assert (await client.tfa.resend_pin(pin.pin_id)).pin_id == pin.pin_id
            assert (await client.tfa.verify_pin(pin.pin_id, pin=_pin(emu, pin.pin_id))).verified is True
            voice = await client.tfa.send_pin_voice(application_id=app.application_id,
                                                    message_id=template.message_id, to=TO)
            assert voice.pin_id and (await client.tfa.resend_pin_voice(voice.pin_id)).pin_id
            assert (await client.tfa.verifications(app.application_id, msisdn=TO)).verifications
            email = await client.tfa.create_email_template(app.application_id, email_template_id=7)
            assert email.message_id
            assert (await client.tfa.update_email_template(app.application_id, email.message_id,
                                                           pin_length=8)).pin_length == 8
            mailed = await client.tfa.send_pin_email(application_id=app.application_id,
                                                     message_id=email.message_id, to="bo@example.com")
            assert mailed.pin_id and (await client.tfa.resend_pin_email(mailed.pin_id)).pin_id == mailed.pin_id

    asyncio.run(main())


@pytest.mark.parametrize(
    "call, error, field",
    [
        (lambda c: c.sms.send(to=TO, text="x", options={"schedule": {"send_at": datetime(2030, 1, 1)}}),
         infobip.ValidationError, "options.schedule.send_at"),
        (lambda c: c.sms.send(messages=[{"destinations": [{"to": TO}], "sendr": "x", "content": {"text": "x"}}]),
         infobip.ValidationError, "messages[0].sendr"),
        (lambda c: c.sms.send(to=TO, text="x", sendr="x"), TypeError, "sendr"),
        (lambda c: c.sms.preview(5), TypeError, "'text'"),
        (lambda c: c.sms.send(to=TO), infobip.ValidationError, "to"),
        (lambda c: c.sms.send(to=5, text="x"), infobip.ValidationError, "to"),
        (lambda c: c.sms.send(to=TO, text="x", messages=[]), infobip.ValidationError, "messages"),
        (lambda c: c.sms.send(to="", text="x"), infobip.ValidationError, "to"),
        (lambda c: list(c.sms.logs(sent_since=datetime(2030, 1, 1))), infobip.ValidationError, "sent_since"),
        (lambda c: c.sms.reschedule_bulk("b", datetime(2030, 1, 1)), infobip.ValidationError, "send_at"),
        (lambda c: c.tfa.send_pin(application_id="a", message_id="m", to=TO, colour="red"), infobip.ValidationError,
         "colour"),
        (lambda c: c.tfa.create_template("app", pin_type="NUMERIC", message_text="no placeholder"),
         infobip.ValidationError, "messageText"),
        (lambda c: c.tfa.verify_pin("p", pin=""), infobip.ValidationError, "pin"),
        (lambda c: c.tfa.create_email_template("app", pin_length=4), infobip.ValidationError, "emailTemplateId"),
        (lambda c: c.tfa.send_pin_email(application_id="a", message_id="m", to=""), infobip.ValidationError, "to"),
    ],
)
def test_bad_input_is_refused_before_sending(emu: Emulator, client: infobip.Client, call: Any, error: Any,
                                             field: str) -> None:
    with pytest.raises(error) as raised:
        call(client)
    # What the user sees printed (message and notes: pyo3 names a mistyped argument in a note).
    assert field in "".join(traceback.format_exception_only(raised.value))
    assert emu.requests() == []


def test_results_compare_and_pickle(client: infobip.Client) -> None:
    import pickle

    sent = client.sms.send(to=TO, text="x")
    copy = pickle.loads(pickle.dumps(sent))
    assert copy == sent and copy is not sent
    assert infobip.Status(group_name="PENDING", id=26) == infobip.Status(id=26, group_name="PENDING")
    with pytest.raises(TypeError, match="colour"):
        infobip.Status(colour="red")


def test_with_options_applies_to_typed_calls(emu: Emulator) -> None:
    with infobip.Client(emu.url, api_key=emu.api_key, max_retries=2) as c:
        emu.fault(path="/sms/1/bulks/status", status=503, count=1)
        with pytest.raises(infobip.InternalServerError) as raised:
            c.with_options(max_retries=0).sms.bulk_status("b-1")
        assert raised.value.attempts == 1
        emu.fault(path="/sms/1/bulks/status", kind="delay", delayMs=1500)
        with pytest.raises(infobip.APITimeoutError):
            c.with_options(timeout=0.2, max_retries=0).sms.bulk_status("b-1")


def test_call_any_operation_and_catalog(emu: Emulator, client: infobip.Client) -> None:
    operations = infobip.operations()
    assert len(operations) > 100
    ids = {op["id"] for op in operations}
    assert {"get-account-balance", "send-sms-messages"} <= ids
    balance = client.call("get-account-balance")
    assert balance.status_code == 200 and "balance" in balance.json()
    sent = client.call("send-sms-messages", body={"messages": [{"destinations": [{"to": TO}],
                                                                "content": {"text": "via call"}}]})
    assert sent.json()["messages"][0]["destination"] == TO
    scopes = infobip.required_scopes("send-sms-messages")
    assert scopes and all(isinstance(s, str) for s in scopes)
    assert infobip.required_scopes("no-such-operation") is None
    with pytest.raises(infobip.ValidationError) as raised:
        client.call("get-acount-balance")
    assert "get-account-balance" in str(raised.value)  # a suggestion
    emu.reset()
    with pytest.raises(infobip.InfobipError):
        client.call("send-sms-messages", body={"messages": "not a list"})
    assert emu.requests() == []

    async def main() -> int:
        async with infobip.AsyncClient(emu.url, api_key=emu.api_key) as c:
            return (await c.call("get-account-balance")).status_code

    assert asyncio.run(main()) == 200
