#!/usr/bin/env bash
# Whole-process benchmark: strompy (default jobs, and -j 1) against a compiled serde_json
# reader (bench/serde), jq and a Python json+numpy script on the same generated files. Median
# wall time of RUNS runs per tool (tools alternate within each round), MB/s from that median,
# peak RSS from /usr/bin/time, time as a multiple of serde's, and a check that all outputs agree.
#
# usage: bench/run.sh [--runs N] [--scale S] [--no-jq] [--no-python] [--no-1g]
#   --scale 1.0 (default) makes dot 100 MB, chain 100 MB, big 50 MB; dot1g and chain1g are ten
#   copies of dot and chain (only strompy and serde run them). Data is cached in bench/data.
#   The serde baseline is built with cargo (from crates.io, else from the crates Debian packages
#   as librust-serde-json-dev); SERDE_BASELINE=path uses a
#   binary built elsewhere. Without either, its rows are left out.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=3 scale=1.0 use_jq=1 use_py=1 use_1g=1
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=$2; shift ;;
        --scale) scale=$2; shift ;;
        --no-jq) use_jq=0 ;;
        --no-python) use_py=0 ;;
        --no-1g) use_1g=0 ;;
        *) echo "unknown option $1" >&2; exit 64 ;;
    esac
    shift
done

data=bench/data/scale-$scale
out=bench/out
mkdir -p "$data" "$out"
[ -f "$data/big.ndjson" ] || python3 bench/gen.py "$data" --scale "$scale" >&2
bin/strompy --version >/dev/null   # build the jar once, outside the timings
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 69; }

# jq is far too slow for the big workload: it runs on the first item only, and its MB/s is
# taken on that file (marked with *).
head -n 1 "$data/big.ndjson" > "$data/big-head.ndjson"
if [ "$use_1g" = 1 ]; then
    for w in dot chain; do
        [ -f "$data/${w}1g.ndjson" ] || for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$data/$w.ndjson"; done > "$data/${w}1g.ndjson"
    done
fi

serde=${SERDE_BASELINE:-}
build_serde() {
    cargo build -q --release --manifest-path bench/serde/Cargo.toml --target-dir "$root/bench/out/serde" >/dev/null 2>&1
}
# Without crates.io, the crates Debian packages (librust-serde-json-dev and its dependencies)
# serve as a local registry.
offline_serde() {
    [ -d /usr/share/cargo/registry ] || return 1
    mkdir -p "$root/bench/out/cargo-home"
    printf '[source.crates-io]\nreplace-with = "debian"\n[source.debian]\ndirectory = "/usr/share/cargo/registry"\n[net]\noffline = true\n' \
        > "$root/bench/out/cargo-home/config.toml"
    CARGO_HOME=$root/bench/out/cargo-home build_serde
}
if [ -z "$serde" ] && command -v cargo >/dev/null; then
    if build_serde || offline_serde; then
        serde=$root/bench/out/serde/release/serde-baseline
    else
        echo "bench/serde could not be built (cargo needs crates.io or Debian's librust-serde-json-dev, or set SERDE_BASELINE): no serde rows" >&2
    fi
fi

# measure TOOL FILE OUTFILE -> "seconds kilobytes"
measure() {
    local tool=$1 file=$2 dest=$3
    case $tool in
        strompy) /usr/bin/time -f "%e %M" -o "$out/time.txt" bin/strompy "$file" > "$dest" ;;
        strompy-j1) /usr/bin/time -f "%e %M" -o "$out/time.txt" bin/strompy -j 1 "$file" > "$dest" ;;
        serde) /usr/bin/time -f "%e %M" -o "$out/time.txt" "$serde" "$file" > "$dest" ;;
        jq) /usr/bin/time -f "%e %M" -o "$out/time.txt" jq -c -f bench/ops.jq "$file" > "$dest" ;;
        python) /usr/bin/time -f "%e %M" -o "$out/time.txt" python3 bench/reference.py < "$file" > "$dest" ;;
    esac
    tail -n 1 "$out/time.txt"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

