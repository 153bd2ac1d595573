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
