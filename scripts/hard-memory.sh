#!/bin/bash
# hard-memory.sh BIN DIR: time and peak memory of life (BIN) and bgolly side
# by side on the workloads of issue 11, interleaved, best of three by time.
# DIR holds the inputs (see the notes): soup2000.rle (mksoup.py 2000 2000
# 0.5 1 B3/S23), run8m.rle (mksoup.py 5600 5600 0.5 2 B3/S23, 7.8M runs),
# nodes8m.mc (8M leaf lines and one node), the metapixel files.
set -u
BIN=${1:?}; DIR=${2:?}; cd "$DIR" || exit 1
m() { # label cmd...
  local best=""
  for i in 1 2 3; do
    /usr/bin/time -f '%e %M' -o t.out timeout -k 2 120 "${@:2}" >o.out 2>e.out
    local rc=$? r=$(tail -1 t.out)
    if [ -z "$best" ] || awk -v a="$r" -v b="$best" 'BEGIN{split(a,x," ");split(b,y," ");exit !(x[1]<y[1])}'; then best=$r; fi
  done
  printf '%-40s rc=%s %s s %s KB | %s %s\n' "$1" "$rc" $best "$(tail -1 o.out | head -c 60)" "$(head -c 100 e.out | tr '\n' ' ')"
}
m "life --max-memory 64 soup2000 1000" $BIN run --max-memory 64 --gens 1000 --stats soup2000.rle
m "bgolly -M 64 soup2000 1000" bgolly -a HashLife -M 64 -m 1000 soup2000.rle
m "life run8m.rle --gens 1" $BIN run --gens 1 --stats run8m.rle
m "bgolly HashLife run8m.rle -m 1" bgolly -a HashLife -m 1 run8m.rle
m "bgolly QuickLife run8m.rle -m 1" bgolly -a QuickLife -m 1 run8m.rle
m "life nodes8m.mc --gens 1" $BIN run --gens 1 --stats nodes8m.mc
m "bgolly nodes8m.mc -m 1" bgolly -a HashLife -m 1 nodes8m.mc
for f in metapixel-galaxy metapixel-p216-gun metapixel-parity64; do
  m "life $f --gens 0" $BIN run --gens 0 --stats $f.mc
  m "bgolly $f -m 0" bgolly -a HashLife -m 0 $f.mc
done
m "life render 100-frame GIF soup2000" $BIN render --gens 100 --every 1 -o g.gif soup2000.rle
m "life breeder 10^12 -o out.mc" $BIN run --gens 1000000000000 -o breeder.mc /usr/share/golly/Patterns/Life/Breeders/breeder.lif
