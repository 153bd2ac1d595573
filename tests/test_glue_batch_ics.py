"""`batch --format ics` writes what `export ics` writes for the same client and log: the
same window (this plan week on), UIDs from the client's id, and DTSTAMP/SEQUENCE from the
content's date (issue 16), not 2020-01-01 and SEQUENCE 0."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from milia_cli.profile import load_profile
from tests.conftest import BASE_PROFILE, TODAY


def _clients(tmp_path: Path) -> Path:
    directory = tmp_path / "clients"
    directory.mkdir()
    (directory / "ana.toml").write_text(BASE_PROFILE.replace('name = "ana"', 'name = "Ana Roe"'))
    (directory / "bo.toml").write_text(BASE_PROFILE.replace('name = "ana"', 'name = "Bo"')
                                       .replace('pm = "21:30"', 'pm = "22:00"'))
    return directory


def test_batch_ics_equals_export_ics_for_each_client(milia, tmp_path: Path) -> None:
    directory = _clients(tmp_path)
    ana = directory / "ana.toml"
    for offset, irritation in ((0, "0"), (3, "2"), (9, "1")):
        r = milia("-f", str(ana), "checkin", "--all", "--irritation", irritation, today=TODAY + timedelta(days=offset))
        assert r.exit_code == 0, r.output
    later = TODAY + timedelta(days=23)
    out = tmp_path / "out"
    r = milia("batch", str(directory), "--format", "ics", "-o", str(out), "--weeks", "6", today=later)
    assert r.exit_code == 0, r.output
    for stem in ("ana", "bo"):
        single = milia("-f", str(directory / f"{stem}.toml"), "export", "ics", "--weeks", "6", today=later)
        assert single.exit_code == 0, single.output
        assert (out / f"{stem}.ics").read_bytes() == single.stdout.encode("utf-8"), stem
    text = (out / "ana.ics").read_bytes().decode()
    key = load_profile(ana).id
    assert key and "DTSTAMP:20261214T000000Z" in text  # the file starts with plan week 4, 2026-12-14
    assert "SEQUENCE:0\r\n" not in text and "DTSTAMP:20200101" not in text
    assert text.count("SEQUENCE:2539\r\n") == text.count("BEGIN:VEVENT")  # days from 2020-01-01


def test_batch_ics_without_a_log_database_is_the_export_too(milia, tmp_path: Path) -> None:
    directory = _clients(tmp_path)
    out = tmp_path / "out"
    later = TODAY + timedelta(days=8)
    assert milia("batch", str(directory), "--format", "ics", "-o", str(out), today=later).exit_code == 0
    single = milia("-f", str(directory / "ana.toml"), "export", "ics", today=later)
    assert single.exit_code == 0 and (out / "ana.ics").read_bytes() == single.stdout.encode("utf-8")
    assert "DTSTAMP:20261130T000000Z" in single.stdout  # the file starts at this plan week (week 2)
    assert "DTSTART;TZID=Europe/Berlin:20261123" not in single.stdout  # not at the plan's start
