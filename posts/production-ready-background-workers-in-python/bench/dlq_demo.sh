#!/usr/bin/env bash
# Writes dlq-session.txt: a real terminal session with the demo CLI, quoted in the article.
#   bash dlq_demo.sh
# Every line in the file is either a command (prefixed with "$ ") or what it printed;
# printed lines longer than 78 characters are wrapped, continuing with a 4-space indent,
# and long commands are split with a shell continuation, so that the session fits the
# article's column.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
ln -s "$here/../worker/cli.py" "$tmp/cli.py"
cd "$tmp"

wrap() {
  python3 -c 'import sys, textwrap
for line in sys.stdin:
    print("\n".join(textwrap.wrap(line.rstrip("\n"), 78, subsequent_indent="    ", break_on_hyphens=False)) or "")'
}

# A command longer than the column is shown split with a shell continuation.
wrap_command() {
  python3 -c 'import sys, textwrap
lines = textwrap.wrap(sys.argv[1], 76, subsequent_indent="    ", break_on_hyphens=False)
print(" \\\n".join(lines))' "\$ $1"
}

run() {
  wrap_command "$1"
  { eval "$1" 2>&1 || true; } | wrap
}

printf '#!/bin/sh\nexec python3 "$(dirname "$0")/cli.py" --db jobs.db "$@"\n' > q
chmod +x q

{
  run "date -u +%F; python3 --version"
  run "cat q"
  run "./q init"
  run "./q enqueue charge '{\"account\":7,\"amount_cents\":1250}' --key order-1001"
  run "./q enqueue charge '{\"account\":7,\"amount_cents\":1250}' --key order-1001"
  run "./q enqueue charge '{\"account\":9,\"amount_cents\":400,\"poison\":true}' --key order-1002"
  run "./q enqueue charge '{\"account\":3,\"amount_cents\":-50}' --key order-1003"
  run "timeout 3 ./q work --max-attempts 3 --backoff-base 0.2 --poll 0.1 --worker-id demo"
  run "./q dlq list"
  run "./q dlq replay 2"
  run "sqlite3 jobs-provider.db 'SELECT order_key, outcome FROM requests'"
} > "$here/dlq-session.txt"
