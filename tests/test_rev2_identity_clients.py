"""Issue 12 item 12: clients who share a `name` never share a log.

Every test here failed before profile identities: a client file's log was keyed by its
`name`, so `clients/ana.toml` and `clinic2/ana-silva.toml` (another person, name "ana")
saw each other's irritation, notices, check-ins and notes.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from milia_cli.logmodel import CheckIn
from milia_cli.profile import load_profile
from milia_cli.store import open_store
from tests.conftest import BASE_PROFILE


@pytest.fixture
def two_anas(tmp_path: Path) -> tuple[Path, Path]:
    """Two different clients in two folders, both `name = "ana"`."""
    (tmp_path / "clients").mkdir()
    (tmp_path / "clinic2").mkdir()
    ana, silva = tmp_path / "clients" / "ana.toml", tmp_path / "clinic2" / "ana-silva.toml"
    ana.write_text(BASE_PROFILE, encoding="utf-8")
    silva.write_text(BASE_PROFILE, encoding="utf-8")
    return ana, silva


def notice_ids(result) -> list[str]:
    assert result.exit_code == 0, result.output
    return [n["id"] for n in json.loads(result.stdout)["notices"]]


def exported(milia, path: Path) -> dict:
    r = milia("-f", str(path), "log", "export")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_another_client_with_the_same_name_sees_nothing_of_the_first(milia, two_anas):
    ana, silva = two_anas
    r = milia("-f", str(ana), "checkin", "--irritation", "3", "--note", "ana's private note")
    assert r.exit_code == 0, r.output
    assert "B7" in notice_ids(milia("-f", str(ana), "today", "--json"))
    assert "B7" not in notice_ids(milia("-f", str(silva), "today", "--json")), "another client's stop"
    doc = exported(milia, silva)
    assert doc["checkins"] == [] and "ana's private note" not in json.dumps(doc)
    assert [c["note"] for c in exported(milia, ana)["checkins"]] == ["ana's private note"]
    ids = {load_profile(ana).id, load_profile(silva).id}
    assert None not in ids and len(ids) == 2


def test_the_id_is_one_line_added_under_name_and_nothing_else_changes(milia, two_anas):
    ana, _ = two_anas
    text = "# Ana's file, kept in git\n" + BASE_PROFILE.replace("[skin]", "# her skin\n[skin]").replace("\n", "\r\n")
    ana.write_bytes(b"\xef\xbb\xbf" + text.encode())
    ana.chmod(0o600)
    assert milia("-f", str(ana), "checkin", "--all").exit_code == 0
    after = ana.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf")
    lines = after[3:].decode().split("\r\n")
    before = text.split("\r\n")
    added = [line for line in lines if line.startswith("id = ")]
    assert len(added) == 1 and lines.index(added[0]) == before.index('name = "ana"') + 1
    lines.remove(added[0])
    assert lines == before, "every other byte of the file is kept"
    key = load_profile(ana).id
    with open_store(milia.home / "milia.db") as store:
        assert store.counts(key) == (1, 0) and store.counts("ana") == (0, 0)
    # a later run neither rewrites the file nor says anything about identity
    r = milia("-f", str(ana), "today")
    assert r.exit_code == 0 and ana.read_bytes() == after and "id" not in r.stderr


def legacy_log(home: Path, key: str, *notes: str) -> None:
    """A log written by milia before ids: keyed by the client's `name`."""
    with open_store(home / "milia.db") as store:
        for i, note in enumerate(notes):
            store.save_checkin(key, CheckIn(date=date(2026, 11, 23 + i), irritation=1, note=note))


def test_migration_the_first_file_inherits_the_old_log_the_next_starts_fresh(milia, two_anas):
    ana, silva = two_anas
    legacy_log(milia.home, "ana", "day one", "day two")
    first = milia("-f", str(ana), "stats", "--json")
    assert first.exit_code == 0, first.output
    assert "takes over the log kept under the name 'ana'" in first.stderr and "2 check-ins" in first.stderr
    assert [c["note"] for c in exported(milia, ana)["checkins"]] == ["day one", "day two"]
    second = milia("-f", str(silva), "stats", "--json")
    assert second.exit_code == 0 and "starts a new one" in second.stderr
    assert exported(milia, silva)["checkins"] == []
    with open_store(milia.home / "milia.db") as store:
        assert "ana" not in store.profile_keys()


def test_a_home_profile_keeps_its_log_from_a_client_with_its_name(milia, two_anas):
    ana, _ = two_anas
    milia.write_profile(name="ana")
    assert milia("-p", "ana", "checkin", "--irritation", "3").exit_code == 0
    r = milia("-f", str(ana), "today", "--json")
    assert "B7" not in notice_ids(r) and "is the home profile 'ana''s" in r.stderr
    assert "B7" in notice_ids(milia("-p", "ana", "today", "--json"))


def test_a_copied_file_is_refused_and_its_original_warned(milia, two_anas, tmp_path):
    ana, _ = two_anas
    assert milia("-f", str(ana), "checkin", "--irritation", "3").exit_code == 0
    copy = ana.with_name("ana-copy.toml")
    shutil.copy(ana, copy)
    r = milia("-f", str(copy), "today", "--json")
    assert r.exit_code == 1 and r.stdout == "" and len(r.stderr.strip().splitlines()) == 1
    assert "looks like a copy" in r.stderr and "delete the `id` line" in r.stderr
    assert "B7" in notice_ids(milia("-f", str(ana), "today", "--json")), "the original keeps its log"
    listing = milia("batch", str(ana.parent), "--format", "md", "-o", str(tmp_path / "out"))
    assert "ana-copy.toml" in listing.stderr and "the log stays with" in listing.stderr
    # the way out: delete the id line from the copy; it gets a log of its own
    copy.write_text("".join(line for line in copy.read_text().splitlines(True) if not line.startswith("id = ")))
    assert "B7" not in notice_ids(milia("-f", str(copy), "today", "--json"))
    assert load_profile(copy).id != load_profile(ana).id


