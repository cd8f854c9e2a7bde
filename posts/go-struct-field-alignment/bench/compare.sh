#!/usr/bin/env bash
# Writes benchstat.txt: the comparisons the article quotes, each with benchstat's median,
# 95% confidence interval and p-value. Run it after run.sh; needs
# golang.org/x/perf/cmd/benchstat on PATH or in ~/go/bin.
set -euo pipefail
cd "$(dirname "$0")"
benchstat="$(command -v benchstat || echo "$HOME/go/bin/benchstat")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# variant FILE SUFFIX NAME: the key: value header of FILE and its benchmark lines whose
# name ends in SUFFIX (before the -2), with SUFFIX taken out so benchstat pairs the rows.
variant() {
  grep -E '^[a-z]+: ' "$1" > "$tmp/$3"
  grep -E "^Benchmark[^ ]*$2-2[[:space:]]" "$1" | sed -E "s#$2-2#-2#" >> "$tmp/$3"
}

# bare FILE NAME: FILE without the key: value lines that differ between runs (go, date,
# method, goexperiment ...), so that benchstat puts two runs in one table.
bare() {
  grep -E '^(goos|goarch|pkg|cpu): |^Benchmark' "$1" > "$tmp/$2"
}

{
  echo "# 1. Padded against ordered layout (results.txt), row by row."
  variant results.txt '/padded' padded
  variant results.txt '/ordered' ordered
  grep -v '^BenchmarkFalseSharing' "$tmp/padded" > "$tmp/padded-layout"
  "$benchstat" padded="$tmp/padded-layout" ordered="$tmp/ordered"
  echo
  echo "# 2. The pointer last against first (results.txt: Green Tea, the Go 1.26 default)."
  variant results.txt '/ptr-last' ptr-last
  variant results.txt '/ptr-first' ptr-first
  "$benchstat" ptr-last="$tmp/ptr-last" ptr-first="$tmp/ptr-first"
  echo
  echo "# 3. The same with GOEXPERIMENT=nogreenteagc (results-nogreenteagc.txt)."
  variant results-nogreenteagc.txt '/ptr-last' ngt-last
  variant results-nogreenteagc.txt '/ptr-first' ngt-first
  "$benchstat" ptr-last="$tmp/ngt-last" ptr-first="$tmp/ngt-first"
  echo
  echo "# 3b. The same on Go 1.19.8 (results-go1.19.txt, 6 runs)."
  variant results-go1.19.txt '/ptr-last' old-last
  variant results-go1.19.txt '/ptr-first' old-first
  "$benchstat" ptr-last="$tmp/old-last" ptr-first="$tmp/old-first"
  echo
  echo "# 4. The old mark algorithm against Green Tea, same program otherwise."
  bare results-nogreenteagc.txt nogreenteagc
  bare results.txt greentea
  "$benchstat" -filter '.name:/^GC/' nogreenteagc="$tmp/nogreenteagc" greentea="$tmp/greentea"
  echo
  echo "# 5. Two counters on one cache line against 64 and 128 bytes apart."
  variant results.txt '/same-line' same-line
  variant results.txt '/padded' pad64
  grep -E '^[a-z]+: |^BenchmarkFalseSharing' "$tmp/pad64" > "$tmp/pad64-fs"
  variant results.txt '/padded-128' pad128
  "$benchstat" same-line="$tmp/same-line" 64-apart="$tmp/pad64-fs" 128-apart="$tmp/pad128"
  echo
  echo "# 5b. 64 against 128 bytes apart."
  "$benchstat" 64-apart="$tmp/pad64-fs" 128-apart="$tmp/pad128"
  echo
  echo "# 6. Go 1.19.8 (results-go1.19.txt, 6 runs) against Go 1.26.8 (results.txt)."
  echo "# Different days and VM boots (see each file's kernel: line), other jobs running:"
  echo "# the change mixes toolchain and machine. Compare ratios within each run, not times."
  bare results-go1.19.txt go1.19
  bare results.txt go1.26
  "$benchstat" -filter '.name:/^(Build|Scan|NewSession|GC|FalseSharing)/' \
    go1.19="$tmp/go1.19" go1.26="$tmp/go1.26"
  echo
  echo "# 7. Padded against ordered in the first run of the same morning (results-sequential.txt):"
  echo "# go test -count 10, each benchmark's ten runs back to back, not interleaved."
  variant results-sequential.txt '/padded' seq-padded
  variant results-sequential.txt '/ordered' seq-ordered
  grep -v '^BenchmarkFalseSharing' "$tmp/seq-padded" > "$tmp/seq-padded-layout"
  "$benchstat" -filter '.unit:sec/op' padded="$tmp/seq-padded-layout" ordered="$tmp/seq-ordered"
} > benchstat.txt
