#!/usr/bin/env bash
# Lighthouse (mobile preset, DevTools throttling, performance only) on pages served through
# ../../../2026-12-04/system-text-skipped-blocks/exploration/proxy.mjs, RUNS times each, interleaved, in one
# headless Chromium; prints each run's LCP, TBT, main-thread work and CPU benchmark index, then the medians and the
# ratio to the first arm's. Usage, from the project root, with the site on :3300 and the floor on :3301:
#   bash performance/2026-12-04/night-set/without-the-runtime/lighthouse-through-proxies.sh RUNS name=port/path[@transform.mjs] …
# Each distinct upstream and transform gets its own proxy (ports 3420 on); the first arm is the baseline.
set -euo pipefail
runs=$1; shift
proxy=performance/2026-12-04/system-text-skipped-blocks/exploration/proxy.mjs
out=$(mktemp -d)
declare -A port_of
next_port=3420
pids=()
urls=()
names=()
for arm in "$@"; do
  name=${arm%%=*}; rest=${arm#*=}
  transform=""; [[ $rest == *@* ]] && transform=${rest#*@} && rest=${rest%@*}
  upstream=${rest%%/*}; path=/${rest#*/}; [[ $rest == */* ]] || path=/
  key="$upstream $transform"
  if [[ -z ${port_of[$key]:-} ]]; then
    port_of[$key]=$next_port
    node "$proxy" "$next_port" "$upstream" $transform > /dev/null 2>&1 &
    pids+=($!)
    next_port=$((next_port + 1))
  fi
  names+=("$name"); urls+=("http://127.0.0.1:${port_of[$key]}$path")
done
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
"$chromium" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --remote-debugging-port=9334 \
  --user-data-dir="$out/profile" about:blank > /dev/null 2>&1 &
pids+=($!)
trap 'kill ${pids[*]} 2> /dev/null' EXIT
sleep 3
for ((r = 1; r <= runs; r++)); do
  for i in "${!names[@]}"; do
    node node_modules/lighthouse/cli/index.js "${urls[$i]}" --port=9334 --throttling-method=devtools \
      --only-categories=performance --output=json --output-path="$out/${names[$i]}-$r.json" --quiet
    node -e '
      const r = require(process.argv[1])
      const a = r.audits
      console.log(`${process.argv[2]} run ${process.argv[3]}: LCP ${(a["largest-contentful-paint"].numericValue / 1000).toFixed(2)} s, TBT ${Math.round(a["total-blocking-time"].numericValue)} ms, main thread ${(a["mainthread-work-breakdown"].numericValue / 1000).toFixed(2)} s, benchmark index ${r.environment.benchmarkIndex}, ${r.finalDisplayedUrl}`)
    ' "$out/${names[$i]}-$r.json" "${names[$i]}" "$r"
  done
done
node -e '
  const [dir, runs, ...names] = process.argv.slice(1)
  const median = (v) => { const s = [...v].sort((a, b) => a - b), m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2 }
  const rows = names.map((name) => {
    const reports = Array.from({ length: +runs }, (_, i) => require(`${dir}/${name}-${i + 1}.json`).audits)
    return { name, lcp: median(reports.map((a) => a["largest-contentful-paint"].numericValue)), tbt: median(reports.map((a) => a["total-blocking-time"].numericValue)), mt: median(reports.map((a) => a["mainthread-work-breakdown"].numericValue)) }
  })
  const [base] = rows
  console.log(`medians of ${runs} runs, ratio to ${base.name}:`)
  for (const r of rows) console.log(`${r.name} | LCP ${(r.lcp / 1000).toFixed(2)} s (${(r.lcp / base.lcp).toFixed(2)}x) | TBT ${Math.round(r.tbt)} ms (${(r.tbt / base.tbt).toFixed(2)}x) | main thread ${(r.mt / 1000).toFixed(2)} s (${(r.mt / base.mt).toFixed(2)}x)`)
' "$out" "$runs" "${names[@]}"
rm -rf "$out"
