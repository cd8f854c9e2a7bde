#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster, runs demo.sql through psql into
# output.txt, and runs the pgx round trip (pgx/) against it into
# pgx-output.txt. The cluster and its files are removed on exit.
#
# Needs the PostgreSQL server binaries (Debian: apt-get install postgresql-15,
# or set PG_BINDIR) and Go. Run as a normal user, or as root (the cluster then
# runs as the "postgres" user). PGPORT picks the TCP port (default 55432); the
# server listens on 127.0.0.1 and on a Unix socket in its own temporary folder.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bindir="${PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}"
if [ ! -x "$bindir/initdb" ]; then
  echo "run.sh: no PostgreSQL server binaries found; install postgresql-15 (Debian) or set PG_BINDIR" >&2
  exit 1
fi
port="${PGPORT:-55432}"
tmp="$(mktemp -d)"
as=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$tmp"
  as=(runuser -u postgres --)
fi
cleanup() {
  "${as[@]}" "$bindir/pg_ctl" -D "$tmp/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

"${as[@]}" "$bindir/initdb" -D "$tmp/data" -U postgres --auth=trust >/dev/null
"${as[@]}" "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/log" -w \
  -o "-c listen_addresses=127.0.0.1 -k $tmp -p $port" start >/dev/null

header() {
  echo "postgres: $("${as[@]}" "$bindir/postgres" --version)"
  echo "date: $(date -u +%Y-%m-%d)"
  echo "kernel: $(uname -sr)"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p')"
  echo "cores: $(nproc)"
}

{
  header
  echo
  "${as[@]}" "$bindir/psql" -X -q -h "$tmp" -p "$port" -U postgres -d postgres \
    --echo-queries -v ON_ERROR_STOP=1 -f - < "$here/demo.sql"
} > "$here/output.txt.new"
mv "$here/output.txt.new" "$here/output.txt"
echo "wrote $here/output.txt" >&2

# The Go process runs with TZ=America/New_York, standing in for a server whose
# clock is set to local time, so that the Location pgx returns is visible.
(
  cd "$here/pgx"
  export GOTOOLCHAIN=local
  go build -o "$tmp/pgx-roundtrip" .
  {
    echo "date: $(date -u +%Y-%m-%d)"
    echo "kernel: $(uname -sr)"
    TZ=America/New_York DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable" \
      "$tmp/pgx-roundtrip"
  } > "$here/pgx-output.txt.new"
)
mv "$here/pgx-output.txt.new" "$here/pgx-output.txt"
echo "wrote $here/pgx-output.txt" >&2
