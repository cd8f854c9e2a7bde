#!/usr/bin/env bash
# Writes results.txt (Go's benchmark format behind a header that says when and
# on what it ran) and plans.txt. Needs PostgreSQL's server binaries (Debian:
# apt-get install -y postgresql) and chDB (pip install -r requirements.txt);
# starts and deletes its own cluster on 127.0.0.1:${PGPORT:-55441}. About five
# minutes at BENCH_COUNT=10: run it under the machine's CPU lock.
set -euo pipefail
cd "$(dirname "$0")"
python3 -c 'import chdb' 2>/dev/null || { echo "chDB is missing: pip install -r requirements.txt" >&2; exit 1; }
out=$(mktemp)
{
  echo "date: $(date -u +%Y-%m-%d)"
  echo "kernel: $(uname -s) $(uname -r)"
  echo "cores: $(nproc)"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "runs: ${BENCH_COUNT:-10}"
  python3 engines.py "$@"
} > "$out"
mv "$out" results.txt
chmod 644 results.txt
