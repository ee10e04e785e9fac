"""Network settings (a proxy, extra CA certificates, a client certificate) and paging that a
server cannot make spin: each against a server the test starts on 127.0.0.1."""

from __future__ import annotations

import base64
import json
import pathlib
import socket
import socketserver
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Iterator, List, Tuple

import pytest

import infobip
from conftest import Emulator, launch, stop

PASSWORD = "py-proxy-hunter2"
BALANCE = "/account/1/balance"


class _Relay(socketserver.BaseRequestHandler):
    """Records a request head; tunnels `CONNECT` and forwards absolute-form requests, to
    loopback targets only."""

    server: "RecordingProxy"

    def handle(self) -> None:
        client: socket.socket = self.request
        head = b""
        while b"\r\n\r\n" not in head and len(head) < 16384:
            chunk = client.recv(1)
            if not chunk:
                return
            head += chunk
        text = head.decode("latin-1")
        self.server.heads.append(text)
        method, target = text.split(" ")[:2]
        authority = target if method == "CONNECT" else target.split("//", 1)[-1].split("/", 1)[0]
        host, port = authority.rsplit(":", 1)
        if host not in ("127.0.0.1", "localhost"):
            client.sendall(b"HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n")
            return
        upstream = socket.create_connection((host, int(port)), timeout=10)
        if method == "CONNECT":
            client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        else:
            upstream.sendall(head)
        pump = threading.Thread(target=_copy, args=(upstream, client), daemon=True)
        pump.start()
        _copy(client, upstream)
        pump.join(timeout=10)
        upstream.close()


def _copy(source: socket.socket, sink: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            sink.sendall(data)
        sink.shutdown(socket.SHUT_WR)
    except OSError:
        pass


class RecordingProxy(socketserver.ThreadingTCPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Relay)
        self.heads: List[str] = []
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def url(self, user: str = "user", password: str = PASSWORD) -> str:
        return f"http://{user}:{password}@127.0.0.1:{self.server_address[1]}"


@pytest.fixture()
def proxy() -> Iterator[RecordingProxy]:
    server = RecordingProxy()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def tls_emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tuple[str, str, pathlib.Path]]:
    """An emulator with `--tls --tls-client-auth`: its URL, key and the directory of its PEM files."""
    directory = tmp_path_factory.mktemp("tls")
    process, url, key, lines = launch("--tls", "--tls-client-auth", "--tls-dir", str(directory))
    try:
        assert url.startswith("https://127.0.0.1:")
        assert lines[-1] == f"TLS CA certificate: {directory / 'ca.pem'}\n", lines
        yield url, key, directory
    finally:
        stop(process)


def test_a_proxy_sees_every_request_and_no_proxy_bypasses_it(emu: Emulator, proxy: RecordingProxy) -> None:
    with infobip.Client(emu.url, api_key=emu.api_key, proxy=proxy.url()) as client:
        assert client.request("GET", BALANCE).status_code == 200
        assert PASSWORD not in repr(client) and PASSWORD not in str(client)
    assert len(proxy.heads) == 1
    assert proxy.heads[0].startswith(f"GET {emu.url}{BALANCE} HTTP/1.1\r\n"), proxy.heads
    token = base64.b64encode(f"user:{PASSWORD}".encode()).decode()
    assert f"proxy-authorization: Basic {token}" in proxy.heads[0], proxy.heads

    with infobip.Client(emu.url, api_key=emu.api_key, proxy=proxy.url(), no_proxy="127.0.0.1") as client:
        assert client.request("GET", BALANCE).status_code == 200
    assert len(proxy.heads) == 1, "the no-proxy list bypassed the proxy"


def test_mutual_tls_through_a_proxy_with_the_emulators_ca(
    tls_emulator: Tuple[str, str, pathlib.Path], proxy: RecordingProxy
) -> None:
    url, key, directory = tls_emulator
    certificate = {"client_cert": directory / "client.pem", "client_key": str(directory / "client-key.pem")}
    # The CA as a path, and as PEM bytes; the client certificate as paths.
    for ca_cert in (str(directory / "ca.pem"), (directory / "ca.pem").read_bytes()):
        with infobip.Client(url, api_key=key, ca_cert=ca_cert, proxy=proxy.url(), **certificate) as client:  # type: ignore[arg-type]
            assert client.request("GET", BALANCE).status_code == 200
    assert [h.split("\r\n")[0] for h in proxy.heads] == [f"CONNECT {url[len('https://'):]} HTTP/1.1"] * 2

    # Without the CA the certificate is named; without the client certificate the server refuses.
    with infobip.Client(url, api_key=key, max_retries=0, **certificate) as client:  # type: ignore[arg-type]
        with pytest.raises(infobip.APIConnectionError) as raised:
            client.request("GET", BALANCE)
        assert "UnknownIssuer" in str(raised.value) and "root certificate" in str(raised.value)
    with infobip.Client(url, api_key=key, ca_cert=directory / "ca.pem") as client:
        with pytest.raises(infobip.APIConnectionError) as raised:
            client.request("GET", BALANCE)
        assert "client certificate" in str(raised.value)


def test_certificate_settings_are_checked_when_the_client_is_made(tmp_path: pathlib.Path) -> None:
    with pytest.raises(infobip.ConfigurationError) as raised:
        infobip.Client("https://x.api.infobip.com", api_key="k", ca_cert=tmp_path / "missing.pem")
    assert "missing.pem" in str(raised.value)
    with pytest.raises(infobip.ValidationError) as invalid:
        infobip.Client("https://x.api.infobip.com", api_key="k", ca_cert=42)  # type: ignore[arg-type]
    assert invalid.value.violations[0].property == "ca_cert"
    with pytest.raises(infobip.ConfigurationError):
        infobip.Client("https://x.api.infobip.com", api_key="k", client_cert=b"x")
    with pytest.raises(infobip.ConfigurationError) as bad_proxy:
        infobip.Client("https://x.api.infobip.com", api_key="k", proxy=f"socks5://u:{PASSWORD}@127.0.0.1:1")
    assert PASSWORD not in str(bad_proxy.value) and "***" in str(bad_proxy.value)


class _SameCursor(BaseHTTPRequestHandler):
    """Answers every page of logs with one log and the same next cursor."""

    paths: List[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        self.paths.append(self.path)
        body = json.dumps({"results": [{"messageId": f"m{len(self.paths)}"}], "cursor": {"nextCursor": "again"}})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *_: object) -> None:
        pass


def test_logs_stop_with_a_decode_error_when_the_server_repeats_the_cursor() -> None:
    server = HTTPServer(("127.0.0.1", 0), _SameCursor)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _SameCursor.paths = []
    try:
        with infobip.Client(f"http://127.0.0.1:{server.server_address[1]}", api_key="k") as client:
            seen: List[str] = []
            with pytest.raises(infobip.DecodeError) as raised:
                for log in client.sms.logs(limit=1):
                    seen.append(str(log.message_id))
                    assert len(seen) < 100, "the iteration never ended"
        assert seen == ["m1", "m2"]
        assert '"again"' in str(raised.value)
        assert len(_SameCursor.paths) == 2 and _SameCursor.paths[1].endswith("cursor=again")
    finally:
        server.shutdown()
        server.server_close()
