#!/usr/bin/env bash
# BenchmarkMark with Go 1.26's Green Tea marker and with the previous one
# (GOEXPERIMENT=nogreenteagc), every run of every case in a fresh process, so
# that no case pays for the heap another one left behind. Called by run.sh.
# Writes results-mark.txt and results-mark-nogreenteagc.txt; -benchtime 200ms.
set -euo pipefail
cd "$(dirname "$0")"
count="${BENCH_COUNT:-10}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

go test -c -o "$tmp/greentea.test" .
GOEXPERIMENT=nogreenteagc go test -c -o "$tmp/nogreenteagc.test" .

header() {
	echo "go: $(go env GOVERSION)"
	echo "goexperiment: $1"
	echo "date: $(date -u +%F)"
	echo "kernel: $(uname -s) $(uname -r)"
	echo "cores: $(nproc)"
	echo "memory: $(awk '/^MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
	echo "runs: $count"
}

# The two builds take turns, case by case, round by round.
header greenteagc >"$tmp/greentea.txt"
header nogreenteagc >"$tmp/nogreenteagc.txt"
for _ in $(seq "$count"); do
	for c in pointers one-object flat; do
		for b in greentea nogreenteagc; do
			"$tmp/$b.test" -test.run '^$' -test.bench "^BenchmarkMark\$/^${c}\$" \
				-test.benchmem -test.count 1 -test.benchtime 200ms >>"$tmp/$b.txt"
		done
	done
done
awk '/^Benchmark/ { print; next } $0 == "PASS" || /^ok / { next } !seen[$0]++ { print }' \
	"$tmp/greentea.txt" >results-mark.txt
awk '/^Benchmark/ { print; next } $0 == "PASS" || /^ok / { next } !seen[$0]++ { print }' \
	"$tmp/nogreenteagc.txt" >results-mark-nogreenteagc.txt
