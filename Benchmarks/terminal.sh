#!/usr/bin/env bash
# Terminal-side figures of DESIGN §7 for the real binary in tmux: time to first frame,
# bytes written per cursor step (captured with pipe-pane), idle output, resident memory.
# Usage: Benchmarks/terminal.sh [BOOKINGS]   (default 100000; needs a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100000}"
swift build -c release >/dev/null
work=$(mktemp -d)
trap 'tmux -L slate-bench kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
middle=$(.build/release/SlateBenchmarks --make-workspace "$work/w.slate" "$count" | sed 's/.*: //')
# The bench workspace's founder is 'bench'; run as that login through SLATE_NOW only for the clock.
sqlite3 "$work/w.slate" "UPDATE users SET login = '$(id -un)' WHERE login = 'bench'"
tmux -L slate-bench new-session -d -s b -x 120 -y 40 "sleep 0.3; env LC_ALL=C.UTF-8 TERM=xterm-256color SLATE_NOW=${middle}:00Z .build/release/slate --db $work/w.slate; sleep 5"
tmux -L slate-bench pipe-pane -o -t b "cat >> $work/out"
start=$(date +%s.%N)
until [ -s "$work/out" ] && grep -q "Booking grid" <(tmux -L slate-bench capture-pane -p -t b); do sleep 0.01; done
first=$(echo "$(date +%s.%N) - $start - 0.3" | bc)
sleep 1
pid=$(pgrep -n -x slate)
rss=$(awk '/VmRSS/ {print $2/1024}' "/proc/$pid/status")
written() { stat -c %s "$work/out"; }
# Twenty presses of a key; prints the bytes written per press.
steps() {
  local before; before=$(written)
  for _ in $(seq 20); do tmux -L slate-bench send-keys -t b "$1"; sleep 0.05; done
  sleep 0.5
  echo $(( ($(written) - before) / 20 ))
}
# Day view from midnight: twenty steps along a row stay inside the view.
tmux -L slate-bench send-keys -t b : "zoom day" Enter : "goto ${middle%T*}" Enter
sleep 0.5
dayRow=$(steps l)
down=$(steps j)
# Week view from its Monday: twenty steps along a row (six slots a day) stay inside the week.
day=${middle%T*}
monday=$(date -u -d "$day -$(( $(date -u -d "$day" +%u) - 1 )) days" +%F)
tmux -L slate-bench send-keys -t b : "zoom week" Enter : "goto $monday" Enter
sleep 0.5
weekRow=$(steps l)
quiet=$(written)
sleep 3
idle=$(( $(written) - quiet ))
printf 'bookings %s: first frame after %.0f ms; resident %.1f MB; bytes per step: %s along a row in day zoom, %s along a row in week zoom, %s down the rows (scrolling included); idle 3 s: %s bytes\n' \
  "$count" "$(echo "$first * 1000" | bc)" "$rss" "$dayRow" "$weekRow" "$down" "$idle"
