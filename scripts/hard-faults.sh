#!/bin/bash
# hard-faults.sh BIN DIR: reproduce the faults of issue 11 with the life
# binary BIN, working in DIR, and print one line per fault: what was run,
# the exit status, seconds and peak resident memory (GNU time's %M, KB).
# Each command is bounded by timeout(1) so that a hang shows as a kill.
set -u
BIN=${1:?usage: hard-faults.sh BIN DIR}
DIR=${2:?usage: hard-faults.sh BIN DIR}
cd "$DIR" || exit 1
T() { /usr/bin/time -f '%e s %M KB' -o time.out "$@"; echo "rc=$? $(cat time.out)"; }
say() { printf '%-58s ' "$1"; }

printf 'x = 3, y = 3\n1000000000000000000o!\n' > f1.rle
# K SIG SECS CMD...: run CMD under GNU time, send SIG to it after SECS
# seconds and SIGKILL 3 s later if it is still there.
K() {
  local sig=$1 secs=$2; shift 2
  /usr/bin/time -f '%e s %M KB' -o time.out "$@" & local tp=$!
  sleep 0.2; local pid=$(pgrep -P $tp)
  ( sleep $secs; kill -$sig $pid 2>/dev/null; sleep 3; kill -KILL $pid 2>/dev/null ) & local kp=$!
  wait $tp; local rc=$?; kill $kp 2>/dev/null; wait $kp 2>/dev/null
  echo "rc=$rc $(tail -1 time.out)"
}
say "F1 run 36-byte RLE, SIGINT at 3 s"; K INT 3 $BIN run --stats f1.rle 2>err.txt; head -c 200 err.txt; echo
say "F1 render 36-byte RLE, SIGINT at 3 s"; K INT 3 $BIN render -o f1.png f1.rle 2>err.txt; head -c 200 err.txt; echo

echo old > out.rle
say "F2 SIGINT at 1 s during the load of run8m.rle"; K INT 1 $BIN run --gens 1 -o out.rle run8m.rle 2>err.txt; head -c 200 err.txt; echo " out.rle: $(head -c 20 out.rle | tr '\n' ' ')"
# The .lif write of a 4096^2 soup's 5M cells takes seconds: a signal 4 s
# in arrives during it (before: while the file is written; after: the
# same, or at the end of the load).
for sig in INT TERM HUP KILL; do
  rm -f .out.lif.*.tmp; echo old > out.lif
  $BIN run --gens 1 -o out.lif soup4096.rle 2>err.txt & pid=$!
  sleep 4; kill -$sig $pid; wait $pid 2>/dev/null; rc=$?
  say "F3 SIG$sig 4 s into run -o out.lif"; echo "rc=$rc out.lif: $(head -c 12 out.lif | tr '\n' ' ') tmp left: $(ls .out.lif.*.tmp 2>/dev/null | wc -l) $(head -c 150 err.txt)"
done
rm -f .out.lif.*.tmp

say "F4 run - < /dev/zero (ulimit -v 4 GB, 20 s)"; T bash -c "ulimit -v 4000000; timeout -k 2 20 $BIN run - < /dev/zero" 2>err.txt; head -c 200 err.txt | tr '\n' ' '; echo
say "F4 run - < /dev/urandom (ulimit -v 4 GB, 20 s)"; T bash -c "ulimit -v 4000000; timeout -k 2 20 $BIN run - < /dev/urandom" 2>err.txt; head -c 200 err.txt | tr '\n' ' '; echo
say "F5 plaintext one long line, 261 KB gzip"; T bash -c "ulimit -v 8000000; timeout -k 2 30 $BIN run --stats f5.cells.gz" 2>err.txt; head -c 200 err.txt | tr '\n' ' '; echo
say "F5 Life 1.05 one long line, 261 KB gzip"; T bash -c "ulimit -v 8000000; timeout -k 2 30 $BIN run --stats f5.lif.gz" 2>err.txt; head -c 200 err.txt | tr '\n' ' '; echo

