#!/usr/bin/env bash
# Compile cost of generated crates (BENCHMARKS.md, "Compile cost"): for each crate directory
# given as DIR[:CARGO_ARGS], build its dependencies first, then time `cargo check` and a debug
# `cargo build` of the crate alone (its lib.rs touched), RUNS times each; prints wall time, CPU
# time (user + sys) and peak memory (max RSS, rustc included) per run.
#
# Each command is timed twice per run: "full" with CARGO_INCREMENTAL=0, a whole compilation of
# the crate, which is what a downstream user pays (cargo compiles dependencies without
# incremental state); and "incremental", the default for a workspace member, where rustc reuses
# the previous compilation's results because only the file's time changed.
#
#   benches/scripts/compile.sh RUNS DIR[:ARGS] ...
#   e.g. benches/scripts/compile.sh 2 /tmp/ours "/tmp/gh:--no-default-features --features users"
#
# Each DIR needs its Cargo.toml (with `[workspace]`) and a Cargo.lock; CARGO_TARGET_DIR, when
# set, is shared by all of them (dependencies built once per set of features). COMMANDS
# (default "check build") chooses the cargo commands.
set -euo pipefail
runs=$1; shift
echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| crate | args | command | wall s | CPU s | peak MB |"
echo "| --- | --- | --- | ---: | ---: | ---: |"
for entry in "$@"; do
    dir=${entry%%:*}; args=""
    [[ $entry == *:* ]] && args=${entry#*:}
    for command in ${COMMANDS:-check build}; do
        # shellcheck disable=SC2086
        for incremental in 0 1; do
            mode=full; [ "$incremental" = 1 ] && mode=incremental
            # shellcheck disable=SC2086
            (cd "$dir" && CARGO_INCREMENTAL=$incremental cargo $command --offline --quiet $args >/dev/null 2>&1)
            for _ in $(seq "$runs"); do
                touch "$dir/src/lib.rs"
                # shellcheck disable=SC2086
                out=$(cd "$dir" && CARGO_INCREMENTAL=$incremental /usr/bin/time -f "%e %U %S %M" cargo $command --offline --quiet $args 2>&1 >/dev/null | tail -1)
                read -r wall user sys peak <<<"$out"
                echo "| \`$(basename "$dir")\` | \`${args:-default}\` | \`cargo $command\` ($mode) | $wall | $(echo "$user + $sys" | bc) | $((peak / 1024)) |"
            done
        done
    done
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
