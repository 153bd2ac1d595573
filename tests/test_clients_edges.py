"""`milia clients`: an unusable DIR or log, no log yet, copies, the terminal layout, the library."""

from __future__ import annotations

import json
from datetime import UTC, timedelta
from pathlib import Path

import pytest

from conftest import TODAY, fake_env
from milia_cli.clients import ClientSummary, summarize_clients
from milia_cli.errors import MiliaError
from milia_cli.logmodel import EMPTY_LOG as EMPTY
from milia_cli.logmodel import CheckIn
from tests.support.clients import EVERY_STEP, START, Spec, build_folder

DAY = timedelta(days=1)


def _folder(tmp_path: Path, *specs: Spec) -> Path:
    folder = tmp_path / "clients"
    folder.mkdir()
    for spec in specs:
        (folder / f"{spec.stem}.toml").write_text(spec.text(), encoding="utf-8")
    return folder


@pytest.mark.parametrize("make,words", [
    (lambda p: p / "missing", "is not a directory"),
    (lambda p: (p / "a-file.toml").write_text("x") and p / "a-file.toml", "is not a directory"),
    (lambda p: (p / "empty").mkdir() or p / "empty", "No client files (*.toml) in"),
])
def test_an_unusable_folder_is_one_sentence_and_exit_1(milia, tmp_path, make, words):
    target = make(tmp_path)
    res = milia("clients", target)
    assert res.exit_code == 1
    assert res.stdout == "" and res.exception is None
    assert res.stderr.startswith("milia: ") and words in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_an_unreadable_log_is_one_sentence_and_exit_1(milia, home, tmp_path):
    folder = _folder(tmp_path, Spec("ana", "Ana"))
    (home / "milia.db").write_bytes(b"this is not a database" * 100)
    res = milia("clients", folder)
    assert res.exit_code == 1 and res.exception is None
    assert res.stdout == "" and res.stderr.startswith("milia: ") and "Traceback" not in res.output


def test_no_log_yet_lists_every_client_without_check_ins_and_creates_nothing(milia, home, tmp_path):
    folder = _folder(tmp_path, Spec("ana", "Ana"), Spec("bea", "Bea", start=TODAY + 3 * DAY))
    res = milia("clients", folder, "--json")
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert [c["file"] for c in doc["clients"]] == ["ana.toml", "bea.toml"]
    ana = doc["clients"][0]
    assert ana["last_checkin"] is None and [a["kind"] for a in ana["alerts"]] == ["no-checkin"]
    assert doc["clients"][1]["alerts"] == []  # not started: nothing is late yet
    assert "No log database yet" in res.stderr
    assert not (home / "milia.db").exists()


def test_a_copy_of_a_client_file_is_broken_and_its_original_listed(milia, tmp_path):
    spec = Spec("ana", "Ana")
    folder = _folder(tmp_path, spec)
    (folder / "ana-copy.toml").write_text(spec.text(), encoding="utf-8")  # same id: never one log for two
    doc = json.loads(milia("clients", folder, "--json").stdout)
    by_file = {c["file"]: c for c in doc["clients"]}
    assert by_file["ana.toml"]["status"] == "active"
    assert by_file["ana-copy.toml"]["status"] == "broken" and "ana.toml" in by_file["ana-copy.toml"]["error"]


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    return build_folder(tmp_path_factory.mktemp("edges"))


@pytest.mark.parametrize("columns", [60, 80, 132])
def test_on_a_terminal_the_table_fits_the_width(desk, milia, columns):
    home, folder = desk
    milia.home = home
    env = fake_env(tty=True, vars={"COLUMNS": str(columns)})
    res = milia("clients", folder, env=env)
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert all(line == line.rstrip() for line in lines)
    assert "─" in lines[1]  # rich's header rule: this is the terminal layout
    assert lines[2].startswith("Sofia Stop")
    assert ("sofia.toml" in res.stdout) == (columns >= 120)  # the File column only where it fits
    assert "(plan starts 2026-12-03)" in " ".join(res.stdout.split())


