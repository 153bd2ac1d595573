"""A schema-1 database as milia 0.1 wrote it, for the upgrade tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from milia_cli.store_schema import APPLICATION_ID, MIGRATIONS


def make_v1_db(path: Path, rows: list[tuple], events: list[tuple] = ()) -> None:
    """A schema-1 log as milia 1 wrote it: rows are (key, day, all_done, done, skipped, irritation)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    conn = sqlite3.connect(path)
    for statement in (s for s in MIGRATIONS[0].split(";") if s.strip()):
        conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    keys = sorted({r[0] for r in rows} | {e[0] for e in events})
    for key in keys:
        conn.execute("INSERT INTO profiles(key) VALUES (?)", (key,))
    pid = {k: conn.execute("SELECT id FROM profiles WHERE key = ?", (k,)).fetchone()[0] for k in keys}
    for key, day, all_done, done, skipped, irritation in rows:
        conn.execute("INSERT INTO checkins(profile_id, day, all_done, done, skipped, irritation) "
                     "VALUES (?, ?, ?, ?, ?, ?)", (pid[key], day, all_done, done, skipped, irritation))
    for key, day, kind, areas in events:
        conn.execute("INSERT INTO events(profile_id, day, kind, areas) VALUES (?, ?, ?, ?)",
                     (pid[key], day, kind, areas))
    conn.commit()
    conn.close()
    path.chmod(0o600)
