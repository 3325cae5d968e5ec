#!/usr/bin/env bash
# Makes peixun.redb as the landed build of commit fb2a684 (schema 2) writes
# it, and keeps what that build printed about it, for tests/landed.rs.
# The committed files are the test's; CI never runs this script. To make
# them again, build that commit and point PEIXUN_BIN at its binary:
#
#   git worktree add /tmp/old fb2a684 && (cd /tmp/old && cargo build --bin peixun)
#   PEIXUN_BIN=/tmp/old/target/debug/peixun bash tests/data/landed/fb2a684/make.sh
#
# A small school: the demo (8 teachers, its closed rolls and leave), a
# policy with no setting at its default, one more roll taken and closed (a
# late arrival, an early leave), one more leave requested and approved. The clock is fixed (PEIXUN_NOW) so the file and
# every line printed are the same on every run.
set -euo pipefail
commit=fb2a684
bin=${PEIXUN_BIN:?set PEIXUN_BIN to the peixun binary built from commit $commit}
cd "$(dirname "$0")"
rm -f peixun.redb
r() { PEIXUN_NOW=$1 "$bin" --lang zh --db peixun.redb "${@:2}"; }
r 2025-10-20T08:00 demo --teachers 8 --seed 2026 >/dev/null
policy=$(mktemp --suffix .toml)
trap 'rm -f "$policy"' EXIT
cat > "$policy" <<'TOML'
unqualified_absences = 4
credits_per_year = 36
notes_chars_per_term = 4000
official_leave_neutral = false
lates_per_absence = 3

[points]
attend = 3
late = -2
early_leave = -2
absent = -4
official_leave = 1
personal_leave = -1
sick_leave = -1

[credits]
late_percent = 80
early_leave_percent = 40
made_up_percent = 90

[leave]
official_approver = "office"
personal_approver = "leader"
sick_approver = "leader"
personal_needs_note = false
sick_needs_certificate = false

[assessment]
credit_shortfall = "deduct"
notes = "off"
archive = "unqualified"
makeups = "off"
open_lessons = "deduct"
open_lessons_per_year = 2
multimedia_lessons_per_term = 1
degree = "off"
min_degree = "master"
degree_matches_subject = false
outside_report = "unqualified"
deduct_points = 2
training_funds_percent = 12
TOML
r 2025-10-20T08:01 policy set "$policy" >/dev/null
r 2025-10-22T16:31 roll first 15 T0001 T0002 T0003 T0005 T0006 T0007 T0008 >/dev/null
r 2025-10-22T17:20 roll second 15 >/dev/null
r 2025-10-22T17:25 roll end-second 15 >/dev/null
r 2025-10-22T17:26 roll arrive 15 T0004 --at 17:26 >/dev/null
r 2025-10-22T17:27 roll leave 15 T0008 --at 17:27 >/dev/null
r 2025-10-22T17:30 roll close 15 >/dev/null
r 2025-10-22T18:00 leave request T0003 personal --sessions 16 --reason 家里有事 --note >/dev/null
r 2025-10-22T18:05 leave approve 4 >/dev/null
# What this build printed, read back at one fixed moment.
at=2025-10-23T08:00
r $at standings --json > standings.json
r $at history > history.txt
r $at teacher list > teachers.txt
r $at session list > sessions.txt
r $at leave list --all > leaves.txt
r $at policy show > policy.toml
echo "$commit: $(ls -l peixun.redb | awk '{print $5}') bytes"
