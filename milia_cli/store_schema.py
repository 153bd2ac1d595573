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

Version 2 (revision 2 of RULES.md: A6/A7, B7, B13, invariant 12)::

    checkins(..., count)                           -- + bumps seen today, in total (>= 0)
        all_done = 1 now only marks a row still waiting for its planned ids (see below)
        INDEX checkins_pending_all (profile_id, day) WHERE all_done = 1
    events(id, profile_id, day, kind, areas, seen_clinician)
        kind also 'resume' (after a B7 stop; no areas); seen_clinician only on a resume
        UNIQUE (profile_id, day, kind, areas)
    profile_changes(id, profile_id, day, key, old, new)   -- dated profile changes (B13)
        UNIQUE (profile_id, day, key)                -- old/new: the values as JSON text

Version 3::

    write_count(n)                                 -- one row: write transactions committed so far;
        every write of milia bumps it as its last statement, so each commit in a -wal holds this page
        and the -wal's first image of it is the database's value + 1 (milia_cli.walfit)

Check-ins store step ids, never "all" (invariant 12). A schema-1 row with
``all_done = 1`` is kept as it is by the migration (the store does no planning);
the first command that opens that profile's log together with its profile hands
the store the ids planned on those days (:meth:`milia_cli.store_changes.ChangesAndPendingMixin.resolve_pending_all`)
and they are rewritten in one transaction. The partial index makes "is anything
pending?" one cheap lookup on every such command.

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

# Version 2: events is rebuilt because SQLite cannot change a CHECK constraint in place.
_V2 = """
ALTER TABLE checkins ADD COLUMN count INTEGER CHECK (count >= 0);
CREATE INDEX checkins_pending_all ON checkins(profile_id, day) WHERE all_done = 1;
CREATE TABLE events_v2 (
    id             INTEGER PRIMARY KEY,
    profile_id     INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    day            TEXT    NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    kind           TEXT    NOT NULL
                   CHECK (kind IN ('extraction', 'laser', 'electrodesiccation', 'other', 'resume')),
    areas          TEXT    NOT NULL DEFAULT '',
    seen_clinician INTEGER NOT NULL DEFAULT 0 CHECK (seen_clinician IN (0, 1)),
    CHECK (kind = 'resume' OR seen_clinician = 0),
    CHECK (kind <> 'resume' OR areas = ''),
    UNIQUE (profile_id, day, kind, areas)
);
INSERT INTO events_v2(id, profile_id, day, kind, areas) SELECT id, profile_id, day, kind, areas FROM events;
DROP TABLE events;
ALTER TABLE events_v2 RENAME TO events;
CREATE TABLE profile_changes (
    id         INTEGER PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    day        TEXT    NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    key        TEXT    NOT NULL CHECK (length(key) BETWEEN 1 AND 100),
    old        TEXT    NOT NULL,
    new        TEXT    NOT NULL,
    UNIQUE (profile_id, day, key)
);
"""

# Version 3: a counter every write transaction bumps (milia_cli.store.Store._write), so a -wal can be
# told to continue the milia.db beside it (milia_cli.walfit; README, "A damaged or mismatched -wal").
_V3 = """
CREATE TABLE write_count (
    n INTEGER NOT NULL CHECK (n >= 0)
);
INSERT INTO write_count (n) VALUES (0);
"""

# Version 4: the check-ins that open a B6 pause or a B7 stop (irritation 2-3), indexed, so a
# plan can find the latest one before its day 1 in O(log n) (Store.plan_history_first).
_V4 = """
CREATE INDEX checkins_irritated ON checkins(profile_id, irritation, day) WHERE irritation >= 2;
"""

# MIGRATIONS[i] takes the schema from version i to i + 1. Append, never edit.
MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4)
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
