"""Time zone names people type, and the one milia stores: an IANA Area/Location name.

``EST``, ``CET`` or ``US/Eastern`` are in the tz database, but as fixed offsets or old
aliases: ``EST`` never switches to summer time, so a New York profile set to it would
get its reminders an hour off half the year. A new value (``profile set``, ``init``, the
wizard) must be an Area/Location name (``America/New_York``) or ``UTC``; a file that
already holds an old alias still loads. :func:`zone_problem` says which name to use
instead (a table of abbreviations, the tz database's own links, then difflib).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

AREAS = ("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian",
         "Pacific", "Etc")
PLAIN = ("UTC",)
# what people mean by an abbreviation (the tz database's own EST is a link to America/Panama)
ABBREVIATIONS = {
    "EST": "America/New_York", "EDT": "America/New_York", "EST5EDT": "America/New_York", "ET": "America/New_York",
    "CST": "America/Chicago", "CDT": "America/Chicago", "CST6CDT": "America/Chicago", "CT": "America/Chicago",
    "MST": "America/Denver", "MDT": "America/Denver", "MST7MDT": "America/Denver", "MT": "America/Denver",
    "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles", "PST8PDT": "America/Los_Angeles",
    "PT": "America/Los_Angeles", "AKST": "America/Anchorage", "HST": "Pacific/Honolulu",
    "GMT": "Europe/London", "BST": "Europe/London", "WET": "Europe/Lisbon", "CET": "Europe/Berlin",
    "CEST": "Europe/Berlin", "MET": "Europe/Berlin", "EET": "Europe/Athens", "EEST": "Europe/Athens",
    "MSK": "Europe/Moscow", "IST": "Asia/Kolkata", "JST": "Asia/Tokyo", "KST": "Asia/Seoul",
    "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney", "NZST": "Pacific/Auckland",
    "Z": "UTC", "ZULU": "UTC", "UCT": "UTC", "UNIVERSAL": "UTC", "GMT0": "UTC",
}
DEFAULT_EXAMPLE = "Europe/Berlin or America/New_York"


def is_area_location(name: str) -> bool:
    """``Europe/Berlin``, ``America/Argentina/Salta``, ``Etc/UTC`` or ``UTC`` (and a real zone)."""
    if name in PLAIN:
        return True
    area, _, rest = name.partition("/")
    return area in AREAS and bool(rest) and _exists(name)


def in_tz_database(name: str) -> bool:
    """A name the tz database knows (abbreviations and old aliases too), never a path."""
    if not name or len(name) > 64 or name.startswith("/") or ".." in name or "\\" in name:
        return False
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def _exists(name: str) -> bool:
    return in_tz_database(name)


def canonical(name: str) -> str | None:
    """The stored spelling of ``name``: itself, or the Area/Location name typed in another case
    (``europe/berlin`` -> ``Europe/Berlin``); None when it is not one."""
    text = name.strip()
    if is_area_location(text):
        return text
    if text.upper() == "UTC":
        return "UTC"
    lower = text.lower()
    for zone in area_location_zones():
        if zone.lower() == lower:
            return zone
    return None


def suggestion(name: str) -> str | None:
    """The Area/Location name to use instead of ``name`` (None if nothing is close)."""
    text = name.strip()
    if text.upper() in ABBREVIATIONS:
        return ABBREVIATIONS[text.upper()]
    target = _links().get(text) or _links().get(text.title())
    if target and is_area_location(target):
        return target
    import difflib

    zones = area_location_zones()
    by_lower = {z.lower(): z for z in zones}
    found = difflib.get_close_matches(text.lower(), list(by_lower), n=1, cutoff=0.75)
    if found:
        return by_lower[found[0]]
    # a city alone: "Berlin", "new york"
    city = text.replace(" ", "_").lower()
    ends = [z for z in zones if z.lower().rsplit("/", 1)[-1] == city]
    return ends[0] if len(ends) == 1 else None


def area_location_zones() -> tuple[str, ...]:
    """Every Area/Location zone of the tz database this machine has, sorted."""
    global _ZONES
    if _ZONES is None:
        import zoneinfo

        try:
            names = zoneinfo.available_timezones()
        except (OSError, ValueError):
            names = set()
        _ZONES = tuple(sorted(n for n in names if n.partition("/")[0] in AREAS and "/" in n)) + PLAIN
    return _ZONES


_ZONES: tuple[str, ...] | None = None
_LINKS: dict[str, str] | None = None


def _links() -> dict[str, str]:
    """The tz database's links (``US/Eastern`` -> ``America/New_York``), from ``tzdata.zi``."""
    global _LINKS
    if _LINKS is None:
        import zoneinfo

        _LINKS = {}
        for base in zoneinfo.TZPATH:
            path = Path(base) / "tzdata.zi"
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            for line in text.splitlines():
                if line.startswith("L "):
                    parts = line.split()
                    if len(parts) == 3:
                        _LINKS[parts[2]] = parts[1]
            break
    return _LINKS


def system_zone(vars: Mapping[str, str], localtime: str | os.PathLike[str] = "/etc/localtime") -> str | None:
    """The computer's zone as an Area/Location name: ``TZ`` (``:Europe/Berlin`` too), else the
    target of the ``localtime`` link (``…/zoneinfo/Europe/Berlin``); None when neither names one.
    Both come from the caller (the Environment's variables, its localtime path), so tests
    never read the real machine's zone."""
    tz = (vars.get("TZ") or "").strip().lstrip(":")
    if tz:
        found = canonical(tz) or (suggestion(tz) if "/" in tz else None)
        if found:
            return found
    try:
        target = os.readlink(localtime)
    except OSError:
        return None
    marker = "zoneinfo/"
    if marker not in target:
        return None
    name = target.rsplit(marker, 1)[1]
    if name.startswith(("posix/", "right/")):
        name = name.split("/", 1)[1]
    return canonical(name) or _links().get(name)
