"""Deterministic data for the benchmark: profiles, client folders, logs and databases.

Everything here is a pure function of its arguments (seeded ``random.Random``),
so two runs of the benchmark measure the same bytes. Profiles and client files
are written as plain TOML text (stdlib only); logs are ``milia.log/1``
documents, loaded into a database through milia's own store API
(:func:`load_logs`), in one process and one connection.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

SKIN_TYPES = ("normal", "dry", "oily", "combination", "sensitive")
AREAS = ("upper-eyelids", "under-eyes", "cheeks", "nose", "forehead", "chin", "chest", "back", "arms")
TIMEZONES = ("Europe/Berlin", "America/Santiago", "Asia/Tokyo", "America/New_York", "Australia/Sydney", "UTC")
CAUTIONS = (
    "isotretinoin_recent", "eczema_or_rosacea", "photosensitizing_medicine", "facial_steroid",
    "keloid_prone", "cold_sores", "anticoagulants",
)
# Step ids a check-in may name (milia.log/1); which ones a day really had depends on the plan,
# so most generated days say "done": "all", the way a daily user checks in.
STEP_IDS = tuple(f"{slot}:{step}" for slot in ("am", "pm") for step in (
    "cleanse", "remove-makeup", "exfoliate", "retinol", "moisturize", "eye-cream", "sunscreen", "makeup"))
NOTES = (
    "tight after retinol", "skin calm", "two new bumps under the left eye", "forgot sunscreen at lunch",
    "travel day — skipped the evening", "flaky around the nose", "Ünïcode note: café, 日本, ✓",
)


def profile_toml(
    name: str,
    start: date,
    *,
    skin_type: str = "combination",
    pregnancy: str = "none",
    areas: Iterable[str] = ("upper-eyelids", "under-eyes", "cheeks"),
    timezone: str = "Europe/Berlin",
    makeup: bool = True,
    cautions: Iterable[str] = (),
    birth_year: int = 1994,
) -> str:
    """A schema-1 profile as TOML text (the format of SPEC.md)."""
    chosen = set(cautions)
    flag = lambda value: "true" if value else "false"  # noqa: E731
    caution_lines = "\n".join(f"{key} = {flag(key in chosen)}" for key in CAUTIONS)
    area_list = ", ".join(f'"{a}"' for a in areas)
    return f"""\
schema = 1
name = {json.dumps(name)}
pregnancy = "{pregnancy}"
birth_year = {birth_year}

[skin]
type = "{skin_type}"
tone_prone_to_dark_spots = false

[milia]
areas = [{area_list}]
since = {(start - timedelta(days=30)).isoformat()}

[habits]
makeup = {flag(makeup)}
under_eye_concealer = {flag(makeup)}
smoker = false

[cautions]
{caution_lines}

[schedule]
start = {start.isoformat()}
am = "07:30"
pm = "21:30"
timezone = "{timezone}"
"""


def client_profile(index: int, start: date) -> str:
    """Client number ``index`` of an esthetician's folder: varied, mostly ordinary people."""
    rng = random.Random(index)
    pregnancy = rng.choices(("none", "trying", "pregnant", "breastfeeding"), (85, 5, 5, 5))[0]
    areas = rng.sample(AREAS, rng.randint(1, 4))
    areas = [a for a in AREAS if a in areas]  # the schema's order
    cautions = rng.sample(CAUTIONS, 1) if rng.random() < 0.1 else []
    return profile_toml(
        f"Client {index:04d}",
        start + timedelta(days=rng.randint(0, 60)),
        skin_type=rng.choice(SKIN_TYPES),
        pregnancy=pregnancy,
        areas=areas,
        timezone=rng.choice(TIMEZONES),
        makeup=rng.random() < 0.6,
        cautions=cautions,
        birth_year=rng.randint(1950, 2005),
    )


