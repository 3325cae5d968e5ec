#!/usr/bin/env bash
# Makes peixun.redb as a development build wrote it: commit 732a3d2 of main,
# between the calendar work (schema 4, records without checksums) and the
# merge of the checksum work (which numbered its own, different shape 4).
# No released build wrote this schema; tests/landed.rs checks that this
# build refuses the file as a development build's, and changes nothing.
# CI never runs this script:
#
#   git worktree add /tmp/dev 732a3d2 && (cd /tmp/dev && cargo build --bin peixun)
#   PEIXUN_BIN=/tmp/dev/target/debug/peixun bash tests/data/development/732a3d2/make.sh
set -euo pipefail
commit=732a3d2
bin=${PEIXUN_BIN:?set PEIXUN_BIN to the peixun binary built from commit $commit}
cd "$(dirname "$0")"
rm -f peixun.redb
r() { PEIXUN_NOW=$1 "$bin" --lang zh --db peixun.redb "${@:2}"; }
r 2025-10-20T08:00 demo --teachers 8 --seed 2026 >/dev/null
r 2025-10-22T16:31 roll first 15 T0001 T0002 T0003 >/dev/null
echo "$commit: $(ls -l peixun.redb | awk '{print $5}') bytes"
