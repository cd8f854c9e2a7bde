#!/bin/bash
# Lighthouse (mobile preset, throttling method $1) on the struct article, alternating the unmodified page and the page
# without the text font's preload (variant.mjs nofontpreload), 3 runs each, printing one line per run. `next start`
# keeps a page it has served in memory, so the server is restarted for every run, after the variant is written. Run
# from the project root after npm run build, with /tmp/lcp/ present (the reports go there).
# usage: font-preload.sh <simulate|devtools>  (run as /tmp/lcp/fontpreload2.sh, which read variant.mjs from /tmp/lcp)
prof=$(mktemp -d)
/usr/bin/chromium --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run --user-data-dir=$prof --remote-debugging-port=9336 about:blank >/dev/null 2>&1 &
cp=$!
sleep 2
for run in 1 2 3; do
  for variant in base nofontpreload; do
    node performance/2026-12-03/lantern/variant.mjs $variant > /dev/null || exit 1
    PORT=3400 setsid node server.mjs -p 3400 -H 127.0.0.1 > /dev/null 2>&1 &
    server=$!
    for i in $(seq 50); do curl -s -o /dev/null http://127.0.0.1:3400/ && break; sleep 0.2; done
    preloads=$(curl -s http://127.0.0.1:3400/posts/go-struct-field-alignment | grep -o 'as="font"' | wc -l)
    out=/tmp/lcp/font-$1-$variant-$run
    node node_modules/lighthouse/cli/index.js http://127.0.0.1:3400/posts/go-struct-field-alignment --port=9336 --throttling-method=$1 --output=json --output-path=$out --only-categories=performance --quiet
    kill -- -$server 2>/dev/null || kill $server
    sleep 1
    node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); const a = r.audits
const s = (ms) => (ms / 1000).toFixed(2) + " s"
const req = a["network-requests"].details.items
const css = req.find((i) => i.resourceType === "Stylesheet"), font = req.find((i) => /inter_latin/.test(i.url))
console.log(process.argv[2], "run", process.argv[3] + ": font preloads in the page " + process.argv[4] + "; FCP", s(a["first-contentful-paint"].numericValue), "LCP", s(a["largest-contentful-paint"].numericValue), "TTI", s(a.interactive.numericValue), "CLS", a["cumulative-layout-shift"].numericValue.toFixed(3) + "; stylesheet done at", s(css.networkEndTime) + ", text font requested at", s(font.networkRequestTime), "done at", s(font.networkEndTime) + "; benchmark index", r.environment.benchmarkIndex.toFixed(0), "; throttling", r.configSettings.throttlingMethod)
' $out $variant $run $preloads
  done
done
node performance/2026-12-03/lantern/variant.mjs base > /dev/null
kill $cp; wait $cp 2>/dev/null; rm -rf $prof
