#!/usr/bin/env bash
# Reproduces two Go-in-a-dev-container pitfalls the article describes, on the
# article's example service, and prints what happened. pitfalls-go1.19.txt is
# the same check on Go 1.19.8 (before the go run and -buildvcs=true steps). Run as root (it chowns a
# scratch copy to UID 1000 to imitate a bind mount owned by the host user):
#   bash pitfalls.sh > pitfalls.txt
set -u
# GOENV=off and an empty GOFLAGS: Go's defaults, as in a golang image. An empty
# GOFLAGS alone is not enough: cmd/go then falls back to the go env file, and
# this machine's (/root/.config/go/env) sets GOFLAGS=-buildvcs=false, which hid
# trap 2 in an earlier run of this script.
export GOENV=off GOFLAGS=
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/../examples/go/go.mod" "$here/../examples/go/main.go" "$work/"
cd "$work"
port=18181

echo "\$ go env GOFLAGS # GOENV=off: no go env file"
echo "[$(go env GOFLAGS)]"
echo
echo "## 1. SIGTERM to 'go run' does not reach the server it started"
echo "\$ go version"
go version
PORT=$port go run . 2>/dev/null &
gorun=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break
  sleep 0.1
done
child=$(pgrep -P "$gorun")
echo "go run pid: $gorun, server pid: $child (parent: go run)"
kill -TERM "$gorun"
wait "$gorun" 2>/dev/null
sleep 0.5
if kill -0 "$child" 2>/dev/null; then
  echo "after kill -TERM <go run pid>: server still running, now with parent pid $(ps -o ppid= -p "$child" | tr -d ' ')"
  echo "GET /healthz -> HTTP $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz")"
  kill -TERM "$child"
else
  echo "after kill -TERM <go run pid>: server exited too"
fi
echo

echo "## 2. 'go build' in a checkout owned by another UID"
git init -q . && git add -A && git -c user.email=dev@example.com -c user.name=dev commit -qm init
chown -R 1000:1000 "$work"
echo "\$ git --version"
git --version
echo "\$ id -u; stat -c '%u' .git"
id -u
stat -c '%u' .git
echo "\$ go build -o /dev/null . # -buildvcs=auto, the default"
go build -o /dev/null . 2>&1
echo "exit status $?"
echo "\$ go build -buildvcs=true -o /dev/null ."
go build -buildvcs=true -o /dev/null . 2>&1
echo "exit status $?"
echo "\$ go build -buildvcs=false -o /dev/null ."
go build -buildvcs=false -o /dev/null . 2>&1
echo "exit status $?"
echo "\$ go run . # go run does not stamp VCS information"
PORT=$port timeout 5 go run . 2>&1 | sed -n 's/^[0-9/]* [0-9:]* //p' | sed 's/ (pid [0-9]*)//; s/^pid [0-9]*: //'
echo "exit status ${PIPESTATUS[0]} (124: still serving when timeout stopped it)"
