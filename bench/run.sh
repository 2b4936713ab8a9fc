#!/usr/bin/env bash
# Whole-process benchmark: strompy (default jobs, and -j 1) against compiled serde_json readers
# (bench/serde), jq and a Python json+numpy script on the same generated items, in two forms:
# matrices as rows ([[1,2],[3,4]]) and in the article's flat form ({"d":[1,2,3,4],"n":2}). Each
# form has its own compiled baseline: serde-rows reads rows into nested vectors, serde-flat reads
# {"d","n"} into flat buffers (the stronger one). Median wall time of RUNS runs per tool (tools
# alternate within each round), MB/s from that median, peak RSS from /usr/bin/time, time as a
# multiple of the form's serde reader's, and a check that all outputs agree.
#
# usage: bench/run.sh [--runs N] [--scale S] [--form rows|dn|both] [--no-jq] [--no-python] [--no-1g]
#   --scale 1.0 (default) makes dot 100 MB, chain 100 MB, big 50 MB; dot1g and chain1g are ten
#   copies of dot and chain (only strompy and serde run them). Data is cached in bench/data.
#   The serde baseline is built with cargo (from crates.io, else from the crates Debian packages
#   as librust-serde-json-dev); SERDE_BASELINE=path uses a
#   binary built elsewhere. Without either, its rows are left out.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=3 scale=1.0 use_jq=1 use_py=1 use_1g=1 forms="rows dn"
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=$2; shift ;;
        --scale) scale=$2; shift ;;
        --form) case $2 in rows|dn) forms=$2 ;; both) forms="rows dn" ;; *) echo "--form: rows, dn or both" >&2; exit 64 ;; esac; shift ;;
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
[ -f "$data/big.dn.ndjson" ] || python3 bench/gen.py "$data" --scale "$scale" >&2
bin/strompy --version >/dev/null   # build the jar once, outside the timings
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 69; }

# jq is far too slow for the big workload: it runs on the first item only, and its MB/s is
# taken on that file (marked with *).
head -n 1 "$data/big.ndjson" > "$data/big-head.ndjson"
if [ "$use_1g" = 1 ]; then
    for w in dot chain; do
        for f in ndjson dn.ndjson; do
            [ -f "$data/${w}1g.$f" ] || for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$data/$w.$f"; done > "$data/${w}1g.$f"
        done
    done
fi

serde=${SERDE_BASELINE:-}
flat=${SERDE_FLAT:-}
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
if { [ -z "$serde" ] || [ -z "$flat" ]; } && command -v cargo >/dev/null; then
    if build_serde || offline_serde; then
        serde=${serde:-$root/bench/out/serde/release/serde-baseline}
        flat=${flat:-$root/bench/out/serde/release/serde-flat}
    else
        echo "bench/serde could not be built (cargo needs crates.io or Debian's librust-serde-json-dev, or set SERDE_BASELINE and SERDE_FLAT): no serde rows" >&2
    fi
fi

# measure TOOL FILE OUTFILE -> "seconds kilobytes"
measure() {
    local tool=$1 file=$2 dest=$3
    case $tool in
        strompy) /usr/bin/time -f "%e %M" -o "$out/time.txt" bin/strompy "$file" > "$dest" ;;
        strompy-j1) /usr/bin/time -f "%e %M" -o "$out/time.txt" bin/strompy -j 1 "$file" > "$dest" ;;
        serde-rows) /usr/bin/time -f "%e %M" -o "$out/time.txt" "$serde" "$file" > "$dest" ;;
        serde-flat) /usr/bin/time -f "%e %M" -o "$out/time.txt" "$flat" "$file" > "$dest" ;;
        jq) /usr/bin/time -f "%e %M" -o "$out/time.txt" jq -c -f bench/ops.jq "$file" > "$dest" ;;
        python) /usr/bin/time -f "%e %M" -o "$out/time.txt" python3 bench/reference.py < "$file" > "$dest" ;;
    esac
    tail -n 1 "$out/time.txt"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The tools of each form: the serde reader of that form; jq and Python on rows only.
rows_tools="strompy strompy-j1"
[ -n "$serde" ] && rows_tools="$rows_tools serde-rows"
dn_tools="strompy strompy-j1"
[ -n "$flat" ] && dn_tools="$dn_tools serde-flat"
workloads="dot chain big"
[ "$use_1g" = 1 ] && workloads="$workloads dot1g chain1g"

