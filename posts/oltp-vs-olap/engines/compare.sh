#!/usr/bin/env bash
# Writes benchstat.txt: benchstat's comparison of the pairs of rows of
# results.txt that the article quotes as ratios. Each pair is two rows of one
# run, renamed to a common name so that benchstat compares them.
set -euo pipefail
cd "$(dirname "$0")"
benchstat=${BENCHSTAT:-$HOME/go/bin/benchstat}
bsver() { go version -m "$benchstat" 2>/dev/null | awk 'NR==1{g=$2} $1=="mod"{v=$3} END{print "golang.org/x/perf " v ", built with " g}'; }
pair() { # pair <old row> <new row>
  local tmp
  tmp=$(mktemp -d)
  grep -E "^Benchmark$1\s" results.txt | sed -E "s#^Benchmark$1\s#BenchmarkX\t#" > "$tmp/old"
  grep -E "^Benchmark$2\s" results.txt | sed -E "s#^Benchmark$2\s#BenchmarkX\t#" > "$tmp/new"
  echo "== $1 -> $2"
  (cd "$tmp" && "$benchstat" "$1=old" "$2=new")
  rm -r "$tmp"
}
{
  echo "# benchstat of results.txt ($(grep -m1 '^date:' results.txt))"
  echo "# benchstat: $(bsver)"
  pair Floor/postgres Floor/clickhouse
  pair Scan/postgres Scan/clickhouse
  pair Lookup/postgres Lookup/clickhouse
  pair Floor/postgres Lookup/postgres
  pair Floor/clickhouse Lookup/clickhouse
  pair LookupID/clickhouse Lookup/clickhouse
  pair LookupID/postgres Lookup/postgres
} > benchstat.txt
