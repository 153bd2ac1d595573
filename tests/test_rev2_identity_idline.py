"""The first-use id is one line added to a client's file: every other byte kept, the
document's meaning unchanged but for `id` (property-tested), and a database that cannot
be written leaves the file as it was."""

from __future__ import annotations

import json
import tomllib

from hypothesis import given, settings
from hypothesis import strategies as st

from milia_cli.identity import with_id_line
from tests.conftest import BASE_PROFILE
from tests.support.examples import examples

comments = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20).map(lambda t: f"# {t}")
newlines = st.sampled_from(["\n", "\r\n"])


@st.composite
def profile_texts(draw) -> str:
    lines = BASE_PROFILE.splitlines()
    out = []
    for line in lines:
        if draw(st.booleans()):
            out.append(draw(comments))
        out.append(line)
    if draw(st.booleans()):  # `name` written another way
        form = draw(st.sampled_from(['name = """ana"""', "name = 'ana'", 'name="ana"  # the client']))
        out = [form if line == 'name = "ana"' else line for line in out]
    if draw(st.booleans()):  # a comment first
        out.insert(0, draw(comments))
    nl = draw(newlines)
    return nl.join(out) + (nl if draw(st.booleans()) else "")


@settings(max_examples=examples(200), deadline=None)
@given(profile_texts(), st.booleans())
def test_the_id_line_changes_nothing_else(text, bom):
    raw = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    new = with_id_line(raw, "ana-0123456789ab", "ana.toml")
    assert new.startswith(b"\xef\xbb\xbf") == bom
    decoded = new.decode("utf-8-sig")
    assert tomllib.loads(decoded) == {**tomllib.loads(text), "id": "ana-0123456789ab"}
    kept = [line for line in decoded.splitlines(True) if not line.startswith('id = "ana-0123456789ab"')]
    assert "".join(kept) == text


def test_a_database_that_cannot_be_written_leaves_the_file_alone(milia, tmp_path, monkeypatch):
    from milia_cli import store as store_mod
    from milia_cli.errors import MiliaError

    client = tmp_path / "ana.toml"
    client.write_text(BASE_PROFILE)
    assert milia("-p", "x", "profile", "list").exit_code == 0
    (milia.home / "profiles").mkdir(exist_ok=True)
    with store_mod.open_store(milia.home / "milia.db") as store:
        store.counts("nobody")

    def read_only(*args, **kwargs):
        raise MiliaError("The log database is on a read-only file system.")

    monkeypatch.setattr(store_mod, "claim_profile_key", read_only)
    r = milia("-f", str(client), "today", "--json")
    assert r.exit_code == 0 and json.loads(r.stdout)["schema"] == "milia.today/1"
    assert "could not give" in r.stderr and client.read_text() == BASE_PROFILE


def test_importing_into_a_new_client_without_a_database_gives_it_an_id_first(milia, tmp_path):
    from milia_cli.profile import load_profile

    client = tmp_path / "ana.toml"
    client.write_text(BASE_PROFILE)
    backup = tmp_path / "log.json"
    backup.write_text(json.dumps({"schema": "milia.log/1", "checkins": [{"date": "2026-11-23", "done": [],
                                                                      "irritation": 1}], "events": []}))
    r = milia("-f", str(client), "log", "import", str(backup))
    assert r.exit_code == 0, r.output
    key = load_profile(client).id
    doc = json.loads(milia("-f", str(client), "log", "export").stdout)
    assert doc["profile"] == key and [c["irritation"] for c in doc["checkins"]] == [1]
