#!/usr/bin/env bash
# Writes benchstat.txt, the analysis the article quotes: medians, 95 %
# confidence intervals and p-values (Mann-Whitney U) from benchstat.
# Usage: bash analyse.sh   (needs golang.org/x/perf/cmd/benchstat on PATH or in ~/go/bin)
set -euo pipefail
cd "$(dirname "$0")"
benchstat=$(command -v benchstat || echo ~/go/bin/benchstat)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One false-sharing variant under a shared name, so benchstat compares two files.
variant() { grep -E "^BenchmarkFalseSharing/$1/$2-" results.txt | sed "s|/$1/$2-|/$1-|"; }

{
	echo '# All Go 1.26 results'
	"$benchstat" results.txt
	echo
	echo '# 4 KiB pages (MADV_NOHUGEPAGE) vs 2 MiB pages (MADV_HUGEPAGE), same run'
	"$benchstat" -filter '/pages:(4KiB OR 2MiB)' -col /pages results.txt
	echo
	for pair in "adjacent padded-64" "padded-64 padded-128"; do
		set -- $pair
		: >"$tmp/$1"
		: >"$tmp/$2"
		for kind in atomic plain; do
			variant "$kind" "$1" >>"$tmp/$1"
			variant "$kind" "$2" >>"$tmp/$2"
		done
		echo "# False sharing: $1 vs $2"
		(cd "$tmp" && "$benchstat" "$1" "$2")
		echo
	done
	grep -E '^BenchmarkMatrix/n=4096/cols-' results.txt | sed 's|n=4096/||' >"$tmp/n4096"
	grep -E '^BenchmarkMatrix/n=4104/cols-' results.txt | sed 's|n=4104/||' >"$tmp/n4104"
	echo '# Column walk on the Go heap: n=4096 vs n=4104'
	(cd "$tmp" && "$benchstat" -filter '.unit:(sec/op OR ns/elem)' n4096 n4104)
	echo
	echo '# Go 1.19 (earlier VM instance, 6 runs, -benchtime 1s) vs Go 1.26 (10 runs, 300ms)'
	# Only the result lines: the two files' headers differ, and benchstat would
	# otherwise keep them apart.
	grep '^Benchmark' results-go1.19.txt >"$tmp/go1.19"
	grep '^Benchmark' results.txt >"$tmp/go1.26"
	(cd "$tmp" && "$benchstat" -filter '.unit:(sec/op OR ns/elem)' go1.19 go1.26)
} >benchstat.txt
