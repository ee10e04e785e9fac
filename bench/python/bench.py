"""Python SDK benchmark: this package vs the official infobip-api-python-client vs a bare
http.client keep-alive loop, against one loopback HTTP server started by this script.

    python bench.py            # prints the table (each measurement runs in its own process)

Figures are ratios from the same run; nothing here is asserted.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Dict, List, Tuple

N = int(os.environ.get("BENCH_N", "2000"))
CONCURRENCY = 32
TO, TEXT, SENDER = "41793026727", "Hello from the benchmark", "InfoSMS"
BODY = json.dumps({"messages": [{"sender": SENDER, "destinations": [{"to": TO}], "content": {"text": TEXT}}]})
REPLY = json.dumps({
    "bulkId": "2034072219640523072",
    "messages": [{"messageId": "2250be2d4219-3af1-78856-aabe-1362af1edfd2", "destination": TO,
                  "status": {"groupId": 1, "groupName": "PENDING", "id": 26, "name": "PENDING_ACCEPTED",
                             "description": "Message sent to next instance"}}],
}).encode()


# ---------------------------------------------------------------- the loopback server (own process)

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


def run_mode(mode: str, url: str) -> None:
    started = time.perf_counter()
    MODES[mode](url)
    elapsed = time.perf_counter() - started
    print(json.dumps({"seconds": elapsed, "rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


def import_ms(statement: str) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    runs = [float(subprocess.check_output([sys.executable, "-c", code], text=True)) for _ in range(7)]
    return statistics.median(runs) * 1000


def main() -> None:
    server = subprocess.Popen([sys.executable, __file__, "serve"], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        url = "http://127.0.0.1:%s" % server.stdout.readline().strip()
        results: Dict[str, Dict[str, float]] = {}
        for mode in MODES:
            best: Dict[str, float] = {}
            for _ in range(int(os.environ.get("BENCH_REPEAT", "3"))):
                out = subprocess.check_output([sys.executable, __file__, "run", mode, url], text=True)
                run = json.loads(out.strip().splitlines()[-1])
                if not best or run["seconds"] < best["seconds"]:
                    best = run
            results[mode] = best
        imports = {name: import_ms(statement) for name, statement in IMPORTS.items()}
    finally:
        server.terminate()
        server.wait(timeout=10)

    rows: List[str] = [
        f"{N} single-destination sends; concurrency {CONCURRENCY} (asyncio); best of "
        f"{os.environ.get('BENCH_REPEAT', '3')} runs; Python {sys.version.split()[0]}",
        "",
        "| client | sequential req/s | concurrent req/s | import ms | peak RSS MiB (seq / conc) |",
        "|---|---|---|---|---|",
    ]
    for name, label in (("ours", "infobip-sdk (this package)"), ("official", "infobip-api-python-client 6.0.0"),
                        ("bare", "bare http.client keep-alive")):
        seq, conc = results[f"{name}-seq"], results[f"{name}-conc"]
        rows.append(f"| {label} | {N / seq['seconds']:.0f} | {N / conc['seconds']:.0f} | {imports[name]:.1f} | "
                    f"{seq['rss_kib'] / 1024:.1f} / {conc['rss_kib'] / 1024:.1f} |")
    rate = {mode: N / r["seconds"] for mode, r in results.items()}
    rows += [
        "",
        f"sequential: ours / official = {rate['ours-seq'] / rate['official-seq']:.1f}x (target >= 3x); "
        f"ours / bare = {rate['ours-seq'] / rate['bare-seq']:.2f}x (target >= 1x)",
        f"concurrent: ours / official = {rate['ours-conc'] / rate['official-conc']:.1f}x (target >= 10x); "
        f"ours / bare = {rate['ours-conc'] / rate['bare-conc']:.2f}x",
        f"import: ours {imports['ours']:.1f} ms, official {imports['official']:.1f} ms (target < 50 ms)",
        f"peak RSS: ours {max(results['ours-seq']['rss_kib'], results['ours-conc']['rss_kib']) / 1024:.1f} MiB, "
        f"official {max(results['official-seq']['rss_kib'], results['official-conc']['rss_kib']) / 1024:.1f} MiB",
    ]
    print("\n".join(rows))


if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        serve()
    elif sys.argv[1:2] == ["run"]:
        run_mode(sys.argv[2], sys.argv[3])
    else:
        main()
