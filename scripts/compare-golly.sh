#!/usr/bin/env bash
# Times whole `life run --engine bitwise` processes against whole bgolly
# QuickLife processes on the anchors' two soups, side by side, best of
# three each (issue 5's measure), and checks that the populations agree.
# Needs python3 and bgolly (apt-get install -y golly).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
anchors=${ANCHORS:-$top/../shared/anchors}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/life" "$top/cmd/life"
python3 "$anchors/mksoup.py" 4096 4096 0.3 3 "B3/S23:T4096,4096" > "$tmp/s4096.rle"
python3 "$anchors/mksoup.py" 1024 1024 0.3 3 "B3/S23:T1024,1024" > "$tmp/s1024.rle"
# seconds runs a command and prints how long it took.
seconds() {
	local start end
	start=$(date +%s.%N)
	"$@" > /dev/null 2>&1
	end=$(date +%s.%N)
	echo "$end - $start" | bc
}
for spec in "s4096.rle 100" "s1024.rle 2000"; do
	set -- $spec
	file=$tmp/$1 gens=$2
	best_life=999 best_golly=999
	for run in 1 2 3; do
		l=$(seconds "$tmp/life" run --engine bitwise --gens "$gens" --stats "$file")
		g=$(seconds bgolly -a QuickLife -q -q -m "$gens" -i "$gens" "$file")
		echo "  $1, run $run: life $l s, bgolly $g s"
		best_life=$(echo "if ($l < $best_life) $l else $best_life" | bc)
		best_golly=$(echo "if ($g < $best_golly) $g else $best_golly" | bc)
	done
	life_pop=$("$tmp/life" run --engine bitwise --gens "$gens" --stats "$file")
	golly_pop=$(bgolly -a QuickLife -m "$gens" -i "$gens" "$file" 2>/dev/null | tail -1)
	echo "$1, $gens generations: life $best_life s ($life_pop), bgolly $best_golly s ($golly_pop), bgolly/life $(echo "scale=2; $best_golly / $best_life" | bc)"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
