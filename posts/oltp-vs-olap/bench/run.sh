#!/usr/bin/env bash
# Runs this module's benchmarks in BENCH_COUNT rounds instead of one
# `go test -count N`: go test runs the N runs of one sub-benchmark back to
# back, so a slow minute of the shared host lands on one variant only. Here
# every round is one process that runs every benchmark once (-count 1), the
# top-level benchmarks in a shuffled order and the variants inside each in an
# order rotated by the round number (BENCH_ROUND, see rotated in
# bench_test.go). Prints Go's benchmark output once, with go test's goos,
# goarch, pkg and cpu lines from the first round; npm run bench adds the rest
# of the header. About ten minutes at BENCH_COUNT=10.
set -euo pipefail
cd "$(dirname "$0")"
count=${BENCH_COUNT:-10}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go test -c -o "$tmp/bench.test" .
for round in $(seq 1 "$count"); do
  echo "round $round of $count" >&2
  BENCH_ROUND=$round "$tmp/bench.test" -test.run '^$' -test.bench . -test.benchmem \
    -test.count 1 -test.shuffle "$round" > "$tmp/out"
  if [ "$round" = 1 ]; then
    grep -E '^(goos|goarch|pkg|cpu): ' "$tmp/out"
  fi
  grep -E '^Benchmark' "$tmp/out"
done
