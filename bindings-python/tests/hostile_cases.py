"""Hostile input for the Python package, each case run in a process of its own.

Every case is a function that does one hostile thing and returns a result code: the ``code`` of
the ``InfobipError`` it raised, the name of another exception, or ``"ok"``. Run as a script it
runs one case and prints ``HOSTILE-RESULT: <code>`` (and the extra check of the case); a process
that dies on the way (a signal, an abort) prints nothing, which is how a crash shows.

``python hostile_cases.py --all URL`` runs every case against the emulator at ``URL`` and prints
how many crashed; ``tests/test_hostile.py`` does the same under pytest.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import urllib.request
from typing import Any, Callable, Dict, List, NamedTuple, Optional

import infobip

KEY = "emulator-api-key"
BALANCE = "/account/1/balance"
TO = "41793026727"


class Case(NamedTuple):
    name: str
    run: Callable[[str], str]
    code: str
    requests: int
    faults: List[Dict[str, Any]] = []


def _client(url: str, **options: Any) -> infobip.Client:
    return infobip.Client(url, api_key=KEY, **options)


def _code(error: BaseException) -> str:
    return error.code if isinstance(error, infobip.InfobipError) else type(error).__name__


def _deep(opening: str, closing: str, n: int) -> bytes:
    return (opening * n + closing * n).encode()


def _cyclic_list() -> List[Any]:
    items: List[Any] = [1]
    items.append(items)
    return items


def _cyclic_dict() -> Dict[str, Any]:
    node: Dict[str, Any] = {"to": TO}
    node["self"] = node
    return node


def _nested(n: int) -> Dict[str, Any]:
    body: Dict[str, Any] = {}
    for _ in range(n):
        body = {"messages": body}
    return body


def _send_body(**extra: Any) -> Dict[str, Any]:
    return {"messages": [{"destinations": [{"to": TO}], "content": {"text": "Hi"}, **extra}]}


def _wait_for_a_request(url: str, path: str) -> None:
    """Polls the emulator (at most 30 s) until it has received a request under ``path``."""
    import time

    deadline = time.monotonic() + 30
    while not _admin(url, "GET", "/requests?path=" + path)["requests"] and time.monotonic() < deadline:
        time.sleep(0.02)


def _interrupted_send(url: str) -> str:
    """Ctrl-C while a blocking send waits: KeyboardInterrupt, with the send's ids."""

    def interrupt() -> None:
        _wait_for_a_request(url, "/sms/3/messages")
        os.kill(os.getpid(), signal.SIGINT)

    threading.Thread(target=interrupt, daemon=True).start()
    try:
        _client(url).sms.send(to=TO, text="Hi")
    except KeyboardInterrupt as interrupt:
        ids = getattr(interrupt, "message_ids", None)
        return "KeyboardInterrupt+ids" if getattr(interrupt, "bulk_id", None) and ids and len(ids) == 1 else "KeyboardInterrupt"
    return "ok"


def _cancelled_async_send(url: str) -> str:
    """An asyncio task cancelled while its send waits: CancelledError, with the send's ids."""

    async def main() -> str:
        client = infobip.AsyncClient(url, api_key=KEY)
        task = asyncio.ensure_future(client.sms.send(to=TO, text="Hi"))
        await asyncio.get_running_loop().run_in_executor(None, _wait_for_a_request, url, "/sms/3/messages")
        task.cancel()
        try:
            await task
        except asyncio.CancelledError as cancelled:
            ids = getattr(cancelled, "message_ids", None)
            return "CancelledError+ids" if getattr(cancelled, "bulk_id", None) and ids and len(ids) == 1 else "CancelledError"
        return "ok"

    return asyncio.run(main())


def _cancelled_before_sending(url: str) -> str:
    """A task cancelled before it ever ran: nothing is sent."""

    async def main() -> str:
        client = infobip.AsyncClient(url, api_key=KEY)
        task = asyncio.ensure_future(client.call("send-sms-messages", body=_send_body()))
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            await asyncio.sleep(0.3)
            return "CancelledError"
        return "ok"

    return asyncio.run(main())


