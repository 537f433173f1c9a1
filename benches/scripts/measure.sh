#!/usr/bin/env bash
# Whole-process generation, ours against bare progenitor, and the largest specs' time and peak
# memory (BENCHMARKS.md, "Whole processes" and "Largest specs"). Run from the workspace root:
#
#   cargo build --release -p xtask -p generator --example progenitor_generate
#   benches/scripts/measure.sh [RUNS]          # RUNS per spec and side, default 5
#
# Pairs are interleaved (ours, then progenitor, RUNS times) so that load drifting over the run
# hits both sides alike. Wall time from bash's $EPOCHREALTIME, peak memory (max RSS) from
# /usr/bin/time. Specs come from ${OPENAPI_SHARED_DIR:-../shared}.
set -euo pipefail
runs=${1:-5}
shared=${OPENAPI_SHARED_DIR:-../shared}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Both binaries run from fresh copies: on this machine the files cargo links (hard links into
# target/release/deps) started measurably slower than byte-identical copies of them, by up to
# 20% on a 5 ms process, which would skew whichever side happened to be affected.
cp "${OURS:-target/release/xtask}" "$scratch/xtask"
cp "${THEIRS:-target/release/examples/progenitor_generate}" "$scratch/progenitor_generate"
ours=$scratch/xtask
theirs=$scratch/progenitor_generate

# One timed run: prints "seconds peak_kb cpu_seconds" (peak_kb 0 when the process failed).
# Wall time is the goal's measure; CPU time (user + sys, all threads) is printed beside it,
# since our pipeline runs parts of its work on several threads and progenitor on one.
timed() {
    local start end
    start=$EPOCHREALTIME
    if /usr/bin/time -f "%M %U %S" -o "$scratch/mem" "$@" >/dev/null 2>&1; then
        end=$EPOCHREALTIME
        read -r peak user sys <"$scratch/mem"
        echo "$(echo "$end - $start" | bc) $peak $(echo "$user + $sys" | bc)"
    else
        echo "fail 0 0"
    fi
}

# Median, min and max of numbers on stdin.
stats() { sort -g | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.4g %.4g %.4g\n", m, a[1], a[NR] }'; }

echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| spec | ours median s (min-max) | progenitor median s (min-max) | ours / progenitor median (min-max of paired ratios) | CPU s ours / progenitor (medians) | ours peak MB | progenitor peak MB |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
# SPECS (space-separated paths) measures those instead, e.g. one spec over more runs:
#   SPECS=../shared/corpus/propolis-server.json benches/scripts/measure.sh 81
default_specs="specs/nsx.yaml specs/onezone.yaml $shared/corpus/keeper.json $shared/corpus/buildomat.json $shared/corpus/propolis-server.json $shared/corpus/twilio_oauth_v1.yaml $shared/corpus/nexus.json"
for spec in ${SPECS:-$default_specs}; do
    : >"$scratch/ours" ; : >"$scratch/theirs" ; : >"$scratch/ratio"
    for _ in $(seq "$runs"); do
        read -r a am acpu < <(timed "$ours" generate --lenient "$spec" --out "$scratch/ours-$(basename "$spec")")
        read -r b bm bcpu < <(timed "$theirs" "$spec" "$scratch/theirs-crate")
        echo "$a $am $acpu" >>"$scratch/ours"; echo "$b $bm $bcpu" >>"$scratch/theirs"
        [[ $a != fail && $b != fail ]] && echo "$a / $b" | bc -l >>"$scratch/ratio"
    done
    read -r om omin omax < <(cut -d' ' -f1 "$scratch/ours" | grep -v fail | stats)
    if grep -q fail "$scratch/theirs"; then
        echo "| \`$(basename "$spec")\` | $om ($omin-$omax) | fails | - | - | $(( $(cut -d' ' -f2 "$scratch/ours" | sort -n | tail -1) / 1024 )) | - |"
        continue
    fi
    read -r tm tmin tmax < <(cut -d' ' -f1 "$scratch/theirs" | stats)
    read -r rm rmin rmax < <(stats <"$scratch/ratio")
    read -r oc _ _ < <(cut -d' ' -f3 "$scratch/ours" | stats)
    read -r tc _ _ < <(cut -d' ' -f3 "$scratch/theirs" | stats)
    echo "| \`$(basename "$spec")\` | $om ($omin-$omax) | $tm ($tmin-$tmax) | **$rm** ($rmin-$rmax) | $oc / $tc | $(( $(cut -d' ' -f2 "$scratch/ours" | sort -n | tail -1) / 1024 )) | $(( $(cut -d' ' -f2 "$scratch/theirs" | sort -n | tail -1) / 1024 )) |"
done

if [[ -n ${SPECS:-} ]]; then
    echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
    exit 0
fi
echo
echo "| large spec | size | operations | ours median s (min-max) | ours CPU s (median) | ours peak MB | progenitor |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
for spec in "$shared"/corpus/{api.github.com.json,intercom-2.11.yaml,spotify.yml} "$shared"/formats/harbor-swagger2.yaml; do
    : >"$scratch/ours"
    for _ in $(seq "$runs"); do timed "$ours" generate --lenient "$spec" --out "$scratch/ours-$(basename "$spec")" >>"$scratch/ours"; done
    read -r om omin omax < <(cut -d' ' -f1 "$scratch/ours" | grep -v fail | stats)
    read -r oc _ _ < <(cut -d' ' -f3 "$scratch/ours" | stats)
    operations=$("$ours" generate --lenient "$spec" --out "$scratch/ours-$(basename "$spec")" 2>&1 | sed -n 's/.*: \([0-9]*\) operations.*/\1/p')
    theirs_result=$(timed "$theirs" "$spec" "$scratch/theirs-crate")
    if [[ $theirs_result == fail* ]]; then theirs_result=fails; else theirs_result=${theirs_result%% *}; fi
    echo "| \`$(basename "$spec")\` | $(( $(stat -c %s "$spec") / 1024 )) KB | $operations | $om ($omin-$omax) | $oc | $(( $(cut -d' ' -f2 "$scratch/ours" | sort -n | tail -1) / 1024 )) | $theirs_result |"
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
