#!/usr/bin/env bash
# Draws alloc-flame-graph.png, the article's figure: pprof's own flame-graph view of an allocation profile of
# BenchmarkService/naive/gogc=100, screenshotted by headless Chromium. Run by hand (it runs the benchmark once,
# so under the CPU lock on a shared machine) and commit what it writes:
#   alloc.prof             the memory profile: `go tool pprof -http=: alloc.prof` opens the same view again
#   alloc-top.txt          go tool pprof -top of that profile: the numbers the figure shows, as text
#   alloc-flame-graph.png  the screenshot, 1560x516 (780x258 CSS pixels at device scale 2)
# Needs Go, curl and Chromium (CHROMIUM_PATH, or chromium / chromium-browser / google-chrome on PATH); pprof
# serves on 127.0.0.1:8079 (PPROF_PORT). No graphviz:
# the flame graph is drawn by pprof's web UI in the browser.
set -euo pipefail
cd "$(dirname "$0")"

chromium="${CHROMIUM_PATH:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"
if [[ -z "$chromium" ]]; then
	echo "make.sh: no Chromium found: install one or set CHROMIUM_PATH" >&2
	exit 1
fi

tmp="$(mktemp -d)"
pprof_pid=''
cleanup() {
	[[ -n "$pprof_pid" ]] && kill "$pprof_pid" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

(cd ../bench && go test -c -o "$tmp/bench.test" .)
(cd "$tmp" && ./bench.test -test.run '^$' -test.bench 'Service/naive/gogc=100$' \
	-test.benchmem -test.memprofile mem.prof >&2)
cp "$tmp/mem.prof" alloc.prof
{
	echo '$ go test -run '"'^\$'"' -bench '"'Service/naive/gogc=100\$'"' -memprofile alloc.prof'
	echo '$ go tool pprof -sample_index=alloc_space -top bench.test alloc.prof'
	go tool pprof -sample_index=alloc_space -top "$tmp/bench.test" alloc.prof 2>&1
} >alloc-top.txt

port="${PPROF_PORT:-8079}"
url="http://127.0.0.1:$port"
go tool pprof -http="127.0.0.1:$port" -no_browser -sample_index=alloc_space "$tmp/bench.test" alloc.prof \
	>"$tmp/pprof.log" 2>&1 &
pprof_pid=$!
for _ in $(seq 50); do
	curl -fso /dev/null "$url/ui/flamegraph" && break
	sleep 0.2
done
if ! curl -fso /dev/null "$url/ui/flamegraph"; then
	cat "$tmp/pprof.log" >&2
	echo "make.sh: go tool pprof -http did not answer on $url (another PPROF_PORT?)" >&2
	exit 1
fi

# Under 800 CSS pixels wide, pprof's header hides its search box and shows the profile's name in full.
"$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=2 \
	--window-size=780,258 --virtual-time-budget=5000 --screenshot="$PWD/alloc-flame-graph.png" \
	"$url/ui/flamegraph?si=alloc_space" 2> >(grep -v -e dbus -e 'Fontconfig' >&2)
test -s alloc-flame-graph.png
echo "wrote alloc.prof, alloc-top.txt and alloc-flame-graph.png" >&2