def _query_send(url: str) -> str:
    try:
        _client(url, timeout=0.3).call("send-sms-messages-over-query-parameters", query={"to": TO, "text": "Hi"})
    except infobip.OutcomeUnknownError as error:
        return "outcome_unknown+bulk_id" if error.bulk_id else "outcome_unknown"
    return "ok"


def _panic(url: str) -> str:
    from infobip import _native

    _native._test_panic("blocking")  # type: ignore[attr-defined]
    return "ok"


def _oauth(url: str) -> infobip.Client:
    return infobip.Client(url, client_id="emulator", client_secret="emulator-password", max_retries=0)


CASES: List[Case] = [
    Case("xml_push_20000_deep", lambda url: str(infobip.webhooks.parse_delivery_reports(_deep("<a>", "</a>", 20000))), "decode", 0),
    Case("json_push_100000_deep", lambda url: str(infobip.webhooks.parse_delivery_reports(_deep("[", "]", 100000))), "decode", 0),
    Case("inbound_push_deep_objects", lambda url: str(infobip.webhooks.parse_inbound(_deep('{"a":', "}", 50000))), "decode", 0),
    Case("garbage_push", lambda url: str(infobip.webhooks.parse_delivery_reports(b"\xff\x00{<\x80")), "decode", 0),
    Case("invalid_utf8_push", lambda url: str(infobip.webhooks.parse_delivery_reports(b'{"results":[{"messageId":"\xff\xfe"}]}')), "decode", 0),
    Case("call_body_list_holding_itself", lambda url: str(_client(url).call("send-sms-messages", body={"messages": _cyclic_list()})), "validation", 0),
    Case("call_body_dict_100000_deep", lambda url: str(_client(url).call("send-sms-messages", body=_nested(100000))), "validation", 0),
    Case("request_json_dict_holding_itself", lambda url: str(_client(url).request("POST", "/sms/3/messages", json=_cyclic_dict())), "validation", 0),
    Case("sms_send_messages_holding_themselves", lambda url: str(_client(url).sms.send(messages=[_cyclic_dict()])), "validation", 0),
    Case("call_body_lone_surrogate", lambda url: str(_client(url).call("send-sms-messages", body=_send_body(callbackData="\ud800"))), "validation", 0),
    Case("call_body_nan", lambda url: str(_client(url).call("send-sms-messages", body=_send_body(validityPeriod=float("nan")))), "validation", 0),
    Case("call_body_huge_integer", lambda url: str(_client(url).call("send-sms-messages", body=_send_body(validityPeriod=2**80))), "validation", 0),
    Case("timeout_1e23", lambda url: str(_client(url, timeout=1e23)), "config", 0),
    Case("timeout_nan", lambda url: str(_client(url, timeout=float("nan"))), "config", 0),
    Case("timeout_negative", lambda url: str(_client(url, timeout=-1.0)), "config", 0),
    Case("connect_timeout_infinite", lambda url: str(_client(url, connect_timeout=float("inf"))), "config", 0),
    Case("with_options_timeout_1e300", lambda url: str(_client(url).with_options(timeout=1e300)), "config", 0),
    Case("max_retries_huge", lambda url: str(_client(url, max_retries=2**70)), "config", 0),
    Case("max_retries_negative", lambda url: str(_client(url).with_options(max_retries=-1)), "config", 0),
    Case("max_response_bytes_zero", lambda url: str(_client(url, max_response_bytes=0)), "config", 0),
    Case("crlf_in_api_key", lambda url: str(infobip.Client(url, api_key="key\r\nX-Evil: 1")), "config", 0),
    Case("crlf_in_password", lambda url: str(infobip.Client(url, username="u", password="p\r\nX: 1")), "config", 0),
    Case("crlf_in_client_secret", lambda url: str(infobip.Client(url, client_id="i", client_secret="s\ns")), "config", 0),
    Case("crlf_in_user_agent_suffix", lambda url: str(_client(url, user_agent_suffix="app\r\nX-Evil: 1")), "config", 0),
    Case("crlf_in_base_url", lambda url: str(infobip.Client(url + "\r\nX: 1", api_key=KEY)), "config", 0),
    Case("crlf_in_header_parameter",
         lambda url: str(_client(url).call("get-biometrics-extraction-session", headers={"X-Session-Id": "a\r\nX-Evil: b"})),
         "validation", 0),
    Case("gzip_bomb_answer", lambda url: str(_client(url).request("GET", BALANCE)), "decode", 1,
         [{"path": BALANCE, "kind": "gzip_bomb", "body": 64 << 20}]),
    Case("deep_json_answer", lambda url: str(_client(url).request("GET", BALANCE).json()), "decode", 1,
         [{"path": BALANCE, "status": 200, "body": "[" * 100000 + "]" * 100000}]),
    Case("garbage_answer_to_a_send", lambda url: str(_client(url).sms.send(to=TO, text="Hi")), "outcome_unknown", 1,
         [{"path": "/sms/3/messages", "status": 200, "body": "\u0000\u0001not json"}]),
    Case("query_send_against_a_delay", _query_send, "outcome_unknown+bulk_id", 1,
         [{"path": "/sms/3/text/query", "kind": "delay", "delayMs": 1500}]),
    Case("token_endpoint_500", lambda url: str(_oauth(url).request("GET", BALANCE)), "auth_failed", 1,
         [{"path": "/auth/1/oauth2/token", "status": 500}]),
    Case("retry_after_absurd", lambda url: str(_client(url).request("GET", BALANCE)), "rate_limited", 1,
         [{"path": BALANCE, "status": 429, "headers": {"Retry-After": "99999999999999999999999"}}]),
    Case("ctrl_c_during_a_send", _interrupted_send, "KeyboardInterrupt+ids", 1,
         [{"path": "/sms/3/messages", "kind": "delay", "delayMs": 3000}]),
    Case("asyncio_cancelled_send", _cancelled_async_send, "CancelledError+ids", 1,
         [{"path": "/sms/3/messages", "kind": "delay", "delayMs": 3000}]),
    Case("task_cancelled_before_it_ran", _cancelled_before_sending, "CancelledError", 0),
    Case("a_panic_in_the_core", _panic, "internal", 0),
]


