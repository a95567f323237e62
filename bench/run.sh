#!/usr/bin/env bash
# Benchmark: the full `retier run` (all outputs) against a DuckDB peer on generated drops.
#
#   bench/run.sh                     release build, 10K/100K/1M accounts, 5 runs each, with DuckDB
#   bench/run.sh --sizes "100000" --runs 3
#   bench/run.sh --smoke             CI: debug build, 2,000 accounts, 1 run, DuckDB only if present
#   bench/run.sh --floor             also the I/O floor of each full run's output (bench/floor.c)
#   bench/run.sh --10m --floor       the 10M-account drop (1.3 GB of CSV), 1 run unless --runs
#   bench/run.sh --no-peer           without DuckDB
#
# Reports the median wall time and peak RSS (/usr/bin/time -v) per size and tool, the ratio, and
# time per account, for the full run, for `retier run --dry-run` (everything but the writes) and
# for `retier compare` (two decisions, the what-if of SPEC §7), and with --floor for
# bench/floor.c, which writes the very same files as the full run into a new folder with one
# syncfs and a rename (the I/O floor the full run is compared against);
# writes the table to bench/results/latest.md. Generated drops live in bench/data/ (git-ignored)
# and are reused when their generator arguments match.
#
# Every timed run writes into a fresh output folder, and the folders are deleted only after the
# last run: on ext4, creating 100,000 files right after deleting as many is 10-20x slower than
# on a quiet disk, and a production run never follows such a deletion.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes="10000 100000 1000000"
runs=5
runs_given=0
smoke=0
seed=7
floor=0
peer_wanted=1
ten_million=0
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) smoke=1; sizes="2000"; runs=1; shift ;;
    --sizes) sizes="$2"; shift 2 ;;
    --runs) runs="$2"; runs_given=1; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --floor) floor=1; shift ;;
    --no-peer) peer_wanted=0; shift ;;
    # The 10M drop: a full run writes about 3 GB and takes minutes, so one run unless --runs.
    --10m) ten_million=1; shift ;;
    *) echo "bench/run.sh: unknown option $1" >&2; exit 64 ;;
  esac
done
if [ "$ten_million" = 1 ]; then
  sizes="10000000"
  [ "$runs_given" = 1 ] || runs=1
fi

if [ "$smoke" = 1 ]; then
  configuration=debug
  swift build --product retier >/dev/null
  swift build --product retier-drop-gen >/dev/null
else
  configuration=release
  swift build -c release --product retier >/dev/null
  swift build -c release --product retier-drop-gen >/dev/null
fi
bin="$(swift build -c "$configuration" --show-bin-path)"

# The I/O floor program (C); in the smoke run only when a C compiler is present.
floor_bin=.build/bench-floor
if [ "$smoke" = 1 ] && command -v "${CC:-gcc}" >/dev/null; then
  floor=1
fi
if [ "$floor" = 1 ]; then
  mkdir -p .build
  "${CC:-gcc}" -O2 -Wall -pthread -o "$floor_bin" bench/floor.c
fi

# The DuckDB peer runs from a local virtual environment (PyPI), created on first use.
venv=bench/.venv
peer=1
if [ "$peer_wanted" = 0 ]; then
  peer=0
