#!/usr/bin/env bash
# Writes dlq-session.txt: a real terminal session with the demo CLI, quoted in the article.
#   bash dlq_demo.sh
# Every line in the file is either a command (prefixed with "$ ") or what it printed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
ln -s "$here/../worker/cli.py" "$tmp/cli.py"
cd "$tmp"

run() {
  echo "\$ $1"
  eval "$1" 2>&1 || true
}

{
  run "python3 cli.py --db jobs.db init"
  run "python3 cli.py --db jobs.db enqueue charge '{\"account\": 7, \"amount_cents\": 1250}' --key order-1001"
  run "python3 cli.py --db jobs.db enqueue charge '{\"account\": 7, \"amount_cents\": 1250}' --key order-1001"
  run "python3 cli.py --db jobs.db enqueue charge '{\"account\": 9, \"amount_cents\": 400, \"poison\": true}' --key order-1002"
  run "python3 cli.py --db jobs.db enqueue charge '{\"account\": 3, \"amount_cents\": -50}' --key order-1003"
  run "timeout 3 python3 cli.py --db jobs.db work --max-attempts 3 --backoff-base 0.2 --poll 0.1 --worker-id demo"
  run "python3 cli.py --db jobs.db dlq list"
  run "python3 cli.py --db jobs.db dlq replay 2"
} > "$here/dlq-session.txt"
