#!/usr/bin/env bash
# Prints benchmark lines in Go's format on stdout; scripts/bench.mjs adds the
# environment header and writes results.txt. BENCH_COUNT = runs per benchmark.
# Needs PostgreSQL's server binaries (Debian: apt-get install -y postgresql);
# starts and deletes its own cluster on 127.0.0.1:${PGPORT:-55440}.
# Also rewrites plans.txt (the plans PostgreSQL chose) and disk.txt (the disk).
set -euo pipefail
cd "$(dirname "$0")"
exec python3 cost.py "$@"
