#!/usr/bin/env bash
# Run by `node scripts/bench.mjs go-memory-stack-vs-heap` from the repository root.
# stdout becomes results.txt; the compiler's own reports go to the .txt files below.
# BENCH_COUNT (default 10) and BENCH_TIME (default 200ms) set -count and -benchtime.
set -euo pipefail
cd "$(dirname "$0")"

# 1. Escape analysis decisions for every package in this module.
go build -gcflags=-m ./... > escape.txt 2>&1

# 1b. The same for the test package, where the benchmarks inline the builders.
go test -gcflags=-m -run '^$' . 2>&1 | grep -v '^ok\|^PASS' > escape-test.txt

# 2. The same with reasons (-m=2) for the escapes package only.
go build -gcflags=-m=2 ./escapes/ > escape-m2.txt 2>&1

# 3. How the compiler copies the argument in the by-value BenchmarkArg cases
#    (func3, func5, func7: 128 B, 1 KiB, 8 KiB): the store into s.a[0] and the
#    moves from the -S listing, without the X15 stores that zero s before the loop.
go test -c -o /dev/null -gcflags=-S . 2>&1 \
  | awk '/STEXT/ { keep = ($0 ~ /BenchmarkArg\.func[357] /); if (keep) print $1; next }
         !keep || /X15/ { next }
         /\t(MOVUPS|ADDQ|DECL|JNE|CALL|MOVL)\t/ || /\t(REP|MOVSQ|STOSQ)$/ || /\tMOVQ\t[A-Z0-9]+, [^ ]*\.s\+/ { print }' \
  | grep -v morestack \
  | sed -E "s|$PWD/||; s|playbook/posts/go-memory-stack-vs-heap/bench\.||g; s/[[:space:]]+/ /g" \
  > copy-asm.txt

# 3b. How the value constructors zero their result (newS128, newS1K, newS8K),
#     and the same code in the zeroing-only functions BenchmarkZero calls.
go build -gcflags=-S . 2>&1 \
  | awk '/STEXT/ { keep = ($0 ~ /\.(newS|zeroS)(128|1K|8K) /); if (keep) print $1; next }
         keep && (/\t(MOVUPS|DECL|JNE|MOVL|RET)\t?/ || /\t(REP|STOSQ)$/) { print }' \
  | sed -E "s|$PWD/||; s|playbook/posts/go-memory-stack-vs-heap/bench\.||g; s/[[:space:]]+/ /g" \
  > zero-asm.txt

# 3c. What the caller does with a returned value in BenchmarkReturn's 1 KiB and
#     8 KiB value cases (func5, func7): after the call it copies the result
#     from the call's result slot into its variable s. BenchmarkCopyBack
#     (func1, func2) repeats the 8 KiB case with s 8,200 and 9,224 bytes up.
go test -c -o /dev/null -gcflags=-S . 2>&1 \
  | awk '/STEXT/ { keep = ($0 ~ /Benchmark(Return\.func[57]|CopyBack\.func[12]) /); if (keep) print $1; next }
         keep && (/\t(MOVUPS|DECL|JNE|CALL|MOVL)\t/ || /\tADDQ\t\$64/ || /\tLEAQ\t[^ ]*\.s\+/ \
                  || /\tMOVQ\tSP, / || /\t(REP|MOVSQ)$/) { print }' \
  | grep -v -e morestack -e 'SP, BP' -e 'SP, R12' -e X15 \
  | sed -E "s|$PWD/||; s|playbook/posts/go-memory-stack-vs-heap/bench\.||g; s/[[:space:]]+/ /g" \
  > return-copy-asm.txt

# 4. golang/go#81612 on this toolchain.
go run ./issue81612 > issue81612.txt
#    The same program with the compiler's variable-size stack allocation of
#    slices switched off (its per-site notices go to stderr and are dropped).
{ echo; echo "with -gcflags=all=-d=variablemakehash=n:"
  go run -gcflags=all=-d=variablemakehash=n ./issue81612 2>/dev/null; } >> issue81612.txt

# 5. The benchmarks themselves.
echo "settings: -count ${BENCH_COUNT:-10} -benchtime ${BENCH_TIME:-200ms}, GOGC=100, GOMAXPROCS=$(nproc)"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) vCPUs in a VM (no hardware performance counters)"
go test -run '^$' -bench . -benchmem -count "${BENCH_COUNT:-10}" -benchtime "${BENCH_TIME:-200ms}" .