tools="strompy strompy-j1"
[ -n "$serde" ] && tools="$tools serde"
big_tools=$tools
[ "$use_jq" = 1 ] && command -v jq >/dev/null && tools="$tools jq"
[ "$use_py" = 1 ] && python3 -c 'import numpy' 2>/dev/null && tools="$tools python"
workloads="dot chain big"
[ "$use_1g" = 1 ] && workloads="$workloads dot1g chain1g"

printf '| workload | size | tool | median s | MB/s | peak RSS MB | ÷ serde | agrees |\n|---|---|---|---|---|---|---|---|\n'
for w in $workloads; do
    all_tools=$tools
    case $w in *1g) tools=$big_tools ;; esac
    for tool in $tools; do : > "$out/$w.$tool.times"; : > "$out/$w.$tool.rss"; done
    for ((r = 0; r < runs; r++)); do
        for tool in $tools; do
            file=$data/$w.ndjson
            [ "$tool" = jq ] && [ "$w" = big ] && file=$data/big-head.ndjson
            read -r secs kb < <(measure "$tool" "$file" "$out/$w.$tool.out")
            echo "$secs" >> "$out/$w.$tool.times"
            echo "$kb" >> "$out/$w.$tool.rss"
        done
    done
    serde_secs=""
    [ -n "$serde" ] && serde_secs=$(median < "$out/$w.serde.times")
    for tool in $tools; do
        file=$data/$w.ndjson
        star=""
        if [ "$tool" = jq ] && [ "$w" = big ]; then file=$data/big-head.ndjson; star="*"; fi
        bytes=$(stat -c %s "$file")
        secs=$(median < "$out/$w.$tool.times")
        rss=$(sort -g "$out/$w.$tool.rss" | tail -n 1)
        agrees=reference
        if [ "$tool" != strompy ]; then
            ref=$out/$w.strompy.out
            if [ -n "$star" ]; then head -n 1 "$ref" > "$out/big-head.strompy.out"; ref=$out/big-head.strompy.out; fi
            if python3 bench/compare.py "$ref" "$out/$w.$tool.out" >/dev/null; then agrees=yes; else agrees=NO; fi
        fi
        ratio=""
        [ -n "$serde_secs" ] && [ -z "$star" ] && ratio=$(awk -v s="$secs" -v r="$serde_secs" 'BEGIN { printf "%.2f", s / r }')
        awk -v w="$w" -v t="$tool$star" -v s="$secs" -v b="$bytes" -v k="$rss" -v a="$agrees" -v q="$ratio" \
            'BEGIN { printf "| %s | %.1f MB | %s | %.3f | %.1f | %.0f | %s | %s |\n", w, b / 1e6, t, s, b / 1e6 / s, k / 1024, q, a }'
    done
    tools=$all_tools
done

# Startup: the article's example, median of 11 runs.
: > "$out/start.times"
for ((r = 0; r < 11; r++)); do
    /usr/bin/time -f "%e" -o "$out/time.txt" bin/strompy op.json > /dev/null
    tail -n 1 "$out/time.txt" >> "$out/start.times"
done
printf '\n`strompy op.json`: median %s s over 11 runs\n' "$(median < "$out/start.times")"

# Memory does not grow with input length: 10 copies of the dot workload through a pipe.
small=$(/usr/bin/time -f "%M" bin/strompy "$data/big-head.ndjson" 2>&1 >/dev/null | tail -n 1)
large=$( (for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$data/dot.ndjson"; done) \
    | /usr/bin/time -f "%M" bin/strompy 2>&1 >/dev/null | tail -n 1)
dotmb=$(( $(stat -c %s "$data/dot.ndjson") * 10 / 1000000 ))
printf 'peak RSS: %s MB on %s MB of input, %s MB on a 1-item file\n' "$((large / 1024))" "$dotmb" "$((small / 1024))"
