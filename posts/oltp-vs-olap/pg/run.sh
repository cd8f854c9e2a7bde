#!/usr/bin/env bash
# Writes results.txt (the interference runs, in Go's benchmark format, behind a
# header that says when and on what they ran) and demos.txt. Needs PostgreSQL's
# server binaries and contrib (Debian: apt-get install -y postgresql); starts
# and deletes its own cluster on 127.0.0.1:${PGPORT:-55442}. Takes about 10
# minutes at BENCH_COUNT=10: run it under the machine's CPU lock.
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp)
{
  echo "date: $(date -u +%Y-%m-%d)"
  echo "kernel: $(uname -s) $(uname -r)"
  echo "cores: $(nproc)"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "runs: ${BENCH_COUNT:-10}"
  echo "disk: $(findmnt -n -o SOURCE,FSTYPE -T "${TMPDIR:-/tmp}")"
  python3 interference.py "$@"
} > "$out"
mv "$out" results.txt
chmod 644 results.txt
