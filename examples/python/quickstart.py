"""Send an SMS, follow it in the logs, and verify a 2FA PIN.

    INFOBIP_BASE_URL=... INFOBIP_API_KEY=... python examples/python/quickstart.py

Against the emulator: `cargo run -p infobip-emulator -- --port 0` prints the URL and the key.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import datetime, timedelta, timezone

import infobip


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    with infobip.Client() as client:  # INFOBIP_BASE_URL, INFOBIP_API_KEY
        sent = client.sms.send(to="41793026727", text="Hello from infobip-sdk", sender="InfoSMS")
        first = sent.messages[0]
        print(f"bulk {sent.bulk_id}: message {first.message_id} is {first.status.group_name if first.status else '?'}")

        later = datetime.now(timezone.utc) + timedelta(hours=1)
        scheduled = client.sms.send(to="41793026727", text="See you later", options={"schedule": {"send_at": later}})
        print("scheduled for", client.sms.bulk_schedule(scheduled.bulk_id or "").send_at)

        time.sleep(0.5)
        for log in client.sms.logs(bulk_id=sent.bulk_id):
            print("log:", log.message_id, log.status.group_name if log.status else None, log.done_at)

        try:
            client.sms.send(messages=[{"destinations": [], "content": {"text": "nobody"}}])
        except infobip.BadRequestError as error:
            print("refused:", error.status_code, [v.property for v in error.violations])
        except infobip.ValidationError as error:
            print("refused before sending:", [v.property for v in error.violations])

        app = client.tfa.create_application(name="quickstart")
        template = client.tfa.create_template(app.application_id or "", pin_type="NUMERIC",
                                              message_text="Your code is {{pin}}", pin_length=4)
        pin = client.tfa.send_pin(application_id=app.application_id or "", message_id=template.message_id or "",
                                  to="41793026727")
        check = client.tfa.verify_pin(pin.pin_id or "", pin="0000")
        print("PIN verified:", check.verified, "attempts left:", check.attempts_remaining)

    asyncio.run(concurrently())


async def concurrently() -> None:
    async with infobip.AsyncClient() as client:
        results = await asyncio.gather(*(client.sms.send(to=f"4179302670{i}", text="hi") for i in range(5)))
        print("sent concurrently:", [r.messages[0].message_id for r in results])


if __name__ == "__main__":
    main()
