#!/usr/bin/env bash
# Writes benchstat.txt: benchstat's medians, 95 % confidence intervals and
# Mann-Whitney p-values for the comparisons the article quotes.
# Needs benchstat (go install golang.org/x/perf/cmd/benchstat@latest).
set -euo pipefail
cd "$(dirname "$0")"
BENCHSTAT=${BENCHSTAT:-benchstat}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# benchstat compares along a key=value part of the name, so name the parts:
# Return/16B/value -> Return/size=16B/kind=value.
sed -E 's#^(Benchmark(Return|Arg|Interface)/)([^/]+)/(value|pointer)-#\1size=\3/kind=\4-#;
        s#^(BenchmarkBuild/)([^/]+)/(value|pointer)s-#\1n=\2/kind=\3-#;
        s#^(BenchmarkForward/)([^/]+)/([a-z0-9]+)-#\1size=\2/store=\3-#' \
  results.txt > "$tmp/named.txt"

{
  echo "## Go 1.26: value against pointer (results.txt)"
  "$BENCHSTAT" -filter '.name:(Return OR Arg OR Interface OR Build)' -col /kind "$tmp/named.txt"
  echo
  echo "## Go 1.26: the 128-byte argument copy after an 8-byte, a 16-byte or no store (results.txt)"
  "$BENCHSTAT" -filter '.name:Forward' -col /store "$tmp/named.txt"
  echo
  echo "## Go 1.26: the value constructors' zeroing on its own (results-zero.txt)"
  "$BENCHSTAT" -filter '.name:Zero' results-zero.txt
  echo
  echo "## Go 1.26: copying an 8 KiB result back with s 8,200 or 9,224 bytes above the result slot (results-copyback.txt)"
  sed -E 's#^(BenchmarkCopyBack/)([^/]+)/([0-9]+)-#\1size=\2/gap=\3-#' results-copyback.txt > "$tmp/copyback.txt"
  "$BENCHSTAT" -col /gap "$tmp/copyback.txt"
  echo
  echo "## Go 1.19 against Go 1.26 (results-go1.19.txt, results.txt)"
  "$BENCHSTAT" -ignore go,date,kernel,runs,settings,machine \
    -filter '.name:(Return OR Arg OR Interface OR Build OR Every8th)' results-go1.19.txt results.txt
} > benchstat.txt
