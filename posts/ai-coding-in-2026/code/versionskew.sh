#!/bin/sh
# Builds and vets testdata/versionskew (a module whose go.mod says go 1.23)
# with the toolchain on PATH, and writes what happens to versionskew.txt.
# Usage: ./versionskew.sh (from this folder)
set -u
cd "$(dirname "$0")"
out=versionskew.txt
export GOTOOLCHAIN=local
{
	echo "date: $(date -u +%Y-%m-%d)"
	echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
	echo "cores: $(nproc)"
	echo "go: $(go env GOVERSION)"
	echo "module: testdata/versionskew (go.mod: $(grep '^go ' testdata/versionskew/go.mod))"
	for cmd in "go build ./lib" "go vet ./lib" "go build ./lang"; do
		echo "\$ $cmd"
		(cd testdata/versionskew && $cmd 2>&1)
		echo "exit status $?"
	done
} >"$out"
cat "$out"
