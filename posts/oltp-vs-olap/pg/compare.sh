#!/usr/bin/env bash
# Writes benchstat.txt: benchstat's comparison of the three conditions of
# results.txt (median of the ten runs' values for every column, 95 % interval,
# Mann-Whitney p-value). Each condition's rows are renamed to a common name so
# that benchstat compares them.
set -euo pipefail
cd "$(dirname "$0")"
benchstat=${BENCHSTAT:-$HOME/go/bin/benchstat}
pair() { # pair <old row> <new row>
  local tmp
  tmp=$(mktemp -d)
  grep -E "^Benchmark$1\s" results.txt | sed -E "s#^Benchmark$1\s#BenchmarkX\t#" > "$tmp/old"
  grep -E "^Benchmark$2\s" results.txt | sed -E "s#^Benchmark$2\s#BenchmarkX\t#" > "$tmp/new"
  echo "== $1 -> $2"
  (cd "$tmp" && "$benchstat" "${1//=/:}=old" "${2//=/:}=new")
  rm -r "$tmp"
}
{
  echo "# benchstat of results.txt ($(grep -m1 '^date:' results.txt))"
  pair Login/report=none Login/report=parallel
  pair Login/report=none Login/report=serial
  pair Login/report=serial Login/report=parallel
} > benchstat.txt
