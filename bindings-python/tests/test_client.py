"""The clients: construction, the four auth schemes, env, options, raw requests, closing."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone
from typing import Dict, List

import pytest

import infobip
from conftest import PASSWORD, USERNAME, Emulator

BALANCE = "/account/1/balance"


def _auth_headers(emu: Emulator) -> List[str]:
    return [r["headers"].get("authorization", "") for r in emu.requests(BALANCE)]


@pytest.mark.parametrize(
    "kwargs, prefix",
    [
        ({"api_key": "emulator-api-key"}, "App "),
        ({"username": USERNAME, "password": PASSWORD}, "Basic "),
        ({"username": USERNAME, "password": PASSWORD, "ibsso": True}, "IBSSO "),
        ({"client_id": USERNAME, "client_secret": PASSWORD}, "Bearer "),
    ],
    ids=["api_key", "basic", "ibsso", "oauth2"],
)
def test_four_auth_schemes_sync_and_async(emu: Emulator, kwargs: Dict[str, object], prefix: str) -> None:
    with infobip.Client(emu.url, **kwargs) as c:  # type: ignore[arg-type]
        assert c.request("GET", BALANCE).json()["currency"]
        assert c.request("GET", BALANCE).status_code == 200

    async def main() -> None:
        async with infobip.AsyncClient(emu.url, **kwargs) as c:  # type: ignore[arg-type]
            assert (await c.request("GET", BALANCE)).status_code == 200

    asyncio.run(main())
    headers = _auth_headers(emu)
    assert len(headers) == 3 and all(h.startswith(prefix) for h in headers), headers
    if prefix == "IBSSO ":
        # One session per client, ended by close().
        assert len(emu.requests("/auth/1/session")) == 4  # 2 × (POST, DELETE)


def test_client_from_environment(emu: Emulator, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INFOBIP_BASE_URL", emu.url)
    monkeypatch.setenv("INFOBIP_API_KEY", emu.api_key)
    with infobip.Client() as c:
        assert c.request("GET", BALANCE).status_code == 200
    monkeypatch.delenv("INFOBIP_API_KEY")
    monkeypatch.setenv("INFOBIP_CLIENT_ID", USERNAME)
    monkeypatch.setenv("INFOBIP_CLIENT_SECRET", PASSWORD)
    with infobip.Client() as c:
        assert c.request("GET", BALANCE).status_code == 200
    assert _auth_headers(emu)[-1].startswith("Bearer ")


def test_missing_credentials_is_a_configuration_error(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("INFOBIP_API_KEY", "INFOBIP_USERNAME", "INFOBIP_PASSWORD", "INFOBIP_CLIENT_ID", "INFOBIP_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(infobip.ConfigurationError, match="INFOBIP_API_KEY"):
        infobip.Client("http://127.0.0.1:1")


def test_user_agent_names_python(emu: Emulator, client: infobip.Client) -> None:
    client.request("GET", BALANCE)
    agent = emu.requests(BALANCE)[0]["headers"]["user-agent"]
    version = ".".join(str(n) for n in sys.version_info[:3])
    assert agent.startswith(f"infobip-sdk/{infobip.__version__} (python/{version}; "), agent


def test_raw_request_query_json_and_response(emu: Emulator, client: infobip.Client) -> None:
    when = datetime(2030, 5, 6, 7, 8, 9, 10000, tzinfo=timezone(timedelta(hours=2)))
    body = {"messages": [{"destinations": [{"to": "41793026727"}], "sender": "InfoSMS", "content": {"text": "Hi"}}]}
    sent = client.request("POST", "/sms/3/messages", json=body)
    assert sent.status_code == 200
    data = sent.json()
    assert data["messages"][0]["destination"] == "41793026727"
    assert sent.headers["content-type"].startswith("application/json")
    assert sent.content.startswith(b"{") and sent.text.startswith("{")
    assert sent.attempts == 1
    assert "status_code=200" in repr(sent)
    client.request("GET", "/sms/3/logs", query={"bulkId": [data["bulkId"], "b 2"], "sentSince": when, "limit": 5,
                                                "generalStatus": None})
    recorded = emu.requests("/sms/3/logs")[0]
    assert recorded["query"] == (
        f"bulkId={data['bulkId']}&bulkId=b%202&sentSince=2030-05-06T05%3A08%3A09.010%2B0000&limit=5"
    )
    assert '"sender":"InfoSMS"' in emu.requests("/sms/3/messages")[0]["body"]


def test_with_options_shares_the_client_and_overrides(emu: Emulator) -> None:
    emu.fault(path=BALANCE, status=503, count=1)
    with infobip.Client(emu.url, api_key=emu.api_key, max_retries=2) as c:
        with pytest.raises(infobip.InternalServerError):
            c.with_options(max_retries=0).request("GET", BALANCE)
        assert c.request("GET", BALANCE).attempts == 1
        with pytest.raises(infobip.ConfigurationError, match="timeout"):
            c.with_options(timeout=-1)


def test_repr_and_str_never_show_secrets(emu: Emulator) -> None:
    for kwargs in ({"api_key": "SECRET-KEY-1"}, {"username": "u", "password": "SECRET-PW-2"},
                   {"client_id": "id", "client_secret": "SECRET-3"}):
        c = infobip.Client(emu.url, **kwargs)  # type: ignore[arg-type]
        for text in (repr(c), str(c), repr(c.with_options(timeout=1))):
            assert "SECRET" not in text, text
            assert emu.url in text
        # A refused API key or Basic password is a 401 of the call; a refused OAuth2 secret fails
        # the token request, so the call is never sent.
        expected = infobip.AuthFailedError if "client_id" in kwargs else infobip.AuthenticationError
        with pytest.raises(expected) as raised:
            c.request("GET", BALANCE)
        assert "SECRET" not in str(raised.value) and "SECRET" not in repr(raised.value)
        assert all("SECRET" not in str(v) for v in vars(raised.value).values())


def _keepalive_server() -> "tuple[socket.socket, List[socket.socket]]":
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    accepted: List[socket.socket] = []

    def serve() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            accepted.append(conn)
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")

    threading.Thread(target=serve, daemon=True).start()
    return server, accepted


def test_close_releases_the_connections() -> None:
    server, accepted = _keepalive_server()
    try:
        url = "http://127.0.0.1:%d" % server.getsockname()[1]
        c = infobip.Client(url, api_key="k", max_retries=0)
        assert c.request("GET", "/x").status_code == 200
        assert len(accepted) == 1
        accepted[0].settimeout(5)
        c.close()
        assert accepted[0].recv(1) == b"", "the pooled connection was not closed"
        # Usable again after close(): a new connection.
        assert c.request("GET", "/x").status_code == 200
        assert len(accepted) == 2
        c.close()
    finally:
        server.close()
        for conn in accepted:
            conn.close()


def test_async_context_manager_closes(emu: Emulator) -> None:
    async def main() -> None:
        c = infobip.AsyncClient(emu.url, username=USERNAME, password=PASSWORD, ibsso=True)
        async with c as entered:
            assert entered is c
            await c.request("GET", BALANCE)
        assert [r["method"] for r in emu.requests("/auth/1/session")] == ["POST", "DELETE"]

    asyncio.run(main())


def test_import_from_another_directory(tmp_path: "object") -> None:
    out = subprocess.run([sys.executable, "-c", "import infobip; print(infobip.Client.__name__)"], cwd=str(tmp_path),
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "Client"
