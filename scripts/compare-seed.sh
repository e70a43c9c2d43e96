#!/usr/bin/env bash
# Times the whole `life run --engine protocol` process against the seed's own
# program on the anchor's 256 x 256 soup, side by side (issue 2's measure,
# issue 10's target: at least 150 times the seed's speed), and prints the
# ratio of the best times.
# Needs python3 and hyperfine (apt-get install -y hyperfine).
# RUNS (default 30) sets how many times life runs; the seed runs 3 times.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
# The anchors are in shared/ beside the checkout (or beside the worktrees'
# folder); ANCHORS overrides.
anchors=${ANCHORS:-$top/../shared/anchors}
[ -d "$anchors" ] || [ -n "${ANCHORS:-}" ] || anchors=$top/../../shared/anchors
runs=${RUNS:-30}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$anchors/mksoup.py" 256 256 0.3 7 "B3/S23:T256,256" > "$tmp/soup.rle"
go build -o "$tmp/life" "$top/cmd/life"
life="$tmp/life run --engine protocol --gens 5 --stats $tmp/soup.rle"
seed="python3 $anchors/seed_life.py $tmp/soup.rle 5"
# Both print the generation and population; they must agree.
want=$($life)
got=$($seed | sed 's/ seconds=.*//')
echo "life: $want"
echo "seed: $got"
if [ "$want" != "$got" ]; then
	echo "compare-seed: life and the seed disagree" >&2
	exit 1
fi
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
hyperfine -N --warmup 2 -r 3 --export-json "$tmp/seed.json" "$seed"
hyperfine -N --warmup 3 -r "$runs" --export-json "$tmp/life.json" "$life"
python3 - "$tmp/seed.json" "$tmp/life.json" <<'EOF'
import json, sys
best = [min(json.load(open(f))["results"][0]["times"]) for f in sys.argv[1:]]
print(f"best of each: seed {best[0]*1000:.0f} ms, life {best[1]*1000:.1f} ms: life is {best[0]/best[1]:.0f}x the seed's speed")
EOF
