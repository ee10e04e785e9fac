#!/usr/bin/env bash
# Runs every fuzz target for a while (default 600 s each) with cargo-fuzz on nightly.
# Seeds are in seeds/<target>; new corpus entries go to corpus/<target> (not committed).
# A crash found becomes a regression test in core (see core/tests/fuzz_regressions.rs).
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
for target in time_parse error_body delivery_reports inbound click; do
  mkdir -p "corpus/$target"
  cargo +nightly fuzz run "$target" "corpus/$target" "seeds/$target" -- -max_total_time="$seconds" -print_final_stats=1 2>&1 \
    | tee "/tmp/fuzz-$target.log" | grep -E 'stat::number_of_executed_units|Done|ERROR|SUMMARY' || true
done
