#!/usr/bin/env bash
# CPU profiles of the three larger Return/*/pointer rows, one 1 s run each,
# written as pprof -top listings to profile-return.txt.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go test -c -o "$tmp/bench.test" .
{
  echo "go: $(go env GOVERSION)"
  echo "date: $(date -u +%Y-%m-%d)"
  echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) vCPUs in a VM"
  echo "settings: -benchtime 1s -count 1 -cpuprofile, one run per size"
  for sz in 128B 1KB 8KB; do
    echo
    "$tmp/bench.test" -test.run '^$' -test.bench "^BenchmarkReturn/$sz/pointer\$" \
      -test.benchmem -test.benchtime 1s -test.count 1 \
      -test.cpuprofile "$tmp/$sz.prof" | grep '^Benchmark'
    go tool pprof -top -nodecount=15 "$tmp/bench.test" "$tmp/$sz.prof" 2>/dev/null \
      | grep -v '^Time:\|^File:\|^Type:\|^Build ID:' \
      | sed "s|playbook/posts/go-memory-stack-vs-heap/bench\.||"
  done
} > profile-return.txt
