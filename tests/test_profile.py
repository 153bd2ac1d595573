"""The profile layer: schema-1 TOML validated into a typed object, every bad file one sentence."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from milia_cli.errors import MiliaError
from milia_cli.profile import dump_profile, load_profile, parse_profile, with_value
from tests.conftest import BASE_PROFILE, PROFILES_DIR


def parse(text: str):
    return parse_profile(text.encode("utf-8"), "ana.toml")


def error_of(text: str | bytes) -> str:
    raw = text if isinstance(text, bytes) else text.encode("utf-8")
    with pytest.raises(MiliaError) as info:
        parse_profile(raw, "ana.toml")
    message = str(info.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_base_profile_loads_into_typed_object():
    p = parse(BASE_PROFILE)
    assert p.name == "ana" and p.pregnancy == "none" and p.birth_year == 1994
    assert p.skin.type == "combination"
    assert p.milia.areas == ("upper-eyelids", "under-eyes", "cheeks")
    assert p.milia.since == date(2026, 9, 1)
    assert p.habits.makeup and p.habits.under_eye_concealer and not p.habits.smoker
    assert p.schedule.start == date(2026, 11, 23)
    assert p.schedule.am == time(7, 30) and p.schedule.pm == time(21, 30)
    assert p.schedule.timezone == "Europe/Berlin"
    assert p.eye_milia


def test_dump_round_trips():
    p = parse(BASE_PROFILE)
    assert parse(dump_profile(p)) == p


def test_optional_tables_default_to_false():
    text = BASE_PROFILE.split("[habits]")[0] + "[schedule]\nstart = 2026-11-23\ntimezone = \"UTC\"\n"
    p = parse(text)
    assert not p.habits.makeup and not p.cautions.facial_steroid
    assert p.schedule.am == time(7, 30)


@pytest.mark.parametrize("path", sorted(PROFILES_DIR.glob("*.toml")), ids=lambda p: p.stem)
def test_bundled_example_profiles_are_valid(path: Path):
    assert load_profile(path).name


def test_examples_cover_the_interesting_cases():
    profiles = [load_profile(p) for p in PROFILES_DIR.glob("*.toml")]
    assert {p.pregnancy for p in profiles} >= {"none", "pregnant", "breastfeeding"}
    assert "sensitive" in {p.skin.type for p in profiles}
    assert any("upper-eyelids" in p.milia.areas and p.skin.type == "combination" for p in profiles)
    assert any(p.cautions.isotretinoin_recent for p in profiles)


@pytest.mark.parametrize(
    "old,new,expect",
    [
        ('type = "combination"', 'type = "oilyy"', "key 'skin.type' is 'oilyy'; allowed: normal, dry, oily, combination, sensitive"),
        ('pregnancy = "none"', 'pregnancy = "maybe"', "key 'pregnancy' is 'maybe'; allowed: none, trying, pregnant, breastfeeding"),
        ('pregnancy = "none"', "pregnancy = 1", "key 'pregnancy' is 1"),
        ("makeup = true", 'makeup = "yes"', "key 'habits.makeup' is 'yes'; allowed: true or false"),
        ('am = "07:30"', 'am = "7.30am"', "key 'schedule.am' is '7.30am'; allowed: a 24-hour time HH:MM"),
        ('pm = "21:30"', 'pm = "24:00"', "key 'schedule.pm' is '24:00'"),
        ('timezone = "Europe/Berlin"', 'timezone = "Mars/Olympus"', "key 'schedule.timezone' is 'Mars/Olympus'; allowed: an IANA time zone"),
        ('timezone = "Europe/Berlin"', 'timezone = "../../etc/passwd"', "key 'schedule.timezone'"),
        ("start = 2026-11-23", 'start = "next monday"', "key 'schedule.start' is 'next monday'; allowed: a date YYYY-MM-DD"),
        ("start = 2026-11-23", "start = 2026-11-23T10:00:00", "key 'schedule.start'"),
        ("birth_year = 1994", "birth_year = 94.5", "key 'birth_year' is 94.5"),
        ("birth_year = 1994", "birth_year = 1800", "key 'birth_year' is 1800; allowed: a year from 1900 to 2100"),
        ('areas = ["upper-eyelids", "under-eyes", "cheeks"]', 'areas = ["elbows"]', "key 'milia.areas' is 'elbows'"),
        ('areas = ["upper-eyelids", "under-eyes", "cheeks"]', 'areas = "cheeks"', "key 'milia.areas' is 'cheeks'"),
        ('areas = ["upper-eyelids", "under-eyes", "cheeks"]', 'areas = ["nose", "nose"]', "lists 'nose' twice"),
        ('name = "ana"', 'name = ""', "key 'name' is ''"),
        ('name = "ana"', 'name = "a\\u0007b"', "key 'name'"),
        ("smoker = false", "smoker = false\nvaping = true", "unknown key 'habits.vaping'; allowed here: makeup, under_eye_concealer, smoker"),
        ("schema = 1", "schema = 1\ncolour = \"blue\"", "unknown key 'colour'"),
        ('[skin]\ntype = "combination"\ntone_prone_to_dark_spots = false\n', 'skin = "oily"\n', "key 'skin' must be a table ([skin]), not 'oily'"),
        ("schema = 1", "schema = 0", "key 'schema' is 0"),
        ("schema = 1", 'schema = "1"', "key 'schema' is '1'"),
    ],
)
def test_bad_values_name_file_key_value_and_allowed(old, new, expect):
    assert old in BASE_PROFILE
    message = error_of(BASE_PROFILE.replace(old, new, 1))
    assert message.startswith("ana.toml")
    assert expect in message


@pytest.mark.parametrize("key", ["name", "pregnancy", "skin.type", "schedule.start", "schedule.timezone"])
def test_missing_required_key(key):
    lines = BASE_PROFILE.splitlines()
    leaf = key.split(".")[-1]
    text = "\n".join(line for line in lines if not line.startswith(f"{leaf} ="))
    assert f"required key {key!r} is missing" in error_of(text)


def test_syntax_error_is_one_sentence():
    message = error_of(BASE_PROFILE.replace('name = "ana"', 'name = "ana'))
    assert message.startswith("ana.toml is not valid TOML:")


def test_impossible_date_is_rejected():
    assert "not valid TOML" in error_of(BASE_PROFILE.replace("2026-11-23", "2026-02-30"))


def test_empty_and_whitespace_files():
    assert "is empty" in error_of("")
    assert "is empty" in error_of("  \n\t\n")


def test_binary_files():
    assert "binary" in error_of(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert "binary" in error_of(b"\xff\xfe\xfd name")


def test_huge_file_is_refused_without_parsing():
    assert "far too large" in error_of(BASE_PROFILE + "#" * 300_000)


def test_newer_schema_is_refused():
    message = error_of(BASE_PROFILE.replace("schema = 1", "schema = 2"))
    assert "newer milia (schema 2" in message and "untouched" in message


def test_missing_schema():
    assert "no `schema` key" in error_of(BASE_PROFILE.replace("schema = 1\n", ""))


def test_toml_local_time_is_accepted():
    p = parse(BASE_PROFILE.replace('am = "07:30"', "am = 07:30:00"))
    assert p.schedule.am == time(7, 30)


def test_utf8_bom_and_unicode_names():
    p = parse_profile(("\ufeff" + BASE_PROFILE.replace('"ana"', '"Zoë Ñúñez 李"')).encode(), "x.toml")
    assert p.name == "Zoë Ñúñez 李"


def test_with_value_validates_the_whole_profile():
    p = parse(BASE_PROFILE)
    assert with_value(p, "skin.type", "dry", "f").skin.type == "dry"
    assert with_value(p, "habits.smoker", "yes", "f").habits.smoker is True
    assert with_value(p, "milia.areas", "nose, chin", "f").milia.areas == ("nose", "chin")
    assert with_value(p, "birth_year", "", "f").birth_year is None
    assert with_value(p, "schedule.start", "2027-01-04", "f").schedule.start == date(2027, 1, 4)
    with pytest.raises(MiliaError, match="key 'skin.type' is 'greasy'"):
        with_value(p, "skin.type", "greasy", "f")
    with pytest.raises(MiliaError, match="Unknown profile key 'skin.colour'"):
        with_value(p, "skin.colour", "x", "f")
    with pytest.raises(MiliaError, match="Unknown profile key 'schema'"):
        with_value(p, "schema", "2", "f")
    with pytest.raises(MiliaError, match="required key 'skin.type'|key 'skin.type'"):
        with_value(p, "skin.type", "", "f")
