"""The profile's records: who the person is, as the planner reads it (no file I/O here).

``NamedTuple`` records (:mod:`milia_cli.records`) (cheap to define on every run; see :mod:`milia_cli.plan`):
change a field with ``profile._replace(name=...)``. Every default comes from the file's schema
(:data:`milia_cli.profile_schema.FIELDS`), so a key left out of a file and a record built in
code get the same value. :mod:`milia_cli.profile` reads and writes the TOML file.
"""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING, Any

from milia_cli.profile_schema import EYE_AREAS, FIELDS_BY_KEY, SCHEMA_VERSION
from milia_cli.records import NamedTuple

if TYPE_CHECKING:
    from milia_cli.shelf import ShelfProduct

__all__ = ["Profile", "Skin", "Milia", "Habits", "Cautions", "Schedule"]


def _default(key: str) -> Any:
    return FIELDS_BY_KEY[key].default


class Skin(NamedTuple):
    type: str
    tone_prone_to_dark_spots: bool = _default("skin.tone_prone_to_dark_spots")


class Milia(NamedTuple):
    areas: tuple[str, ...] = _default("milia.areas")
    since: date | None = None


class Habits(NamedTuple):
    makeup: bool = _default("habits.makeup")
    under_eye_concealer: bool = _default("habits.under_eye_concealer")
    smoker: bool = _default("habits.smoker")


class Cautions(NamedTuple):
    isotretinoin_recent: bool = _default("cautions.isotretinoin_recent")
    eczema_or_rosacea: bool = _default("cautions.eczema_or_rosacea")
    photosensitizing_medicine: bool = _default("cautions.photosensitizing_medicine")
    facial_steroid: bool = _default("cautions.facial_steroid")
    keloid_prone: bool = _default("cautions.keloid_prone")
    cold_sores: bool = _default("cautions.cold_sores")
    anticoagulants: bool = _default("cautions.anticoagulants")
    prescription_retinoid: bool = _default("cautions.prescription_retinoid")  # B12
    prescriber_agreed: bool = _default("cautions.prescriber_agreed")  # lifts C8/D7

    def any_of(self, *names: str) -> bool:
        return any(getattr(self, n) for n in names)


class Schedule(NamedTuple):
    start: date
    timezone: str
    am: time = _default("schedule.am")
    pm: time = _default("schedule.pm")


class Profile(NamedTuple):
    name: str
    pregnancy: str
    skin: Skin
    milia: Milia
    habits: Habits
    cautions: Cautions
    schedule: Schedule
    birth_year: int | None = None
    pregnancy_since: date | None = None  # B13: the status applies from this day
    schema: int = SCHEMA_VERSION
    id: str | None = None  # the log's key (milia_cli.identity): the file's `id`, or its name in the home
    shelf: tuple[ShelfProduct, ...] = ()  # the person's own products, [[shelf]] (milia_cli.shelf)
    lang: str | None = _default("lang")  # "en" | "ko": messages, handouts and reports (milia_cli.i18n)

    @property
    def eye_milia(self) -> bool:
        """Milia on the upper eyelids or under the eyes (rule D3)."""
        return any(a in EYE_AREAS for a in self.milia.areas)
