#!/usr/bin/env bash
# tui-smoke.sh tries the terminal UI as a new user would, in a real terminal:
# tmux at 120 x 40. It checks that life with no argument runs a pattern with
# Gen and Pop climbing, that Space pauses, that n adds exactly one
# generation, that a resize to 12 x 4 and back keeps it alive, that q exits
# and leaves the shell usable with the terminal settings it had, and that
# life glider.rle (and life - < glider.rle) shows Pop 5.
#
# Usage: scripts/tui-smoke.sh   (needs tmux; exits 0 when every check passes)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v tmux >/dev/null 2>&1; then
  echo "tui-smoke: tmux is not installed; skipped"
  exit 0
fi

work=$(mktemp -d)
session="life-smoke-$$"
cleanup() {
  tmux kill-session -t "$session" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/life" ./cmd/life
printf '#N Glider\nx = 3, y = 3, rule = B3/S23\nbo$2bo$3o!\n' >"$work/glider.rle"

fails=0
pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; fails=$((fails + 1)); }

screen() { tmux capture-pane -t "$session" -p; }
# field NAME prints the number after "NAME " on the status bar, or nothing,
# without the commas the status bar groups digits with.
field() { screen | grep -o "$1 [0-9,]*" | tail -1 | cut -d' ' -f2 | tr -d ,; }
# wait_for REGEX [SECONDS] waits until the screen matches.
wait_for() {
  local deadline=$((SECONDS + ${2:-10}))
  while ((SECONDS < deadline)); do
    if screen | grep -Eq "$1"; then return 0; fi
    sleep 0.1
  done
  return 1
}
# commas N writes N as the status bar does: digits grouped with commas.
commas() { echo "$1" | sed -e :a -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/;ta'; }
# steady_gen waits until Gen stops changing, and prints it.
steady_gen() {
  local a b
  a=$(field Gen)
  for _ in $(seq 50); do
    sleep 0.1
    b=$(field Gen)
    if [[ -n $a && $a == "$b" ]]; then
      echo "$a"
      return
    fi
    a=$b
  done
  echo "${b:-}"
}
show() {
  echo "----- screen: $1 -----"
  screen | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
  echo "-----"
}

tmux new-session -d -s "$session" -x 120 -y 40 "env PS1='$ ' bash --norc --noprofile"
tmux send-keys -t "$session" "cd '$work' && stty -g > stty.before" Enter
tmux send-keys -t "$session" "./life; echo exit=\$?; stty -g > stty.after" Enter

# 1. It runs: Gen and Pop climbing.
if wait_for 'Gen [0-9,]+ +Pop [0-9,]+ +running'; then
  g1=$(field Gen)
  sleep 1
  g2=$(field Gen)
  pop=$(field Pop)
  if ((g2 > g1)); then pass "running: Gen $g1 -> $g2, Pop $pop"; else fail "Gen did not climb: $g1 -> $g2"; fi
else
  fail "no running status bar"
fi
show "life, running"

# 2. Space pauses; n adds exactly one generation.
tmux send-keys -t "$session" Space
if wait_for 'paused'; then
  g=$(steady_gen)
  tmux send-keys -t "$session" n
  if wait_for "Gen $(commas $((g + 1))) " 5; then pass "paused at Gen $g; n -> Gen $((g + 1))"; else fail "n: want Gen $((g + 1)), screen says Gen $(field Gen)"; fi
  sleep 0.5
  g3=$(field Gen)
  if ((g3 == g + 1)); then pass "still Gen $g3 half a second later"; else fail "Gen moved on to $g3 while paused"; fi
else
  fail "Space did not pause"
fi
show "after Space and n"

# 3. Resize to 12 x 4 and back, running.
tmux send-keys -t "$session" Space
tmux resize-window -t "$session" -x 12 -y 4
sleep 0.5
show "12 x 4"
tmux resize-window -t "$session" -x 120 -y 40
if wait_for 'Gen [0-9,]+ +Pop [0-9,]+ +(running|paused)' 5; then
  g1=$(field Gen)
  sleep 0.5
  g2=$(field Gen)
  if ((g2 > g1)) || screen | grep -q 'paused'; then pass "alive after resizing: Gen $g1 -> $g2"; else fail "stuck after resizing at Gen $g1"; fi
else
  fail "no status bar after resizing back"
fi
show "back at 120 x 40"

# 4. q exits; the shell works and the terminal is as it was.
tmux send-keys -t "$session" q
if wait_for '^exit=0' 5; then pass "q exits with status 0"; else fail "q did not exit with 0"; fi
tmux send-keys -t "$session" "echo shell-is-usable" Enter
if wait_for '^shell-is-usable' 5; then pass "the shell is usable"; else fail "the shell does not answer"; fi
if cmp -s "$work/stty.before" "$work/stty.after"; then pass "terminal settings restored"; else fail "terminal settings differ after quitting"; fi
show "after q"

# 5. life glider.rle shows Pop 5, and so does life - < glider.rle.
for cmd in "./life glider.rle" "./life - < glider.rle"; do
  tmux send-keys -t "$session" "clear; $cmd" Enter
  if wait_for 'Pop 5 ' 5; then pass "$cmd: Pop 5"; else fail "$cmd: no Pop 5"; fi
  show "$cmd"
  tmux send-keys -t "$session" q
  wait_for '^\$ *$' 5 || true
done

if ((fails > 0)); then
  echo "tui-smoke: $fails checks failed"
  exit 1
fi
echo "tui-smoke: every check passed"
