#!/usr/bin/env bash
# Times the Go runtime container's inner loop without Docker: the dev stage's
# command (read from examples/go/Dockerfile) runs under tini -g in a scratch
# copy of the example, which stands in for the bind-mounted /src. On a Linux
# host a container runs these same processes on the same kernel and files;
# what Docker adds (namespaces, a bind mount, Docker Desktop's VM) is not here.
#   edit-to-answer:    rewrite main.go in place, time until GET / answers the
#                      new greeting (entr stops the server, go build compiles
#                      main and links, the new binary starts). Warm build cache.
#   start-kept-cache:  start the loop on unchanged code with the build cache of
#                      earlier runs and no /tmp/app, as a re-created container
#                      with the gobuild volume does: nothing is compiled, the
#                      binary is linked again.
# The empty-cache start is not timed here: it is BenchmarkRebuild/cold-cache
# (results.txt) plus this start, and costs ~20 s of CPU per run.
# GET / is polled every 10 ms. Output is in Go's benchmark format.
#   bash loop.sh > loop.txt
set -u
. "$(cd "$(dirname "$0")" && pwd)/devloop.sh"
# GOENV=off: ignore this machine's go env file (it sets GOFLAGS), as a
# container would. The dev CMD writes /tmp/app, like the container does.
export GOENV=off GOFLAGS= GOPROXY=off CGO_ENABLED=0
runs=${BENCH_COUNT:-10}
work=$(mktemp -d)
mkdir "$work/src" "$work/cache"
cp "$here/../examples/go/go.mod" "$here/../examples/go/main.go" "$work/src/"
port=18484
export PORT=$port

now() { date +%s%N; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e6 }'; }
start_loop() { # start_loop GOCACHE: run the dev CMD under tini -g
  (cd "$work/src" && GOCACHE=$1 exec tini -s -g -- sh -c "$dev_cmd") \
    >> "$work/log" 2>&1 &
  loop_pid=$!
}
stop_loop() {
  kill -TERM "$loop_pid"
  wait "$loop_pid" 2>/dev/null
  for _ in $(seq 1 500); do
    curl -s --max-time 1 "http://127.0.0.1:$port/" >/dev/null || return 0
    sleep 0.01
  done
  echo "the loop did not free port $port" >&2
  exit 1
}

echo "date: $(date -u +%Y-%m-%d)"
echo "kernel: $(uname -sr)"
echo "cores: $(nproc)"
echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo "go: $(go env GOVERSION)"
echo "entr: $(dpkg-query -W -f '${Version}' entr)"
echo "tini: $(tini --version | awk '{print $3}')"
echo "runs: $runs"
echo "cmd: the dev CMD of examples/go/Dockerfile (go build -o /tmp/app && exec)"
echo "standin: no Docker engine; the dev CMD's processes in a scratch directory"

greeting="hello from a runtime container"
set_greeting "$work/src/main.go" "$greeting"

# Fill the cache once, untimed: the first start compiles everything.
rm -f /tmp/app
start_loop "$work/cache"
wait_body $port "$greeting" || { echo "no answer" >&2; exit 1; }
for i in $(seq 1 "$runs"); do
  sleep 1
  t0=$(now)
  set_greeting "$work/src/main.go" "edit number $i"
  wait_body $port "edit number $i" 3000 || { echo "edit $i: no answer" >&2; exit 1; }
  t1=$(now)
  echo "BenchmarkDevLoop/edit-to-answer 1 $(ms "$t0" "$t1") ms/answer"
done
stop_loop

for i in $(seq 1 "$runs"); do
  rm -f /tmp/app # a re-created container starts without the binary
  t0=$(now)
  start_loop "$work/cache"
  wait_body $port "edit number $runs" 3000 || { echo "no answer" >&2; exit 1; }
  t1=$(now)
  echo "BenchmarkDevLoop/start-kept-cache 1 $(ms "$t0" "$t1") ms/answer"
  stop_loop
done

rm -rf "$work"