def run(name: str, url: str) -> str:
    case = next(c for c in CASES if c.name == name)
    try:
        return case.run(url)
    except BaseException as error:  # every outcome is a result here, KeyboardInterrupt included
        return _code(error)


def _admin(url: str, method: str, path: str, body: Optional[Any] = None) -> Any:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url + "/_emulator" + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read() or b"null")


class Outcome(NamedTuple):
    name: str
    returncode: int
    code: Optional[str]
    requests: int
    stderr: str

    @property
    def crashed(self) -> bool:
        return self.returncode != 0 or self.code is None


def run_in_a_process(case: Case, url: str) -> Outcome:
    """Runs one case in a fresh interpreter; the emulator is reset and given the case's faults."""
    _admin(url, "POST", "/reset")
    if case.faults:
        _admin(url, "POST", "/faults", case.faults)
    done = subprocess.run(
        [sys.executable, __file__, case.name, url], capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONFAULTHANDLER": "1"},
    )
    code = next((line.split("HOSTILE-RESULT: ", 1)[1] for line in done.stdout.splitlines() if "HOSTILE-RESULT: " in line), None)
    requests = len(_admin(url, "GET", "/requests")["requests"])
    return Outcome(case.name, done.returncode, code, requests, done.stderr[-2000:])


def main(argv: List[str]) -> int:
    if argv[:1] == ["--all"]:
        outcomes = [run_in_a_process(case, argv[1]) for case in CASES]
        for case, outcome in zip(CASES, outcomes):
            verdict = "CRASHED" if outcome.crashed else ("ok" if (outcome.code, outcome.requests) == (case.code, case.requests) else "WRONG")
            print(f"{verdict:8} {case.name}: exit {outcome.returncode}, {outcome.code}, {outcome.requests} request(s)")
        print(f"{sum(o.crashed for o in outcomes)} of {len(outcomes)} cases crashed")
        return 0
    name, url = argv
    print(f"HOSTILE-RESULT: {run(name, url)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
