#!/usr/bin/env bash
# Invoked by `node scripts/bench.mjs production-ready-background-workers-in-python`,
# which captures stdout into results.txt. BENCH_COUNT runs of each of the three
# workers (robust, no-keys, no-cas), about 17 s each; LOAD_SECONDS (default 15)
# sets the length of a run. The committed results.txt came from
# `BENCH_COUNT=6 python3 loadtest.py` with the header written in the same form
# (the runner's minimum of 10 runs would take about 9 minutes).
set -euo pipefail
cd "$(dirname "$0")"
exec python3 loadtest.py