say "F6 --torus 1x17179869184"; printf 'o!' > dot.rle; T timeout -k 2 20 $BIN run --stats --torus 1x17179869184 dot.rle 2>err.txt; head -c 200 err.txt | tr '\n' ' '; echo
say "F6 --torus 17179869184x1"; T timeout -k 2 20 $BIN run --stats --torus 17179869184x1 dot.rle 2>err.txt; head -c 200 err.txt | tr '\n' ' '; echo

say "F8 protocol 65536^2 torus, SIGINT at 2 s"; K INT 2 $BIN run --engine protocol --torus 65536x65536 --gens 100 --stats glider 2>err.txt; head -c 200 err.txt | tr '\n' ' '; echo
say "F9 setsid life glider </dev/null"; T setsid -w $BIN glider </dev/null >out.txt 2>err.txt; head -c 120 err.txt | tr '\n' ' '; echo

printf '#CXRLE Pos=576460752303423480,-576460752303423480\nx = 2, y = 1\n2o!\n' > far.rle
for f in mc lif rle cells; do
  $BIN run --gens 0 -o far.$f far.rle 2>err.txt
  say "F11 far cells (2^59) -> .$f -> read back"; T $BIN run --gens 0 --stats far.$f 2>err.txt; head -c 160 err.txt | tr '\n' ' '; echo
done
$BIN run --gens 0 -o big.mc run8m.rle 2>err.txt
say "F11 8M-run soup (16M cells) -> .mc -> read back"; T $BIN run --gens 0 --stats big.mc 2>err.txt; head -c 160 err.txt | tr '\n' ' '; echo
printf '0700000000000000000bo' > fuzz1.rle
say "F12 RLE 0700000000000000000bo"; T $BIN run --gens 0 fuzz1.rle 2>err.txt; head -c 200 err.txt | tr '\n' ' '; echo
printf '[M2]\n#R, ,' > fuzz2.mc
say "F12 macrocell [M2]\\n#R, ,"; T $BIN run --gens 0 fuzz2.mc 2>err.txt; head -c 200 err.txt | tr '\n' ' '; echo

say "F13 --max-memory 8388608 (2^43 bytes)"; T $BIN run --stats --max-memory 8388608 --gens 100000 glider 2>err.txt; head -c 200 err.txt | tr '\n' ' '; echo
say "F13 --max-memory -5"; T $BIN run --stats --max-memory -5 --gens 1 glider 2>err.txt; head -c 200 err.txt | tr '\n' ' '; echo
say "F13 render --delay 1000h"; T $BIN render --gens 2 --delay 1000h -o d.gif glider 2>err.txt; head -c 200 err.txt | tr '\n' ' '; echo
say "F13 directory as input"; T $BIN run --stats . 2>err.txt; head -c 200 err.txt | tr '\n' ' '; echo

say "F15 rule B9/S23 in a header"; printf 'x = 3, y = 1, rule = B9/S23\n3o!\n' > rule.rle; T $BIN run --stats rule.rle 2>err.txt; head -c 200 err.txt | tr '\n' ' '; echo
mkdir -p ro && chmod 555 ro
say "F15 -o into an unwritable directory (as nobody)"; T setpriv --reuid=65534 --regid=65534 --clear-groups $BIN run --gens 0 -o ro/x.rle glider 2>err.txt; head -c 200 err.txt | tr '\n' ' '; echo
printf 'x = 3, y = 1\n3o!\n' | gzip > junk.rle.gz; printf 'junk\n' >> junk.rle.gz
say "F15 gzip with trailing junk"; T $BIN run --gens 0 --stats junk.rle.gz 2>err.txt; head -c 200 err.txt | tr '\n' ' '; echo

echo target > target.rle; ln -sf target.rle link.rle
$BIN run --gens 0 -o link.rle glider 2>err.txt
say "F16 -o onto a symlink"; echo "link.rle is $(stat -c %F link.rle); target.rle: $(head -c 12 target.rle | tr '\n' ' ')"
echo theirs > theirs.rle; chown 65534:65534 theirs.rle; chmod 444 theirs.rle
$BIN run --gens 0 -o theirs.rle glider 2>err.txt; rc=$?
say "F16 -o onto another user's read-only file"; echo "rc=$rc theirs.rle: $(head -c 12 theirs.rle | tr '\n' ' ') owner $(stat -c %U:%a theirs.rle) $(head -c 120 err.txt)"
