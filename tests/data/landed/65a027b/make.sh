#!/bin/sh
# Writes school.redb and the outputs of the build that made it.
#
# Made by commit 65a027b (schema 6), the last build landed before issue 25.
# Run with that build's binary named by PEIXUN_OLD_BIN, from this directory:
#   PEIXUN_OLD_BIN=/work/tgt/bin/peixun-65a027b sh make.sh
# as root (init makes the running account the office; --as needs root).
# tests/landed.rs opens a copy of school.redb with today's build and compares
# what it prints with the *.json / *.txt files written here.
#
# The school: five teachers in two groups (four added on 2025-08-25, one
# imported from a roster without a 入职日期 column, so with no start date:
# the shape issue 25's upgrade fills from the history), one term, three
# sessions; session 1 closed with marks (late, early leave, absent), a
# personal leave approved for session 2, session 2 closed, session 3 still
# to come.
set -eu
: "${PEIXUN_OLD_BIN:?name the 65a027b binary in PEIXUN_OLD_BIN}"
here=$(cd "$(dirname "$0")" && pwd)
db="$here/school.redb"
rm -f "$db"
run() {
    now=$1
    shift
    PEIXUN_NOW="$now" LANG=C "$PEIXUN_OLD_BIN" --db "$db" --lang en "$@"
}
S=2025-08-25T09:00
run $S init
run $S account set leader1 --roles leader
run $S teacher add T0001 王芳 语文
run $S teacher add T0002 李明 数学
run $S teacher add T0003 张伟 语文 --grade 初一
run $S teacher add T0004 刘洋 数学 --from 2025-09-01
run $S term add 2025-autumn 2025-09-01 2026-01-20
run $S session add 2025-09-10 15:30 16:30 "Training 1" --credits 2
run $S session add 2025-09-17 15:30 16:30 "Training 2" --credits 2
run $S session add 2025-09-24 15:30 16:30 "语文教研" --credits 1 --groups 语文
# Session 1: T0001 first call, T0003 second call then leaves early, T0004
# arrives late, T0002 absent.
D1=2025-09-10T15:31
run $D1 roll first 1 T0001
run 2025-09-10T15:35 roll second 1 T0003
run 2025-09-10T15:40 roll end-second 1
run 2025-09-10T15:50 roll arrive 1 T0004 --at 15:50
run 2025-09-10T16:10 roll leave 1 T0003 --at 16:10
run 2025-09-10T16:35 roll close 1
# A personal leave for session 2, approved before it.
run 2025-09-12T10:00 leave request T0002 personal --sessions 2 --reason "家中有事" --note
run 2025-09-12T11:00 --as leader1 leave approve 1
# A teacher imported on 2025-09-15 from a roster without a 入职日期 column:
# 65a027b stores no start date for them.
printf '工号,姓名,教研组\nT0005,陈静,语文\n' > "$here/roster.csv"
run 2025-09-15T09:00 import teachers "$here/roster.csv"
rm -f "$here/roster.csv"
# Session 2: everyone but T0002 answers the first call; closed.
run 2025-09-17T15:31 roll first 2 T0001 T0003 T0004 T0005
run 2025-09-17T15:40 roll second 2
run 2025-09-17T15:41 roll end-second 2
run 2025-09-17T16:35 roll close 2
L=2025-09-30T12:00
run $L standings --json > "$here/standings.json"
run $L history > "$here/history.txt"
run $L teacher list --json > "$here/teachers.json"
run $L session list --json > "$here/sessions.json"
run $L roll status 1 > "$here/roll1.txt"
run $L roll status 2 > "$here/roll2.txt"
