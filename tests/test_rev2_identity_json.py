"""Issue 13, one contract: `"profile"` is the profile's identity (the key of its log) in every
JSON output this branch renders, with the person's `name` beside it where the profile is
shown, and every JSON output indented."""

from __future__ import annotations

import json
from pathlib import Path

from milia_cli.profile import load_profile
from tests.conftest import BASE_PROFILE


def as_json(result) -> dict:
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("{\n  "), "indented like every other JSON output"
    return json.loads(result.stdout)


def test_profile_list_json_is_indented_and_gives_identity_and_name(milia, home):
    milia.write_profile(name="ana")
    milia.write_profile(BASE_PROFILE.replace('name = "ana"', 'name = "Bea Roe"\nid = "bea-1a2b3c4d5e6f"'), name="bo")
    (home / "profiles" / "broken.toml").write_text("schema = 1\n")
    doc = as_json(milia("-p", "bo", "profile", "list", "--json"))
    assert doc["directory"] == str(home / "profiles")
    assert [(p["profile"], p["name"], p["current"]) for p in doc["profiles"]] == [
        ("ana", "ana", False), ("bea-1a2b3c4d5e6f", "Bea Roe", True), ("broken", None, False)]
    assert doc["profiles"][0]["file"] == str(home / "profiles" / "ana.toml")


def test_profile_show_json_leads_with_identity_and_name(milia, home, tmp_path):
    milia.write_profile(name="ana")
    doc = as_json(milia("-p", "ana", "profile", "show", "--json"))
    assert (doc["profile"], doc["name"]) == ("ana", "ana") and "id" not in doc
    client = tmp_path / "ana.toml"
    client.write_text(BASE_PROFILE)
    assert milia("-f", str(client), "checkin", "--all").exit_code == 0
    doc = as_json(milia("-f", str(client), "profile", "show", "--json"))
    assert doc["profile"] == load_profile(client).id and doc["name"] == "ana"


def test_log_outputs_of_a_client_carry_its_id_not_its_name(milia, tmp_path: Path):
    client = tmp_path / "ana.toml"
    client.write_text(BASE_PROFILE)
    assert milia("-f", str(client), "event", "add", "--kind", "extraction", "--date", "2026-11-20",
                 "--area", "cheeks").exit_code == 0
    key = load_profile(client).id
    assert key and key != "ana"
    for argv in (["stats", "--json"], ["log", "export"], ["event", "list", "--json"]):
        assert as_json(milia("-f", str(client), *argv))["profile"] == key, argv
