"""The profile: a human-edited TOML file, validated into a typed, frozen object.

Loading never trusts the file: every key is checked against :data:`FIELDS`, and
every problem becomes one sentence naming the file, the key, the bad value and
what is allowed. Writing goes through :func:`milia_cli.fsutil.atomic_write_text`.

The records themselves are in :mod:`milia_cli.profile_model` (no file I/O: the pure planner
imports them, not this reader); they are re-exported here.
"""

from __future__ import annotations

import tomllib
from datetime import time
from pathlib import Path
from typing import Any

from milia_cli.errors import MiliaError
from milia_cli.messages import profile as msg
from milia_cli.profile_model import Cautions, Habits, Milia, Profile, Schedule, Skin
from milia_cli.profile_schema import (
    AREAS,
    CAUTION_KEYS,
    EYE_AREAS,
    FIELDS,
    FIELDS_BY_KEY,
    PREGNANCY,
    SCHEMA_VERSION,
    SKIN_TYPES,
    check_document,
    parse_text_value,
)

__all__ = [
    "AREAS", "CAUTION_KEYS", "EYE_AREAS", "PREGNANCY", "SCHEMA_VERSION", "SKIN_TYPES",
    "Profile", "Skin", "Milia", "Habits", "Cautions", "Schedule",
    "load_profile", "parse_profile", "profile_from_dict", "profile_to_dict",
    "dump_profile", "save_profile", "with_value", "MAX_PROFILE_BYTES", "toml_document",
]

MAX_PROFILE_BYTES = 256 * 1024


_SECTIONS = {"skin": Skin, "milia": Milia, "habits": Habits, "cautions": Cautions, "schedule": Schedule}


def profile_from_dict(data: Any, source: str) -> Profile:
    """Validate a parsed TOML document into a :class:`Profile` (or raise MiliaError)."""
    values = check_document(data, source)  # dotted key -> checked python value
    tables: dict[str, dict[str, Any]] = {name: {} for name in _SECTIONS}
    top: dict[str, Any] = {}
    for key, value in values.items():
        if "." in key:
            section, sub = key.split(".", 1)
            tables[section][sub] = value
        else:
            top[key] = value
    if "areas" in tables["milia"]:
        tables["milia"]["areas"] = tuple(tables["milia"]["areas"])
    return Profile(
        name=top["name"],
        pregnancy=top["pregnancy"],
        birth_year=top.get("birth_year"),
        pregnancy_since=top.get("pregnancy_since"),
        schema=SCHEMA_VERSION,
        id=top.get("id"),
        shelf=top.get("shelf", ()),
        lang=top.get("lang"),
        **{name: cls(**tables[name]) for name, cls in _SECTIONS.items()},
    )


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    """The TOML document for ``profile`` (key order as in SPEC.md)."""
    doc: dict[str, Any] = {"schema": SCHEMA_VERSION, "name": profile.name}
    if profile.id is not None:
        doc["id"] = profile.id
    doc["pregnancy"] = profile.pregnancy
    if profile.pregnancy_since is not None:
        doc["pregnancy_since"] = profile.pregnancy_since
    if profile.birth_year is not None:
        doc["birth_year"] = profile.birth_year
    if profile.lang is not None:
        doc["lang"] = profile.lang
    for name in _SECTIONS:
        section = getattr(profile, name)
        table: dict[str, Any] = {}
        for key, value in section._asdict().items():
            if value is None:
                continue
            if isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, time):
                value = value.strftime("%H:%M")
            table[key] = value
        doc[name] = table
    if profile.shelf:
        doc["shelf"] = [product.to_dict() for product in profile.shelf]
    return doc


def dump_profile(profile: Profile) -> str:
    import tomli_w

    return tomli_w.dumps(profile_to_dict(profile))


