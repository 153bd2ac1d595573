"""The SQL schema of the log database and its ordered migrations.

The version is kept in ``PRAGMA user_version``; ``PRAGMA application_id`` marks
the file as a milia log. Each migration takes the database from version
``n - 1`` to ``n`` and runs inside the same write transaction that bumps the
version, so a crash leaves the old or the new schema, never half of one.

Layout (version 1)::

    profiles(id, key UNIQUE)                       -- the log key of a profile
    checkins(profile_id, day, all_done, done, skipped, irritation, bumps, note, picked)
        PRIMARY KEY (profile_id, day)  WITHOUT ROWID  -- one row per profile and day
    events(id, profile_id, day, kind, areas)
        UNIQUE (profile_id, day, kind, areas)       -- re-importing is idempotent

``done``/``skipped``/``areas`` are space-separated, sorted ids (ids never hold
spaces). Days are ISO ``YYYY-MM-DD`` text, so text order is date order.
"""

from __future__ import annotations

APPLICATION_ID = 0x4D494C49  # "MILI"

_V1 = """
CREATE TABLE profiles (
    id  INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE CHECK (length(key) BETWEEN 1 AND 200)
);
CREATE TABLE checkins (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    day        TEXT    NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    all_done   INTEGER NOT NULL DEFAULT 0 CHECK (all_done IN (0, 1)),
    done       TEXT    NOT NULL DEFAULT '',
    skipped    TEXT    NOT NULL DEFAULT '',
    irritation INTEGER CHECK (irritation BETWEEN 0 AND 3),
    bumps      INTEGER CHECK (bumps >= 0),
    note       TEXT,
    picked     INTEGER NOT NULL DEFAULT 0 CHECK (picked IN (0, 1)),
    PRIMARY KEY (profile_id, day)
) WITHOUT ROWID;
CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    day        TEXT    NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    kind       TEXT    NOT NULL CHECK (kind IN ('extraction', 'laser', 'electrodesiccation', 'other')),
    areas      TEXT    NOT NULL DEFAULT '',
    UNIQUE (profile_id, day, kind, areas)
);
"""

# MIGRATIONS[i] takes the schema from version i to i + 1. Append, never edit.
MIGRATIONS: tuple[str, ...] = (_V1,)
SCHEMA_VERSION = len(MIGRATIONS)


_SQLITE_MAGIC = b"SQLite format 3\x00"


def classify_header(path) -> tuple[str, int]:
    """What the file's 100-byte header says, read without SQLite touching the file.

    Returns ``(kind, user_version)`` with kind one of ``empty`` (freshly created),
    ``short``, ``not-sqlite``, ``foreign`` (another program's database), ``newer``,
    ``older`` or ``current``. Raises OSError when the file cannot be read. The
    store refuses what it cannot open; `milia doctor` reports it.
    """
    with open(path, "rb") as fh:
        header = fh.read(100)
    return classify_header_bytes(header)


def classify_header_bytes(header: bytes) -> tuple[str, int]:
    """:func:`classify_header` of the file's first 100 bytes."""
    if not header:
        return "empty", 0
    if len(header) < 100:
        return "short", 0
    if not header.startswith(_SQLITE_MAGIC):
        return "not-sqlite", 0
    version = int.from_bytes(header[60:64], "big")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id not in (0, APPLICATION_ID):
        return "foreign", version
    if version > SCHEMA_VERSION:
        return "newer", version
    if version < SCHEMA_VERSION:
        return "older", version
    return "current", version
