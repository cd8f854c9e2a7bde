#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster, runs demo.sql through psql into
# output.txt, then shows a role's default TimeZone and what overrides it, and
# runs the pgx round trip (pgx/) against the server and pgx/'s tests into
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
# The server's own default TimeZone is New York, as on a machine installed in
# local time, so that the role default below is visible.
"${as[@]}" "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/log" -w \
  -o "-c listen_addresses=127.0.0.1 -k $tmp -p $port -c TimeZone=America/New_York" start >/dev/null

# psql and pgx read PGTZ from the environment; only the run that says so sets it.
unset PGTZ
psql=("${as[@]}" "$bindir/psql" -X -h "$tmp" -p "$port" -d postgres)

header() {
  echo "postgres: $("${as[@]}" "$bindir/postgres" --version)"
  echo "psql: $("$bindir/psql" --version)"
  echo "date: $(date -u +%Y-%m-%d)"
  echo "os: $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "kernel: $(uname -sr)"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p')"
  echo "cores: $(nproc)"
}

{
  header
  echo "server: TimeZone=America/New_York (postgres -c TimeZone=America/New_York)"
  echo
  "${psql[@]}" -q -U postgres --echo-queries -v ON_ERROR_STOP=1 -f - < "$here/demo.sql"

  # 8. Pin the session zone per role, and what still overrides it. Each psql
  # below is a new session.
  "${psql[@]}" -q -U postgres --echo-queries -v ON_ERROR_STOP=1 <<'SQL'
CREATE ROLE app LOGIN;
CREATE SCHEMA AUTHORIZATION app;
ALTER ROLE app SET TimeZone = 'UTC';
SQL
  echo
  for who in "postgres" "app" "app PGTZ=Asia/Tokyo" "app SET"; do
    case "$who" in
      postgres) echo "\$ psql -U postgres -c 'SHOW TimeZone'"
        "${psql[@]}" -U postgres -c 'SHOW TimeZone' ;;
      app) echo "\$ psql -U app -c 'SHOW TimeZone'"
        "${psql[@]}" -U app -c 'SHOW TimeZone' ;;
      "app PGTZ=Asia/Tokyo") echo "\$ PGTZ=Asia/Tokyo psql -U app -c 'SHOW TimeZone'"
        PGTZ=Asia/Tokyo "${psql[@]}" -U app -c 'SHOW TimeZone' ;;
      "app SET") echo "\$ psql -U app -c \"SET TimeZone = 'Asia/Tokyo'\" -c 'SHOW TimeZone'"
        "${psql[@]}" -U app -c "SET TimeZone = 'Asia/Tokyo'" -c 'SHOW TimeZone' ;;
    esac
  done
} > "$here/output.txt.new"
mv "$here/output.txt.new" "$here/output.txt"
echo "wrote $here/output.txt" >&2

# The Go process runs with TZ=America/New_York, standing in for a server whose
# clock is set to local time, so that the Location pgx returns is visible. It
# connects as app, whose sessions default to UTC (above). Then the module's
# tests, which need no server.
(
  cd "$here/pgx"
  export GOTOOLCHAIN=local
  go build -o "$tmp/pgx-roundtrip" .
  {
    header
    echo
    TZ=America/New_York DATABASE_URL="postgres://app@127.0.0.1:$port/postgres?sslmode=disable" \
      "$tmp/pgx-roundtrip"
    echo
    echo "\$ go vet ./..."
    go vet ./... 2>&1
    echo
    echo "\$ TZ=America/New_York go test -count=1 -v ./..."
    TZ=America/New_York go test -count=1 -v ./... 2>&1
  } > "$here/pgx-output.txt.new"
)
mv "$here/pgx-output.txt.new" "$here/pgx-output.txt"
echo "wrote $here/pgx-output.txt" >&2
