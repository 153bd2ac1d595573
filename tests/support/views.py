"""Helpers for the view tests (issue 13, item 5): a home holding a generated profile and course,
and what a view of the full plan is expected to be. No tests here."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

from conftest import Milia
from milia_cli.logmodel import Log
from milia_cli.plan import Plan
from milia_cli.profile import Profile


def home_with(root: Path, profile: Profile, log: Log) -> Milia:
    """A private home under ``root`` whose profile ``default`` is ``profile`` and whose log is ``log``."""
    from milia_cli.profile import save_profile
    from milia_cli.store import open_store
    from milia_cli.store_json import log_to_dict

    home = root / "home"
    (home / "profiles").mkdir(parents=True, mode=0o700)
    home.chmod(0o700)
    path = home / "profiles" / "default.toml"
    save_profile(profile._replace(id=None), path)
    path.chmod(0o600)
    with open_store(home / "milia.db") as store:  # a database even for an empty log: the batch identifies
        store.import_log("default", log_to_dict("default", log))
    return Milia(home)


def window(plan: Plan, first: date, weeks: int) -> Plan:
    """The days of ``plan`` that a view from ``first`` for ``weeks`` weeks shows."""
    last = first + timedelta(days=7 * weeks - 1)
    return plan._replace(days=tuple(d for d in plan.days if first <= d.date <= last))


def json_days(stdout: str) -> list[dict]:
    return json.loads(stdout)["days"]


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def with_course(profile: Profile, log: Log) -> Profile:
    """The profile as it is now, after the course's pregnancy changes (as the log's dated
    changes say, so the file and the log agree)."""
    changes = [ch for ch in log.changes if ch.key == "pregnancy"]
    if changes:
        return profile._replace(pregnancy=changes[-1].new, pregnancy_since=None)
    return profile
