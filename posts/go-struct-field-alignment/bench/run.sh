#!/usr/bin/env bash
# Runs the benchmarks for "Go Struct Field Alignment" (npm run bench -- go-struct-field-alignment).
# stdout becomes bench/results.txt behind the runner's header. The GC benchmark also runs a second
# time with the pre-1.26 mark algorithm (GOEXPERIMENT=nogreenteagc) into results-nogreenteagc.txt.
set -euo pipefail
cd "$(dirname "$0")"
count="${BENCH_COUNT:-10}"
benchtime=200ms

echo "benchtime: ${benchtime}"
go test -run '^$' -bench . -benchmem -benchtime "$benchtime" -count "$count" .

echo "running BenchmarkGC with GOEXPERIMENT=nogreenteagc" >&2
{
  echo "go: $(go env GOVERSION)"
  echo "date: $(date -u +%Y-%m-%d)"
  echo "kernel: $(uname -s) $(uname -r)"
  echo "cores: $(nproc)"
  echo "runs: ${count}"
  echo "benchtime: ${benchtime}"
  echo "goexperiment: nogreenteagc"
  GOEXPERIMENT=nogreenteagc go test -run '^$' -bench '^BenchmarkGC$' -benchmem \
    -benchtime "$benchtime" -count "$count" .
} > results-nogreenteagc.txt
