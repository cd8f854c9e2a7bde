#!/usr/bin/env bash
# Runs the benchmarks for "Go Struct Field Alignment" (npm run bench -- go-struct-field-alignment).
#
# The machine is a shared 2-vCPU VM, so the runs are interleaved: BENCH_COUNT rounds, and in each
# round one process runs every benchmark once. A busy minute then falls on every variant alike,
# not on ten runs of one. stdout becomes bench/results.txt behind the runner's header.
#
# Each round also runs BenchmarkGC in a binary built with the pre-1.26 mark algorithm
# (GOEXPERIMENT=nogreenteagc); those lines go to results-nogreenteagc.txt.
set -euo pipefail
cd "$(dirname "$0")"
count="${BENCH_COUNT:-10}"
benchtime=200ms
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

go test -c -o "$tmp/bench.test" .
GOEXPERIMENT=nogreenteagc go test -c -o "$tmp/bench-nogreenteagc.test" .

echo "benchtime: ${benchtime}"
echo "method: ${count} rounds, each one process running every benchmark once"
{
  echo "go: $(go env GOVERSION)"
  echo "date: $(date -u +%Y-%m-%d)"
  echo "kernel: $(uname -s) $(uname -r)"
  echo "cores: $(nproc)"
  echo "memory: $(awk '/^MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "runs: ${count}"
  echo "benchtime: ${benchtime}"
  echo "method: ${count} rounds, one process each, alternating with results.txt's rounds"
  echo "goexperiment: nogreenteagc"
} > "$tmp/nogreenteagc.txt"

for round in $(seq 1 "$count"); do
  echo "round ${round} of ${count}" >&2
  # Go prints goos/goarch/pkg/cpu at the top of every run: keep the first round's.
  header='^(goos|goarch|pkg|cpu): '
  [ "$round" -eq 1 ] && header='^$'
  "$tmp/bench.test" -test.run '^$' -test.bench . -test.benchmem \
    -test.benchtime "$benchtime" -test.count 1 | grep -Ev "$header|^PASS$"
  "$tmp/bench-nogreenteagc.test" -test.run '^$' -test.bench '^BenchmarkGC$' -test.benchmem \
    -test.benchtime "$benchtime" -test.count 1 | grep -Ev "$header|^PASS$" >> "$tmp/nogreenteagc.txt"
done
cp "$tmp/nogreenteagc.txt" results-nogreenteagc.txt
