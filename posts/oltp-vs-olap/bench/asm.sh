#!/usr/bin/env bash
# Regenerates asm.txt: the compiler's assembly for the loop body of
# SumColumnsNoBranch, filtered to the compare, conditional move, AND and ADD.
set -euo pipefail
cd "$(dirname "$0")"
go build -gcflags=-S . 2>&1 |
  awk '/SumColumnsNoBranch STEXT/{p=1;next} /STEXT/{p=0} p' |
  grep -E 'CMPB|CMOV|ANDQ|ADDQ' | grep -v SP |
  sed -E 's#\([^()]*/bench/#(#' > asm.txt
