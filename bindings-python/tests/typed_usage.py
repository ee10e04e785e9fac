"""Every public call of the package, written as a user would; `mypy --strict` checks this file
(test.sh) and test_typed_usage.py runs it against the emulator."""

from __future__ import annotations

import asyncio
import os
import pathlib
import pickle
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Dict, List, Optional

import infobip
from infobip.types import email, messages_api, number_lookup, rcs, viber, voice, whatsapp
from infobip.types.whatsapp_params import FailoverMessageParam


def use_sync(base_url: str, api_key: str, pin_of: Callable[[str], str]) -> List[str]:
    seen: List[str] = [infobip.__version__]
    with infobip.Client(base_url, api_key=api_key, timeout=30.0, connect_timeout=5.0, max_retries=1,
                        user_agent_suffix="typed-usage/1") as client:
        response: infobip.Response = client.request("GET", "/account/1/balance")
        status: int = response.status_code
        headers: Dict[str, str] = response.headers
        content: bytes = response.content
        text: str = response.text
        request_id: Optional[str] = response.request_id
        attempts: int = response.attempts
        body: Any = response.json()
        seen += [str(status), str(len(headers)), str(len(content)), text[:1], str(request_id), str(attempts), str(body)]
        since = datetime.now(timezone.utc)
        logs = client.with_options(timeout=10.0, max_retries=0).request(
            "GET", "/sms/3/logs", query={"sentSince": since, "limit": 1, "bulkId": ["a", "b"], "generalStatus": None}
        )
        seen.append(str(logs.status_code))
        try:
            client.request("POST", "/sms/3/messages", json={"messages": [{"destinations": [], "content": {}}]})
        except infobip.BadRequestError as error:
            seen.append(error.code)
            violations: List[infobip.Violation] = error.violations
            seen += [v.property for v in violations]
            retry_after: Optional[float] = error.retry_after
            seen += [str(error.status_code), str(error.error_code), str(error.text), str(error.request_id),
                     str(retry_after), error.body[:1]]
        seen += use_sms_and_tfa(client, pin_of)
        client.close()
    # Network settings (a proxy that loopback bypasses; certificates as paths or PEM bytes).
    pem_path: "os.PathLike[str]" = pathlib.Path("ca.pem")
    for ca_cert in (None, pem_path):
        try:
            infobip.Client(base_url, api_key=api_key, proxy="http://user:pw@127.0.0.1:9", no_proxy="127.0.0.1",
                           ca_cert=ca_cert, client_cert=b"", client_key="key.pem").close()
        except infobip.ConfigurationError as error:
            seen.append(error.code)
    return seen


