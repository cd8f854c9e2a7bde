# Shared by loop.sh and signals.sh: the Go dev stage's command, outside Docker.
# The CMD below is read from examples/go/Dockerfile (continuation lines joined),
# so the scripts run exactly what the image would run.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dev_cmd=$(python3 - "$here/../examples/go/Dockerfile" <<'PY'
import json, re, sys
text = open(sys.argv[1]).read().replace("\\\n", "")
dev = text[text.index("AS dev"):text.index("AS build")]
print(json.loads(re.search(r"^CMD (\[.*\])$", dev, re.M).group(1))[2])
PY
)

# descendants PID: PID and every process below it, one per line.
descendants() {
  echo "$1"
  for child in $(ps -o pid= --ppid "$1"); do descendants "$child"; done
}

# wait_body PORT TEXT [TRIES]: poll GET / every 10 ms until it answers TEXT.
wait_body() {
  for _ in $(seq 1 "${3:-3000}"); do
    [ "$(curl -s --max-time 1 "http://127.0.0.1:$1/")" = "$2" ] && return 0
    sleep 0.01
  done
  return 1
}

# set_greeting FILE TEXT: rewrite main.go in place (same inode) with a new
# greeting, the way an editor that saves in place does.
set_greeting() {
  sed "s/^const greeting = .*/const greeting = \"$2\"/" "$1" > "$1.tmp"
  cat "$1.tmp" > "$1"
  rm "$1.tmp"
}
