#!/usr/bin/env bash
# Run by `node scripts/bench.mjs go-memory-stack-vs-heap` from the repository root.
# stdout becomes results.txt; the compiler's own reports go to the .txt files below.
set -euo pipefail
cd "$(dirname "$0")"

# 1. Escape analysis decisions for every package in this module.
go build -gcflags=-m ./... > escape.txt 2>&1

# 2. The same with reasons (-m=2) for the escapes package only.
go build -gcflags=-m=2 ./escapes/ > escape-m2.txt 2>&1

# 3. How the compiler copies the arguments in BenchmarkArg: the DUFFCOPY and
#    REP MOVSQ instructions from the assembly listing (-S).
go test -c -o /dev/null -gcflags=-S . 2>&1 \
  | awk '/STEXT/ { keep = ($0 ~ /BenchmarkArg\.func/); if (keep) print $1; prev = ""; next }
         keep && /DUFFCOPY/ { print }
         keep && /MOVSQ/ { print prev; print }
         { prev = $0 }' \
  | sed -E "s|$PWD/||; s/[[:space:]]+/ /g" > copy-asm.txt

# 4. The benchmarks themselves.
go test -run '^$' -bench . -benchmem -count "${BENCH_COUNT:-6}" .