def use_sms_and_tfa(client: infobip.Client, pin_of: Callable[[str], str]) -> List[str]:
    sms: infobip.Sms = client.sms
    sent: infobip.SendResponse = sms.send(to="41793026727", text="Hello", sender="InfoSMS")
    queried: infobip.SendResponse = sms.send_query(to=["41793026727"], text="Hi", from_="InfoSMS", flash=False)
    assert queried.bulk_id
    message: infobip.SentMessage = sent.messages[0]
    status: Optional[infobip.Status] = message.status
    seen = [str(sent.bulk_id), str(message.message_id), str(status.group_name if status else None),
            str(sent.request_id), str(sent.to_dict())]
    when = datetime.now(timezone.utc) + timedelta(hours=1)
    sms.send(messages=[{"destinations": [{"to": "41793026727"}], "sender": "InfoSMS", "content": {"text": "Hi"}}],
             options={"schedule": {"send_at": when, "bulk_id": "typed-bulk"}})
    schedule: infobip.BulkSchedule = sms.bulk_schedule("typed-bulk")
    send_at: Optional[datetime] = schedule.send_at
    seen.append(str(send_at))
    sms.reschedule_bulk("typed-bulk", when + timedelta(hours=1))
    bulk: infobip.BulkStatusInfo = sms.bulk_status("typed-bulk")
    seen += [str(bulk.status), str(sms.pause_bulk("typed-bulk").status), str(sms.resume_bulk("typed-bulk").status),
             str(sms.cancel_bulk("typed-bulk").status)]
    for log in sms.logs(bulk_id=sent.bulk_id, limit=10, sent_since=when - timedelta(days=1)):
        one: infobip.SmsLog = log
        seen.append(str(one.sent_at))
    reports: infobip.DeliveryReports = sms.delivery_reports(bulk_id=sent.bulk_id, limit=100)
    seen += [str(r.done_at) for r in reports.results]
    preview: infobip.PreviewResponse = sms.preview("Hello", transliteration="NONE")
    inbound: infobip.InboundMessages = sms.inbound(limit=10)
    seen += [str(preview.previews[0].message_count), str([m.from_ for m in inbound.results])]
    tfa: infobip.Tfa = client.tfa
    app: infobip.Application = tfa.create_application(name="typed", configuration={"pin_attempts": 3})
    app_id = app.application_id or ""
    apps: List[infobip.Application] = tfa.applications()
    tfa.update_application(app_id, name="typed-2", enabled=True)
    seen += [str(len(apps)), str(tfa.application(app_id).name)]
    template: infobip.MessageTemplate = tfa.create_template(app_id, pin_type="NUMERIC",
                                                            message_text="Code {{pin}}", pin_length=4)
    message_id = template.message_id or ""
    templates: List[infobip.MessageTemplate] = tfa.templates(app_id)
    tfa.update_template(app_id, message_id, message_text="PIN {{pin}}")
    seen += [str(len(templates)), str(tfa.template(app_id, message_id).message_text)]
    pin: infobip.PinSent = tfa.send_pin(application_id=app_id, message_id=message_id, to="41793026727",
                                        placeholders={"name": "Ann"})
    pin_id = pin.pin_id or ""
    tfa.resend_pin(pin_id)
    checked: infobip.PinVerification = tfa.verify_pin(pin_id, pin=pin_of(pin_id))
    voice = tfa.send_pin_voice(application_id=app_id, message_id=message_id, to="41793026727")
    tfa.resend_pin_voice(voice.pin_id or "")
    found: infobip.Verifications = tfa.verifications(app_id, msisdn="41793026727", verified=True)
    email: infobip.MessageTemplate = tfa.create_email_template(app_id, email_template_id=1, pin_length=6)
    tfa.update_email_template(app_id, email.message_id or "", from_="codes@example.com")
    mailed: infobip.PinSent = tfa.send_pin_email(application_id=app_id, message_id=email.message_id or "",
                                                 to="ann@example.com", placeholders={"name": "Ann"})
    tfa.resend_pin_email(mailed.pin_id or "")
    seen += [str(checked.verified), str(len(found.verifications))]
    return seen


async def use_async(base_url: str, api_key: str) -> List[str]:
    seen: List[str] = []
    async with infobip.AsyncClient(base_url, api_key=api_key) as client:
        response = await client.request("GET", "/account/1/balance")
        seen.append(str(response.status_code))
        both = await asyncio.gather(client.request("GET", "/account/1/balance"),
                                    client.with_options(timeout=5.0).request("GET", "/account/1/balance"))
        seen += [str(r.status_code) for r in both]
        sent = await client.sms.send(to="41793026727", text="async")
        await client.sms.send_query(to="41793026727", text="async query")
        seen.append(str(sent.bulk_id is not None))
        async for log in client.sms.logs(bulk_id=sent.bulk_id):
            seen.append(str(log.message_id == sent.messages[0].message_id))
        app = await client.tfa.create_application(name="async-typed")
        seen.append(str(app.enabled))
        await client.close()
    return seen


