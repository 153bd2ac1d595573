"""Managing the profiles of a home: create from answers, describe, delete.

Library functions behind `milia init` and `milia profile …`; no Typer here.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from milia_cli.dates import is_date_word, parse_date_flag
from milia_cli.errors import MiliaError
from milia_cli.fsutil import directory_lock  # noqa: F401  (re-exported: the profiles folder's lock)
from milia_cli.messages import identity as msg_identity
from milia_cli.messages import profile as msg
from milia_cli.paths import Locations
from milia_cli.profile import Profile, profile_from_dict, profile_to_dict
from milia_cli.profile_schema import FIELDS_BY_KEY, parse_text_value


@dataclass
class InitAnswers:
    """What `milia init` was told, by flags or by the wizard. ``None`` = not answered."""

    name: str | None = None
    skin_type: str | None = None
    pregnancy: str | None = None
    areas: tuple[str, ...] | None = None
    start: str | None = None
    am: str | None = None
    pm: str | None = None
    timezone: str | None = None
    birth_year: int | None = None
    flags: dict[str, bool | None] = field(default_factory=dict)

    def missing_required(self) -> bool:
        return self.skin_type is None or self.pregnancy is None or self.timezone is None


def next_monday(today: date) -> date:
    return today + timedelta(days=(7 - today.weekday()) % 7 or 7)


def create_profile(answers: InitAnswers, *, default_name: str, today: date, source: str) -> Profile:
    """Build and validate a new profile from ``answers`` (raises MiliaError)."""
    doc: dict[str, Any] = {
        "schema": 1,
        "name": answers.name or default_name,
        "pregnancy": answers.pregnancy,
        "skin": {"type": answers.skin_type},
        "milia": {"areas": list(answers.areas or ())},
        "habits": {},
        "cautions": {},
        "schedule": {"timezone": answers.timezone},
    }
    if answers.birth_year is not None:
        doc["birth_year"] = answers.birth_year
    start = answers.start
    if not start:
        doc["schedule"]["start"] = next_monday(today)
    elif is_date_word(start):  # --start tomorrow, next monday: the one parser of date flags
        doc["schedule"]["start"] = parse_date_flag(start, today, "--start")
    else:
        doc["schedule"]["start"] = parse_text_value(FIELDS_BY_KEY["schedule.start"], start, source)
    for key in ("am", "pm"):
        text = getattr(answers, key)
        if text:
            doc["schedule"][key] = parse_text_value(FIELDS_BY_KEY[f"schedule.{key}"], text, source)
    for dotted, value in answers.flags.items():
        if value is not None:
            table, sub = dotted.split(".")
            doc[table][sub] = value
    return profile_from_dict(doc, source)


def update_profile(path: Path, change: Callable[[Profile], Profile]) -> Profile:
    """Load, change and atomically save ``path`` while holding the directory lock,
    so two concurrent `profile set` both land instead of one silently losing, and a
    `profile delete` that got the lock first is not undone (the file is not re-created)."""
    from milia_cli.messages import identity as id_msg
    from milia_cli.profile import load_profile, save_profile

    with directory_lock(path.parent):
        if not path.exists() and not path.is_symlink():
            raise MiliaError(id_msg.GONE_WHILE_WAITING.format(file=path))
        updated = change(load_profile(path))
        save_profile(updated, path)
    return updated


def profile_json(profile: Profile) -> str:
    """`profile show --json`: the file's keys, led by ``profile`` (its identity, as in every
    JSON output; the file's `id` key when it has one) and ``name``."""
    doc = profile_to_dict(profile)
    doc.pop("id", None)
    return json.dumps({"profile": profile.id, **doc}, default=_json_default, ensure_ascii=False, indent=2)


def profile_list(locations: Locations, current: str) -> tuple[dict[str, Any], list[str]]:
    """`profile list --json` and the warnings about home profiles claiming one identity:
    each profile's identity (``profile``), the person's ``name`` (None when the file does
    not load; `milia doctor` says why) and its file."""
    from milia_cli.identity import file_identity, is_home_file

    entries: list[dict[str, Any]] = []
    by_key: dict[str, list[Path]] = {}
    for stem in locations.profile_names():
        path = locations.profiles_dir / f"{stem}.toml"
        key = file_identity(path, is_home_file(path, locations.profiles_dir)) or stem
        try:
            from milia_cli.profile import load_profile

            name: str | None = load_profile(path).name
        except MiliaError:
            name = None
        entries.append({"profile": key, "name": name, "file": str(path), "current": stem == current})
        by_key.setdefault(key, []).append(path)
    warnings = [
        msg_identity.LIST_SHARED.format(key=key, files=", ".join(p.name for p in paths))
        for key, paths in by_key.items() if len(paths) > 1
    ]
    return {"schema": "milia.profiles/1", "directory": str(locations.profiles_dir), "profiles": entries}, warnings


def _json_default(value: Any) -> str:
    return value.isoformat()


@dataclass(frozen=True)
class DeleteReport:
    profile_deleted: bool
    log_deleted: bool
    checkins: int = 0
    events: int = 0
    calendar: str = ""  # one line on the CalDAV sync state of the profile (milia_cli.sync.forget), or ""


def log_key_of(locations: Locations, name: str) -> str:
    """The key of the log of home profile ``name`` (see :func:`milia_cli.identity.home_log_key`)."""
    from milia_cli.identity import home_log_key

    return home_log_key(locations, name)


def delete_profile(locations: Locations, name: str, *, with_log: bool, timeout: float | None = None) -> DeleteReport:
    """Remove ``name``'s profile file and, if asked, its log (one transaction)."""
    import os

    from milia_cli.fsutil import reason
    from milia_cli.messages.common import WRITE_FAILED

    path = locations.profile_path(name)
    checkins = events = 0
    log_deleted = False
    from milia_cli.dbfiles import log_exists

    # The lock `profile set` holds: a set in progress finishes first (and is then deleted),
    # a set that waits finds the file gone and writes nothing.
    with directory_lock(path.parent):
        from milia_cli.sync.forget import forget_on_delete  # before anything is deleted: it may refuse

        calendar = forget_on_delete(locations, log_key_of(locations, name), with_log=with_log, timeout=timeout)
        if with_log and log_exists(locations.db_path):
            from milia_cli.store import open_store

            with open_store(locations.db_path, timeout=timeout) as store:
                checkins, events = store.delete_profile_log(log_key_of(locations, name))
            log_deleted = True
        existed = path.exists() or path.is_symlink()
        if not existed and not log_deleted:
            raise MiliaError(msg.NOTHING_TO_DELETE.format(name=name))
        if existed:
            try:
                os.unlink(path)
            except OSError as exc:
                raise MiliaError(WRITE_FAILED.format(path=path, reason=reason(exc))) from None
    return DeleteReport(existed, log_deleted, checkins, events, calendar)
