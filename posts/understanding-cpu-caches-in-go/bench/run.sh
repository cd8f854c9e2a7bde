#!/usr/bin/env bash
# Run by `node scripts/bench.mjs understanding-cpu-caches-in-go` (under the CPU lock).
# stdout becomes results.txt; the machine description goes to cpu.txt, one
# disassembled loop to asm.txt, the hardware-counter attempt to perf.txt and
# the TLB sizes (from cpuid) to tlb.txt, so all of them describe the same run.
# analyse.sh then turns results.txt into benchstat.txt, the comparisons the
# article quotes.
# thp-versions.txt comes from thpcheck/run.sh instead: it needs the older Go
# toolchains and is run by hand.
set -euo pipefail
cd "$(dirname "$0")"

{
	echo '$ lscpu | grep -v -e ^Flags -e ^Vulnerability'
	lscpu | grep -v -e '^Flags' -e '^Vulnerability'
	echo
	echo '$ grep . /sys/devices/system/cpu/cpu0/cache/index*/{level,type,size,coherency_line_size,ways_of_associativity,shared_cpu_list}'
	grep . /sys/devices/system/cpu/cpu0/cache/index*/{level,type,size,coherency_line_size,ways_of_associativity,shared_cpu_list}
} >cpu.txt

# The TLBs, as CPUID reports them to this guest (lscpu does not show them).
{
	echo '$ cpuid -1 -l 0x80000005; cpuid -1 -l 0x80000006   # TLB lines only'
	if command -v cpuid >/dev/null; then
		{ cpuid -1 -l 0x80000005; cpuid -1 -l 0x80000006; } | grep -A4 'TLB'
	else
		echo "cpuid: command not found (apt-get install cpuid)"
	fi
} >tlb.txt

tmp=$(mktemp -d)
go test -c -o "$tmp/cachebench.test" . >/dev/null

# The loop PlainPair runs: is *a++ really a memory write on every iteration?
{
	echo "\$ go tool objdump -s 'PlainPair.func1\$' cachebench.test"
	go tool objdump -s 'PlainPair.func1$' "$tmp/cachebench.test"
} >asm.txt

# Can we read the cache-miss counters? On a bare-metal box this prints counts;
# on this VM the PMU is not exposed and perf says <not supported>.
{
	cmd='perf stat -e cycles,instructions,cache-references,cache-misses,L1-dcache-load-misses,LLC-load-misses ./cachebench.test -test.run ^$ -test.bench Traverse/list/shuffled -test.benchtime 3x'
	echo "\$ $cmd"
	if command -v perf >/dev/null; then
		(cd "$tmp" && $cmd 2>&1) || true
	else
		echo "perf: command not found"
	fi
} >perf.txt
rm -rf "$tmp"

# Short runs so that ten of every benchmark fit the machine's shared time budget.
benchtime=300ms
echo "benchtime: $benchtime"
echo "vm: KVM guest, 2 vCPUs, no hardware performance counters (see perf.txt)"
echo "thp: $(grep -o '\[[a-z]*\]' /sys/kernel/mm/transparent_hugepage/enabled | tr -d '[]')"
go test -run '^$' -bench . -benchmem -count "${BENCH_COUNT:-10}" -benchtime "$benchtime" .
