#!/usr/bin/env bash
# Writes results-fill-touch.txt: BenchmarkFill (slice untouched before the timer) and
# BenchmarkFillTouched (one untimed fill first) in BENCH_COUNT interleaved rounds, one
# process per round, and benchstat-fill-touch.txt comparing them row by row.
# Run under the shared lock: flock /tmp/playbook-cpu.lock ./fill-touch.sh
set -euo pipefail
cd "$(dirname "$0")"
count="${BENCH_COUNT:-10}"
benchtime=200ms
benchstat="$(command -v benchstat || echo "$HOME/go/bin/benchstat")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
go test -c -o "$tmp/bench.test" .
{
  echo "go: $(go env GOVERSION)"
  echo "date: $(date -u +%Y-%m-%d)"
  echo "kernel: $(uname -s) $(uname -r)"
  echo "cores: $(nproc)"
  echo "memory: $(awk '/^MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "cpu-model: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "runs: ${count}"
  echo "benchtime: ${benchtime}"
  echo "method: ${count} rounds, each one process running both benchmarks once"
  for round in $(seq 1 "$count"); do
    header='^(goos|goarch|pkg|cpu): '
    [ "$round" -eq 1 ] && header='^$'
    "$tmp/bench.test" -test.run '^$' -test.bench '^BenchmarkFill(Touched)?$' -test.benchmem \
      -test.benchtime "$benchtime" -test.count 1 | grep -Ev "$header|^PASS$"
  done
} > results-fill-touch.txt
grep -Ev '^BenchmarkFillTouched' results-fill-touch.txt > "$tmp/untouched"
grep -Ev '^BenchmarkFill/' results-fill-touch.txt | sed 's/^BenchmarkFillTouched/BenchmarkFill/' > "$tmp/touched"
{
  echo "# Fill with the slice untouched before the timer against one untimed fill first."
  "$benchstat" -filter '.unit:sec/op' untouched="$tmp/untouched" touched="$tmp/touched"
  echo
  echo "# Padded against ordered, touched slices only."
  grep -E '^[a-z-]+: ' "$tmp/touched" > "$tmp/t-padded"; cp "$tmp/t-padded" "$tmp/t-ordered"
  grep -E '^Benchmark[^ ]*/padded-2' "$tmp/touched" | sed 's#/padded-2#-2#' >> "$tmp/t-padded"
  grep -E '^Benchmark[^ ]*/ordered-2' "$tmp/touched" | sed 's#/ordered-2#-2#' >> "$tmp/t-ordered"
  "$benchstat" -filter '.unit:sec/op' padded="$tmp/t-padded" ordered="$tmp/t-ordered"
} > benchstat-fill-touch.txt
