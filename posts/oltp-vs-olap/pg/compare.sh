#!/usr/bin/env bash
# Writes benchstat.txt and benchstat-second-run.txt: benchstat's comparison
# of the three conditions of results.txt and of the earlier results-second-run.txt (median of the ten runs' values for every column, 95 % interval,
# Mann-Whitney p-value). Each condition's rows are renamed to a common name so
# that benchstat compares them.
set -euo pipefail
cd "$(dirname "$0")"
benchstat=${BENCHSTAT:-$HOME/go/bin/benchstat}
bsver() { go version -m "$benchstat" 2>/dev/null | awk 'NR==1{g=$2} $1=="mod"{v=$3} END{print "golang.org/x/perf " v ", built with " g}'; }
pair() { # pair <old row> <new row>
  local tmp
  tmp=$(mktemp -d)
  grep -E "^Benchmark$1\s" "$res" | sed -E "s#^Benchmark$1\s#BenchmarkX\t#" > "$tmp/old"
  grep -E "^Benchmark$2\s" "$res" | sed -E "s#^Benchmark$2\s#BenchmarkX\t#" > "$tmp/new"
  echo "== $1 -> $2"
  (cd "$tmp" && "$benchstat" "${1//=/:}=old" "${2//=/:}=new")
  rm -r "$tmp"
}
for res in results.txt results-second-run.txt; do
  out=benchstat.txt
  [ "$res" = results.txt ] || out=benchstat-${res#results-}
  {
    echo "# benchstat of $res ($(grep -m1 '^date:' "$res"))"
    echo "# benchstat: $(bsver)"
    pair Login/report=none Login/report=parallel
    pair Login/report=none Login/report=serial
    pair Login/report=serial Login/report=parallel
    pair ReportAlone/serial ReportAlone/parallel
  } > "$out"
done
python3 paired.py
