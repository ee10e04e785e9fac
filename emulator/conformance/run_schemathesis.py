"""Runs schemathesis against the emulator binary, one fresh emulator per spec, seeded and bounded
in time, and prints the number of cases and failures per spec. Exits 1 on any failure.

Usage: run_schemathesis.py EMULATOR_BIN SPEC_COPIES_DIR REPORT_DIR PRODUCT...
"""

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

SEED = int(os.environ.get("CONFORMANCE_SEED", "20260101"))
MAX_EXAMPLES = int(os.environ.get("CONFORMANCE_MAX_EXAMPLES", "20"))
MAX_TIME = os.environ.get("CONFORMANCE_MAX_TIME", "35")  # seconds per spec
CHECKS = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_headers_conformance",
        "response_schema_conformance",
        "negative_data_rejection",
        "missing_required_header",
        "unsupported_method",
        "ignored_auth",
    ]
)


def start_emulator(binary):
    proc = subprocess.Popen(
        [binary, "--port", "0", "--seed", "1", "--delivery-delay-ms", "50"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    line = proc.stdout.readline() if proc.stdout else ""
    match = re.search(r"(http://127\.0\.0\.1:\d+) \(API key: ([^)]+)\)", line)
    if not match:
        proc.kill()
        raise SystemExit(f"the emulator did not start: {line!r}")
    return proc, match.group(1), match.group(2)


def run_one(st, binary, spec, report_dir):
    proc, base_url, key = start_emulator(binary)
    report = report_dir / f"{spec.stem}.json"
    try:
        started = time.monotonic()
        subprocess.run(
            [
                st, "run", str(spec.resolve()),
                "--url", base_url,
                "--header", f"Authorization: App {key}",
                "--seed", str(SEED),
                "--max-examples", str(MAX_EXAMPLES),
                "--max-time", MAX_TIME,
                "--workers", "1",
                "--checks", CHECKS,
                "--generation-database", "none",
                "--no-color",
                "--report", "json",
                "--report-json-path", str(report.resolve()),
            ],
            stdout=open(report_dir / f"{spec.stem}.log", "w"),
            stderr=subprocess.STDOUT,
            cwd=report_dir,
            env={**os.environ, "SCHEMATHESIS_HOOKS": "conformance_hooks", "PYTHONPATH": str(Path(__file__).resolve().parent)},
            check=False,
        )
        elapsed = time.monotonic() - started
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
    data = json.loads(report.read_text())
    cases = data["test_cases"]["generated"]
    failures = sum(f["count"] for f in data["failures"])
    errors = len(data["errors"])
    return cases, failures, errors, elapsed, data


def main():
    binary, copies, report_dir, *products = sys.argv[1:]
    binary = str(Path(binary).resolve())
    st = str(Path(sys.executable).parent / "schemathesis")
    report_dir = Path(report_dir)
    report_dir.mkdir(parents=True, exist_ok=True)
    total_failures = 0
    print(f"{'spec':<10} {'cases':>6} {'failures':>9} {'errors':>7} {'seconds':>8}")
    for product in products:
        cases, failures, errors, elapsed, data = run_one(st, binary, Path(copies) / f"{product}.json", report_dir)
        total_failures += failures + errors
        print(f"{product:<10} {cases:>6} {failures:>9} {errors:>7} {elapsed:>8.1f}")
        for f in data["failures"]:
            print(f"    {f['code']} {f['title']} x{f['count']}: {', '.join(f['operations'])}")
        for e in data["errors"]:
            print(f"    error: {json.dumps(e)[:300]}")
    if total_failures:
        print(f"see {report_dir}/<spec>.log for each failure and a curl line to reproduce it")
        sys.exit(1)


if __name__ == "__main__":
    main()