def test_colour_on_a_terminal_only_when_asked(desk, milia):
    home, folder = desk
    milia.home = home
    coloured = milia("clients", folder, env=fake_env(tty=True, color=True, vars={"COLUMNS": "100"}))
    assert "\x1b[" in coloured.stdout
    piped = milia("clients", folder, env=fake_env(tty=False, color=True))
    assert "\x1b[" not in piped.stdout  # piped: plain, whatever the colour setting


def test_the_library_takes_a_folder_a_store_and_a_date(desk):
    from milia_cli.store import open_store

    home, folder = desk
    with open_store(home / "milia.db") as store:
        summaries = summarize_clients(folder, store, TODAY)
    assert all(isinstance(s, ClientSummary) for s in summaries)
    first = summaries[0]
    assert first.name == "Sofia Stop" and first.alerts[0].kind == "stop" and first.week == 8
    assert [s.file.name for s in summaries if s.broken][:2] == ["broken-toml.toml", "broken-value.toml"]
    with open_store(home / "milia.db") as store:  # each client's own zone: a function of it
        later = summarize_clients(folder, store, lambda zone: TODAY + 7 * DAY)
    assert next(s for s in later if s.name == "Paula Procedure").alerts[0].kind == "aftercare"
    with pytest.raises(MiliaError):
        summarize_clients(folder / "nope", None, TODAY)


def test_today_in_the_clients_zone(tmp_path, milia):
    """Late on the 22nd in Berlin is already the 23rd in Tokyo: each client's day is its own."""
    from datetime import datetime

    from milia_cli.store import open_store

    tokyo = Spec("kei", "Kei Tokyo", replace={'timezone = "Europe/Berlin"': 'timezone = "Asia/Tokyo"'})
    berlin = Spec("ben", "Ben Berlin")
    folder = _folder(tmp_path, tokyo, berlin)
    with open_store(milia.home / "milia.db") as store:
        for spec in (tokyo, berlin):
            store.save_checkin(spec.key, CheckIn(date=START, done=EVERY_STEP))
    env = fake_env(now=datetime(2026, 11, 22, 20, 0, tzinfo=UTC))
    doc = json.loads(milia("clients", folder, "--json", env=env).stdout)
    days = {c["file"]: c["today"] for c in doc["clients"]}
    assert days == {"kei.toml": "2026-11-23", "ben.toml": "2026-11-22"}


def test_listed_in_help(milia):
    res = milia("--help")
    assert "clients" in res.stdout


def test_only_b7_is_a_stop_and_a_stopped_shelf_product_is_its_own_alert():
    """The shelf (issue 15, another branch) adds stop-level notices under the rule that stops a
    product (B1 for a retinol serum once pregnant): those are a shelf alert, never a B7 STOP."""
    from milia_cli.clients import _notice_alerts
    from milia_cli.plan import Notice
    from tests.support.exporters import profile

    p = profile()
    b7 = Notice("B7", "stop", "Stopped after severe irritation on Sat 21 Nov 2026.", "S1")
    serum = Notice("B1", "stop", "Your product 'Night serum' (pm retinol) is not used: no retinoids.", "S2")
    toner = Notice("B1", "stop", "Your product 'Toner' (pm exfoliate) is not used: …", "S2")
    irritated = ((TODAY - 2 * DAY, 3),)
    kinds = {a.kind: a for a in _notice_alerts((b7, serum, toner), p, EMPTY, TODAY, irritated)}
    assert kinds["stop"].rules == ("B7",) and kinds["stop"].day == TODAY - 2 * DAY
    assert kinds["shelf"].rules == ("B1",) and kinds["shelf"].text == "2 shelf products stopped (B1)"
    only_shelf = _notice_alerts((serum,), p, EMPTY, TODAY, ())
    assert [a.kind for a in only_shelf] == ["shelf"]

