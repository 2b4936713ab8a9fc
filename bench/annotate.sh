#!/usr/bin/env bash
# The machine code C2 made of one method, each instruction with the profile's samples that fell
# on it: where a hot method spends its time. Runs `bin/strompy -j 1 < FILE` once under perf
# (cpu-clock samples at 10 kHz), with HotSpot printing the method's compiled code (its bytes:
# no hsdis plugin is needed) and objdump disassembling the last C2 version of it.
#
# usage: bench/annotate.sh CLASS::METHOD [FILE] [--top N]
#   e.g. bench/annotate.sh dev.strompy.read.LineScanner::numbers bench/data/scale-1.0/dot.dn.ndjson
# Writes the whole listing to bench/out/annotate/METHOD.txt and prints the method's share of the
# samples and its N hottest instructions (default 20). A sample counts against the instruction
# the processor was waiting to retire: a long operation, or the target of a mispredicted branch,
# collects those of what comes after it.
# Needs perf (Debian: linux-perf), objdump (binutils) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: bench/annotate.sh CLASS::METHOD [FILE] [--top N]" >&2; exit 64; }
method=$1
file=${2:-bench/data/scale-1.0/dot.dn.ndjson}
top=20
if [ "${3:-}" = --top ]; then top=${4:?--top needs a number}; fi
for tool in perf objdump python3; do
    command -v "$tool" > /dev/null || { echo "bench/annotate.sh: $tool is missing" >&2; exit 69; }
done
[ -f "$file" ] || { echo "bench/annotate.sh: no file $file (bench/gen.py makes the data)" >&2; exit 66; }
out=bench/out/annotate
mkdir -p "$out"
name=${method##*::}
JAVA_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=print,$method -XX:+DumpPerfMapAtExit" \
    perf record -q -e cpu-clock -F 10000 -o "$out/perf.data" bin/strompy -j 1 < "$file" > "$out/print.txt" 2>&1
perf script -i "$out/perf.data" -F ip 2> /dev/null > "$out/ips.txt"
python3 - "$method" "$out" "$name" "$top" <<'PY'
import collections, re, subprocess, sys
method, out, name, top = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
lines = open(out + '/print.txt', errors='replace').read().splitlines()
starts = [i for i, l in enumerate(lines) if 'Compiled method (c2)' in l and method in l]
if not starts:
    sys.exit('bench/annotate.sh: C2 never compiled %s alone in this run (inlined into its callers?)' % method)
i = starts[-1]
m = re.search(r'main code\s+\[(0x[0-9a-f]+),(0x[0-9a-f]+)\]', '\n'.join(lines[i:i + 6]))
lo, hi = int(m.group(1), 16), int(m.group(2), 16)
code = {}
for l in lines[i:]:
    if l.startswith('[/MachCode]'):
        break
    mm = re.match(r'\s+0x([0-9a-f]+): ((?:[0-9a-f]{2,4} ?\|? ?)+)$', l)
    if mm:
        at = int(mm.group(1), 16)
        for k, b in enumerate(bytes.fromhex(''.join(mm.group(2).replace('|', '').split()))):
            code[at + k] = b
open(out + '/code.bin', 'wb').write(bytes(code.get(a, 0x90) for a in range(lo, hi)))
dis = subprocess.run(['objdump', '-D', '-b', 'binary', '-mi386:x86-64', '-M', 'intel', '--adjust-vma=%#x' % lo,
                      out + '/code.bin'], capture_output=True, text=True, check=True).stdout.splitlines()
samples = collections.Counter()
total = 0
for l in open(out + '/ips.txt'):
    try:
        a = int(l.strip(), 16)
    except ValueError:
        continue
    total += 1
    if lo <= a < hi:
        samples[a] += 1
listing = []
for l in dis:
    mm = re.match(r'\s+([0-9a-f]+):\t(.*)', l)
    if mm:
        a = int(mm.group(1), 16)
        listing.append((samples.get(a, 0), a, mm.group(2).split('\t')[-1]))
with open('%s/%s.txt' % (out, name), 'w') as f:
    for n, a, text in listing:
        f.write('%6s  %x  %s\n' % (n or '', a, text))
inside = sum(samples.values())
print('%s: %d of %d samples (%.1f%%), %d bytes of code; listing in %s/%s.txt'
      % (method, inside, total, 100.0 * inside / max(total, 1), hi - lo, out, name))
for n, a, text in sorted(listing, reverse=True)[:top]:
    if n:
        print('%6d  %x  %s' % (n, a, text))
PY