def write_clients(folder: Path, count: int, start: date) -> list[Path]:
    """``count`` client TOML files in ``folder`` (created), named client-0000.toml, …"""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"client-{i:04d}.toml"
        path.write_text(client_profile(i, start), encoding="utf-8")
        paths.append(path)
    return paths


def write_profile(home: Path, start: date, name: str = "default") -> Path:
    """The profile ``name`` in a milia home (``--home``/``MILIA_HOME``), private like milia's own."""
    folder = home / "profiles"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    home.chmod(0o700)
    folder.chmod(0o700)
    path = folder / f"{name}.toml"
    path.write_text(profile_toml(name, start), encoding="utf-8")
    path.chmod(0o600)
    return path


def log_document(profile: str, first: date, last: date, *, seed: int = 0) -> dict[str, Any]:
    """A realistic ``milia.log/1`` document with a check-in on most days from ``first`` to ``last``.

    About 88% of days are checked in (mostly ``"done": "all"``, sometimes a partial
    day), irritation is usually 0–1 with an occasional 2, a few notes, and an
    extraction about twice a year.
    """
    rng = random.Random(seed)
    checkins: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    day = first
    while day <= last:
        if rng.random() < 0.88:
            item: dict[str, Any] = {"date": day.isoformat()}
            if rng.random() < 0.8:
                item["done"] = "all"
            else:
                done = rng.sample(STEP_IDS[:8], 3)  # morning steps done, the evening skipped
                item["done"] = sorted(done)
                item["skipped"] = ["pm:moisturize"]
            item["irritation"] = rng.choices((0, 1, 2), (75, 22, 3))[0]
            if rng.random() < 0.3:
                item["bumps"] = rng.randint(0, 12)
            if rng.random() < 0.05:
                item["note"] = rng.choice(NOTES)
            checkins.append(item)
        if rng.random() < 2 / 365:
            events.append({"date": day.isoformat(), "kind": "extraction", "areas": ["cheeks"]})
        day += timedelta(days=1)
    return {"schema": "milia.log/1", "profile": profile, "checkins": checkins, "events": events}


def load_logs(db_path: Path, documents: Iterable[tuple[str, dict[str, Any]]]) -> int:
    """Import ``(profile_key, milia.log/1 document)`` pairs with milia's store, one connection.

    Returns how many check-ins were written. The database is created (with
    milia's schema) if missing, so ``load_logs(path, [])`` makes an empty one.
    """
    from milia_cli.store import open_store  # the project's own API and schema

    written = 0
    with open_store(db_path) as store:
        for key, doc in documents:
            report = store.import_log(key, doc, source=f"benchmark log of {key}")
            written += report.added + report.replaced
    return written


def add_days_outside_plan(db_path: Path, key: str, count: int, *, before: date, after: date) -> int:
    """``count`` more check-ins for ``key``: 60% on the days before ``before``, the rest from
    ``after`` on (an imported decades-long history and a bulk entry far ahead), with direct SQL
    in one transaction — a million rows in seconds, where an import document would take minutes.
    The columns are those of milia's schema 1 (later schemas add columns with defaults)."""
    import sqlite3

    earlier = min(count * 6 // 10, before.toordinal() - 1)
    first = date.fromordinal(before.toordinal() - earlier)

    def rows():
        rng = random.Random(count)
        for i in range(count):
            day = first + timedelta(days=i) if i < earlier else after + timedelta(days=i - earlier)
            yield (day.isoformat(), rng.choices((0, 1, 2), (75, 22, 3))[0],
                   rng.choice(NOTES) if rng.random() < 0.05 else None)

    conn = sqlite3.connect(db_path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        pid = conn.execute("SELECT id FROM profiles WHERE key = ?", (key,)).fetchone()[0]
        conn.executemany(
            "INSERT OR REPLACE INTO checkins(profile_id, day, all_done, irritation, note) VALUES (?, ?, 1, ?, ?)",
            ((pid, day, irr, note) for day, irr, note in rows()))
        conn.execute("COMMIT")
    finally:
        conn.close()
    return count
