"""Peak memory of one call answered by a gzip bomb: a ~1 MiB gzip body that inflates to 1 GiB.

    python gzip_bomb.py            # uses the `infobip` package importable by this interpreter

The script serves the answers itself (a loopback HTTP server in this process, no emulator needed,
so it runs against any build of the package, old or new). Each measurement is a fresh Python
process that makes one client and one call and prints its peak RSS:

- baseline: the same call answered by a small gzip body (1 KiB once inflated);
- bomb: the call answered by the bomb (the SDK must stop at its cap, 32 MiB by default, and fail
  with `decode`).

It prints both peaks and their difference, and exits 1 when the bomb costs more than 64 MiB over
the baseline of the same run (a ratio to the same run's baseline, never an absolute timing).
Nothing here is a test: ./x test does not run it.
"""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
import zlib

INFLATED = int(os.environ.get("BOMB_BYTES", str(1 << 30)))
LIMIT_MIB = 64


def gzip_of_spaces(size: int) -> bytes:
    """A gzip stream of `size` spaces, compressed chunk by chunk (never held inflated)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b" " * (1 << 20)
    parts = []
    left = size
    while left > 0:
        n = min(left, len(chunk))
        parts.append(compressor.compress(chunk[:n]))
        left -= n
    parts.append(compressor.flush())
    return b"".join(parts)


class Handler(http.server.BaseHTTPRequestHandler):
    bodies: dict = {}

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        body = self.bodies[self.path]
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading at its cap

    def log_message(self, *args: object) -> None:
        pass


CHILD = r"""
import json, resource, sys
import infobip
client = infobip.Client(sys.argv[1], api_key="bench-key", max_retries=0)
try:
    client.request("GET", sys.argv[2])
    outcome = "ok"
except infobip.InfobipError as error:
    outcome = error.code
print(json.dumps({"outcome": outcome, "peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def measure(url: str, path: str) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, url, path], capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        return {"outcome": f"process died ({done.returncode}): {done.stderr[-300:]}", "peak_kib": 0}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    Handler.bodies = {"/small": gzip_of_spaces(1024), "/bomb": gzip_of_spaces(INFLATED)}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        baseline = measure(url, "/small")
        bomb = measure(url, "/bomb")
    finally:
        server.shutdown()
    delta_mib = (bomb["peak_kib"] - baseline["peak_kib"]) / 1024
    print(f"gzip bomb: {len(Handler.bodies['/bomb']) / 1024:.0f} KiB on the wire, {INFLATED / (1 << 20):.0f} MiB inflated")
    print(f"baseline (1 KiB answer): peak RSS {baseline['peak_kib'] / 1024:.1f} MiB ({baseline['outcome']})")
    print(f"bomb:                    peak RSS {bomb['peak_kib'] / 1024:.1f} MiB ({bomb['outcome']})")
    print(f"difference: {delta_mib:.1f} MiB (limit {LIMIT_MIB} MiB)")
    return 0 if bomb["peak_kib"] and delta_mib <= LIMIT_MIB else 1


if __name__ == "__main__":
    sys.exit(main())
