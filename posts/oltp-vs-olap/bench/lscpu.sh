#!/usr/bin/env bash
# Regenerates lscpu.txt: the CPU model and cache sizes the article quotes.
set -euo pipefail
cd "$(dirname "$0")"
{
  echo "# lscpu, $(date -u +%Y-%m-%d), $(uname -sr)"
  lscpu | grep -E '^(Model name|L1d cache|L1i cache|L2 cache|L3 cache):'
} > lscpu.txt
