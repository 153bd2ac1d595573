"""Issue 12 item 12, `batch`: outputs named after the client files, each client's own log,
copies never given another client's log, and which file became which output printed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from milia_cli.profile import load_profile
from tests.conftest import BASE_PROFILE


def folder(tmp_path: Path, *stems: str) -> Path:
    directory = tmp_path / "clients"
    directory.mkdir(exist_ok=True)
    for stem in stems:
        (directory / f"{stem}.toml").write_text(BASE_PROFILE, encoding="utf-8")  # all name = "ana"
    return directory


def test_adding_a_client_never_renames_another_clients_output(milia, tmp_path):
    clients = folder(tmp_path, "ana")
    out = tmp_path / "out"
    assert milia("batch", str(clients), "--format", "html", "-o", str(out)).exit_code == 0
    handout = (out / "ana.html").read_bytes()
    folder(tmp_path, "ana-duplicate")  # another client, also name = "ana"
    r = milia("batch", str(clients), "--format", "html", "-o", str(out))
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == ["ana-duplicate.html", "ana.html"]
    assert (out / "ana.html").read_bytes() == handout
    assert r.stdout.splitlines() == ["ana-duplicate.toml -> ana-duplicate.html", "ana.toml -> ana.html"]


def test_each_client_gets_its_own_log_and_ids_are_given_once(milia, tmp_path):
    clients = folder(tmp_path, "ana", "ana-silva")
    assert milia("-f", str(clients / "ana.toml"), "checkin", "--irritation", "3").exit_code == 0
    out = tmp_path / "out"
    r = milia("batch", str(clients), "--format", "json", "-o", str(out))
    assert r.exit_code == 0, r.output
    assert "gave 1 client file an id" in r.stderr  # ana-silva.toml; ana.toml got its own at its check-in
    notices = {p.stem: [n["id"] for n in json.loads(p.read_text())["notices"]] for p in out.iterdir()}
    assert "B7" in notices["ana"] and "B7" not in notices["ana-silva"], "another client's stop"
    assert load_profile(clients / "ana-silva.toml").id
    again = milia("batch", str(clients), "--format", "json", "-o", str(out))
    assert again.exit_code == 0 and "id" not in again.stderr


def test_a_copy_in_the_folder_is_skipped_and_its_original_still_written(milia, tmp_path):
    clients = folder(tmp_path, "ana")
    assert milia("-f", str(clients / "ana.toml"), "checkin", "--irritation", "3").exit_code == 0
    shutil.copy(clients / "ana.toml", clients / "ana-copy.toml")
    out = tmp_path / "out"
    r = milia("batch", str(clients), "--format", "json", "-o", str(out))
    assert r.exit_code == 1
    assert [p.name for p in out.iterdir()] == ["ana.json"]
    assert "skipped ana-copy.toml" in r.stderr and "looks like a copy" in r.stderr
    assert "the log stays with" in r.stderr
    assert r.stdout.splitlines() == ["ana.toml -> ana.json"]


def test_two_home_profiles_with_one_identity(milia, home):
    milia.write_profile(name="ana")
    milia.write_profile(BASE_PROFILE.replace('name = "ana"', 'name = "bea"\nid = "ana"'), name="bea")
    r = milia("-p", "bea", "today")
    assert r.exit_code == 1 and "looks like a copy" in r.stderr
    r = milia("-p", "ana", "today")
    assert r.exit_code == 0 and "bea.toml" in r.stderr
