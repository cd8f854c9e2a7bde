#!/usr/bin/env bash
# Prints benchmark lines in Go's format on stdout; scripts/bench.mjs adds the
# environment header and writes results.txt. BENCH_COUNT = runs per benchmark.
set -euo pipefail
cd "$(dirname "$0")"
exec python3 cost.py
