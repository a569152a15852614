#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer) of the parsers and validators that take
# untrusted input: the JSON parser, the JSON Schema compiler + validator, the
# ECMA-262 regex engine, JSON Patch / Merge Patch, and the proto3 parser of the
# code generator.
#
#   scripts/fuzz.sh                      build the fuzz targets only
#   scripts/fuzz.sh --seconds 60         build, then run each target for 60 s
#   scripts/fuzz.sh --seconds 600 --target FuzzRegex
#   scripts/fuzz.sh --replay             build the ordinary (debug) targets and
#                                        replay the seed corpora (no libFuzzer)
#
# Targets are built in release mode with -sanitize=fuzzer into .build-fuzz, so
# the ordinary `swift build` is untouched. Seeds live in Fuzz/corpus/<target>/;
# inputs the fuzzer discovers go to .build-fuzz/corpus/<target>/, and a crash,
# hang (-timeout) or out-of-memory input is saved as
# .build-fuzz/artifacts/<target>-crash-… and the script fails. Reproduce one
# with `.build-fuzz/release/<target> <file>` (or `swift run <target> <file>`);
# then fix the bug, add a regression test, and add the input to the seeds.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=""
replay=false
targets=(FuzzJSON FuzzSchema FuzzRegex FuzzProto FuzzPatch)
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --target) targets=("$2"); shift 2 ;;
        --replay) replay=true; shift ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) echo "fuzz.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done

if $replay; then
    for target in "${targets[@]}"; do
        swift build --product "$target" >/dev/null
        "$(swift build --show-bin-path)/$target" "Fuzz/corpus/$target"
    done
    exit 0
fi

scratch=.build-fuzz
for target in "${targets[@]}"; do
    echo "== building $target (release, -sanitize=fuzzer)"
    swift build -c release --scratch-path "$scratch" --product "$target" \
        -Xswiftc -sanitize=fuzzer -Xswiftc -DDELTA_FUZZ
done
[ -n "$seconds" ] || exit 0

bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"
mkdir -p "$scratch/artifacts"
status=0
for target in "${targets[@]}"; do
    mkdir -p "$scratch/corpus/$target"
    echo "== fuzzing $target for ${seconds}s"
    if ! "$bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
        -print_final_stats=1 -artifact_prefix="$scratch/artifacts/$target-" \
        "$scratch/corpus/$target" "Fuzz/corpus/$target" 2>"$scratch/$target.log"; then
        echo "fuzz.sh: $target found a failing input (see $scratch/$target.log and $scratch/artifacts/)" >&2
        tail -n 40 "$scratch/$target.log" >&2
        status=1
    else
        grep -E '^stat::number_of_executed_units|^Done' "$scratch/$target.log" || true
    fi
done
exit $status
