"""Send SMS, wait for their delivery reports on a webhook receiver of our own, page the logs and
handle a rate-limit error.

    INFOBIP_BASE_URL=... INFOBIP_API_KEY=... python examples/python/demo.py

Against the emulator: `cargo run -p infobip-emulator -- --port 0` prints the URL and the key
(or run `./x demo`, which does all of it).
"""

from __future__ import annotations

import json
import os
import queue
import sys
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import infobip

DESTINATIONS = ["41793026727", "41793026728", "41793026729"]

# Reports arrive on the receiver's threads; the main thread reads them from this queue.
reports: "queue.Queue[infobip.DeliveryReport]" = queue.Queue()


class DeliveryReportHandler(BaseHTTPRequestHandler):
    """Receives Infobip's delivery-report pushes (POST, JSON body)."""

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            parsed = infobip.webhooks.parse_delivery_reports(body)
        except infobip.DecodeError:
            self.send_response(400)  # not a delivery report
            self.end_headers()
            return
        for report in parsed:
            reports.put(report)
        self.send_response(204)  # anything but 2xx makes Infobip push it again later
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the output short


def main() -> int:
    started = time.monotonic()

    # 1. A webhook receiver for delivery reports, on a free local port.
    server = ThreadingHTTPServer(("127.0.0.1", 0), DeliveryReportHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    webhook_url = f"http://127.0.0.1:{server.server_address[1]}/delivery-reports"

    with infobip.Client() as client:  # INFOBIP_BASE_URL, INFOBIP_API_KEY
        # 2. Send one message per destination, each reporting to the receiver.
        sent = client.sms.send(
            messages=[
                {
                    "sender": "InfoSMS",
                    "destinations": [{"to": to}],
                    "content": {"text": "Hello from infobip-sdk"},
                    "webhooks": {"delivery": {"url": webhook_url}},
                }
                for to in DESTINATIONS
            ]
        )
        bulk_id = sent.bulk_id or ""
        print(f"sent {len(sent.messages)} messages in bulk {bulk_id}")

        # 3. Wait for every delivery report (at most 30 s).
        delivered: set[str] = set()
        deadline = time.monotonic() + 30
        while len(delivered) < len(sent.messages) and time.monotonic() < deadline:
            try:
                report = reports.get(timeout=deadline - time.monotonic())
            except queue.Empty:
                break
            group = report.status.group_name if report.status else None
            print(f"report: {report.message_id} {group}")
            if group == "DELIVERED":
                delivered.add(report.message_id or "")

        # 4. Page the logs of the bulk (two per page; the iterator fetches the next page itself).
        logged = sum(1 for _ in client.sms.logs(bulk_id=bulk_id, limit=2))

        # 5. Handle a rate-limit error.
        provoke_rate_limit_on_emulator("/account/1/balance")
        try:
            balance = client.request("GET", "/account/1/balance").json()
            print("balance:", balance.get("balance"), balance.get("currency"))
        except infobip.RateLimitError as error:
            print(f"rate limited: the API asks to wait {error.retry_after} s; try again later")

    server.shutdown()
    elapsed = time.monotonic() - started
    print(f"summary: python: sent {len(sent.messages)}, delivered {len(delivered)}, logged {logged}, {elapsed:.2f} s")
    return 0 if len(delivered) == len(sent.messages) else 1


def provoke_rate_limit_on_emulator(path: str) -> None:
    """Only against the local emulator: ask it to answer the next call to `path` with a 429 and a
    long Retry-After, as the real API does when an account goes over a rate limit."""
    base_url = os.environ.get("INFOBIP_BASE_URL", "")
    if urllib.parse.urlsplit(base_url).hostname not in ("127.0.0.1", "localhost"):
        return
    fault = {"path": path, "status": 429, "headers": {"Retry-After": "600"}}
    request = urllib.request.Request(
        base_url.rstrip("/") + "/_emulator/faults",
        data=json.dumps(fault).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10):
        pass


if __name__ == "__main__":
    sys.exit(main())
