"""What Infobip pushes to your HTTP endpoint, parsed and verified (no client needed).

>>> reports = infobip.webhooks.parse_delivery_reports(request_body)  # doctest: +SKIP
>>> infobip.webhooks.verify_hmac(request_body, request.headers.get("X-Signature"),
...                              secret="...", algorithm="sha256")  # doctest: +SKIP

Every other product's pushes are read with ``parse`` into their generated class (each types
module's ``WEBHOOKS`` names the class of each event):

>>> from infobip.types import whatsapp
>>> report = infobip.webhooks.parse(request_body, into=whatsapp.WEBHOOKS["receive-whatsapp-delivery-reports"])  # doctest: +SKIP

Parsing failures raise ``DecodeError``; verification failures raise ``WebhookVerificationError``
(its message never contains the secret).
"""

from ._native import parse, parse_click, parse_delivery_reports, parse_inbound, verify_basic, verify_hmac

__all__ = ["parse", "parse_delivery_reports", "parse_inbound", "parse_click", "verify_basic", "verify_hmac"]
