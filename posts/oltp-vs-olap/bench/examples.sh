#!/usr/bin/env bash
# Regenerates examples.txt: the Example tests whose output the article quotes
# (bytes per row of each layout, compressed bytes per column), run with -v so
# that their printed output and PASS lines are on record, behind a header that
# says when and with which Go they ran.
set -euo pipefail
cd "$(dirname "$0")"
{
  echo "date: $(date -u +%Y-%m-%d)"
  echo "go: $(go env GOVERSION)"
  echo "kernel: $(uname -sr)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "command: go test -run '^Example' -v -count 1 ."
  echo "note: an Example passes only if what it prints equals the // Output: comment under it in layout_test.go"
  echo
  go test -run '^Example' -v -count 1 . 
} > examples.txt
