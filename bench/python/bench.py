"""Python SDK benchmark: this package vs the official infobip-api-python-client vs a bare
http.client keep-alive loop, against two loopback HTTP servers (this script's own asyncio server
and nginx, when installed), and the parse of a webhook push and of a logs page against the
official client's pydantic models.

    python bench.py            # prints the tables (each measurement runs in its own process)

Figures are ratios from the same run; nothing here is asserted. BENCH_N / BENCH_REPEAT change
the size; BENCH_BASELINE_PYTHON names the python of a virtualenv holding an earlier build of
this package, measured beside the current one ("before").
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Dict, List, Optional, Tuple

N = int(os.environ.get("BENCH_N", "2000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))
CONCURRENCY = 32
TO, TEXT, SENDER = "41793026727", "Hello from the benchmark", "InfoSMS"
BODY = json.dumps({"messages": [{"sender": SENDER, "destinations": [{"to": TO}], "content": {"text": TEXT}}]})
REPLY = json.dumps({
    "bulkId": "2034072219640523072",
    "messages": [{"messageId": "2250be2d4219-3af1-78856-aabe-1362af1edfd2", "destination": TO,
                  "status": {"groupId": 1, "groupName": "PENDING", "id": 26, "name": "PENDING_ACCEPTED",
                             "description": "Message sent to next instance"}}],
}).encode()


# ---------------------------------------------------------------------------------- bodies to parse

def _report(i: int) -> Dict[str, Any]:
    """A delivery report with price, status, error, platform and two date-times."""
    return {
        "bulkId": "BULK-ID-123-xyz", "messageId": f"MESSAGE-ID-{i:06d}", "to": f"4179302{i:04d}",
        "sender": SENDER, "sentAt": "2026-01-02T10:00:00.123+0000", "doneAt": "2026-01-02T10:00:05.456+0000",
        "messageCount": 1, "mccMnc": "22801", "callbackData": "callback",
        "price": {"pricePerMessage": 0.01, "currency": "EUR"},
        "status": {"groupId": 3, "groupName": "DELIVERED", "id": 5, "name": "DELIVERED_TO_HANDSET",
                   "description": "Message delivered to handset"},
        "error": {"groupId": 0, "groupName": "OK", "id": 0, "name": "NO_ERROR", "description": "No Error",
                  "permanent": False},
        "platform": {"entityId": "promotional-traffic-entity", "applicationId": "marketing-automation-application"},
    }


def _log(i: int) -> Dict[str, Any]:
    log = _report(i)
    log["destination"] = log.pop("to")
    for key in ("callbackData",):
        log.pop(key)
    log["content"] = {"text": "Hello from the benchmark"}
    return log


PUSH = json.dumps({"results": [_report(i) for i in range(50)]}).encode()
LOGS = json.dumps({"results": [_log(i) for i in range(1000)], "cursor": {"limit": 1000, "nextCursor": "c-2"}}).encode()


# ---------------------------------------------------------------- the loopback servers (own process)

class _Http(asyncio.Protocol):
    """HTTP/1.1 keep-alive: reads each request (headers + Content-Length body), answers REPLY."""

    def connection_made(self, transport: Any) -> None:
        self.transport = transport
        self.buffer = b""

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buffer[:end].lower()
            length = 0
            at = head.find(b"content-length:")
            if at >= 0:
                length = int(head[at + 15:head.find(b"\r\n", at) if head.find(b"\r\n", at) > 0 else None])
            if len(self.buffer) < end + 4 + length:
                return
            self.buffer = self.buffer[end + 4 + length:]
            self.transport.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Request-Id: bench\r\n"
                                 b"Content-Length: %d\r\n\r\n%s" % (len(REPLY), REPLY))


def serve() -> None:
    async def main() -> None:
        server = await asyncio.get_running_loop().create_server(_Http, "127.0.0.1", 0, backlog=256)
        print(server.sockets[0].getsockname()[1], flush=True)
        await server.serve_forever()

    asyncio.run(main())


def start_bench_server() -> Tuple[subprocess.Popen[str], str]:
    server = subprocess.Popen([sys.executable, __file__, "serve"], stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None
    return server, "http://127.0.0.1:%s" % server.stdout.readline().strip()


def start_nginx() -> Optional[Tuple[subprocess.Popen[bytes], str]]:
    """nginx answering REPLY on loopback; the listening socket is bound here (port 0) and handed to
    nginx (the ``NGINX`` variable names inherited sockets), so no port is guessed."""
    binary = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
    if binary is None:
        return None
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(256)
    port = listener.getsockname()[1]
    prefix = tempfile.mkdtemp(prefix="infobip-bench-nginx-")
    temp = " ".join(f"{kind}_temp_path {prefix};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    config = f"""
