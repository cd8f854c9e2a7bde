#!/usr/bin/env bash
# Run by `node scripts/bench.mjs go-gc-deep-dive` (under the CPU lock).
# stdout becomes results.txt (the benchmark tables); the other artifacts the
# article quotes are written next to it:
#   results-mark.txt, results-mark-nogreenteagc.txt  BenchmarkMark built
#                  with Green Tea and with GOEXPERIMENT=nogreenteagc (Go
#                  1.26's previous marker), one process per run (mark.sh)
#   gctrace.txt    GODEBUG=gctrace=1 output of cmd/churn under three settings
#   pprof-top.txt  go tool pprof -top of two memory profiles (benchmark, churn)
#   alloc-profile.txt  go tool pprof -raw of the benchmark's memory profile,
#                  which the article draws as a flame graph
#   escape.txt     -gcflags=-m lines for render.go
#
# Settings: micro-benchmarks -benchtime 200ms; BenchmarkService 20000
# requests per run (-benchtime 20000x), each run of each setting in a fresh
# process, the settings interleaved round by round.
set -euo pipefail
cd "$(dirname "$0")"
count="${BENCH_COUNT:-10}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/churn" ./cmd/churn
{
	echo '$ GODEBUG=gctrace=1 ./churn'
	GODEBUG=gctrace=1 "$tmp/churn" 2>&1
	echo
	echo '$ GODEBUG=gctrace=1 GOGC=off GOMEMLIMIT=256MiB ./churn'
	GODEBUG=gctrace=1 GOGC=off GOMEMLIMIT=256MiB "$tmp/churn" 2>&1
	echo
	echo '$ GODEBUG=gctrace=1 ./churn -lean'
	GODEBUG=gctrace=1 "$tmp/churn" -lean 2>&1
} >gctrace.txt

go test -c -o "$tmp/bench.test" .
(cd "$tmp" && ./bench.test -test.run '^$' -test.bench 'Service/naive/gogc=100$' \
	-test.benchtime 20000x -test.benchmem -test.memprofile mem.prof >/dev/null)
"$tmp/churn" -memprofile "$tmp/churn.prof" >/dev/null
{
	echo '$ go test -run '"'^\$'"' -bench '"'Service/naive/gogc=100\$'"' -benchtime 20000x -memprofile mem.prof'
	echo '$ go tool pprof -sample_index=alloc_space -top bench.test mem.prof'
	(cd "$tmp" && go tool pprof -sample_index=alloc_space -top bench.test mem.prof 2>&1)
	echo
	echo '$ ./churn -memprofile churn.prof'
	echo '$ go tool pprof -sample_index=inuse_space -top churn churn.prof'
	(cd "$tmp" && go tool pprof -sample_index=inuse_space -top churn churn.prof 2>&1)
} >pprof-top.txt
(cd "$tmp" && go tool pprof -raw bench.test mem.prof) >alloc-profile.txt

{
	echo '$ go build -gcflags=-m . 2>&1 | grep render.go'
	go build -gcflags=-m . 2>&1 | grep render.go
} >escape.txt

# BenchmarkMark, Green Tea against nogreenteagc, each run in its own process:
# in one process the later cases pay for the heap the earlier ones left.
bash mark.sh

# The tables. Repeated goos/pkg/cpu header lines and PASS are printed once.
# (The Mark lines here run in one process; the article uses mark.sh's.)
{
	"$tmp/bench.test" -test.run '^$' \
		-test.bench '^Benchmark(Collect|Format|Render|PoolPut|Mark)$' \
		-test.benchmem -test.count "$count" -test.benchtime 200ms
	for _ in $(seq "$count"); do
		for cfg in naive/gogc=100 naive/gogc=off naive/gogc=400 \
			naive/gogc=off,limit=256MiB naive/gogc=100,limit=80MiB \
			naive/gogc=100,limit=48MiB lean/gogc=100; do
			"$tmp/bench.test" -test.run '^$' -test.bench "^BenchmarkService\$/^${cfg}\$" \
				-test.benchmem -test.count 1 -test.benchtime 20000x
		done
	done
} | awk '/^Benchmark/ { print; next } $0 == "PASS" { pass = 1; next }
	!seen[$0]++ { print } END { if (pass) print "PASS" }'
