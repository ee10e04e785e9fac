#!/usr/bin/env bash
# Installs the official @infobip-api/sdk here (npm ci), builds this package's addon in release
# mode, then runs bench.mjs and parse.mjs (result parsing against JSON.parse + new Date).
# BENCH_COUNT / BENCH_CONCURRENCY / BENCH_REPEAT change the size.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --silent --no-audit --no-fund
(cd ../../bindings-node && npm ci --silent --no-audit --no-fund && npm run --silent build:release)
node bench.mjs
node parse.mjs