def test_a_like_named_copy_is_caught_by_the_original_too(milia, two_anas):
    ana, _ = two_anas
    assert milia("-f", str(ana), "checkin", "--all").exit_code == 0
    shutil.copy(ana, ana.with_name("Ana.toml"))  # the same slug: neither can be told the original
    for name in ("ana.toml", "Ana.toml"):
        r = milia("-f", str(ana.with_name(name)), "today")
        assert r.exit_code == 1 and "cannot tell which is the original" in r.stderr


def test_when_no_file_is_the_original_both_are_refused(milia, two_anas):
    ana, _ = two_anas
    assert milia("-f", str(ana), "checkin", "--all").exit_code == 0
    renamed = ana.rename(ana.with_name("ana-silva.toml"))
    shutil.copy(renamed, renamed.with_name("bea.toml"))
    for name in ("ana-silva.toml", "bea.toml"):
        r = milia("-f", str(renamed.with_name(name)), "log", "export")
        assert r.exit_code == 1 and "cannot tell which is the original" in r.stderr and r.stdout == ""


def test_a_client_file_that_cannot_be_written_keeps_its_old_log_with_a_warning(milia, two_anas, monkeypatch):
    from milia_cli import fsutil
    from milia_cli.errors import MiliaError

    ana, _ = two_anas
    legacy_log(milia.home, "ana", "old")
    before = ana.read_bytes()

    def read_only(path, data, mode=0o600):
        raise MiliaError(f"Could not write {path}: read-only file system.")

    monkeypatch.setattr(fsutil, "atomic_write_bytes", read_only)
    r = milia("-f", str(ana), "log", "export")
    assert r.exit_code == 0 and json.loads(r.stdout)["checkins"][0]["note"] == "old"
    assert "could not give" in r.stderr and "read-only" in r.stderr and "shares" in r.stderr
    assert ana.read_bytes() == before
    with open_store(milia.home / "milia.db") as store:
        assert store.counts("ana") == (1, 0), "the transaction that would move the log rolled back"


def test_init_gives_a_new_client_file_an_id_and_force_keeps_it(milia, tmp_path):
    client = tmp_path / "clients" / "zoe.toml"
    client.parent.mkdir()
    legacy_log(milia.home, "zoe", "someone else's")
    flags = ["--name", "zoe", "--skin-type", "dry", "--pregnancy", "none", "--timezone", "Europe/Berlin"]
    assert milia("-f", str(client), "init", *flags).exit_code == 0
    key = load_profile(client).id
    assert key and key.startswith("zoe-")
    assert exported(milia, client)["checkins"] == [], "a new client never takes over an old log"
    assert milia("-f", str(client), "init", "--force", *flags[:-4], "--pregnancy", "none",
                 "--timezone", "Europe/Berlin").exit_code == 0
    assert load_profile(client).id == key


def test_profile_set_keeps_the_id_and_refuses_to_change_it(milia, two_anas):
    ana, _ = two_anas
    assert milia("-f", str(ana), "checkin", "--all").exit_code == 0
    key = load_profile(ana).id
    assert milia("-f", str(ana), "profile", "set", "skin.type", "dry").exit_code == 0
    assert load_profile(ana).id == key
    r = milia("-f", str(ana), "profile", "set", "id", "bea-000000000000")
    assert r.exit_code == 1 and load_profile(ana).id == key


def test_without_a_log_database_nothing_is_written(milia, two_anas):
    ana, _ = two_anas
    for argv in (["today"], ["plan"], ["profile", "show", "--json"], ["export", "md"]):
        assert milia("-f", str(ana), *argv).exit_code == 0
    assert ana.read_text() == BASE_PROFILE and not (milia.home / "milia.db").exists()


def test_a_home_link_to_a_client_file_and_the_file_share_one_log(milia, home, two_anas):
    ana, _ = two_anas
    (home / "profiles").mkdir(mode=0o700)
    (home / "profiles" / "ana.toml").symlink_to(ana)
    assert milia("-p", "ana", "checkin", "--irritation", "3").exit_code == 0  # logged under "ana"
    r = milia("-f", str(ana), "today", "--json")  # the file gets an id and keeps that log
    assert "B7" in notice_ids(r) and "takes over" in r.stderr
    assert "B7" in notice_ids(milia("-p", "ana", "today", "--json"))
    assert (home / "profiles" / "ana.toml").is_symlink(), "the id is written through the link"


def test_delete_removes_the_log_of_a_home_profile_that_holds_an_id(milia, home):
    milia.write_profile(BASE_PROFILE.replace('name = "ana"', 'name = "ana"\nid = "ana-0123456789ab"'), name="ana")
    assert milia("-p", "ana", "checkin", "--all").exit_code == 0
    r = milia("profile", "delete", "ana", "--yes")
    assert r.exit_code == 0 and "1 check-in and 0 events" in r.stderr  # issue 13: one pluraliser
    with open_store(home / "milia.db") as store:
        assert store.profile_keys() == []
