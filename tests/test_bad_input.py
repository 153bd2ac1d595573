"""The bad-input matrix, driven through the CLI.

Every case gets exit 1 (data) or 2 (usage), exactly one line on stderr for exit 1,
never a traceback, and leaves every file of the home byte-identical (paths,
bytes and modes of the whole tree).
"""

from __future__ import annotations

import os
import tomllib
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from milia_cli.profile_schema import FIELDS
from tests.conftest import BASE_PROFILE
from tests.support.cli import (
    FLAG_CASES,
    assert_refused,
    commands,
    needs,
    snapshot,
    stderr_lines,
)

TODAY = date(2026, 11, 30)


# -- helpers shared by the reliability suites ------------------------------------------------


@pytest.fixture
def with_profile(milia, home) -> Path:
    """A home with a valid default profile (and one check-in when `checkin` exists)."""
    milia.write_profile()
    if "checkin" in commands():
        r = milia("checkin", "--date", "2026-11-24", "--done", "am:cleanse", "--note", "ok", today=TODAY)
        assert r.exit_code == 0, r.output
    return home


# -- broken profile files ---------------------------------------------------------------------------
def _doc() -> dict:
    return tomllib.loads(BASE_PROFILE)


def _dump(doc: dict) -> str:
    return tomli_w.dumps(doc)


def _with(key: str, value: Any) -> str:
    doc = _doc()
    if "." in key:
        table, sub = key.split(".")
        doc[table][sub] = value
    else:
        doc[key] = value
    return _dump(doc)


def _without(key: str) -> str:
    doc = _doc()
    if "." in key:
        table, sub = key.split(".")
        del doc[table][sub]
    else:
        del doc[key]
    return _dump(doc)


WRONG_BY_KIND: dict[str, list[Any]] = {
    "bool": ["yes", 1, 0, [], {"a": 1}, "true"],
    "enum": ["Dry", "", 3, ["none"], True, "none "],
    "name": ["", "   ", "a" * 81, "bell\x07", "tab\there", 5, ["ana"]],
    "year": [1800, 2200, "1994", 1994.0, True, -1, 10**18],
    "date": ["2026-02-30", "2026-11-23T10:00", datetime(2026, 11, 23, 8, 0), "tomorrow", 20261123,
             time(7, 30), "23.11.2026"],
    "time": ["25:00", "7:30", "07:60", time(7, 30, 15), "07:30:00", 730, datetime(2026, 1, 1, 7, 30),
             "noon"],
    "zone": ["Mars/Olympus", "../../../etc/passwd", "/etc/localtime", "", 1, "Europe/../UTC",
             "Europe\\Berlin", "A" * 200],
    "areas": [["eyelids"], "cheeks", ["cheeks", "cheeks"], [1], [["cheeks"]], {"a": "cheeks"}],
    "schema": ["1", True, 0, -1, 1.0, [1]],
    "id": ["", "a b", "x" * 65, 5, ["ana-1"], "../ana", "ana\n", "ä"],
}

FIELD_CASES = [
    pytest.param(_with(f.key, bad), id=f"{f.key}={bad!r}"[:60])
    for f in FIELDS
    for bad in WRONG_BY_KIND[f.kind]
] + [
    pytest.param(_without(f.key), id=f"missing-{f.key}") for f in FIELDS if f.required
]

RAW_CASES = [
    pytest.param(b"", id="empty"),
    pytest.param(b"  \n\t\n", id="whitespace"),
    pytest.param(b"\x00\x01\x02\xff" * 64, id="binary-nul"),
    pytest.param(b"\xff\xfe" + "schema = 1".encode("utf-16-le"), id="utf16"),
    pytest.param(b"schema = 1\nname = \"\xc3\x28\"\n", id="invalid-utf8"),
    pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(range(256)), id="png"),
    pytest.param(BASE_PROFILE.encode() + b"#" + b"x" * 300_000 + b"\n", id="huge"),
    pytest.param(b"schema = 1\nname = \n", id="syntax-missing-value"),
    pytest.param(b"schema = 1\nname = \"ana\nx = 1\n", id="syntax-unterminated"),
    pytest.param(b"schema = 1\nschema = 1\n", id="duplicate-key"),
    pytest.param(b"[skin\n", id="broken-table"),
    pytest.param(BASE_PROFILE.replace("start = 2026-11-23", "start = 2026-02-30").encode(), id="toml-feb-30"),
    pytest.param(BASE_PROFILE.replace("schema = 1", "schema = 2").encode(), id="future-schema-2"),
    pytest.param(BASE_PROFILE.replace("schema = 1", "schema = 99999999999999999999").encode(),
                 id="future-schema-huge"),
    pytest.param(b"name = 'ana'\n", id="no-schema"),
    pytest.param(("surprise = 1\n" + BASE_PROFILE).encode(), id="unknown-top-key"),
    pytest.param(BASE_PROFILE.replace("[habits]", "[habits]\nvaping = true").encode(), id="unknown-sub-key"),
    pytest.param(BASE_PROFILE.replace("[habits]", "[mood]\nhappy = true\n[habits]").encode(), id="unknown-table"),
    pytest.param(_with("skin", "oily").encode(), id="table-is-a-string"),
    pytest.param(_with("schedule", [1, 2]).encode(), id="table-is-a-list"),
    pytest.param(b"[[skin]]\ntype = 'dry'\n", id="array-of-tables"),
    # issue 12, item 5: what tomllib itself cannot survive; item 4: dates at the ends of the range
    pytest.param(b"schema = 1\nx = " + b"[" * 2000 + b"]" * 2000 + b"\n", id="nested-2000-deep"),
    pytest.param(BASE_PROFILE.replace("birth_year = 1994", "birth_year = " + "9" * 4301).encode(), id="int-4301-digits"),
    *(pytest.param(BASE_PROFILE.replace(old, new).encode(), id=f"date-{new}")
      for old, new in (("start = 2026-11-23", "start = 0001-01-01"), ("start = 2026-11-23", "start = 9999-12-31"),
                       ("since = 2026-09-01", "since = 9999-12-31"),
                       ("schema = 1", "schema = 1\npregnancy_since = 0001-01-01"))),
]

