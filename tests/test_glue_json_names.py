"""Issue 13 item 6: every JSON output carries ``"profile"`` (the log key, a client's id) and
``"name"`` (the person's name); milia's own log export imports back, and a backup made
before a client had an id (its ``"profile"`` is the client's name) imports without --force."""

from __future__ import annotations

import json
from pathlib import Path

from milia_cli.profile import load_profile
from tests.conftest import BASE_PROFILE

CLIENT = BASE_PROFILE.replace('name = "ana"', 'name = "Ana Roe"')


def as_json(result) -> dict:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _client(milia, tmp_path: Path) -> tuple[Path, str]:
    client = tmp_path / "ana.toml"
    client.write_text(CLIENT)
    assert milia("-f", str(client), "checkin", "--all", "--irritation", "1").exit_code == 0
    assert milia("-f", str(client), "event", "add", "--kind", "extraction", "--date", "2026-11-20",
                 "--area", "cheeks").exit_code == 0
    key = load_profile(client).id
    assert key and key.startswith("ana-")
    return client, key


def test_stats_event_list_and_log_export_give_identity_and_name(milia, tmp_path: Path) -> None:
    client, key = _client(milia, tmp_path)
    for argv in (["stats", "--json"], ["event", "list", "--json"], ["log", "export"]):
        doc = as_json(milia("-f", str(client), *argv))
        assert (doc["profile"], doc["name"]) == (key, "Ana Roe"), argv


def test_home_profile_json_names_the_person(milia) -> None:
    milia.write_profile(CLIENT, name="ana")
    for argv in (["stats", "--json"], ["event", "list", "--json"], ["log", "export"]):
        doc = as_json(milia("-p", "ana", *argv))
        assert (doc["profile"], doc["name"]) == ("ana", "Ana Roe"), argv


def test_log_export_of_a_broken_profile_has_a_null_name_and_still_backs_up(milia, home: Path) -> None:
    milia.write_profile(name="ana")
    assert milia("-p", "ana", "checkin", "--all").exit_code == 0
    (home / "profiles" / "ana.toml").write_text("schema = 1\n")
    doc = as_json(milia("-p", "ana", "log", "export"))
    assert doc["profile"] == "ana" and doc["name"] is None and len(doc["checkins"]) == 1


def test_own_export_with_name_imports_back_exactly(milia, tmp_path: Path) -> None:
    client, key = _client(milia, tmp_path)
    backup = tmp_path / "backup.json"
    assert milia("-f", str(client), "log", "export", "-o", str(backup)).exit_code == 0
    first = backup.read_bytes()
    assert json.loads(first)["name"] == "Ana Roe"
    other = tmp_path / "other-home"
    other.mkdir(mode=0o700)
    again = milia.__class__(other)
    copy = tmp_path / "copy" / "ana.toml"
    copy.parent.mkdir()
    copy.write_text(client.read_text())  # the same client (its id) on another machine
    r = again("-f", str(copy), "log", "import", str(backup))
    assert r.exit_code == 0, r.output
    r = again("-f", str(copy), "log", "export")
    assert r.exit_code == 0 and r.stdout.encode() == first


def test_name_in_a_log_document_must_be_text_or_null(milia, tmp_path: Path) -> None:
    milia.write_profile(name="ana")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema": "milia.log/1", "profile": "ana", "name": 7, "checkins": []}))
    r = milia("-p", "ana", "log", "import", str(bad))
    assert r.exit_code != 0 and "name" in r.stderr and "Traceback" not in r.output
    assert len(r.stderr.strip().splitlines()) == 1


def test_backup_from_before_the_client_had_an_id_imports_without_force(milia, tmp_path: Path) -> None:
    client, key = _client(milia, tmp_path)
    old = tmp_path / "old.json"  # as milia wrote it while the log was kept under the name
    old.write_text(json.dumps({"schema": "milia.log/1", "profile": "Ana Roe", "checkins": [
        {"date": "2026-11-22", "done": ["am:cleanse"], "irritation": 0}], "events": []}))
    r = milia("-f", str(client), "log", "import", str(old))
    assert r.exit_code == 0, r.output
    notes = [line for line in r.stderr.splitlines() if "before" in line]
    assert len(notes) == 1 and "Ana Roe" in notes[0] and key in notes[0]
    days = [c["date"] for c in as_json(milia("-f", str(client), "log", "export"))["checkins"]]
    assert "2026-11-22" in days


def test_another_name_still_needs_force(milia, tmp_path: Path) -> None:
    client, key = _client(milia, tmp_path)
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"schema": "milia.log/1", "profile": "Bea", "checkins": [
        {"date": "2026-11-22", "done": ["am:cleanse"]}]}))
    r = milia("-f", str(client), "log", "import", str(old))
    assert r.exit_code != 0 and "--force" in r.stderr


def test_home_profile_without_id_does_not_take_a_backup_under_its_name(milia, tmp_path: Path) -> None:
    """A home profile's log was always kept under its file name, never under its `name`."""
    milia.write_profile(CLIENT, name="ana")
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"schema": "milia.log/1", "profile": "Ana Roe", "checkins": []}))
    r = milia("-p", "ana", "log", "import", str(old))
    assert r.exit_code != 0 and "--force" in r.stderr


def test_resume_and_check_json_give_identity_and_name(milia, tmp_path: Path) -> None:
    client, key = _client(milia, tmp_path)
    assert milia("-f", str(client), "checkin", "--date", "2026-11-24", "--irritation", "3",
                 today=TODAY_PLUS(1)).exit_code == 0
    doc = as_json(milia("-f", str(client), "resume", "--healed", "--json", today=TODAY_PLUS(8)))
    assert (doc["schema"], doc["profile"], doc["name"]) == ("milia.resume/1", key, "Ana Roe")
    r = milia("-f", str(client), "check", "Aqua, Glycerin", "--json")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert (doc["profile"], doc["name"]) == (key, "Ana Roe")
    milia.write_profile(CLIENT, name="bo")
    doc = json.loads(milia("-p", "bo", "check", "Aqua, Glycerin", "--json").stdout)
    assert (doc["profile"], doc["name"]) == ("bo", "Ana Roe")


def test_check_against_no_profile_has_neither(milia) -> None:
    doc = json.loads(milia("check", "Aqua, Glycerin", "--json").stdout)
    assert doc["profile"] is None and doc["name"] is None


def TODAY_PLUS(days: int):
    from datetime import timedelta

    from tests.conftest import TODAY

    return TODAY + timedelta(days=days)
