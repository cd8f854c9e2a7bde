#!/usr/bin/env bash
# Invoked by `node scripts/bench.mjs production-ready-background-workers-in-python`,
# which captures stdout into results.txt. BENCH_COUNT runs of each worker.
# LOAD_SECONDS (default 15) sets the length of each run.
set -euo pipefail
cd "$(dirname "$0")"
exec python3 loadtest.py