printf '| workload | form | size | tool | median s | MB/s | peak RSS MB | ÷ serde | agrees |\n|---|---|---|---|---|---|---|---|---|\n'
for w in $workloads; do
    for form in $forms; do
        if [ "$form" = rows ]; then
            tools=$rows_tools base=serde-rows file=$data/$w.ndjson
            case $w in *1g) ;; *)
                [ "$use_jq" = 1 ] && command -v jq >/dev/null && tools="$tools jq"
                [ "$use_py" = 1 ] && python3 -c 'import numpy' 2>/dev/null && tools="$tools python" ;;
            esac
        else
            tools=$dn_tools base=serde-flat file=$data/$w.dn.ndjson
        fi
        key=$w.$form
        for tool in $tools; do : > "$out/$key.$tool.times"; : > "$out/$key.$tool.rss"; done
        for ((r = 0; r < runs; r++)); do
            for tool in $tools; do
                f=$file
                [ "$tool" = jq ] && [ "$w" = big ] && f=$data/big-head.ndjson
                read -r secs kb < <(measure "$tool" "$f" "$out/$key.$tool.out")
                echo "$secs" >> "$out/$key.$tool.times"
                echo "$kb" >> "$out/$key.$tool.rss"
            done
        done
        base_secs=""
        [ -f "$out/$key.$base.times" ] && [ -s "$out/$key.$base.times" ] && base_secs=$(median < "$out/$key.$base.times")
        for tool in $tools; do
            f=$file
            star=""
            if [ "$tool" = jq ] && [ "$w" = big ]; then f=$data/big-head.ndjson; star="*"; fi
            bytes=$(stat -c %s "$f")
            secs=$(median < "$out/$key.$tool.times")
            rss=$(sort -g "$out/$key.$tool.rss" | tail -n 1)
            # Every output is checked against strompy's on the first form measured.
            ref=$out/$w.${forms%% *}.strompy.out
            agrees=reference
            if [ "$out/$key.$tool.out" != "$ref" ]; then
                if [ -n "$star" ]; then head -n 1 "$ref" > "$out/big-head.strompy.out"; ref=$out/big-head.strompy.out; fi
                if python3 bench/compare.py "$ref" "$out/$key.$tool.out" >/dev/null; then agrees=yes; else agrees=NO; fi
            fi
            ratio=""
            [ -n "$base_secs" ] && [ -z "$star" ] && ratio=$(awk -v s="$secs" -v r="$base_secs" 'BEGIN { printf "%.2f", s / r }')
            awk -v w="$w" -v fm="$form" -v t="$tool$star" -v s="$secs" -v b="$bytes" -v k="$rss" -v a="$agrees" -v q="$ratio" \
                'BEGIN { printf "| %s | %s | %.1f MB | %s | %.3f | %.1f | %.0f | %s | %s |\n", w, fm, b / 1e6, t, s, b / 1e6 / s, k / 1024, q, a }'
        done
    done
done

# Start-up: the article's example through the launcher (what users run) and through java -jar
# with the launcher's JVM flags and class-data archive (what the launcher itself costs),
# alternating, 21 of each, the ratio pair by pair.
# elapsed CMD... -> its wall time in seconds, to the microsecond, with op.json on its stdin
elapsed() {
    local t0=$EPOCHREALTIME
    "$@" < op.json > /dev/null
    awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.4f\n", b - a }'
}
jar=$root/target/strompy.jar
jsa=$(ls -t "$root"/target/strompy-*.jsa 2>/dev/null | head -n 1)
direct="java -XX:+UseSerialGC -Xms32m -Xmn16m -XX:-UsePerfData -XX:+DisplayVMOutputToStderr ${jsa:+-XX:SharedArchiveFile=$jsa} -jar $jar"
: > "$out/start.times"; : > "$out/start-jar.times"; : > "$out/start.ratios"
for ((r = 0; r < 21; r++)); do
    a=$(elapsed bin/strompy)
    b=$(elapsed $direct)
    echo "$a" >> "$out/start.times"; echo "$b" >> "$out/start-jar.times"
    awk -v a="$a" -v b="$b" 'BEGIN { if (b > 0) printf "%.3f\n", a / b }' >> "$out/start.ratios"
done
printf '\n`bin/strompy < op.json`: median %s s over 21 runs; `java -jar` with its flags and archive, no launcher: %s s; launcher ÷ java -jar, pair by pair: %s\n' \
    "$(median < "$out/start.times")" "$(median < "$out/start-jar.times")" "$(median < "$out/start.ratios")"

# Memory does not grow with input length: 10 copies of the dot workload through a pipe.
small=$(/usr/bin/time -f "%M" bin/strompy "$data/big-head.ndjson" 2>&1 >/dev/null | tail -n 1)
large=$( (for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$data/dot.ndjson"; done) \
    | /usr/bin/time -f "%M" bin/strompy 2>&1 >/dev/null | tail -n 1)
dotmb=$(( $(stat -c %s "$data/dot.ndjson") * 10 / 1000000 ))
printf 'peak RSS: %s MB on %s MB of input, %s MB on a 1-item file\n' "$((large / 1024))" "$dotmb" "$((small / 1024))"
