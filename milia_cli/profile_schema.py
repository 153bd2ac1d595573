"""The schema-1 profile format as data: every key, its kind and what it allows.

:func:`check_document` walks a parsed TOML document against :data:`FIELDS` and
returns the checked values by dotted key; :func:`parse_text_value` turns a
command-line string (``profile set skin.type dry``) into the same values.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

from milia_cli.catalogue import AREAS, EYE_AREAS  # noqa: F401  (re-exported: the profile's area names)
from milia_cli.errors import MiliaError
from milia_cli.i18n import LANGUAGES
from milia_cli.messages import profile as msg
from milia_cli.records import NamedTuple
from milia_cli.toml_values import name_ok, toml_text  # noqa: F401  (re-exported for the shelf's callers)

SCHEMA_VERSION = 1
SKIN_TYPES = ("normal", "dry", "oily", "combination", "sensitive")
PREGNANCY = ("none", "trying", "pregnant", "breastfeeding")
CAUTION_KEYS = (
    "isotretinoin_recent", "eczema_or_rosacea", "photosensitizing_medicine", "facial_steroid",
    "keloid_prone", "cold_sores", "anticoagulants",
    "prescription_retinoid",  # tretinoin, adapalene, tazarotene, trifarotene (B12)
    "prescriber_agreed",  # the prescriber agreed to actives: lifts the C8 and D7 holds
)
HABIT_KEYS = ("makeup", "under_eye_concealer", "smoker")
_HHMM = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")
_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


class Field(NamedTuple):
    key: str  # dotted: "skin.type"
    kind: str  # name | id | enum | bool | areas | date | time | zone | year | schema
    required: bool = False
    choices: tuple[str, ...] = ()
    default: Any = None
    help: str = ""

    @property
    def allowed(self) -> str:
        """What the key allows, in words (a Message: translated where the error is shown)."""
        if self.kind == "enum":
            return ", ".join(self.choices)
        if self.kind == "areas":
            return msg.ALLOWED_AREAS.format(areas=", ".join(AREAS))
        if self.kind == "schema":
            return msg.ALLOWED_SCHEMA.format(version=SCHEMA_VERSION)
        return msg.ALLOWED_KINDS[self.kind]


FIELDS: tuple[Field, ...] = (
    Field("schema", "schema", required=True),
    Field("name", "name", required=True, help="the person's or client's name"),
    Field("id", "id", help="milia's key for this profile's log, written on first use (README: Profile identity)"),
    Field("pregnancy", "enum", required=True, choices=PREGNANCY),
    Field("pregnancy_since", "date", help="the day the pregnancy status took effect (B13)"),
    Field("birth_year", "year", help="optional; under 18 is out of scope (A8)"),
    Field("lang", "enum", choices=LANGUAGES,
          help="the language of messages, handouts and reports (after --lang, before the locale)"),
    Field("skin.type", "enum", required=True, choices=SKIN_TYPES),
    Field("skin.tone_prone_to_dark_spots", "bool", default=False),
    Field("milia.areas", "areas", default=()),
    Field("milia.since", "date"),
    *(Field(f"habits.{k}", "bool", default=False) for k in HABIT_KEYS),
    *(Field(f"cautions.{k}", "bool", default=False) for k in CAUTION_KEYS),
    Field("schedule.start", "date", required=True, help="day 1 of week 1"),
    Field("schedule.timezone", "zone", required=True),
    Field("schedule.am", "time", default=time(7, 30)),
    Field("schedule.pm", "time", default=time(21, 30)),
)
FIELDS_BY_KEY = {f.key: f for f in FIELDS}
TABLES = ("skin", "milia", "habits", "cautions", "schedule")
LISTS = ("shelf",)  # [[shelf]]: the person's own products (milia_cli.shelf)
REQUIRED_TABLES = ("skin", "schedule")


def _bad(source: str, field: Field, value: Any) -> MiliaError:
    return MiliaError(msg.BAD_VALUE.format(file=source, key=field.key, value=_show(value), allowed=field.allowed))


def _show(value: Any) -> str:
    """``value`` as it looks in TOML (``true``, ``2020-01-06T10:00:00``, ``'dry'``), at most
    60 characters: never a Python repr such as ``True`` or ``datetime.datetime(...)``."""
    text = toml_text(value)
    return text if len(text) <= 60 else text[:57] + "..."


def check_value(field: Field, value: Any, source: str) -> Any:
    """The validated python value of ``field`` (raises with the file's name)."""
    kind = field.kind
    if kind == "bool":
        if isinstance(value, bool):
            return value
    elif kind == "enum":
        if isinstance(value, str) and value in field.choices:
            return value
    elif kind == "name":
        if isinstance(value, str) and name_ok(value):
            return value
    elif kind == "id":
        if isinstance(value, str) and _ID.fullmatch(value):
            return value
    elif kind == "year":
        if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
            return value
    elif kind == "schema":
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            return value
    elif kind == "date":
        from milia_cli.dates import RANGE_TEXT, in_range, parse_iso_date

        day = value if isinstance(value, date) and not isinstance(value, datetime) else \
            parse_iso_date(value) if isinstance(value, str) else None
        if day is not None:
            if not in_range(day):
                raise MiliaError(msg.DATE_OUT_OF_RANGE.format(file=source, key=field.key, value=day.isoformat(),
                                                              range=RANGE_TEXT))
            return day
    elif kind == "time":
        if isinstance(value, time) and value.tzinfo is None and not (value.second or value.microsecond):
            return value
        if isinstance(value, str):
            m = _HHMM.fullmatch(value)
            if m:
                return time(int(m[1]), int(m[2]))
    elif kind == "zone":
        from milia_cli import zones

        if isinstance(value, str) and zones.in_tz_database(value):
            return value
    elif kind == "areas":
        if isinstance(value, list) and all(isinstance(v, str) and v in AREAS for v in value):
            seen: set[str] = set()
            for v in value:
                if v in seen:
                    raise MiliaError(msg.DUPLICATE_AREA.format(file=source, value=v))
                seen.add(v)
            return tuple(a for a in AREAS if a in seen)  # canonical order
        if isinstance(value, list):
            bad = next((v for v in value if not (isinstance(v, str) and v in AREAS)), value)
            raise _bad(source, field, bad)
    raise _bad(source, field, value)


def check_document(data: Any, source: str) -> dict[str, Any]:
    """Validate the whole document; return ``{dotted key: value}`` with defaults."""
    if not isinstance(data, dict):
        raise MiliaError(msg.SYNTAX.format(file=source, detail="the document is not a table"))
    if "schema" not in data:
        raise MiliaError(msg.NO_SCHEMA.format(file=source))
    schema = data["schema"]
    if isinstance(schema, int) and not isinstance(schema, bool) and schema > SCHEMA_VERSION:
        raise MiliaError(msg.NEWER_SCHEMA.format(file=source, found=schema, supported=SCHEMA_VERSION))
    if not (isinstance(schema, int) and not isinstance(schema, bool) and schema >= 1):
        raise MiliaError(msg.BAD_SCHEMA.format(file=source, value=_show(schema), supported=SCHEMA_VERSION))

    top_allowed = [f.key for f in FIELDS if "." not in f.key] + list(TABLES) + list(LISTS)
    for key in data:
        if key not in top_allowed:
            raise MiliaError(msg.UNKNOWN_KEY.format(file=source, key=key, allowed=", ".join(top_allowed)))
    for table in TABLES:
        if table in data and not isinstance(data[table], dict):
            raise MiliaError(msg.NOT_A_TABLE.format(file=source, key=table, value=_show(data[table])))
        sub_allowed = [f.key.split(".", 1)[1] for f in FIELDS if f.key.startswith(table + ".")]
        for sub in data.get(table, {}):
            if sub not in sub_allowed:
                raise MiliaError(
                    msg.UNKNOWN_KEY.format(file=source, key=f"{table}.{sub}", allowed=", ".join(sub_allowed))
                )

    values: dict[str, Any] = {}
    for field in FIELDS:
        if "." in field.key:
            table, sub = field.key.split(".", 1)
            container = data.get(table, {})
            present, raw = sub in container, container.get(sub)
        else:
            present, raw = field.key in data, data.get(field.key)
        if not present:
            if field.required:
                raise MiliaError(msg.MISSING.format(file=source, key=field.key, allowed=field.allowed))
            if field.default is not None:
                values[field.key] = field.default
            continue
        values[field.key] = check_value(field, raw, source)
    if "shelf" in data:
        from milia_cli.shelf import check_shelf

        values["shelf"] = check_shelf(data["shelf"], source)
    return values


_TRUE = {"true", "yes", "y", "1", "on"}
_FALSE = {"false", "no", "n", "0", "off"}


def parse_text_value(field: Field, text: str, source: str) -> Any:
    """Convert a command-line string to the TOML value for ``field``.

    An empty string clears an optional key. Choices are read in any case (``Combination``),
    times as people write them (``7am``, ``19.30``), a zone must be an IANA Area/Location name
    (``EST`` is refused with the name to use); a near miss gets "did you mean". The result
    is checked again by :func:`check_document` when the whole profile is rebuilt.
    """
    kind = field.kind
    if text == "" and not field.required:
        return None
    if kind == "bool":
        low = text.strip().lower()
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
        raise _bad(source, field, text)
    if kind == "year":
        try:
            return int(text)
        except ValueError:
            raise _bad(source, field, text) from None
    if kind == "enum":
        low = text.strip().lower()
        if low in field.choices:
            return low
        raise _bad_with_hint(source, field, text, field.choices)
    if kind == "areas":
        parts = [p.strip().lower() for p in text.replace(" ", ",").split(",") if p.strip()]
        for part in parts:
            if part not in AREAS:
                raise _bad_with_hint(source, field, part, AREAS)
        return parts
    if kind == "zone":
        return check_new_zone(text, source, field.key)
    if kind == "time":
        parsed = parse_clock_time(text)
        if parsed is None:
            raise MiliaError(msg.BAD_VALUE.format(file=source, key=field.key, value=_show(text), allowed=TIME_TYPED))
        return parsed
    return check_value(field, text, source) if kind == "date" else text


def _bad_with_hint(source: str, field: Field, value: str, choices: tuple[str, ...]) -> MiliaError:
    guess = closest(value, choices)
    if guess is None:
        return _bad(source, field, value)
    return MiliaError(msg.BAD_VALUE_HINT.format(file=source, key=field.key, value=_show(value), choice=guess,
                                                allowed=field.allowed))


def closest(word: str, choices: tuple[str, ...] | list[str]) -> str | None:
    """The choice closest to ``word`` (difflib), for "did you mean"; None if none is close."""
    import difflib

    found = difflib.get_close_matches(word.strip().lower(), list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def check_new_zone(text: str, source: str, key: str = "schedule.timezone") -> str:
    """A zone given anew (``profile set``, ``init``): an IANA Area/Location name or UTC, in its
    stored spelling; ``EST``, ``CET``, ``US/Eastern`` are refused with the name to use."""
    from milia_cli import zones

    found = zones.canonical(text)
    if found is not None:
        return found
    guess = zones.suggestion(text)
    if text.strip() and zones.in_tz_database(text.strip()):  # in the tz database, but an abbreviation or old alias
        raise MiliaError(msg.ZONE_NOT_AREA_LOCATION.format(
            file=source, key=key, value=_show(text), use=guess or zones.DEFAULT_EXAMPLE))
    if guess is not None:
        raise MiliaError(msg.ZONE_UNKNOWN_HINT.format(file=source, key=key, value=_show(text), choice=guess))
    raise MiliaError(msg.ZONE_UNKNOWN.format(file=source, key=key, value=_show(text), example=zones.DEFAULT_EXAMPLE))


TIME_TYPED = msg.TIME_TYPED
_CLOCK = re.compile(r"(\d{1,2})(?:[:.h]?(\d{2}))?\s*([ap]\.?m\.?)?")


def parse_clock_time(text: str) -> time | None:
    """``07:30``, ``7:30``, ``7.30``, ``0730``, ``7``, ``7am``, ``7:30 pm``, ``19h30`` -> a time; None if not one."""
    m = _CLOCK.fullmatch(text.strip().lower())
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    half = (m.group(3) or "").replace(".", "")
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)
