"""The benchmark's scratch world: milia homes, a client folder and databases under one temp dir.

Homes (each a ``MILIA_HOME`` with ``profiles/default.toml`` and ``milia.db``):

- ``week``    — started a week ago, 7 days of log (the 1-week baseline; `today`, `stats`, ICS);
- ``checkin`` — a copy of ``week`` that `checkin --all` writes to, a fresh day each run;
- ``year``    — started a year ago, a year of log (the `jrnl --version` comparison);
- ``decade``  — started ten years ago, ten years of log;
- ``many``    — a year of log, in a database holding ``db_clients`` clients × 1 year;
- ``emptydb`` — started a year ago, an initialised database with no rows;
- ``million`` — started a week ago like ``week``, its database also holding ``million_days``
  imported days outside the plan (before the start and far after today), written with direct
  SQL (issue 12 item 11: a check-in must cost the same as on the 1-week log).

Plus ``clients/`` (``batch_clients`` client TOML files) for `milia batch`. The clock is
pinned with ``MILIA_NOW`` (``TODAY``), so the real date never matters.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import datagen

TODAY = date(2026, 11, 23)
KEY = "default"  # the profile every home uses; its log key


@dataclass(frozen=True)
class Sizes:
    batch_clients: int = 1000
    db_clients: int = 1000
    decade_days: int = 3652  # ten years
    year_days: int = 365
    week_days: int = 7
    million_days: int = 1_000_000

    @classmethod
    def quick(cls) -> Sizes:
        """Tiny data for a smoke test: every case still runs, on a handful of rows."""
        return cls(batch_clients=5, db_clients=5, decade_days=3652, year_days=365, week_days=7,
                   million_days=20_000)


@dataclass(frozen=True)
class Workspace:
    root: Path
    sizes: Sizes
    setup_seconds: float

    def home(self, name: str) -> Path:
        return self.root / "homes" / name

    @property
    def clients(self) -> Path:
        return self.root / "clients"

    @property
    def batch_out(self) -> Path:
        return self.root / "batch-out"

    @property
    def ics_out(self) -> Path:
        return self.root / "plan.ics"

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def _home_with_log(ws_root: Path, name: str, days: int, *, seed: int) -> Path:
    """A home whose profile started ``days`` ago, with a check-in log up to yesterday."""
    home = ws_root / "homes" / name
    start = TODAY - timedelta(days=days)
    datagen.write_profile(home, start, KEY)
    doc = datagen.log_document(KEY, start, TODAY - timedelta(days=1), seed=seed)
    datagen.load_logs(home / "milia.db", [(KEY, doc)])
    return home


def build(sizes: Sizes = Sizes(), root: Path | None = None) -> Workspace:
    """Create every home, the client folder and the databases; returns where they are."""
    began = time.perf_counter()
    root = Path(root) if root else Path(tempfile.mkdtemp(prefix="milia-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    week = _home_with_log(root, "week", sizes.week_days, seed=1)
    shutil.copytree(week, root / "homes" / "checkin")
    _home_with_log(root, "year", sizes.year_days, seed=2)
    _home_with_log(root, "decade", sizes.decade_days, seed=3)

    many = root / "homes" / "many"
    start = TODAY - timedelta(days=sizes.year_days)
    datagen.write_profile(many, start, KEY)
    others = max(sizes.db_clients - 1, 0)
    last = TODAY - timedelta(days=1)
    docs = ((f"client-{i:04d}", datagen.log_document(f"client-{i:04d}", start, last, seed=100 + i))
            for i in range(others))
    datagen.load_logs(many / "milia.db", [*docs, (KEY, datagen.log_document(KEY, start, last, seed=2))])

    empty = root / "homes" / "emptydb"
    datagen.write_profile(empty, start, KEY)
    datagen.load_logs(empty / "milia.db", [])

    million = _home_with_log(root, "million", sizes.week_days, seed=1)
    datagen.add_days_outside_plan(million / "milia.db", KEY, sizes.million_days,
                                  before=TODAY - timedelta(days=sizes.week_days), after=TODAY + timedelta(days=400))

    datagen.write_clients(root / "clients", sizes.batch_clients, TODAY - timedelta(days=30))
    return Workspace(root=root, sizes=sizes, setup_seconds=time.perf_counter() - began)