daemon off; master_process on; worker_processes 1; pid {prefix}/nginx.pid; error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off; {temp} keepalive_requests 1000000; keepalive_timeout 60s;
  server {{
    listen 127.0.0.1:{port};
    location / {{ default_type application/json; add_header X-Request-Id bench always; return 200 '{REPLY.decode()}'; }}
  }}
}}
"""
    with open(os.path.join(prefix, "nginx.conf"), "w") as out:
        out.write(config)
    process = subprocess.Popen([binary, "-p", prefix, "-c", os.path.join(prefix, "nginx.conf")],
                               env={**os.environ, "NGINX": f"{listener.fileno()};"}, pass_fds=(listener.fileno(),),
                               stderr=subprocess.DEVNULL)
    listener.close()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return process, url
        except OSError:
            time.sleep(0.05)
    process.terminate()
    return None


# ---------------------------------------------------------------- the clients (one process each)

def ours_seq(url: str) -> None:
    import infobip
    with infobip.Client(url, api_key="bench") as client:
        for _ in range(N):
            sent = client.sms.send(to=TO, text=TEXT, sender=SENDER)
            assert sent.messages[0].status is not None


def ours_conc(url: str) -> None:
    import infobip

    async def main() -> None:
        async with infobip.AsyncClient(url, api_key="bench") as client:
            gate = asyncio.Semaphore(CONCURRENCY)

            async def one() -> None:
                async with gate:
                    sent = await client.sms.send(to=TO, text=TEXT, sender=SENDER)
                    assert sent.messages[0].status is not None

            await asyncio.gather(*(one() for _ in range(N)))

    asyncio.run(main())


def _official(url: str) -> Tuple[Any, Callable[[], Any]]:
    from infobip_api_client import ApiClient, Configuration
    from infobip_api_client.api.sms_api import SmsApi
    from infobip_api_client.models import SmsDestination, SmsMessage, SmsMessageContent, SmsRequest, SmsTextContent

    config = Configuration(host=url, api_key="bench")
    config.connection_pool_maxsize = CONCURRENCY
    api = SmsApi(ApiClient(config))

    def send() -> Any:
        request = SmsRequest(messages=[SmsMessage(sender=SENDER, destinations=[SmsDestination(to=TO)],
                                                  content=SmsMessageContent(SmsTextContent(text=TEXT)))])
        sent = api.send_sms_messages(request)
        assert sent.messages[0].status is not None
        return sent

    return api, send


def official_seq(url: str) -> None:
    _, send = _official(url)
    for _ in range(N):
        send()


def official_conc(url: str) -> None:
    _, send = _official(url)

    async def main() -> None:
        loop = asyncio.get_running_loop()
        with ThreadPoolExecutor(CONCURRENCY) as pool:
            await asyncio.gather(*(loop.run_in_executor(pool, send) for _ in range(N)))

    asyncio.run(main())


def _bare(url: str) -> Callable[[], Any]:
    import http.client
    host, port = url.rsplit("/", 1)[-1].split(":")
    local = threading.local()
    headers = {"Authorization": "App bench", "Content-Type": "application/json", "Accept": "application/json"}

    def send() -> Any:
        conn = getattr(local, "conn", None)
        if conn is None:
            conn = local.conn = http.client.HTTPConnection(host, int(port))
        conn.request("POST", "/sms/3/messages", body=BODY, headers=headers)
        response = conn.getresponse()
        data = json.loads(response.read())
        assert response.status == 200 and data["messages"][0]["status"]
        return data

    return send


def bare_seq(url: str) -> None:
    send = _bare(url)
    for _ in range(N):
        send()


def bare_conc(url: str) -> None:
    send = _bare(url)

    async def main() -> None:
        loop = asyncio.get_running_loop()
        with ThreadPoolExecutor(CONCURRENCY) as pool:
            await asyncio.gather(*(loop.run_in_executor(pool, send) for _ in range(N)))

    asyncio.run(main())


MODES: Dict[str, Callable[[str], None]] = {
    "ours-seq": ours_seq, "ours-conc": ours_conc,
    "official-seq": official_seq, "official-conc": official_conc,
    "bare-seq": bare_seq, "bare-conc": bare_conc,
}
IMPORTS = {"ours": "import infobip", "official": "import infobip_api_client.api.sms_api",
           "bare": "import http.client, json"}


# ---------------------------------------------------------------- parses (one process each)

def _parser(case: str) -> Tuple[Callable[[], Any], int]:
    """The parse to time, and how many to run per measurement."""
    if case == "json-push":
        return (lambda: json.loads(PUSH)), 2000
    if case == "json-logs":
        return (lambda: json.loads(LOGS)), 100
    if case == "official-push":
        from infobip_api_client.models import SmsDeliveryResult
        return (lambda: SmsDeliveryResult.from_json(PUSH.decode())), 2000
    if case == "official-logs":
        from infobip_api_client.models import SmsLogsResponse
        return (lambda: SmsLogsResponse.from_json(LOGS.decode())), 100
    import infobip
    if case == "ours-push":
        return (lambda: infobip.webhooks.parse_delivery_reports(PUSH)), 2000
    from infobip.types import sms
    if case == "ours-push-generated":
        return (lambda: infobip.webhooks.parse(PUSH, into=sms.DeliveryReports)), 2000
    if case == "ours-logs":
        return (lambda: infobip.webhooks.parse(LOGS, into=sms.LogResponseSmsLogSmsMessageContent)), 100
    raise ValueError(case)


def parse_case(case: str) -> None:
    parse, count = _parser(case)
    result = parse()
    assert result, case
    best = min(_timed(parse, count) for _ in range(REPEAT))
    print(json.dumps({"micros": best / count * 1e6}))


def _timed(parse: Callable[[], Any], count: int) -> float:
    started = time.perf_counter()
    for _ in range(count):
        parse()
    return time.perf_counter() - started


# ---------------------------------------------------------------- the run

def run_mode(mode: str, url: str) -> None:
    started = time.perf_counter()
    MODES[mode](url)
    elapsed = time.perf_counter() - started
    print(json.dumps({"seconds": elapsed, "rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


def _child(python: str, *args: str) -> Dict[str, float]:
    out = subprocess.check_output([python, __file__, *args], text=True)
    return dict(json.loads(out.strip().splitlines()[-1]))


def _best(python: str, mode: str, url: str) -> Dict[str, float]:
    runs = [_child(python, "run", mode, url) for _ in range(REPEAT)]
    return min(runs, key=lambda r: r["seconds"])


def import_ms(python: str, statement: str) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    runs = [float(subprocess.check_output([python, "-c", code], text=True)) for _ in range(7)]
    return statistics.median(runs) * 1000


def sends(url: str, baseline: Optional[str]) -> Dict[str, Dict[str, float]]:
    results = {mode: _best(sys.executable, mode, url) for mode in MODES}
    if baseline:
        for mode in ("ours-seq", "ours-conc"):
            results["before-" + mode] = _best(baseline, mode, url)
    return results


def send_table(name: str, results: Dict[str, Dict[str, float]]) -> List[str]:
    rate = {mode: N / r["seconds"] for mode, r in results.items()}
    rows = [f"### against {name}", "", "| client | sequential req/s | concurrent req/s | peak RSS MiB (seq / conc) |",
            "|---|---|---|---|"]
    labels = [("ours", "infobip-sdk (this package)"), ("before-ours", "infobip-sdk before (baseline wheel)"),
              ("official", "infobip-api-python-client 6.0.0"), ("bare", "bare http.client keep-alive")]
    for key, label in labels:
        if f"{key}-seq" not in results:
            continue
        seq, conc = results[f"{key}-seq"], results[f"{key}-conc"]
        rows.append(f"| {label} | {rate[f'{key}-seq']:.0f} | {rate[f'{key}-conc']:.0f} | "
                    f"{seq['rss_kib'] / 1024:.1f} / {conc['rss_kib'] / 1024:.1f} |")
    rows += [
        "",
        f"sequential: ours / official = {rate['ours-seq'] / rate['official-seq']:.1f}x; "
        f"ours / bare = {rate['ours-seq'] / rate['bare-seq']:.2f}x",
        f"concurrent ({CONCURRENCY}): ours / official = {rate['ours-conc'] / rate['official-conc']:.1f}x; "
        f"ours / bare = {rate['ours-conc'] / rate['bare-conc']:.2f}x",
    ]
    if "before-ours-seq" in rate:
        rows.append(f"send path, ratio to the bare loop: before {rate['before-ours-seq'] / rate['bare-seq']:.2f}x, "
                    f"after {rate['ours-seq'] / rate['bare-seq']:.2f}x (sequential); before "
                    f"{rate['before-ours-conc'] / rate['bare-conc']:.2f}x, after "
                    f"{rate['ours-conc'] / rate['bare-conc']:.2f}x (concurrent)")
    return rows


def main() -> None:
    baseline = os.environ.get("BENCH_BASELINE_PYTHON") or None
    servers: Dict[str, Dict[str, Dict[str, float]]] = {}
    own, url = start_bench_server()
    try:
        servers["the bench's asyncio server"] = sends(url, baseline)
    finally:
        own.terminate()
        own.wait(timeout=10)
    nginx = start_nginx()
    if nginx is not None:
        process, url = nginx
        try:
            servers["nginx"] = sends(url, baseline)
        finally:
            process.terminate()
            process.wait(timeout=10)
    parses = {case: _child(sys.executable, "parse", case)["micros"]
              for case in ("json-push", "official-push", "ours-push", "ours-push-generated",
                           "json-logs", "official-logs", "ours-logs")}
    if baseline:
        parses["before-ours-push"] = _child(baseline, "parse", "ours-push")["micros"]
    imports = {name: import_ms(sys.executable, statement) for name, statement in IMPORTS.items()}
    if baseline:
        imports["before"] = import_ms(baseline, IMPORTS["ours"])

    rows: List[str] = [f"{N} single-destination sends; concurrency {CONCURRENCY} (asyncio); best of {REPEAT} "
                       f"runs; Python {sys.version.split()[0]}", ""]
    for name, results in servers.items():
        rows += send_table(name, results) + [""]
    if len(servers) == 2:
        (a, first), (b, second) = servers.items()
        rows.append(f"### {a} vs {b} (sequential and concurrent req/s; more than 20% apart is flagged)")
        rows.append("")
        for mode in first:
            x, y = N / first[mode]["seconds"], N / second[mode]["seconds"]
            flag = "  <-- more than 20% apart" if abs(x - y) / max(x, y) > 0.2 else ""
            rows.append(f"- {mode}: {x:.0f} vs {y:.0f}{flag}")
        rows.append("")
    push_ratio = parses["official-push"] / parses["ours-push"]
    rows += [
        "### parse (best of %d; µs per parse)" % REPEAT, "",
        "| body | json.loads | official (pydantic) | ours | ours, generated class | ours before |", "|---|---|---|---|---|---|",
        f"| 50-report delivery push | {parses['json-push']:.0f} | {parses['official-push']:.0f} | "
        f"{parses['ours-push']:.0f} | {parses['ours-push-generated']:.0f} | "
        f"{parses.get('before-ours-push', float('nan')):.0f} |",
        f"| 1,000-result SMS logs page | {parses['json-logs']:.0f} | {parses['official-logs']:.0f} | — | "
        f"{parses['ours-logs']:.0f} | — |",
        "",
        f"push: ours {push_ratio:.1f}x faster than the official model (generated class "
        f"{parses['official-push'] / parses['ours-push-generated']:.1f}x); logs page: "
        f"{parses['official-logs'] / parses['ours-logs']:.1f}x (targets: 5x)",
        "",
        f"import: ours {imports['ours']:.1f} ms" + (f" (before {imports['before']:.1f} ms)" if baseline else "")
        + f", official {imports['official']:.1f} ms, bare {imports['bare']:.1f} ms",
    ]
    print("\n".join(rows))


if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        serve()
    elif sys.argv[1:2] == ["run"]:
        run_mode(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["parse"]:
        parse_case(sys.argv[2])
    else:
        main()
