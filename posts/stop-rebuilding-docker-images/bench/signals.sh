#!/usr/bin/env bash
# Runs the Go dev stage's command (examples/go/Dockerfile) without Docker, with
# tini as PID 1 of a new PID namespace (unshare --pid), which stands in for the
# container: when PID 1 exits, the kernel SIGKILLs every process left in the
# namespace, as it does when a container's init exits. A scratch copy of the
# example (in /var/tmp) stands in for the bind-mounted /src, and a private
# tmpfs on /tmp for the container's own /tmp. Debian's tini 0.19.0 is the
# version Docker ships as docker-init. Needs root (unshare, mount).
# Checks that an edit, a replaced file and a new file each restart the server,
# then sends SIGTERM to tini as `docker stop` would: with -g, without -g (as
# compose's `init: true` runs it), and the previous CMD (go run, no trap) with -g.
#   bash signals.sh > signals.txt
set -u
# GOENV=off: Go's defaults, not this machine's go env file.
export GOENV=off GOFLAGS= GOPROXY=off
. "$(cd "$(dirname "$0")" && pwd)/devloop.sh"
work=$(mktemp -d -p /var/tmp)
cp "$here/../examples/go/go.mod" "$here/../examples/go/main.go" "$work/"
cd "$work"
port=18282
export PORT=$port
old_cmd="while true; do find . -name '*.go' -o -name go.mod -o -name go.sum \
| entr -dnr go run .; done"
echo "date: $(date -u +%Y-%m-%d), kernel: $(uname -sr), cores: $(nproc)"
echo "standin: no Docker engine; tini is PID 1 of an unshare'd PID namespace"
echo "\$ go version; tini --version; dpkg-query -W entr; unshare --version"
go version
tini --version
dpkg-query -W entr
unshare --version
echo "dev CMD (from examples/go/Dockerfile):"
echo "  sh -c \"$dev_cmd\"" | fold -s -w 76

# in_pidns FLAGS CMD: tini FLAGS -- sh -c CMD as PID 1 of a new PID namespace.
in_pidns() {
  unshare --pid --fork --mount-proc --mount sh -c \
    'mount -t tmpfs tmpfs /tmp && exec tini '"$1"' -- sh -c "$0"' "$2" \
    > log 2>&1 &
  unshare_pid=$!
  for _ in $(seq 1 100); do
    tini_pid=$(pgrep -P "$unshare_pid") && [ -n "$tini_pid" ] && break
    sleep 0.01
  done
}

run() { # run LABEL FLAGS CMD
  echo
  echo "## $1"
  set_greeting main.go "start"
  rm -f extra.go
  in_pidns "$2" "$3"
  wait_body $port "start" || echo "server never answered"
  if [ "$1" = "tini -g, dev CMD" ]; then
    set_greeting main.go "edited in place"
    wait_body $port "edited in place" 500 && echo "edit in place      -> restarted, answers: edited in place"
    sed 's/^const greeting = .*/const greeting = "replaced"/' main.go > main.go.new
    mv main.go.new main.go
    wait_body $port "replaced" 500 && echo "replace by rename  -> restarted, answers: replaced"
    printf 'package main\n\nfunc init() { println("extra.go is in the build") }\n' > extra.go
    for _ in $(seq 1 500); do grep -q "extra.go is in the build" log && break; sleep 0.01; done
    grep -q "extra.go is in the build" log && echo "new file extra.go  -> restarted, log: extra.go is in the build"
    wait_body $port "replaced" 500
  fi
  sleep 1
  echo "process tree (pid pgid command; tini is PID 1 of the namespace):"
  for p in $(descendants "$tini_pid"); do
    ps -o pid=,pgid=,args= -p "$p" | sed 's/^ */  /' | cut -c1-72
  done
  cp log log.before
  kill -TERM "$tini_pid"
  for _ in $(seq 1 300); do kill -0 "$unshare_pid" 2>/dev/null || break; sleep 0.01; done
  if kill -0 "$unshare_pid" 2>/dev/null; then
    echo "kill -TERM <tini>: still running 3 s later (docker stop kills at 10 s)"
    kill -KILL "$tini_pid"
    wait "$unshare_pid"
  else
    wait "$unshare_pid"
    echo "kill -TERM <tini>: tini exited with status $?"
  fi
  echo "server log after the signal:"
  diff log.before log | sed -n 's/^> [0-9/]* [0-9:]* /  /p'
  grep -q "shutting down" log || echo "  (no 'signal received, shutting down' line)"
}

run "tini -g, dev CMD" "-g" "$dev_cmd"
run "tini without -g (compose's init: true), dev CMD" "" "$dev_cmd"
# The previous CMD loses a race against the namespace's teardown: sh dies at
# once, tini exits, and the server may or may not run its handler first.
echo
echo "## tini -g, the previous dev CMD (go run, no trap), 10 stops"
for i in $(seq 1 10); do
  set_greeting main.go "start $i"
  in_pidns "-g" "$old_cmd"
  wait_body $port "start $i" || echo "server never answered"
  sleep 0.5
  kill -TERM "$tini_pid"
  wait "$unshare_pid"
  rc=$?
  if grep -q "shutting down" log; then
    echo "stop $i: tini exited $rc, server logged: signal received, shutting down"
  else
    echo "stop $i: tini exited $rc, server logged nothing (SIGKILLed first)"
  fi
done
cd / && rm -rf "$work"