elif [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import duckdb" 2>/dev/null; then
  if [ "$smoke" = 1 ]; then
    peer=0
  else
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet duckdb
  fi
fi

mkdir -p bench/data bench/results
results=bench/results/raw.tsv
: > "$results"
interim_results=bench/results/interim.tsv
: > "$interim_results"

measure() { # tool size run command...
  local tool=$1 size=$2 run=$3; shift 3
  local log
  log=$(mktemp)
  if ! /usr/bin/time -v "$@" > /dev/null 2> "$log"; then
    echo "bench/run.sh: $tool failed on $size accounts:" >&2
    tail -20 "$log" >&2
    rm -f "$log"
    exit 1
  fi
  python3 - "$tool" "$size" "$run" "$log" >> "$results" <<'PY'
import re, sys
tool, size, run, log = sys.argv[1:]
text = open(log).read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", text)
hours, minutes, seconds = wall.groups()
elapsed = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
print(f"{tool}\t{size}\t{run}\t{elapsed:.3f}\t{rss_kb}")
PY
  rm -f "$log"
}

floor_measure() { # size run source destination: the floor's own timing (reading is untimed)
  local size=$1 run=$2 report seconds
  report=$("$floor_bin" "$3" "$4" | tail -1)
  seconds=$(printf '%s\n' "$report" | tr ' ' '\n' | sed -n 's/^total_s=//p')
  printf 'floor\t%s\t%s\t%s\t0\n' "$size" "$run" "$seconds" >> "$results"
}

for size in $sizes; do
  drop="bench/data/$size"
  stamp="profile=bench accounts=$size seed=$seed"
  if [ "$(cat "$drop/.generated" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$drop"
    mkdir -p "$drop/inbox"
    "$bin/retier-drop-gen" --profile bench --accounts "$size" --seed "$seed" \
      --out "$drop/inbox/2026-Q3" >/dev/null
    printf '{"inbox": "inbox", "output": "out"}\n' > "$drop/retier.json"
    echo "$stamp" > "$drop/.generated"
  fi
  # The what-if of `retier compare`: both named tiers also capped by CSM capacity, on a copy of
  # the drop's roster passed as --roster.
  printf '%s\n' '{"inbox": "inbox", "output": "out", "tiers": [' \
    '{"name": "Gold", "min_score": 12, "max_share": 0.10, "cap_by_capacity": true},' \
    '{"name": "Silver", "min_score": 8, "max_share": 0.30, "cap_by_capacity": true},' \
    '{"name": "Bronze", "min_score": 0, "coverage": "pooled"}]}' > "$drop/alt.json"
  cp "$drop/inbox/2026-Q3/csms.csv" "$drop/alt-csms.csv"
  rm -rf "$drop"/out "$drop"/out-* "$drop"/floor-* "$drop"/peer-out
  for run in $(seq 1 "$runs"); do
    printf '{"inbox": "inbox", "output": "out-%s"}\n' "$run" > "$drop/run-$run.json"
    measure retier "$size" "$run" "$bin/retier" run --config "$drop/run-$run.json" --quarter 2026-Q3
    test -f "$drop/out-$run/2026-Q3/run.json"
    if [ "$floor" = 1 ]; then
      mkdir -p "$drop/floor-$run"
      floor_measure "$size" "$run" "$drop/out-$run/2026-Q3" "$drop/floor-$run/2026-Q3"
      if [ "$smoke" = 1 ]; then
        diff -r "$drop/out-$run/2026-Q3" "$drop/floor-$run/2026-Q3" >/dev/null
      fi
    fi
    measure retier-dry-run "$size" "$run" \
      "$bin/retier" run --config "$drop/retier.json" --quarter 2026-Q3 --dry-run
    measure retier-compare "$size" "$run" \
      "$bin/retier" compare --config "$drop/retier.json" --quarter 2026-Q3 \
      --with "$drop/alt.json" --roster "$drop/alt-csms.csv"
    if [ "$peer" = 1 ]; then
      rm -rf "$drop/peer-out"
      measure duckdb "$size" "$run" "$venv/bin/python" bench/peer.py "$drop/inbox/2026-Q3" "$drop/peer-out"
    fi
  done
  # `retier interim` against the first full run with a flag file of one line per account: a
  # thousand real ids, each repeated, among unknown ids. Memory must follow the book, not the
  # file. Reported on its own (bench/results/interim.tsv), not in the table below.
  python3 - "$drop/inbox/2026-Q3/accounts.csv" "$drop/hot.csv" "$size" <<'PY'
import sys
accounts, out, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(accounts) as lines:
    next(lines)
    ids = [next(lines).split(",", 1)[0] for _ in range(min(1000, size))]
with open(out, "w") as flags:
    flags.write("account_id,flagged_by,reason\n")
    for line in range(size):
        if line % 10 == 0:
            flags.write(f"{ids[line // 10 % len(ids)]},Sam,usage tripled\n")
        else:
            flags.write(f"NOPE-{line:08d},Sam,typo\n")
PY
  results_all=$results
  results=$interim_results
  measure retier-interim "$size" 1 "$bin/retier" interim --config "$drop/run-1.json" \
    --quarter 2026-Q3 --as-of 2026-11-02 --hot "$drop/hot.csv"
  results=$results_all
done
for size in $sizes; do
  rm -rf "bench/data/$size"/out-* "bench/data/$size"/floor-* "bench/data/$size"/run-*.json \
    "bench/data/$size"/alt*
done

python3 - "$results" "$configuration" <<'PY' | tee bench/results/latest.md
import statistics, sys
from collections import defaultdict
rows = [line.split("\t") for line in open(sys.argv[1]).read().splitlines()]
samples = defaultdict(list)
for tool, size, run, wall, rss in rows:
    samples[(tool, int(size))].append((float(wall), int(rss)))
sizes = sorted({size for _, size in samples})
print(f"build: {sys.argv[2]}; median of {max(len(v) for v in samples.values())} runs\n")
print("| accounts | retier wall (s) | retier peak RSS (MB) | µs/account | I/O floor (s) | retier ÷ floor | dry run wall (s) | dry run peak RSS (MB) | compare wall (s) | compare peak RSS (MB) | compare ÷ dry run | DuckDB wall (s) | DuckDB peak RSS (MB) | DuckDB ÷ retier |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
def median(tool, size):
    runs = samples.get((tool, size))
    if not runs:
        return None
    return statistics.median(w for w, _ in runs), statistics.median(r for _, r in runs) / 1024
for size in sizes:
    wall, rss = median("retier", size)
    line = f"| {size:,} | {wall:.3f} | {rss:.0f} | {wall / size * 1e6:.2f} |"
    floor = median("floor", size)
    line += f" {floor[0]:.3f} | {wall / floor[0]:.2f}× |" if floor and floor[0] > 0 else " – | – |"
    dry = median("retier-dry-run", size)
    line += f" {dry[0]:.3f} | {dry[1]:.0f} |" if dry else " – | – |"
    what_if = median("retier-compare", size)
    line += f" {what_if[0]:.3f} | {what_if[1]:.0f} |" if what_if else " – | – |"
    line += f" {what_if[0] / dry[0]:.2f}× |" if what_if and dry else " – |"
    peer = median("duckdb", size)
    line += f" {peer[0]:.3f} | {peer[1]:.0f} | {peer[0] / wall:.2f}× |" if peer else " – | – | – |"
    print(line)
PY
