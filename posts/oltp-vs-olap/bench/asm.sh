#!/usr/bin/env bash
# Regenerates asm.txt: the compiler's assembly (-gcflags=-S) for two loops the
# article describes as branch-free:
# - the loop body of SumColumnsNoBranch, filtered to the compare, conditional
#   move, AND and ADD, and a count of the vector (SIMD) instructions in the
#   whole function;
# - the match step of EqUint8.Select (scan.go lines 320-321: store the offset,
#   compare, advance n by the comparison's result), and a count of the
#   conditional jumps on line 321, the `if x == p.Val`.
set -euo pipefail
cd "$(dirname "$0")"
# A build that comes from Go's cache prints no assembly, so the compiler gets a
# -trimpath rewrite of a folder that does not exist: a new flag value each run
# (a cache miss for this package only) that changes nothing in the output.
all=$(go build -gcflags="-S -trimpath=/nonexistent-$$-$RANDOM" -o /dev/null . 2>&1)
fn() { awk -v f="$1 STEXT" 'index($0, f){p=1;next} /STEXT/{p=0} p' <<<"$all" | grep -vE 'FUNCDATA|PCDATA'; }
strip() { sed -E 's#\([^()]*/bench/#(#'; }
sum=$(fn '.SumColumnsNoBranch')
sel=$(fn '.EqUint8.Select')
{
  echo "# $(go version), $(date -u +%Y-%m-%d), $(uname -sr), cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "# SumColumnsNoBranch, loop body"
  grep -E 'CMPB|CMOV|ANDQ|ADDQ' <<<"$sum" | grep -v SP | strip
  echo "# vector instructions (X/Y/Z registers, VP*) in SumColumnsNoBranch: $(grep -cE '\b[XYZ][0-9]+\b|\bVP' <<<"$sum" || true)"
  echo "# EqUint8.Select, the match step of the loop over a vector without a selection"
  grep -E 'scan\.go:32[01]\)' <<<"$sel" | grep -vE 'CALL' | strip
  echo "# conditional jumps on scan.go:321 (if x == p.Val): $(grep -E 'scan\.go:321\)' <<<"$sel" | grep -cE '\sJ(EQ|NE|CS|CC|HI|LS|GT|GE|LT|LE|MI|PL)\s' || true)"
} > asm.txt
