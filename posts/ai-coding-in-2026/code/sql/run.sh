#!/bin/sh
# Runs the article's two SQL claims on a throwaway PostgreSQL cluster (initdb
# defaults: READ COMMITTED) and writes results.txt. Needs initdb, pg_ctl and
# psql on PATH; as root it runs the server as the postgres user.
# Usage: ./run.sh (from anywhere)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d /tmp/ai-coding-pg.XXXXXX)
as_pg() { "$@"; }
if [ "$(id -u)" = 0 ]; then
	chown postgres "$dir"
	as_pg() { runuser -u postgres -- "$@"; }
fi
cleanup() {
	as_pg pg_ctl -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$dir"
}
trap cleanup EXIT

as_pg initdb -D "$dir/data" -U postgres -A trust >/dev/null
as_pg pg_ctl -D "$dir/data" -l "$dir/log" -w \
	-o "-c listen_addresses='' -k $dir" start >/dev/null
q() { psql -X -q -v ON_ERROR_STOP=1 -h "$dir" -U postgres -d postgres "$@"; }

balance() { q -At -c 'SELECT balance FROM accounts WHERE id = 1'; }
# Session a starts; session b starts half a second later, while a is between
# its read and its write (or holding its row lock).
race() {
	q -v who=a -f "$here/$1" >"$dir/a.out" &
	pid=$!
	sleep 0.5
	q -v who=b -f "$here/$1" >"$dir/b.out"
	wait "$pid"
	cat "$dir/a.out" "$dir/b.out"
	echo "final balance: $(balance)"
}

{
	echo "date: $(date -u +%Y-%m-%d)"
	echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
	echo "cores: $(nproc)"
	echo "postgres: $(q -At -c 'SHOW server_version')"
	echo "isolation: $(q -At -c 'SHOW default_transaction_isolation')"
	q -f "$here/setup.sql"
	echo
	q -f "$here/day.sql"
	echo
	echo "-- two withdrawals of 60 from 100, read-then-write"
	race withdraw-read-then-write.sql
	q -c 'UPDATE accounts SET balance = 100 WHERE id = 1'
	echo
	echo "-- two withdrawals of 60 from 100, one conditional UPDATE"
	race withdraw-atomic.sql
} >"$here/results.txt"
cat "$here/results.txt"
