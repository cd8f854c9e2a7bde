#!/bin/bash
# Lighthouse mobile preset with DevTools throttling (the page really loads over a throttled connection and a 4x
# slowed CPU, instead of Lantern's simulation), the struct article on two servers, interleaved, 3 runs each.
# usage: devtools-throttled.sh <before-url> <after-url>, from the project root with /tmp/lcp/ present (it saves the reports
# there); devtools-throttled-summary.mjs prints devtools-throttled.txt's lines from them.
cd /work/main
prof=$(mktemp -d)
/usr/bin/chromium --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run --user-data-dir=$prof --remote-debugging-port=9334 about:blank >/dev/null 2>&1 &
cp=$!
sleep 2
for run in 1 2 3; do
  for which in before after; do
    if [ $which = before ]; then url=$1; else url=$2; fi
    out=/tmp/lcp/devtools-$which-$run
    node node_modules/lighthouse/cli/index.js "$url" --port=9334 --throttling-method=devtools --output=json --output-path=$out --only-categories=performance --quiet
    node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); const a = r.audits
const f = (k) => (a[k].numericValue / 1000).toFixed(2) + " s"
console.log(process.argv[2], "run", process.argv[3] + ":", "FCP", f("first-contentful-paint"), "LCP", f("largest-contentful-paint"), "TTI", f("interactive"), "TBT", a["total-blocking-time"].numericValue.toFixed(0), "ms, benchmark index", r.environment.benchmarkIndex.toFixed(0))
' $out $which $run
  done
done
kill $cp; wait $cp 2>/dev/null; rm -rf $prof
