#!/bin/sh
# One-shot commands on the county file, side by side with the sqlite3 tool
# on a database of the same shape, in one run (docs/benchmarks.md).
# Needs the shipped build (the dist profile), hyperfine, sqlite3 and GNU time:
#   cargo build --profile dist && sh benches/county_cli.sh
set -eu
cd "$(dirname "$0")/.."
P=$PWD/target/dist/peixun
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
echo "== instructions (callgrind; stable under load, unlike the times)"
if command -v valgrind >/dev/null; then
    count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | sed -n 's/.*Collected : //p'; }
    echo "peixun lookup:    $(count "$P" --db "$DB" lookup 王伟 --json)"
    echo "sqlite3 lookup:   $(count sqlite3 -json "$SQ" "select * from teachers where name like '%王伟%'")"
    echo "peixun standings: $(count "$P" --db "$DB" standings --year 2025 --json)"
    echo "sqlite3 group by: $(count sqlite3 "$SQ" "select teacher, count(*), sum(first_call), sum(second_call) from facts group by teacher")"
fi
uptime
