#!/usr/bin/env bash
# Times the whole `life run --engine protocol` process against the seed's own
# program on the anchor's 256 x 256 soup, side by side (issue 2's measure).
# Needs python3 and hyperfine (apt-get install -y hyperfine).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
anchors=${ANCHORS:-$top/../shared/anchors}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$anchors/mksoup.py" 256 256 0.3 7 "B3/S23:T256,256" > "$tmp/soup.rle"
go build -o "$tmp/life" "$top/cmd/life"
"$tmp/life" run --engine protocol --gens 5 --stats "$tmp/soup.rle"
for _ in 1 2 3; do python3 "$anchors/seed_life.py" "$tmp/soup.rle" 5; done
hyperfine -N --warmup 3 -r 30 "$tmp/life run --engine protocol --gens 5 --stats $tmp/soup.rle"