def use_products(base_url: str, api_key: str) -> List[str]:
    """The generated namespaces, with the types a user would write down."""
    seen: List[str] = []
    with infobip.Client(base_url, api_key=api_key) as client:
        template: FailoverMessageParam = {
            "from": "441134960000", "to": "441134960001",
            "content": {"template_name": "welcome", "template_data": {"body": {"placeholders": ["Ann"]}},
                        "language": "en_GB"},
        }
        sent: whatsapp.BulkMessageInfo = client.whatsapp.send_whatsapp_template_message(messages=[template])
        first: whatsapp.SingleMessageInfo = sent.messages[0]
        raw: Optional[infobip.Response] = sent.raw_response
        seen += [str(first.to), str(raw.status_code if raw else None)]
        mail: email.EmailResponse = client.email.send_email_messages_api(
            messages=[{"sender": "shop@example.com", "destinations": [{"to": [{"destination": "ann@example.com"}]}],
                       "content": {"subject": "Your order", "text": "Thank you"}}],
            options={"tracking": {"track_clicks": True}},
        )
        seen.append(str(mail.bulk_id))
        viber_sent: viber.ResponseEnvelopeMessageResponseMessageResponseDetails = client.viber.send_viber_messages(
            messages=[{"sender": "DemoCompany", "destinations": [{"to": "41793026727"}],
                       "content": {"text": "Hi", "type": "TEXT"}}],
            timeout=10.0,
        )
        rcs_sent: rcs.ResponseEnvelopeMessageResponseMessageResponseDetails = client.rcs.send_rcs_messages(
            messages=[{"sender": "DemoSender", "destinations": [{"to": "41793026727"}],
                       "content": {"text": "Hi", "type": "TEXT"}}],
        )
        call: voice.StandardVoiceResponse = client.voice.send_single_voice_tts(
            from_="41793026834", to="41793026727", text="Hello", language="en", max_retries=0
        )
        api_sent = client.messages_api.send_messages_api_message(
            messages=[{"channel": "SMS", "sender": "447491163862", "destinations": [{"to": "447491163530"}],
                       "content": {"body": {"text": "Hello", "type": "TEXT"}}}],
            validate=True,
        )
        status: Optional[messages_api.MessageStatus] = api_sent.messages[0].status
        found: number_lookup.NcResponse = client.number_lookup.number_context_lookup(to=["41793026727"])
        network: Optional[number_lookup.Network] = found.results[0].original_network
        seen += [str(viber_sent.bulk_id), str(rcs_sent.bulk_id), str(call.bulk_id),
                 str(status.name if status else None), str(network.network_name if network else None)]
        for entry in client.blocklist.get_all_blocklists(size=1):
            blocked: Optional[datetime] = entry.created_date
            seen.append(str(blocked))
        client.live_chat.invalidate_customer_session(widget_id="w-1", session_id="s-1")
    return seen


async def use_products_async(base_url: str, api_key: str) -> List[str]:
    async with infobip.AsyncClient(base_url, api_key=api_key, validate=True) as client:
        sent: whatsapp.BulkMessageInfo = await client.whatsapp.send_whatsapp_template_message(
            messages=[{"from": "441134960000", "to": "441134960001",
                       "content": {"template_name": "welcome", "template_data": {"body": {"placeholders": []}},
                                   "language": "en_GB"}}])
        names = [str(entry.channel) async for entry in client.blocklist.get_all_blocklists(size=1)]
        return [str(sent.bulk_id), *names]


def use_errors() -> List[str]:
    seen: List[str] = []
    errors: List[infobip.InfobipError] = [
        infobip.ConfigurationError("c"),
        infobip.ValidationError("v", violations=[("to", "empty")]),
        infobip.WebhookVerificationError("w"),
        infobip.APIConnectionError("a", attempts=2),
        infobip.APITimeoutError("t"),
        infobip.OutcomeUnknownError("o", bulk_id="b", message_ids=["m"]),
        infobip.DecodeError("d", offset=3),
        infobip.APIStatusError("s", status_code=418),
        infobip.BadRequestError("s", status_code=400),
        infobip.AuthenticationError("s", status_code=401),
        infobip.PermissionDeniedError("s", status_code=403),
        infobip.NotFoundError("s", status_code=404),
        infobip.ConflictError("s", status_code=409),
        infobip.RateLimitError("s", status_code=429, retry_after=1.5),
        infobip.InternalServerError("s", status_code=500),
    ]
    for error in errors:
        copy: infobip.InfobipError = pickle.loads(pickle.dumps(error))
        seen.append(copy.code)
        if isinstance(copy, infobip.OutcomeUnknownError):
            bulk: Optional[str] = copy.bulk_id
            ids: List[str] = copy.message_ids
            seen += [str(bulk), *ids]
        if isinstance(copy, infobip.APIStatusError):
            resources: List[infobip.ErrorResource] = copy.resources
            seen += [str(copy.status_code), str(len(resources))]
    return seen
