#!/usr/bin/env bash
# Measures issue 13's figures side by side, whole processes, interleaved,
# best of N (3 unless RUNS says otherwise), with CPU time (user + system)
# and peak resident memory from GNU time and the load average each run
# started at, and shows the populations to check that they agree:
#
#   - mksoup.py 2048 2048 0.35 5 B3/S23 (the plane), 2000 generations, and
#     the same at 512 x 512 for 1000: life run --stats (auto; the default
#     build and the GOEXPERIMENT=simd build) against bgolly QuickLife;
#   - golly-ticker to 10^9 and switch-engine-ping-pong to 10^8: auto against
#     --engine hashlife (what auto was before) and bgolly HashLife;
#   - the dense 4096 x 4096 torus soup, 100 generations, --engine bitwise:
#     both builds against bgolly QuickLife and the branch BASE's build
#     (main unless BASE says otherwise: "today"), and life bench's engine
#     time;
#   - golly-ticker to 10^9 with the progress bar showing (a pseudo-terminal,
#     by script(1)) against --quiet.
#
# The machine is shared: run it when it is quiet, and read the load average
# it prints. Needs python3, bgolly (apt-get install -y golly), GNU time
# (apt-get install -y time) and script (util-linux).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
anchors=${ANCHORS:-$top/../../shared/anchors}
[ -d "$anchors" ] || anchors=$top/../shared/anchors
golly=${GOLLY_PATTERNS:-/usr/share/golly/Patterns/Life}
runs=${RUNS:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/life" "$top/cmd/life"
GOEXPERIMENT=simd go build -o "$tmp/life-simd" "$top/cmd/life"
# "Today": the branch BASE (main unless it says otherwise), for the torus.
base=${BASE:-main}
mkdir "$tmp/base"
git -C "$top" archive "$base" | tar -x -C "$tmp/base"
(cd "$tmp/base" && go build -o "$tmp/life-base" ./cmd/life)
python3 "$anchors/mksoup.py" 2048 2048 0.35 5 B3/S23 > "$tmp/p2048.rle"
python3 "$anchors/mksoup.py" 512 512 0.35 5 B3/S23 > "$tmp/p512.rle"
python3 "$anchors/mksoup.py" 4096 4096 0.3 3 "B3/S23:T4096,4096" > "$tmp/t4096.rle"
ticker=$golly/Guns/golly-ticker.rle
pingpong=$golly/Breeders/switch-engine-ping-pong.rle

# measure NAME CMD...: runs CMD once under GNU time, appending "wall rss
# cpu load lastline" to $tmp/NAME: wall seconds, peak resident KB, user +
# system CPU seconds, and the one-minute load average as it started.
measure() {
	local name=$1
	shift
	local out load
	load=$(cut -d' ' -f1 /proc/loadavg)
	out=$( { /usr/bin/time -f "TIME %e %M %U %S" "$@" 2>&1 >"$tmp/out"; } 2>&1 | grep '^TIME' | tail -1)
	echo "$out" "$load" "$(tail -1 "$tmp/out" | tr -d ',')" | awk '{c=$4+$5; $4=c; $5=""; print}' | tr -s ' ' >>"$tmp/$name"
}

# best NAME: the best wall time; cpu: the best CPU time; rss: the most
# memory; loads: the load averages the runs started at; last: the last
# output.
best() {
	sort -k2 -n "$tmp/$1" | head -1 | awk '{print $2}'
}
cpu() {
	sort -k4 -n "$tmp/$1" | head -1 | awk '{printf "%.2f", $4}'
}
rss() {
	sort -k3 -n "$tmp/$1" | tail -1 | awk '{printf "%.1f", $3/1024}'
}
loads() {
	awk '{printf "%s%s", sep, $5; sep=","}' "$tmp/$1"
}
last() {
	tail -1 "$tmp/$1" | cut -d' ' -f6-
}
row() { # row LABEL NAME
	printf "  %-44s %7s s wall  %6s s cpu  %6s MB  load %s  %s\n" "$1" "$(best "$2")" "$(cpu "$2")" "$(rss "$2")" "$(loads "$2")" "$(last "$2")"
}
ratio() { # ratio A B: B's best wall time over A's, and B's best CPU time over A's
	echo "$(echo "scale=2; $(best "$2") / $(best "$1")" | bc) wall, $(echo "scale=2; $(cpu "$2") / $(cpu "$1")" | bc) cpu"
}

echo "== the plane: soups, auto against bgolly QuickLife"
for i in $(seq "$runs"); do
	measure s2048 "$tmp/life" run --gens 2000 --stats "$tmp/p2048.rle"
	measure s2048simd "$tmp/life-simd" run --gens 2000 --stats "$tmp/p2048.rle"
	measure g2048 bgolly -a QuickLife -m 2000 -i 2000 "$tmp/p2048.rle"
	measure s512 "$tmp/life" run --gens 1000 --stats "$tmp/p512.rle"
	measure s512simd "$tmp/life-simd" run --gens 1000 --stats "$tmp/p512.rle"
	measure g512 bgolly -a QuickLife -m 1000 -i 1000 "$tmp/p512.rle"
done
row "2048^2, 2000 gens, life (default build)" s2048
row "2048^2, 2000 gens, life (GOEXPERIMENT=simd)" s2048simd
row "2048^2, 2000 gens, bgolly QuickLife" g2048
echo "  bgolly/life: default ($(ratio s2048 g2048)), simd ($(ratio s2048simd g2048))"
row "512^2, 1000 gens, life (default build)" s512
row "512^2, 1000 gens, life (GOEXPERIMENT=simd)" s512simd
row "512^2, 1000 gens, bgolly QuickLife" g512
echo "  bgolly/life: default ($(ratio s512 g512)), simd ($(ratio s512simd g512))"

echo "== long runs: auto against --engine hashlife and bgolly HashLife"
for i in $(seq "$runs"); do
	measure tauto "$tmp/life" run --gens 1000000000 --stats "$ticker"
	measure thash "$tmp/life" run --engine hashlife --gens 1000000000 --stats "$ticker"
	measure tgolly bgolly -a HashLife -m 1000000000 "$ticker"
	measure pauto "$tmp/life" run --gens 100000000 --stats "$pingpong"
	measure phash "$tmp/life" run --engine hashlife --gens 100000000 --stats "$pingpong"
	measure pgolly bgolly -a HashLife -m 100000000 "$pingpong"
done
row "golly-ticker to 10^9, auto" tauto
row "golly-ticker to 10^9, --engine hashlife" thash
row "golly-ticker to 10^9, bgolly HashLife" tgolly
row "ping-pong to 10^8, auto" pauto
row "ping-pong to 10^8, --engine hashlife" phash
row "ping-pong to 10^8, bgolly HashLife" pgolly

echo "== the dense 4096^2 torus soup, 100 gens, --engine bitwise"
for i in $(seq "$runs"); do
	measure d "$tmp/life" run --engine bitwise --gens 100 --stats "$tmp/t4096.rle"
	measure dbase "$tmp/life-base" run --engine bitwise --gens 100 --stats "$tmp/t4096.rle"
	measure dsimd "$tmp/life-simd" run --engine bitwise --gens 100 --stats "$tmp/t4096.rle"
	measure dgolly bgolly -a QuickLife -m 100 -i 100 "$tmp/t4096.rle"
done
row "life (default build)" d
row "life ($base, today)" dbase
row "life (GOEXPERIMENT=simd)" dsimd
row "bgolly QuickLife" dgolly
echo "  bgolly/life: default ($(ratio d dgolly)), simd ($(ratio dsimd dgolly)); $base/default ($(ratio d dbase))"
for b in life life-simd; do
	echo "  $b bench:"
	"$tmp/$b" bench --workload dense-4096 --engine bitwise | sed 's/^/    /'
done

echo "== the progress bar in a pseudo-terminal: golly-ticker to 10^9"
for i in $(seq "$runs"); do
	measure bar script -qec "$tmp/life run --gens 1000000000 --stats $ticker" /dev/null
	measure quiet script -qec "$tmp/life run --gens 1000000000 --stats --quiet $ticker" /dev/null
done
row "with the bar" bar
row "--quiet" quiet
echo "  bar/quiet: $(ratio quiet bar)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
