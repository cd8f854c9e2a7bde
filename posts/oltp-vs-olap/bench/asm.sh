#!/usr/bin/env bash
# Regenerates asm.txt: the compiler's assembly for the loop body of
# SumColumnsNoBranch, filtered to the compare, conditional move, AND and ADD,
# and a count of the vector (SIMD) instructions in the whole function.
set -euo pipefail
cd "$(dirname "$0")"
asm=$(go build -gcflags=-S . 2>&1 | awk '/SumColumnsNoBranch STEXT/{p=1;next} /STEXT/{p=0} p')
{
  echo "# $(go version), $(date -u +%Y-%m-%d), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  grep -E 'CMPB|CMOV|ANDQ|ADDQ' <<<"$asm" | grep -v SP | sed -E 's#\([^()]*/bench/#(#'
  echo "# vector instructions (X/Y/Z registers, VP*) in SumColumnsNoBranch: $(grep -vE 'FUNCDATA|PCDATA' <<<"$asm" | grep -cE '\b[XYZ][0-9]+\b|\bVP' || true)"
} > asm.txt