# what a user might run against a broken default profile; all must refuse the same way
PROFILE_USERS = [
    ["profile", "show"],
    ["profile", "show", "--json"],
    ["profile", "set", "skin.type", "dry"],
    ["plan", "--json"],
    ["today"],
    ["checkin", "--all"],
    ["stats"],
    ["export", "json"],
    ["why", "retinol"],
]


def _run_all_users(milia, home: Path) -> None:
    available = commands()
    before = snapshot(home)
    ran = 0
    for argv in PROFILE_USERS:
        if argv[0] not in available and " ".join(argv[:2]) not in available:
            continue
        if argv[0] == "why":  # explains rules; does not need a profile
            continue
        r = milia(*argv, today=TODAY)
        assert_refused(r, before, home, codes=(1,))
        ran += 1
    assert ran >= 3


@pytest.mark.parametrize("text", FIELD_CASES)
def test_every_field_with_a_wrong_type_or_value_is_refused(milia, home, text):
    milia.write_profile(text)
    before = snapshot(home)
    r = milia("profile", "show", today=TODAY)
    assert_refused(r, before, home, codes=(1,))
    assert "default.toml" in r.stderr  # names the file
    r = milia("profile", "set", "skin.type", "dry", today=TODAY)
    assert_refused(r, before, home, codes=(1,))


@pytest.mark.parametrize("raw", RAW_CASES)
def test_broken_profile_files_are_refused_by_every_command(milia, home, raw):
    path = milia.write_profile()
    path.write_bytes(raw)
    _run_all_users(milia, home)


@pytest.mark.parametrize("raw", RAW_CASES[:8])
def test_broken_profile_file_given_with_profile_file(milia, home, tmp_path, raw):
    client = tmp_path / "client.toml"
    client.write_bytes(raw)
    before, client_before = snapshot(home), client.read_bytes()
    for argv in (["profile", "show"], ["profile", "set", "skin.type", "dry"]):
        r = milia("--profile-file", str(client), *argv, today=TODAY)
        assert_refused(r, before, home, codes=(1,))
        assert str(client) in r.stderr
    assert client.read_bytes() == client_before


def test_future_schema_file_is_never_rewritten_by_set(milia, home):
    path = milia.write_profile(BASE_PROFILE.replace("schema = 1", "schema = 2"))
    before = snapshot(home)
    r = milia("profile", "set", "skin.type", "dry", today=TODAY)
    assert_refused(r, before, home, codes=(1,))
    assert "newer milia" in r.stderr
    assert path.read_text() == BASE_PROFILE.replace("schema = 1", "schema = 2")


def test_profile_file_that_is_a_directory_or_missing(milia, home, tmp_path):
    milia.write_profile()
    before = snapshot(home)
    assert_refused(milia("--profile-file", str(tmp_path), "profile", "show"), before, home)
    assert_refused(milia("--profile-file", str(tmp_path / "nope.toml"), "profile", "show"), before, home)


