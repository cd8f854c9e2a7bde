#!/usr/bin/env bash
# Writes benchstat.txt: benchstat's comparison of the pairs of rows of
# results.txt that the essay quotes as ratios (median, 95 % interval,
# Mann-Whitney p-value). Each pair is two rows of one run, renamed to a common
# name so that benchstat compares them as "old" and "new".
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
  (cd "$tmp" && "$benchstat" "${1//=/:}=old" "${2//=/:}=new")
  rm -r "$tmp"
}
{
  echo "# benchstat of results.txt ($(grep -m1 '^date:' results.txt), $(grep -m1 '^postgres:' results.txt))"
  echo "# benchstat: $(bsver)"
  pair FilterByCustomer/index=none FilterByCustomer/index=customer_id,id
  pair FilterByCustomer/index=customer_id FilterByCustomer/index=customer_id,id
  pair FilterBigCustomer/index=customer_id FilterBigCustomer/index=customer_id,id
  pair FilterOldCustomer/index=customer_id FilterOldCustomer/index=customer_id,id
  pair FilterOldCustomer/index=none FilterByCustomer/index=none
  pair CreateIndex/plain CreateIndex/concurrently
  pair Insert/commit=fsync/secondary-indexes=0 Insert/commit=fsync/secondary-indexes=1
  pair Insert/commit=fsync/secondary-indexes=0 Insert/commit=fsync/secondary-indexes=3
  pair Insert/commit=async/secondary-indexes=0 Insert/commit=async/secondary-indexes=1
  pair Insert/commit=async/secondary-indexes=0 Insert/commit=async/secondary-indexes=3
  pair Insert/commit=async/secondary-indexes=0 Insert/commit=fsync/secondary-indexes=0
  pair InsertAfterCheckpoint/secondary-indexes=0 InsertAfterCheckpoint/secondary-indexes=1
  pair InsertAfterCheckpoint/secondary-indexes=0 InsertAfterCheckpoint/secondary-indexes=3
  pair InsertAfterCheckpoint/secondary-indexes=1 InsertAfterCheckpoint/secondary-indexes=3
  pair Insert/commit=fsync/secondary-indexes=1 InsertAfterCheckpoint/secondary-indexes=1
  pair LookupByID/rows=10000 LookupByID/rows=1000000
  pair CountPending/rows=100000 CountPending/rows=1000000
  pair Page/offset=0 CountAll/rows=1000000
  pair CountPending/rows=1000000 CountPending/capped-at-10001
  pair CountPending/rows=1000000 CountPending/index-on-status
  pair CountPending/rows=1000000 CountPending/planner-estimate
  pair Page/keyset-after=500000 Page/offset=500000
  pair Page/offset=0 Page/keyset-after=500000
} > benchstat.txt