def toml_document(text: str, source: str) -> Any:
    """``tomllib.loads(text)``, every failure a MiliaError naming ``source``: the one place a
    profile's TOML is parsed (doctor too). tomllib raises more than TOMLDecodeError on hostile
    input (issue 12, item 5): RecursionError for arrays nested thousands deep, ValueError for
    an integer past Python's 4300-digit limit."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise MiliaError(msg.SYNTAX.format(file=source, detail=str(exc).rstrip("."))) from None
    except RecursionError:
        raise MiliaError(msg.TOO_DEEP.format(file=source, detail=msg.TOO_DEEP_NESTING)) from None
    except ValueError:
        raise MiliaError(msg.TOO_DEEP.format(file=source, detail=msg.TOO_MANY_DIGITS)) from None


def parse_profile(raw: bytes, source: str) -> Profile:
    """Parse the bytes of a profile file; ``source`` names it in errors."""
    if len(raw) > MAX_PROFILE_BYTES:
        raise MiliaError(msg.TOO_BIG.format(file=source, size=len(raw), limit=MAX_PROFILE_BYTES))
    if not raw.strip():
        raise MiliaError(msg.EMPTY.format(file=source))
    if b"\x00" in raw:
        raise MiliaError(msg.BINARY.format(file=source))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MiliaError(msg.BINARY.format(file=source)) from None
    data = toml_document(text, source)
    try:
        return profile_from_dict(data, source)
    except RecursionError:  # a value deep enough to pass tomllib but not the checks' rendering
        raise MiliaError(msg.TOO_DEEP.format(file=source, detail=msg.TOO_DEEP_NESTING)) from None


def load_profile(path: Path) -> Profile:
    from milia_cli.fsutil import reason

    try:
        raw = _read_limited(path)
    except FileNotFoundError:
        raise MiliaError(msg.FILE_NOT_FOUND.format(file=path)) from None
    except IsADirectoryError:
        raise MiliaError(msg.BINARY.format(file=path)) from None
    except OSError as exc:
        from milia_cli.messages.common import READ_FAILED

        raise MiliaError(READ_FAILED.format(path=path, reason=reason(exc))) from None
    return parse_profile(raw, str(path))


def _read_limited(path: Path) -> bytes:
    """Read at most the size limit; refuse what is not a regular file (a FIFO or
    device would block or never end) without waiting on it."""
    import os
    import stat

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise MiliaError(msg.NOT_REGULAR.format(file=path))
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read(MAX_PROFILE_BYTES + 1)
    finally:
        os.close(fd)


def save_profile(profile: Profile, path: Path) -> None:
    """Atomically write ``profile``; a symlinked profile (a client file linked from
    a git checkout) is written through, so the link stays a link."""
    from milia_cli.fsutil import atomic_write_text

    atomic_write_text(path.resolve() if path.is_symlink() else path, dump_profile(profile))


def with_value(profile: Profile, key: str, text: str, source: str) -> Profile:
    """``profile`` with ``key`` set from the string ``text``, fully re-validated."""
    field = FIELDS_BY_KEY.get(key)
    if field is None or key in ("schema", "id"):  # the id is milia's (milia_cli.identity)
        settable = [f.key for f in FIELDS if f.key not in ("schema", "id")]
        allowed = ", ".join(settable)
        from milia_cli.profile_schema import closest

        guess = closest(key, settable) or closest(key, [k.split(".")[-1] for k in settable])
        guess = next((k for k in settable if k == guess or k.endswith("." + (guess or "-"))), None)
        if guess is not None:
            raise MiliaError(msg.SET_UNKNOWN_KEY_HINT.format(key=key, choice=guess, allowed=allowed))
        raise MiliaError(msg.SET_UNKNOWN_KEY.format(key=key, allowed=allowed))
    value = parse_text_value(field, text, source)
    doc = profile_to_dict(profile)
    if "." in key:
        section, sub = key.split(".", 1)
        if value is None:
            doc[section].pop(sub, None)
        else:
            doc[section][sub] = value
    elif value is None:
        doc.pop(key, None)
    else:
        doc[key] = value
    return profile_from_dict(doc, source)


def renamed(profile: Profile, name: str) -> Profile:
    return profile._replace(name=name)
