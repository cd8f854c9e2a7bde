#!/usr/bin/env bash
# Writes benchstat.txt: benchstat's comparison of the pairs of rows of
# results.txt that the article quotes as ratios (median, 95 % interval,
# Mann-Whitney p-value). Each pair is two rows of one run, renamed to a common
# name so that benchstat compares them as "old" and "new".
set -euo pipefail
cd "$(dirname "$0")"
benchstat=${BENCHSTAT:-$HOME/go/bin/benchstat}
keep() { # drop the B/op and allocs/op columns: the quoted ratios are times
  awk '{ out = $1 "\t" $2; for (i = 3; i < NF; i += 2) if ($(i+1) != "B/op" && $(i+1) != "allocs/op") out = out "\t" $i " " $(i+1); print out }'
}
bsver() { go version -m "$benchstat" 2>/dev/null | awk 'NR==1{g=$2} $1=="mod"{v=$3} END{print "golang.org/x/perf " v ", built with " g}'; }
pair() { # pair <old row> <new row>
  local tmp
  tmp=$(mktemp -d)
  grep -E "^Benchmark$1-[0-9]+\s" results.txt | sed -E "s#^Benchmark$1-#BenchmarkX-#" | keep > "$tmp/old"
  grep -E "^Benchmark$2-[0-9]+\s" results.txt | sed -E "s#^Benchmark$2-#BenchmarkX-#" | keep > "$tmp/new"
  echo "== $1 -> $2"
  (cd "$tmp" && "$benchstat" "$1=old" "$2=new")
  rm -r "$tmp"
}
{
  echo "# benchstat of results.txt ($(grep -m1 '^date:' results.txt), $(grep -m1 '^go:' results.txt))"
  echo "# benchstat: $(bsver)"
  pair Scan/rows-branchy Scan/columns-branchy
  pair Scan/rows Scan/columns
  pair Scan/volcano-rows Scan/volcano-columns
  pair Scan/vectorized-rows Scan/vectorized-columns
  pair Scan/volcano-rows Scan/vectorized-rows
  pair Scan/volcano-columns Scan/vectorized-columns
  pair Scan/columns Scan/vectorized-columns
  pair Scan/rows Scan/volcano-rows
  pair Scan/rows Scan/json-docs
  pair Lookup/rows Lookup/columns
  pair Lookup/rows Lookup/column-blocks
  pair Insert/rows Insert/columns
  pair Compress/row-major Compress/column-major
} > benchstat.txt
