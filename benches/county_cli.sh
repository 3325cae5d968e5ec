#!/bin/sh
# One-shot commands on the county file, side by side with the sqlite3 tool
# on a database of the same shape, in one run (docs/benchmarks.md).
# Needs the shipped build (the dist profile), hyperfine, sqlite3 and GNU time:
#   cargo build --profile dist && sh benches/county_cli.sh
# (PEIXUN_BIN names another binary; PEIXUN_BENCH_DIR the data directory.)
set -eu
cd "$(dirname "$0")/.."
P=${PEIXUN_BIN:-${CARGO_TARGET_DIR:-$PWD/target}/dist/peixun}
D=${PEIXUN_BENCH_DIR:-$PWD/target/bench-data}
mkdir -p "$D"
DB=$D/county.redb
SQ=$D/county.sqlite
export PEIXUN_NOW=2026-06-30T12:00 LANG=C
[ -f "$DB" ] || "$P" --db "$DB" demo --teachers 5000 --years 5 2>/dev/null
if [ ! -f "$SQ" ]; then
    sessions=$("$P" --db "$DB" --lang en session list | tail -n +2 | wc -l)
    "$P" --db "$DB" --lang en teacher list | python3 benches/sqlite_county.py "$SQ" "$sessions"
fi
ls -l "$DB" "$SQ"
W=$D/write.redb
WS=$D/write.sqlite
cp "$DB" "$W"; cp "$SQ" "$WS"
"$P" --db "$W" account set bench --roles leader >/dev/null   # the first write leaves the proof

echo "== one-shot write: peixun account set (one record and its history entry) vs sqlite3 one-row insert"
hyperfine -N --warmup 3 --runs 40 \
    "$P --db $W account set bench --roles leader" \
    "sqlite3 $WS \"insert or replace into teachers values ('X0001', '测试', '语文', null)\""
echo "== peak memory of one write (kB, /usr/bin/time -f %M)"
for i in 1 2 3; do /usr/bin/time -f "peixun write: %e s, %M kB" "$P" --db "$W" account set bench --roles leader >/dev/null; done
for i in 1 2 3; do /usr/bin/time -f "sqlite3 insert: %e s, %M kB" sqlite3 "$WS" "insert or replace into teachers values ('X0001', '测试', '语文', null)"; done
echo "== lookup by name"
hyperfine -N --warmup 5 --runs 100 \
    "$P --db $DB lookup 王伟 --json" \
    "sqlite3 -json $SQ \"select * from teachers where name like '%王伟%'\""
for i in 1 2 3; do /usr/bin/time -f "peixun lookup: %e s, %M kB" "$P" --db "$DB" lookup 王伟 --json >/dev/null; done
echo "== standings of a year vs GROUP BY over all marks"
hyperfine -N --warmup 2 --runs 20 \
    "$P --db $DB standings --year 2025 --json" \
    "sqlite3 $SQ \"select teacher, count(*), sum(first_call), sum(second_call) from facts group by teacher\""
for i in 1 2 3; do /usr/bin/time -f "peixun standings: %e s, %M kB" "$P" --db "$DB" standings --year 2025 --json >/dev/null; done
echo "== issue 26, one-shot costs: leave request and roll first S T, each vs the one-row insert"
# A request by the hour that covers no session (so a rule on requests that
# cover one never refuses the repeats); each run adds one request.
LEAVE="$P --db $W leave request T0100 personal --from 2026-07-01T08:00 --to 2026-07-01T09:00 --reason 家中有事"
# The first call of a session on its day: marked once, then each timed
# mark follows an undo of the previous one (--prepare, not timed).
ROLL="$P --db $W roll first 402 T0001"
UNDO="$P --db $W roll undo 402"
PEIXUN_NOW=2026-07-01T16:35 "$P" --db "$W" roll first 402 >/dev/null 2>&1 || true
PEIXUN_NOW=2026-07-01T16:35 $ROLL >/dev/null 2>&1 || true
hyperfine -N --warmup 3 --runs 40 \
    "$LEAVE" \
    "sqlite3 $WS \"insert or replace into teachers values ('X0001', '测试', '语文', null)\""
PEIXUN_NOW=2026-07-01T16:36 hyperfine -N --warmup 3 --runs 40 --prepare "$UNDO" "$ROLL"
for i in 1 2 3; do /usr/bin/time -f "peixun leave request: %e s, %M kB" $LEAVE >/dev/null; done
for i in 1 2 3; do
    PEIXUN_NOW=2026-07-01T16:36 $UNDO >/dev/null
    PEIXUN_NOW=2026-07-01T16:36 /usr/bin/time -f "peixun roll first: %e s, %M kB" $ROLL >/dev/null
done
echo "== issue 26: a lookup that finds nobody vs one that finds someone"
hyperfine -N --warmup 5 --runs 100 -i \
    "$P --db $DB lookup 王伟 --json" \
    "$P --db $DB lookup 不存在 --json"
for i in 1 2 3; do /usr/bin/time -f "peixun lookup (nobody): %e s, %M kB" "$P" --db "$DB" lookup 不存在 --json 2>&1 >/dev/null | tail -1; done

echo "== instructions (callgrind; stable under load, unlike the times)"
if command -v valgrind >/dev/null; then
    count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | sed -n 's/.*Collected : //p'; }
    echo "peixun lookup:    $(count "$P" --db "$DB" lookup 王伟 --json)"
    echo "sqlite3 lookup:   $(count sqlite3 -json "$SQ" "select * from teachers where name like '%王伟%'")"
    echo "peixun lookup (nobody): $(count "$P" --db "$DB" lookup 不存在 --json)"
    echo "peixun leave request: $(count $LEAVE)"
    (
        export PEIXUN_NOW=2026-07-01T16:37
        $UNDO >/dev/null
        echo "peixun roll first: $(count $ROLL)"
    )
    echo "sqlite3 insert:   $(count sqlite3 "$WS" "insert or replace into teachers values ('X0001', '测试', '语文', null)")"
    echo "peixun standings: $(count "$P" --db "$DB" standings --year 2025 --json)"
    echo "sqlite3 group by: $(count sqlite3 "$SQ" "select teacher, count(*), sum(first_call), sum(second_call) from facts group by teacher")"
fi
uptime
