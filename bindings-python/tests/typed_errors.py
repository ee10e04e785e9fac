"""Calls that must NOT type-check: `check_typed_errors.py` (run by test.sh) runs mypy --strict
on this file and requires the error code marked at the end of each of these lines."""

from __future__ import annotations

import infobip
from infobip.types import email, number_lookup, whatsapp


def wrong(client: infobip.Client, aclient: infobip.AsyncClient) -> None:
    client.whatsapp.send_whatsapp_template_message(
        messages=[{"from": "4411", "to": "4412", "content": {"templat_name": "welcome"}}]  # E: typeddict-unknown-key
    )
    client.whatsapp.send_whatsapp_template_message(messages=[{"from": 441134960000}])  # E: typeddict-item
    client.email.send_email_messages_api(messages=[{"sender": "a@example.com"}])  # E: typeddict-item
    client.viber.send_viber_messages(messages=[], colour="red")  # E: call-arg
    client.rcs.send_rcs_messages()  # E: call-arg
    client.voice.send_single_voice_tts(from_="1", to=2)  # E: arg-type
    client.messages_api.send_messages_api_message(messages=[{"channel": "FAX"}])  # E: list-item
    client.number_lookup.number_context_lookup(to=41793026727)  # E: arg-type
    lookup: number_lookup.NcResponse = client.number_lookup.number_context_lookup(to=["1"])
    lookup.results[0].no_such_field  # E: attr-defined
    sent: email.EmailResponse = client.whatsapp.send_whatsapp_template_message(messages=[])  # E: assignment
    pending: whatsapp.BulkMessageInfo = aclient.whatsapp.send_whatsapp_template_message(messages=[])  # E: assignment
    for item in aclient.blocklist.get_all_blocklists():  # E: attr-defined
        print(item)
    client.sms.get_outbound_sms_message_logs(bulk_id=["b"])  # E: deprecated
