#!/usr/bin/env bash
# Writes output.txt: the environment, then every Test and Example of this
# module run verbosely (an Example passes only if it printed exactly its
# // Output: block), then the demonstrations that are not tests: go vet on a
# known-bad layout, decoding under two TZ settings, what decides how timers
# behave (go.mod's go line, go.work, //go:debug, a dependency's go line), and
# a static binary run with no time zone database.
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

# Prints a file as "$ cat file" would, then a blank line.
show() {
  echo "\$ cat $1"
  cat "$1"
  echo
}

# Prints the asynctimerchan entry of the default GODEBUG of the package in
# the current directory, the setting that decides how its timers behave.
godebug_default() {
  echo "\$ go list -f '{{.DefaultGODEBUG}}' . | tr , '\\n' | grep asynctimerchan || echo '(no asynctimerchan entry)'"
  "$go" list -f '{{.DefaultGODEBUG}}' . | tr , '\n' | grep asynctimerchan || echo '(no asynctimerchan entry)'
  echo
}

{
  echo "go: $("$go" env GOVERSION)"
  echo "goos: $("$go" env GOOS)"
  echo "goarch: $("$go" env GOARCH)"
  echo "date: $(date -u +%Y-%m-%d)"
  echo "os: $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "kernel: $(uname -sr)"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p')"
  echo "cores: $(nproc)"
  echo "tz: TZ=${TZ-unset}, /etc/localtime -> $(readlink /etc/localtime || echo none)"
  echo

  run "$go" vet ./...
  run "$go" test -count=1 -v ./...

  # vet's timeformat check (Go 1.20+); testdata is outside ./..., so this is
  # the only place it is vetted.
  run "$go" vet ./testdata/swapped

  # The examples assign time.Local; here the same decoding runs in processes
  # whose time.Local comes from TZ, as on a server.
  "$go" build -o "$tmp/tzlocal" ./cmd/tzlocal
  echo "\$ go build -o tzlocal ./cmd/tzlocal"
  echo
  for tz in UTC America/New_York; do
    echo "\$ TZ=$tz ./tzlocal"
    TZ=$tz "$tmp/tzlocal" 2>&1
    echo
  done

  # One program, one toolchain, and what decides its timers: the go line of
  # the main module (this one says go 1.26), of a copy that says go 1.22,
  # the go.work of a workspace around that copy, a //go:debug line in its
  # main package, and a dependency that raises its go line.
  run "$go" list -f '{{.DefaultGODEBUG}}' ./cmd/timerchan
  run "$go" run ./cmd/timerchan

  w="$tmp/go-line"
  mkdir -p "$w/app" "$w/ws" "$w/godebug" "$w/dep" "$w/withdep"
  printf 'module example.com/app\n\ngo 1.22\n' > "$w/app/go.mod"
  cp cmd/timerchan/main.go "$w/app/"
  cp -r "$w/app" "$w/ws/app"
  printf 'go 1.26\n\nuse ./app\n' > "$w/ws/go.work"
  cp "$w/app/go.mod" "$w/godebug/"
  { printf '//go:debug asynctimerchan=0\n\n'; cat cmd/timerchan/main.go; } > "$w/godebug/main.go"
  printf 'module example.com/dep\n\ngo 1.23\n' > "$w/dep/go.mod"
  printf 'package dep\n' > "$w/dep/dep.go"
  printf 'module example.com/app\n\ngo 1.22\n\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ../dep\n' > "$w/withdep/go.mod"
  cp cmd/timerchan/main.go "$w/withdep/"
  printf 'package main\n\nimport _ "example.com/dep"\n' > "$w/withdep/dep.go"
  (
    cd "$w"
    echo "# In a temporary directory; every main.go below is a copy of cmd/timerchan/main.go."
    echo
    echo "\$ cd app"
    cd app
    show go.mod
    godebug_default
    run "$go" run .

    echo "\$ cd ../ws   # a workspace around another copy of app"
    cd ../ws
    show go.work
    show app/go.mod
    echo "\$ cd app"
    cd app
    godebug_default
    run "$go" run .

    echo "\$ cd ../../godebug"
    cd ../../godebug
    show go.mod
    echo "\$ head -3 main.go"
    head -3 main.go
    echo
    godebug_default
    run "$go" run .

    echo "\$ cd ../withdep   # app plus a dependency whose go.mod says go 1.23"
    cd ../withdep
    show ../dep/go.mod
    show dep.go
    show go.mod
    run "$go" mod tidy
    show go.mod
    godebug_default
    run "$go" run .
  )

  # A static binary without time/tzdata, in an empty root: no
  # /usr/share/zoneinfo, no GOROOT. Then the same program with the database
  # embedded (-tags timetzdata), and what embedding costs in size.
  mkdir "$tmp/root"
  CGO_ENABLED=0 "$go" build -o "$tmp/root/loadny" ./cmd/loadny
  CGO_ENABLED=0 "$go" build -tags timetzdata -o "$tmp/root/loadny-tzdata" ./cmd/loadny
  echo "\$ CGO_ENABLED=0 go build -o root/loadny ./cmd/loadny"
  echo "\$ CGO_ENABLED=0 go build -tags timetzdata -o root/loadny-tzdata ./cmd/loadny"
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
