#!/usr/bin/env bash
# Writes gotypes-history.txt: what TestGoTypesVersusCompiler (gotypes_test.go) logs on the
# last Go 1.21 release and on Go 1.22.0, to show which release made go/types' "gc" sizes
# match the compiler (golang/go#61035). The test fails on Go 1.21 by design: it asserts
# the Go 1.22+ behaviour. Needs the two toolchains in the module cache (go get
# toolchain@go1.21.13 / go1.22.0, or GOTOOLCHAIN downloads).
set -euo pipefail
cd "$(dirname "$0")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp gotypes_test.go "$tmp/"
printf 'module gotypeshistory\n\ngo 1.21\n' > "$tmp/go.mod"
mod="$(go env GOMODCACHE)/golang.org"
{
  echo "date: $(date -u +%Y-%m-%d)"
  echo "# go test -run TestGoTypesVersusCompiler -v, gotypes_test.go in a module with go 1.21"
  for v in 1.21.13 1.22.0; do
    gobin="$mod/toolchain@v0.0.1-go$v.linux-amd64/bin/go"
    (cd "$tmp" && GOTOOLCHAIN=local GOFLAGS= "$gobin" test -count 1 \
      -run TestGoTypesVersusCompiler -v . 2>&1 || true) | grep -E 'go/types|^(--- )?(PASS|FAIL|ok)'
  done
} > gotypes-history.txt
