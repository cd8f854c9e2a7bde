#!/usr/bin/env bash
# Runs demo.sql against a throwaway PostgreSQL cluster and writes output.txt.
# Needs the PostgreSQL server binaries (Debian: postgresql-15). Run as a normal
# user, or as root (the cluster is then owned by the "postgres" user).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bindir="${PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}"
tmp="$(mktemp -d)"
as=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$tmp"
  as=(runuser -u postgres --)
fi
port=54329
cleanup() {
  "${as[@]}" "$bindir/pg_ctl" -D "$tmp/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

"${as[@]}" "$bindir/initdb" -D "$tmp/data" -U postgres --no-sync --auth=trust >/dev/null
"${as[@]}" "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/log" -w \
  -o "-c listen_addresses='' -k $tmp -p $port" start >/dev/null

{
  echo "server: $("${as[@]}" "$bindir/postgres" --version)"
  echo
  "${as[@]}" "$bindir/psql" -X -q -h "$tmp" -p "$port" -U postgres -d postgres \
    --echo-queries -v ON_ERROR_STOP=1 -f - < "$here/demo.sql"
} > "$here/output.txt"
echo "wrote $here/output.txt"