# -- profile set: wrong values from the command line ----------------------------------------------------
SET_CASES = [
    ("skin.type", "leathery"), ("skin.type", ""), ("pregnancy", "maybe"), ("birth_year", "nineteen"),
    ("birth_year", "1800"), ("birth_year", "99999999999999999999999999"),
    ("schedule.start", "2026-02-30"), ("schedule.start", "2026-13-01"), ("schedule.start", "yesterday"),
    ("milia.since", "2026-02-29"), ("schedule.am", "24:00"), ("schedule.pm", "9:75pm"),  # 9pm now reads as 21:00 (issue 13)
    ("schedule.timezone", "../../etc/shadow"), ("schedule.timezone", "Nowhere/City"),
    ("milia.areas", "cheeks,eyelids"), ("milia.areas", "cheeks,cheeks"), ("habits.makeup", "sometimes"),
    ("cautions.facial_steroid", "2"), ("schema", "2"), ("name", ""), ("name", "a\x1b[31mred"),
    ("name", "x" * 200), ("nope", "1"), ("skin", "dry"), ("skin.type.deep", "dry"), ("", ""),
]


@pytest.mark.parametrize("key, value", SET_CASES, ids=[f"{k}={v!r}"[:40] for k, v in SET_CASES])
def test_profile_set_refuses_bad_values_and_writes_nothing(milia, with_profile, key, value):
    before = snapshot(with_profile)
    r = milia("profile", "set", key, value, today=TODAY)
    assert_refused(r, before, with_profile, codes=(1,))


# -- profile names that try to be paths ----------------------------------------------------------------------
PATH_NAMES = ["../evil", "..", ".", "a/b", "/etc/passwd", "x\\y", "", " ", "a b", "name.toml", "-",
              "~root", "ünï", "a" * 65, "default\n", "con:"]


@pytest.mark.parametrize("name", PATH_NAMES, ids=[repr(n)[:20] for n in PATH_NAMES])
def test_profile_names_that_try_to_be_paths(milia, with_profile, tmp_path, name):
    before = snapshot(with_profile)
    outside = snapshot(tmp_path)
    for argv in (["--profile", name, "profile", "show"],
                 ["--profile", name, "init", "--skin-type", "dry", "--pregnancy", "none", "--timezone", "UTC"],
                 ["profile", "delete", name, "--yes"]):
        if name == "-" and argv[0] == "--profile":
            continue  # click reads "-" as a value like any other; covered by delete
        r = milia(*argv, today=TODAY)
        assert_refused(r, before, with_profile)
        if r.exit_code == 1:
            assert "not allowed" in r.stderr or "No profile" in r.stderr or "no profile" in r.stderr
    assert snapshot(tmp_path) == outside  # nothing was written next to the home either


def test_profile_name_from_the_environment_that_is_a_path(milia, with_profile):
    from tests.conftest import fake_env

    before = snapshot(with_profile)
    r = milia("profile", "show", env=fake_env(TODAY, vars={"MILIA_PROFILE": "../../etc/x"}))
    assert_refused(r, before, with_profile, codes=(1,))
    assert "not allowed" in r.stderr


@pytest.mark.parametrize("argv", [
    ["--profile-file", "a\nb\x1b[31mred.toml", "profile", "show"],
    ["log", "import", "two\nlines.json"],
    ["log", "export", "-o", "BLOCKER/x.json"],
], ids=["profile-file", "import-newline", "export-line-separator"])
def test_control_characters_in_typed_paths_are_not_echoed_raw(milia, with_profile, tmp_path, argv):
    blocker = tmp_path / "file\u2028with a line separator"
    blocker.write_text("")  # a regular file: nothing can be created below it
    argv = [a.replace("BLOCKER", str(blocker)) for a in argv]
    before = snapshot(with_profile)
    r = milia(*argv, today=TODAY)
    assert_refused(r, before, with_profile, codes=(1,))
    assert "\\n" in r.stderr or "\\u2028" in r.stderr, "the control character is shown escaped"


# -- flags: impossible dates, out-of-range numbers, unknown steps ------------------------------------------------


@pytest.mark.parametrize("argv", FLAG_CASES, ids=[" ".join(a)[:50] for a in FLAG_CASES])
def test_bad_flags_are_refused_and_write_nothing(milia, with_profile, argv):
    head = [a for a in argv if not a.startswith("-")][:2]
    if head and head[0] in ("plan", "today", "checkin", "stats", "event", "why", "export", "log"):
        needs(" ".join(head) if head[0] in ("event", "log") else head[0])
    before = snapshot(with_profile)
    r = milia(*argv, today=TODAY)
    assert_refused(r, before, with_profile)


# -- hostile notes ---------------------------------------------------------------------------------------
BAD_NOTES = [
    "\x1b[2J\x1b[31mred", "bell\x07", "nul\x00byte", "back\x08space", "\x7fdel", "cr\rreturn",
    "x" * 1_000_000, "\u0085next-line",
]
GOOD_NOTES = [
    "two\nlines", "tab\there", "Ана · 李 · عربى · עברית · 🙂 · e\u0301", "quote \"'` $(rm -rf ~) ; DROP TABLE",
    "\u202eright-to-left override", "😀" * 100,
]


