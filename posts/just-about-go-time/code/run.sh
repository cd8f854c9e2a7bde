#!/usr/bin/env bash
# Writes output.txt: the environment, then every Test and Example of this
# module run verbosely (an Example passes only if it printed exactly its
# // Output: block), then the demonstrations that are not tests: go vet on a
# known-bad layout, the go.mod go line deciding how timers behave, and a
# static binary run with no time zone database.
#
# Needs Go (go.mod's version or newer) and root, for chroot. On a shared
# machine, run it under the CPU lock: flock /tmp/playbook-cpu.lock ./run.sh
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
export GOTOOLCHAIN=local
go="${GO:-go}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Prints a command as "$ command", then its output, then its exit status if
# that is not zero.
run() {
  echo "\$ $*"
  "$@" 2>&1
  local rc=$?
  [ "$rc" -eq 0 ] || echo "(exit status $rc)"
  echo
}

{
  echo "go: $("$go" env GOVERSION)"
  echo "goos: $("$go" env GOOS)"
  echo "goarch: $("$go" env GOARCH)"
  echo "date: $(date -u +%Y-%m-%d)"
  echo "kernel: $(uname -sr)"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p')"
  echo "cores: $(nproc)"
  echo "tz: TZ=${TZ-unset}, /etc/localtime -> $(readlink /etc/localtime || echo none)"
  echo

  run "$go" vet ./...
  run "$go" test -count=1 -v ./...

  # vet's timeformat check (Go 1.20+) on a constant layout; testdata is
  # outside ./..., so this is the only place it is vetted.
  run "$go" vet ./testdata/swapped

  # One program, one toolchain, two go lines.
  run "$go" list -f '{{.DefaultGODEBUG}}' ./cmd/timerchan
  run "$go" run ./cmd/timerchan
  mkdir "$tmp/go122"
  cp cmd/timerchan/main.go "$tmp/go122/"
  printf 'module timerchan\n\ngo 1.22\n' > "$tmp/go122/go.mod"
  (
    cd "$tmp/go122"
    echo "\$ cd \$(mktemp -d) && cp cmd/timerchan/main.go . # with this go.mod:"
    cat go.mod
    echo
    echo "\$ $go list -f '{{.DefaultGODEBUG}}' . | tr , '\\n' | grep asynctimerchan"
    "$go" list -f '{{.DefaultGODEBUG}}' . | tr , '\n' | grep asynctimerchan
    echo
    run "$go" run .
  )

  # A static binary without time/tzdata, in an empty root: no
  # /usr/share/zoneinfo, no GOROOT. Then the same program with the database
  # embedded (-tags timetzdata), and what embedding costs in size.
  mkdir "$tmp/root"
  CGO_ENABLED=0 "$go" build -o "$tmp/root/loadny" ./cmd/loadny
  CGO_ENABLED=0 "$go" build -tags timetzdata -o "$tmp/root/loadny-tzdata" ./cmd/loadny
  echo "\$ CGO_ENABLED=0 $go build -o root/loadny ./cmd/loadny"
  echo "\$ CGO_ENABLED=0 $go build -tags timetzdata -o root/loadny-tzdata ./cmd/loadny"
  echo "\$ ls -l root"
  (cd "$tmp/root" && ls -l | awk 'NR > 1 {print $5, $9}')
  without=$(stat -c %s "$tmp/root/loadny")
  with=$(stat -c %s "$tmp/root/loadny-tzdata")
  echo "(-tags timetzdata adds $((with - without)) bytes, $(((with - without) / 1024)) KiB)"
  echo
  echo "\$ chroot root /loadny          # no tz database anywhere"
  chroot "$tmp/root" /loadny 2>&1
  echo "\$ chroot root /loadny-tzdata   # the database embedded"
  chroot "$tmp/root" /loadny-tzdata 2>&1
  echo "\$ root/loadny                  # same binary, on the host"
  "$tmp/root/loadny" 2>&1
} > "$here/output.txt"
echo "wrote $here/output.txt" >&2
