"""Send a WhatsApp template, then an email (Email API v4, JSON), and print the typed results.

    INFOBIP_BASE_URL=... INFOBIP_API_KEY=... python examples/python/channels.py

Every product of Infobip's API is a namespace of the client (``client.whatsapp``,
``client.email``, ``client.messages_api``, …) whose methods are the operations, named after
their ``operationId`` in snake_case; arguments are snake_case keywords.
"""

from __future__ import annotations

import infobip


def main() -> None:
    with infobip.Client() as client:  # INFOBIP_BASE_URL, INFOBIP_API_KEY
        sent = client.whatsapp.send_whatsapp_template_message(
            messages=[
                {
                    "from": "441134960000",
                    "to": "441134960001",
                    "content": {
                        "template_name": "order_shipped",
                        "template_data": {"body": {"placeholders": ["Ann", "#1234"]}},
                        "language": "en_GB",
                    },
                    "callback_data": "order-1234",
                }
            ]
        )
        whatsapp = sent.messages[0]
        status = whatsapp.status.group_name if whatsapp.status else None
        print(f"WhatsApp {whatsapp.message_id} to {whatsapp.to}: {status}")

        mail = client.email.send_email_messages_api(
            messages=[
                {
                    "sender": "shop@example.com",
                    "destinations": [{"to": [{"destination": "ann@example.com"}]}],
                    "content": {"subject": "Your order has shipped", "text": "Order #1234 is on its way."},
                }
            ],
            options={"tracking": {"track_opens": True}},
        )
        for message in mail.messages:
            state = message.status.name if message.status else None
            print(f"email {message.message_id} to {message.destination}: {state} (bulk {mail.bulk_id})")
        response = mail.raw_response
        if response is not None:
            print("email answer:", response.status_code, "request id", response.request_id)


if __name__ == "__main__":
    main()
