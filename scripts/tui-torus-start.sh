#!/usr/bin/env bash
# tui-torus-start.sh shows, in a real terminal (tmux at 120 x 40), which
# engine the UI starts a 2000 x 1000 torus soup on and how fast it runs
# there, under --engine auto and, for contrast, --engine protocol: the
# engine named in the status bar, its message, and the gens/s it shows
# after a few seconds. Under auto the protocol engine does not keep up with
# the 30 generations a second a run starts at on a torus this size, and
# the UI starts on bitwise instead, saying so.
#
# Usage: scripts/tui-torus-start.sh   (needs tmux and python3)
set -euo pipefail
cd "$(dirname "$0")/.."
anchors=${ANCHORS:-../../shared/anchors}
[ -d "$anchors" ] || anchors=../shared/anchors
command -v tmux >/dev/null 2>&1 || { echo "tmux is not installed"; exit 1; }

work=$(mktemp -d)
session="life-torus-$$"
cleanup() {
  tmux kill-session -t "$session" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
go build -o "$work/life" ./cmd/life
python3 "$anchors/mksoup.py" 1000 2000 0.35 7 "B3/S23:T2000,1000" >"$work/soup.rle"

screen() { tmux capture-pane -t "$session" -p; }
# report LABEL: the engine and the rate the status bar shows, and the
# message line under it.
report() {
  local status msg
  status=$(screen | grep -E 'Gen [0-9,]+' | tail -1)
  msg=$(screen | tail -1)
  echo "$1: $(echo "$status" | grep -Eo 'B3/S23:T2000,1000  [a-z]+' | awk '{print $2}' || true)" \
    "at $(echo "$status" | grep -Eo '[0-9.,e+]+ gens?/s' | tail -1 || true)"
  echo "    status: $status"
  echo "    message: $msg"
}
for engine in auto protocol; do
  tmux new-session -d -s "$session" -x 120 -y 40 "cd '$work' && ./life --engine $engine soup.rle"
  deadline=$((SECONDS + 30))
  until screen | grep -Eq 'gens?/s' || ((SECONDS > deadline)); do sleep 0.2; done
  sleep 3
  report "--engine $engine, a generation a frame"
  # 10^2 generations a frame: what the engine does when it is not held
  # back by the frame rate.
  tmux send-keys -t "$session" + +
  sleep 4
  report "--engine $engine, 10^2 generations a frame"
  tmux kill-session -t "$session"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
