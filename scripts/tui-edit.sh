#!/usr/bin/env bash
# tui-edit.sh tries the UI's editing as a Golly user would, in a real
# terminal: tmux at 80 x 24 (on a server of its own, with set-clipboard on,
# so that the OSC 52 copy lands in a tmux buffer). It opens a glider,
# selects all (Ctrl-A), copies (Ctrl-C; the terminal's clipboard gets the
# RLE), pastes it elsewhere (Ctrl-V, arrows, Enter: Pop 10), rotates the
# paste (it is selected once placed: >), undoes the rotation and the paste
# (u, u), and checks that the help (?) shows q and its meaning on one
# line, and the single-letter keys in their column. Then q asks about the
# unsaved edits, and y quits.
#
# Usage: scripts/tui-edit.sh   (needs tmux; exits 0 when every check passes)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v tmux >/dev/null 2>&1; then
  echo "tui-edit: tmux is not installed; skipped"
  exit 0
fi

work=$(mktemp -d)
sock="life-edit-$$"
t() { tmux -L "$sock" "$@"; }
cleanup() {
  t kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/life" ./cmd/life
printf '#N Glider\nx = 3, y = 3, rule = B3/S23\nbo$2bo$3o!\n' >"$work/glider.rle"

fails=0
pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; fails=$((fails + 1)); }
screen() { t capture-pane -t edit -p; }
# wait_for REGEX [SECONDS] waits until the screen matches.
wait_for() {
  local deadline=$((SECONDS + ${2:-10}))
  while ((SECONDS < deadline)); do
    if screen | grep -Eq -- "$1"; then return 0; fi
    sleep 0.1
  done
  return 1
}
check() { # check WHAT REGEX
  if wait_for "$2"; then pass "$1"; else
    fail "$1: no /$2/ on the screen"
    screen
  fi
}
keys() { t send-keys -t edit "$@"; }
# board prints the board's rows (all but the status bar's two) that hold
# a cell, without the spaces that lead them.
board() { screen | head -n -2 | grep -v '^ *$' | sed -e 's/^ *//' ; }

t new-session -d -s edit -x 80 -y 24 "cd '$work' && ./life glider.rle; echo exit=\$?; sleep 30"
t set -s set-clipboard on
check "life glider.rle shows the glider" 'Pop 5 '
keys Space
check "Space pauses" 'paused'
keys r
check "r goes back to generation 0" 'Gen 0 .*paused'
before=$(board)

keys C-a
check "Ctrl-A selects the glider" 'Sel 3x3 5'
keys C-c
check "Ctrl-C copies it" 'copied 5 cells \(3 x 3\) to the clipboard'
if t show-buffer 2>/dev/null | grep -q '^x = 3, y = 3, rule = B3/S23$'; then
  pass "the terminal's clipboard (OSC 52, a tmux buffer) holds the RLE: $(t show-buffer | tr '\n' ' ')"
else
  fail "no RLE in the tmux buffer: $(t show-buffer 2>&1 | head -3)"
fi

# Esc on its own: a key right after it would read as Alt and that key.
keys Escape
sleep 0.3
keys C-v
check "Ctrl-V floats the paste" 'Paste 3x3 or'
for _ in 1 2 3 4 5 6 7 8; do keys Right; done
keys Enter
check "Enter places it elsewhere: Pop 10" 'Pop 10 '
check "the paste is selected once placed" 'Sel 3x3 5'
placed=$(board)
keys '>'
check "> rotates the paste" 'selection rotated clockwise'
rotated=$(board)
if [[ $rotated != "$placed" ]] && screen | grep -q 'Pop 10 '; then pass "the rotated paste looks turned, Pop 10"; else fail "> changed nothing on the board"; fi
keys u
check "u undoes the rotation" 'Pop 10 '
if [[ $(board) == "$placed" ]]; then pass "the paste is back as placed"; else
  fail "after u the board differs from the paste as placed"
  printf '%s\n---\n%s\n' "$placed" "$(board)"
fi
keys u
check "u again undoes the paste: Pop 5" 'Pop 5 '
if [[ $(board) == "$before" ]]; then pass "the board is as it began"; else fail "after u u the board differs from the start"; fi

keys '?'
check "? shows the help" 'Keys: lines 1-'
if screen | grep -Eq '^║ +n  \. +one generation'; then pass "the help's single-letter keys show, in their column"; else fail "no n and its meaning on a line"; fi
keys End
if wait_for '^║ +q +quit \(asks first when there are unsaved edits\)' 5; then
  pass "the help shows q and its meaning on one line: $(screen | grep -E '^║ +q ' | tr -s ' ')"
else
  fail "the help does not show q and its meaning on one line"
  screen
fi
keys Escape
sleep 0.3

keys C-v Left Left Left Left Left Left Enter # an edit the undo did not take back
check "a last paste" 'Pop 10 '
keys q
check "q asks about the unsaved edits" 'unsaved edits\. Quit anyway\? \(y/n\)'
keys y
check "y quits with status 0" '^exit=0'

if ((fails > 0)); then
  echo "tui-edit: $fails checks failed"
  exit 1
fi
echo "tui-edit: every check passed"
