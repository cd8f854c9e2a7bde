#!/usr/bin/env bash
# Writes ../thp-versions.txt: main.go built with each Go toolchain given (or,
# by default, Go 1.19 and 1.21 from the module cache and the go on PATH) and
# run three times in turn on this machine. Run it under the CPU lock:
#   flock /tmp/playbook-cpu.lock bash run.sh
# The toolchains are used as found; nothing is downloaded.
set -euo pipefail
cd "$(dirname "$0")"
modcache=$(go env GOMODCACHE)
if [ "$#" -eq 0 ]; then
	set -- "$modcache"/golang.org/toolchain@v0.0.1-go1.19.*.linux-amd64/bin/go \
		"$modcache"/golang.org/toolchain@v0.0.1-go1.21.*.linux-amd64/bin/go \
		"$(command -v go)"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp main.go "$tmp/"
bins=()
for gobin in "$@"; do
	v=$(GOTOOLCHAIN=local "$gobin" env GOVERSION)
	(cd "$tmp" && GOTOOLCHAIN=local GOFLAGS= "$gobin" build -o "thp-$v" main.go)
	bins+=("$tmp/thp-$v")
done
{
	echo "date: $(date -u +%F)"
	echo "kernel: $(uname -sr)"
	echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) vCPUs"
	echo "vm: KVM guest, no hardware performance counters"
	echo "thp: $(grep -o '\[[a-z+]*\]' /sys/kernel/mm/transparent_hugepage/enabled | tr -d '[]')"
	echo "thp-defrag: $(grep -o '\[[a-z+]*\]' /sys/kernel/mm/transparent_hugepage/defrag | tr -d '[]')"
	echo "program: thpcheck/main.go, one 256 MiB []line on the heap, random chase, 5M timed hops"
	echo "runs: 3 per toolchain, interleaved"
	for i in 1 2 3; do
		for b in "${bins[@]}"; do
			"$b"
		done
	done
} >../thp-versions.txt
cat ../thp-versions.txt
