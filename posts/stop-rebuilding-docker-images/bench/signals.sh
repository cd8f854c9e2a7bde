#!/usr/bin/env bash
# Runs the Go dev stage's command (examples/go/Dockerfile) outside Docker, in a
# scratch copy of the example that stands in for the bind-mounted /src, under
# Debian's tini 0.19.0 (the tini that Docker ships as docker-init is 0.19.0 too).
# Checks that an edit, a replaced file and a new file each restart the server,
# then sends SIGTERM to tini as `docker stop` would, with and without -g.
# tini is not PID 1 here, so it runs with -s (subreaper) to adopt orphans as
# PID 1 would; outside a container nothing SIGKILLs the leftovers when tini
# exits, so what survives is visible (and then killed by this script, by pid).
#   bash signals.sh > signals.txt
set -u
export GOFLAGS= # the defaults a container has, whatever this shell sets
. "$(cd "$(dirname "$0")" && pwd)/devloop.sh"
work=$(mktemp -d)
cp "$here/../examples/go/go.mod" "$here/../examples/go/main.go" "$work/"
cd "$work"
port=18282
export PORT=$port
echo "\$ go version; tini --version; dpkg-query -W entr"
go version
tini --version
dpkg-query -W entr
echo "dev CMD (from examples/go/Dockerfile):"
echo "  sh -c \"$dev_cmd\"" | fold -s -w 76

survivors() { # pids from the list that still run (zombies have exited)
  for p in $1; do
    case "$(ps -o stat= -p "$p")" in "" | Z*) ;; *) echo "$p" ;; esac
  done
}

for flags in "-s -g" "-s"; do
  echo
  echo "## tini $flags -- sh -c <dev CMD>"
  : > log
  set_greeting main.go "start"
  tini $flags -- sh -c "$dev_cmd" > log 2>&1 &
  tini_pid=$!
  wait_body $port "start" || echo "server never answered"
  if [ "$flags" = "-s -g" ]; then
    set_greeting main.go "edited in place"
    wait_body $port "edited in place" 500 && echo "edit in place      -> restarted, answers: edited in place"
    sed 's/^const greeting = .*/const greeting = "replaced"/' main.go > main.go.new
    mv main.go.new main.go
    wait_body $port "replaced" 500 && echo "replace by rename  -> restarted, answers: replaced"
    printf 'package main\n\nfunc init() { println("extra.go is in the build") }\n' > extra.go
    for _ in $(seq 1 500); do grep -q "extra.go is in the build" log && break; sleep 0.01; done
    grep -q "extra.go is in the build" log && echo "new file extra.go  -> restarted, log: extra.go is in the build"
    wait_body $port "replaced" 500
    sleep 2
  fi
  tree=$(descendants "$tini_pid")
  echo "process tree (pid pgid command):"
  for p in $tree; do ps -o pid=,pgid=,args= -p "$p" | sed 's/^ */  /' | cut -c1-72; done
  : > log.before
  cp log log.before
  kill -TERM "$tini_pid"
  wait "$tini_pid"
  echo "kill -TERM <tini>: tini exited with status $?"
  sleep 1
  left=$(survivors "$tree")
  if [ -n "$left" ]; then
    echo "still running after tini exited:"
    for p in $left; do ps -o pid=,args= -p "$p" | sed 's/^ */  /' | cut -c1-72; done
    echo "GET / -> $(curl -s --max-time 1 "http://127.0.0.1:$port/")"
  else
    echo "still running after tini exited: nothing"
  fi
  echo "server log after the signal:"
  diff log.before log | sed -n 's/^> [0-9/]* [0-9:]* /  /p'
  grep -q "shutting down" log || echo "  (no 'signal received, shutting down' line)"
  for p in $left; do kill -TERM "$p" 2>/dev/null; done
  sleep 0.5
  for p in $left; do kill -KILL "$p" 2>/dev/null; done
done
cd / && rm -rf "$work"
