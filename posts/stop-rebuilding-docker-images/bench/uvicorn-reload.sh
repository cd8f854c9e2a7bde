#!/usr/bin/env bash
# Runs the Python dev stage's command (examples/python/Dockerfile) outside
# Docker: uvicorn --reload on a scratch copy of app.py, with the venv from
# requirements.txt (uvicorn[standard], so watchfiles does the watching).
# Edits app.py in place and by replacing it, then sends SIGTERM to the reloader.
#   python3 -m venv /tmp/venv && /tmp/venv/bin/pip install -r \
#     ../examples/python/requirements.txt
#   VENV=/tmp/venv bash uvicorn-reload.sh > uvicorn-reload.txt
set -u
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/../examples/python/app.py" "$work/"
cd "$work"
port=18383
"$VENV/bin/python" -c 'import sys, uvicorn, watchfiles
print("python", sys.version.split()[0], "uvicorn", uvicorn.__version__,
      "watchfiles", watchfiles.__version__)'

answer() { curl -s --max-time 1 "http://127.0.0.1:$port/"; }
await() { # poll for up to 5 s until GET / answers $1
  for _ in $(seq 1 50); do [ "$(answer)" = "$1" ] && return; sleep 0.1; done
}
greet() { sed "s/^GREETING = .*/GREETING = \"$1\"/" app.py > .app.py.tmp; }

PYTHONDONTWRITEBYTECODE=1 "$VENV/bin/uvicorn" app:app --host 127.0.0.1 \
  --port $port --reload --reload-dir "$work" > log 2>&1 &
pid=$!
await "hello from a runtime container"
echo "started                 -> server says: $(answer)"
greet "edited in place" && cat .app.py.tmp > app.py && rm .app.py.tmp
sleep 0.5; await "edited in place"
echo "rewrite app.py in place -> server says: $(answer)"
greet "replaced" && mv .app.py.tmp app.py
sleep 0.5; await "replaced"
echo "replace app.py          -> server says: $(answer)"
worker=$(ps -o pid= --ppid $pid | tr -d ' ' | tail -1)
kill -TERM $pid
wait $pid 2>/dev/null
sleep 0.5
if [ -n "$worker" ] && ps -o stat= -p "$worker" | grep -qv Z; then
  echo "kill -TERM <reloader>   -> worker still running"
  kill -TERM "$worker"
else
  echo "kill -TERM <reloader>   -> worker exited too"
fi
echo "__pycache__ directories: $(find . -name __pycache__ | wc -l)"
