#!/bin/sh
# Run a census in SHARDS shards with GNU parallel, then merge the hauls.
# Usage: SOUPS=100000 SHARDS=8 ROOT=k_mysearch JOBS=2 scripts/census/parallel.sh
set -eu
SOUPS=${SOUPS:-100000}
SHARDS=${SHARDS:-8}
ROOT=${ROOT:-k_mysearch}
JOBS=${JOBS:-$(nproc)}
LIFE=${LIFE:-life}
OUT=${OUT:-hauls}
mkdir -p "$OUT"
seq 0 $((SHARDS - 1)) | parallel --halt now,fail=1 -j "$JOBS" \
	"$LIFE" census --soups "$SOUPS" --seed "$ROOT" --shard '{}'/"$SHARDS" --workers 1 --quiet -o "$OUT/$ROOT-{}.haul"
"$LIFE" census merge -o "$OUT/$ROOT.haul" $(seq 0 $((SHARDS - 1)) | sed "s|.*|$OUT/$ROOT-&.haul|")
echo "merged $SHARDS shards into $OUT/$ROOT.haul"
