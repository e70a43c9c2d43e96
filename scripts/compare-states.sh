#!/usr/bin/env bash
# Measures issue 14's "as fast as bgolly" on Golly's own examples: every
# file of Golly's Generations folder run 10^6 generations, and every file
# of its Larger-than-Life folder run as many generations as bgolly reaches
# in a minute or so (the table below), by whole processes, interleaved,
# best of N (3 unless RUNS says otherwise):
#
#   bgolly -a Generations -m G -i I FILE          (or -a "Larger than Life")
#   life run --gens G --stats -o out.rle FILE     (auto picks the engine)
#
# I is G on the unbounded plane, where bgolly's Generations is a HashLife
# and its increment is its step, and 10^4 on bounded grids, where bgolly
# steps one generation at a time whatever the increment, so that the
# generation it had reached shows when it is stopped. Each process gets
# LIMIT seconds of CPU (ulimit -t; 600 unless LIMIT says otherwise); one
# stopped by the limit is not run again. A row shows, for each program,
# the best CPU time (user + system) and the best wall time, the peak
# resident memory, the population reached, bgolly's CPU time over life's,
# and whether the cells (with their states, as life's RLE writes them
# from both outputs) are equal.
#
# FILES (a space-separated list of names) runs only those, and GENS
# replaces 10^6 for the Generations files; GOLLY_PATTERNS
# is Golly's pattern folder. The machine is shared: run it when it is
# quiet, and read the load averages it prints. Needs bgolly (apt-get
# install -y golly) and GNU time (apt-get install -y time).
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
golly=${GOLLY_PATTERNS:-/usr/share/golly/Patterns}
runs=${RUNS:-3}
limit=${LIMIT:-600}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/life" "$top/cmd/life" || exit 1

# The Larger-than-Life files' generation counts: about what bgolly
# reaches in a few seconds to a minute of CPU on this machine (10^4 for
# most; the range-100 and range-500 bugs cost bgolly minutes for 500).
declare -A ltlgens=(
	[Blinkers.mcl]=100000 [Bosco.mcl]=100000 [BugGun.rle]=100000
	[Jitterbug.rle]=100000 [SlowShip.rle]=100000
	[R100-NN-bug.rle]=500 [R100-alien-bug.rle]=500 [R500-alien-bug.rle]=100
)

# measure NAME CMD...: runs CMD once under GNU time with LIMIT seconds of
# CPU, appending "wall rss cpu load status" to $tmp/NAME.times and keeping
# its standard output in $tmp/NAME.out.
measure() {
	local name=$1
	shift
	local load t sig
	load=$(cut -d' ' -f1 /proc/loadavg)
	t=$( (ulimit -t "$limit"; /usr/bin/time -f "TIME %e %M %U %S %x" "$@" 2>&1 >"$tmp/$name.out") 2>&1)
	# GNU time gives a process killed by a signal exit status 0.
	sig=0
	if grep -q 'terminated by signal' <<<"$t"; then
		sig=1
	fi
	grep -o 'TIME .*' <<<"$t" | tail -1 | awk -v load="$load" -v sig="$sig" '{printf "%s %s %.2f %s %s\n", $2, $3, $4+$5, load, ($6 != 0 || sig) ? 1 : 0}' >>"$tmp/$name.times"
}

# stopped NAME: whether a run of NAME was stopped (killed by the limit, or
# failed).
stopped() { awk '$5 != 0 {s=1} END {exit !s}' "$tmp/$1.times"; }
bestcpu() { sort -k3 -n "$tmp/$1.times" | head -1 | awk '{print $3}'; }
bestwall() { sort -k1 -n "$tmp/$1.times" | head -1 | awk '{print $1}'; }
maxrss() { sort -k2 -n "$tmp/$1.times" | tail -1 | awk '{printf "%.0f", $2/1024}'; }
loads() { awk '{printf "%s%s", sep, $4; sep=","}' "$tmp/$1.times"; }

# cells NAME.rle: the cells of a written RLE as life writes them, from the
# size line on (bgolly writes no position).
cells() { "$tmp/life" run --gens 0 -o "$tmp/norm.rle" "$1" >/dev/null 2>&1 && sed -n '/^x = /,$p' "$tmp/norm.rle"; }

# table FOLDER ALGO: one row a file.
table() {
	local folder=$1 algo=$2 f name gens inc file plane
	printf "%-20s %9s  %-28s %-28s %8s %s\n" file gens "bgolly cpu/wall/MB pop" "life cpu/wall/MB pop" "cpu b/l" cells
	for file in "$golly/$folder"/*; do
		f=$(basename "$file")
		if [ -n "${FILES:-}" ] && ! [[ " $FILES " == *" $f "* ]]; then
			continue
		fi
		name=${f%.*}
		if [ "$algo" = Generations ]; then
			gens=${GENS:-1000000}
		else
			gens=${ltlgens[$f]:-10000}
		fi
		# On the unbounded plane (no bounded-grid suffix, no #BOARD),
		# bgolly's increment is its HashLife step.
		plane=0
		if ! grep -q -E '^#BOARD|rule *= *[^:]*:[TP]' "$file"; then
			plane=1
		fi
		inc=$((plane ? gens : 10000))
		inc=$((inc > gens ? gens : inc))
		rm -f "$tmp/g.times" "$tmp/l.times"
		for i in $(seq "$runs"); do
			if [ "$i" = 1 ] || ! stopped g; then
				measure g stdbuf -oL bgolly -a "$algo" -m "$gens" -i "$inc" -o "$tmp/g.rle" "$file"
			fi
			if [ "$i" = 1 ] || ! stopped l; then
				measure l "$tmp/life" run --gens "$gens" --stats -o "$tmp/l.rle" "$file"
			fi
			if stopped g && stopped l; then
				break
			fi
		done
		local gpop lpop gcol lcol ratio same
		gpop=$(grep -E '^[0-9,]+: ' "$tmp/g.out" | tail -1 | tr -d ',')
		lpop=$(sed -n 's/.*population=//p' "$tmp/l.out" | tail -1)
		if stopped g; then
			gcol="stopped at ${gpop%%:*} ($(bestcpu g) s cpu)"
		else
			gcol="$(bestcpu g)/$(bestwall g)/$(maxrss g) ${gpop##*: }"
		fi
		if stopped l; then
			lcol="stopped ($(bestcpu l) s cpu)"
		else
			lcol="$(bestcpu l)/$(bestwall l)/$(maxrss l) $lpop"
		fi
		ratio=-
		same=-
		if ! stopped g && ! stopped l; then
			ratio=$(echo "scale=2; $(bestcpu g) / ($(bestcpu l) + 0.005)" | bc)
			if [ "$(cells "$tmp/g.rle")" = "$(cells "$tmp/l.rle")" ]; then
				same=equal
			else
				same=DIFFER
			fi
		fi
		printf "%-20s %9s  %-28s %-28s %8s %s  (loads %s; %s)\n" "$f" "$gens" "$gcol" "$lcol" "$ratio" "$same" "$(loads g)" "$(loads l)"
	done
}

echo "== Golly's Generations folder, 10^6 generations (limit $limit s of CPU a process, best of $runs)"
table Generations Generations
echo "== Golly's Larger-than-Life folder (limit $limit s of CPU a process, best of $runs)"
table Larger-than-Life "Larger than Life"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
