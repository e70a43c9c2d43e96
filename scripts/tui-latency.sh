#!/usr/bin/env bash
# tui-latency.sh measures, in a real terminal, how long a key press takes to
# reach the screen while life runs flat out: tmux at 120 x 40, a random
# soup filling the window, and then ] and [ in turn, each timed from
# tmux send-keys until tmux capture-pane shows the new scale on the status
# bar. The figures include tmux's own delivery and the polling (one
# capture-pane every few milliseconds), so they are an upper bound; the
# same keys as life itself saw them (LIFE_KEY_LATENCY: from the key event
# to the end of writing the draw to the terminal) are printed last.
#
# Usage: scripts/tui-latency.sh [PRESSES]   (needs tmux)
#        LIFE=/path/to/life scripts/tui-latency.sh   measures that binary
#        instead of building this tree (to compare two builds, interleaved)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { echo "tui-latency: needs tmux"; exit 1; }
presses=${1:-40}
work=$(mktemp -d)
session="life-latency-$$"
trap 'tmux -L "$session" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
if [[ -n ${LIFE:-} ]]; then
  cp "$LIFE" "$work/life"
else
  go build -o "$work/life" ./cmd/life
fi

tmux -L "$session" new-session -d -s "$session" -x 120 -y 40 "env LIFE_KEY_LATENCY=$work/inapp.txt $work/life"
until tmux -L "$session" capture-pane -t "$session" -p | grep -q 'running'; do sleep 0.05; done
# A soup keeps it busy (F asks the density, Enter takes 0.35), and a step
# of 10^1 keeps it running flat out: the settle detector, which would pause
# a soup that settles, watches single generations only.
tmux -L "$session" send-keys -t "$session" F Enter +
sleep 1

# measure LABEL times presses of ] and [ and prints the figures.
measure() {
  local lat=() key want t0 t1
  for ((i = 0; i < presses; i++)); do
    if ((i % 2 == 0)); then key=']'; want='1 col/cell'; else key='['; want='half 1x2'; fi
    t0=$(date +%s%N)
    tmux -L "$session" send-keys -t "$session" "$key"
    until tmux -L "$session" capture-pane -t "$session" -p | tail -2 | grep -q "$want"; do :; done
    t1=$(date +%s%N)
    lat+=($(((t1 - t0) / 1000)))
  done
  printf '%s\n' "${lat[@]}" | sort -n | awk -v label="$1" '
    { v[NR] = $1; s += $1 }
    END { printf "%s: key to screen over %d presses: median %.1f ms, p90 %.1f ms, max %.1f ms, mean %.1f ms\n",
          label, NR, v[int((NR + 1) / 2)] / 1000, v[int(NR * 0.9)] / 1000, v[NR] / 1000, s / NR / 1000 }'
}

tmux -L "$session" capture-pane -t "$session" -p | grep 'Gen '
measure "running flat out"
tmux -L "$session" capture-pane -t "$session" -p | grep 'Gen '
tmux -L "$session" send-keys -t "$session" Space
sleep 0.5
measure "paused (tmux and polling alone)"
tmux -L "$session" send-keys -t "$session" q
sleep 0.5
# The fill is an edit: q asks first (an older life has quit already).
tmux -L "$session" send-keys -t "$session" y 2>/dev/null || true
for _ in $(seq 50); do [[ -s $work/inapp.txt ]] && break; sleep 0.1; done
echo "inside life (LIFE_KEY_LATENCY, both phases): $(cat "$work/inapp.txt" 2>/dev/null)"