@pytest.mark.parametrize("note", BAD_NOTES, ids=[repr(n)[:20] for n in BAD_NOTES])
def test_hostile_notes_are_refused_and_write_nothing(milia, with_profile, note):
    needs("checkin")
    before = snapshot(with_profile)
    r = milia("checkin", "--date", "2026-11-25", "--done", "am:cleanse", "--note", note, today=TODAY)
    assert_refused(r, before, with_profile)
    assert len(stderr_lines(r)) == 1
    assert len(r.stderr) < 400, "the error does not echo a megabyte back"
    assert "\x1b" not in r.stderr and "\x00" not in r.stderr


@pytest.mark.parametrize("note", GOOD_NOTES, ids=[repr(n)[:20] for n in GOOD_NOTES])
def test_unicode_notes_are_kept_exactly(milia, with_profile, note):
    needs("checkin", "log export")
    import json

    r = milia("checkin", "--date", "2026-11-25", "--done", "am:cleanse", "--note", note, today=TODAY)
    if r.exit_code != 0:  # refusing is allowed for odd text, but only by the contract
        assert_refused(r, snapshot(with_profile), with_profile, codes=(1,))
        return
    r = milia("log", "export", today=TODAY)
    assert r.exit_code == 0, r.output
    days = {c["date"]: c for c in json.loads(r.stdout)["checkins"]}
    assert days["2026-11-25"]["note"] == note


def test_unicode_note_round_trips_mixed_scripts(milia, with_profile):
    """Mixed scripts are ordinary text: they must be accepted, not merely not crash."""
    needs("checkin", "log export")
    import json

    note = GOOD_NOTES[2]
    r = milia("checkin", "--date", "2026-11-26", "--all", "--note", note, today=TODAY)
    assert r.exit_code == 0, r.output
    doc = json.loads(milia("log", "export", today=TODAY).stdout)
    assert {c["date"]: c["note"] for c in doc["checkins"]}["2026-11-26"] == note


# -- the log import path: bad JSON files ---------------------------------------------------------------------
IMPORT_CASES = [
    b"", b"\x00\xff" * 100, b"{", b"[]", b'{"schema": "milia.log/9", "checkins": []}',
    b'{"schema": "milia.log/1", "checkins": [{"date": "2026-02-30", "done": []}], "events": []}',
    b'{"schema": "milia.log/1", "checkins": [{"date": "2026-11-24", "done": ["teleport"]}], "events": []}',
    b'{"schema": "milia.log/1", "checkins": [{"date": "2026-11-24", "done": [], "irritation": 9}], "events": []}',
    b'{"schema": "milia.log/1", "checkins": [{"date": "2026-11-24", "done": [], "note": "\\u001b[2J"}], "events": []}',
    b'{"schema": "milia.log/1", "checkins": [{"date": "2026-11-24", "done": []}, {"date": "2026-11-24", "done": []}]}',
    b'{"schema": "milia.log/1", "checkins": [], "events": [{"date": "2026-11-24", "kind": "magic", "areas": []}]}',
    # dates milia does not support (issue 12, item 4): they used to import, then brick every command
    b'{"schema": "milia.log/1", "checkins": [], "events": [{"date": "9999-12-25", "kind": "laser", "areas": []}]}',
    b'{"schema": "milia.log/1", "checkins": [], "events": [{"date": "0001-01-01", "kind": "laser", "areas": []}]}',
    b'{"schema": "milia.log/1", "checkins": [{"date": "9999-12-31", "done": []}], "events": []}',
    b'{"schema": "milia.log/1", "checkins": [{"date": "1899-12-31", "done": []}], "events": []}',
]


@pytest.mark.parametrize("raw", IMPORT_CASES, ids=[repr(r)[:40] for r in IMPORT_CASES])
def test_log_import_refuses_bad_files_all_or_nothing(milia, with_profile, tmp_path, raw):
    needs("log import")
    src = tmp_path / "in.json"
    src.write_bytes(raw)
    before = snapshot(with_profile)
    r = milia("log", "import", str(src), today=TODAY)
    assert_refused(r, before, with_profile, codes=(1,))


@pytest.mark.slow
def test_a_fifo_as_profile_is_refused_not_waited_on(home, tmp_path):
    import subprocess
    import sys

    (home / "profiles").mkdir(mode=0o700)
    os.mkfifo(home / "profiles" / "default.toml", 0o600)
    try:
        r = subprocess.run([str(Path(sys.executable).with_name("milia")), "--home", str(home), "profile", "show"],
                           capture_output=True, text=True, timeout=5, env={**os.environ, "MILIA_NOW": "2026-11-30"})
    except subprocess.TimeoutExpired:
        pytest.fail("milia blocked reading a FIFO")
    assert r.returncode == 1 and "default.toml" in r.stderr and len(r.stderr.strip().splitlines()) == 1
