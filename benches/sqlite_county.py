#!/usr/bin/env python3
"""The county file's shape in SQLite, for side-by-side figures with the
sqlite3 command-line tool (docs/benchmarks.md). Teachers are the county
file's own (`peixun teacher list` on it, given on stdin); every session of
every term expects every teacher, as in `peixun demo`.

    peixun --db county.redb --lang en teacher list | python3 benches/sqlite_county.py county.sqlite SESSIONS
"""
import random
import sqlite3
import sys

path, sessions = sys.argv[1], int(sys.argv[2])
rows = [l.split() for l in sys.stdin.read().splitlines()[1:] if l.strip()]
db = sqlite3.connect(path)
db.executescript(
    """
    create table teachers (id text primary key, name text not null,
                           grp text not null, grade text);
    create index teachers_name on teachers(name);
    create table sessions (id integer primary key, year integer not null,
                           date text not null, title text not null);
    create table facts (session integer not null, teacher text not null,
                        first_call integer not null, second_call integer not null,
                        arrived text, left_early text, remark text not null default '',
                        primary key (session, teacher)) without rowid;
    create index facts_by_teacher on facts(teacher, session);
    """
)
db.executemany(
    "insert into teachers values (?, ?, ?, ?)",
    [(r[0], r[1], r[2] if len(r) > 2 else "", r[3] if len(r) > 3 else None) for r in rows],
)
rng = random.Random(7)
per_year = max(1, sessions // 5)
db.executemany(
    "insert into sessions values (?, ?, ?, ?)",
    [(s, 2021 + (s - 1) // per_year, "2025-09-10", f"Training {s}") for s in range(1, sessions + 1)],
)
for s in range(1, sessions + 1):
    db.executemany(
        "insert into facts (session, teacher, first_call, second_call) values (?, ?, ?, ?)",
        [(s, r[0], int(rng.random() < 0.95), int(rng.random() < 0.93)) for r in rows],
    )
db.commit()
db.execute("vacuum")
db.close()
